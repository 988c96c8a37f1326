// Compact storage for large JSON documents (run results, replication outcomes) and files:
// deflate when it saves space, the original bytes otherwise. The encoding is stored beside the
// body, so a reader never has to guess.
import zlib from 'node:zlib';

export type BodyEncoding = 'identity' | 'deflate';

/** Below this size compression rarely pays for its header. */
const MIN_DEFLATE_BYTES = 256;

export function encodeBody(data: string | Buffer): { encoding: BodyEncoding; body: Buffer } {
  const raw = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  if (raw.length >= MIN_DEFLATE_BYTES) {
    const deflated = zlib.deflateRawSync(raw, { level: 6 });
    if (deflated.length < raw.length) return { encoding: 'deflate', body: deflated };
  }
  return { encoding: 'identity', body: raw };
}

export function decodeBody(encoding: string, body: Buffer | Uint8Array): Buffer {
  const buf = Buffer.isBuffer(body) ? body : Buffer.from(body);
  if (encoding === 'identity') return buf;
  if (encoding === 'deflate') return zlib.inflateRawSync(buf);
  throw new Error(`unknown stored encoding ${JSON.stringify(encoding)}`);
}

export function decodeText(encoding: string, body: Buffer | Uint8Array): string {
  return decodeBody(encoding, body).toString('utf8');
}
