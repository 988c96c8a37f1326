// One HTTP exchange over a raw socket, for requests fetch would refuse or normalise (percent
// garbage, NUL, bad Content-Length, duplicated headers, bodies cut short).
import net from 'node:net';

export interface RawReply {
  /** The status of the response, or null when the server closed without answering. */
  status: number | null;
  headers: Record<string, string>;
  body: Buffer;
  /** Nothing came back and the socket did not close within the timeout. */
  timedOut: boolean;
}

export interface RawOptions {
  /** Bytes written after the request head (may be huge; written in one go). */
  body?: Buffer;
  /** Ends our side after writing (a client that gives up mid-request). */
  endAfterWrite?: boolean;
  timeoutMs?: number;
}

/** Sends `head` (and `body`) on a fresh connection and reads one response: up to its Content-Length, the start of an event stream, or the close. */
export function rawRequest(port: number, head: string | Buffer, options: RawOptions = {}): Promise<RawReply> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    let data = Buffer.alloc(0);
    let settled = false;
    const finish = (timedOut: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve({ ...parse(data), timedOut });
    };
    const timer = setTimeout(() => finish(true), options.timeoutMs ?? 5000);
    socket.on('data', (chunk: Buffer) => {
      data = Buffer.concat([data, chunk]);
      if (complete(data, head)) finish(false);
    });
    socket.on('error', () => finish(false));
    socket.on('close', () => finish(false));
    socket.write(head);
    if (options.body) socket.write(options.body);
    if (options.endAfterWrite) socket.end();
  });
}

/** The bytes after any interim 1xx responses (100 Continue answers `Expect: 100-continue`). */
function finalResponse(data: Buffer): Buffer {
  let rest = data;
  while (/^HTTP\/1\.[01] 1\d\d /.test(rest.toString('latin1', 0, 13))) {
    const end = rest.indexOf('\r\n\r\n');
    if (end < 0) return Buffer.alloc(0);
    rest = rest.subarray(end + 4);
  }
  return rest;
}

function parse(all: Buffer): Omit<RawReply, 'timedOut'> {
  const data = finalResponse(all);
  const end = data.indexOf('\r\n\r\n');
  const headText = (end < 0 ? data : data.subarray(0, end)).toString('latin1');
  const m = /^HTTP\/1\.[01] (\d{3})/.exec(headText);
  const headers: Record<string, string> = {};
  for (const line of headText.split('\r\n').slice(1)) {
    const i = line.indexOf(':');
    if (i > 0) headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
  }
  const raw = end < 0 ? Buffer.alloc(0) : data.subarray(end + 4);
  return { status: m ? Number(m[1]) : null, headers, body: headers['transfer-encoding'] === 'chunked' ? unchunk(raw) : raw };
}

/** The payload of a chunked body (as much of it as arrived). */
function unchunk(raw: Buffer): Buffer {
  const parts: Buffer[] = [];
  let at = 0;
  for (;;) {
    const lineEnd = raw.indexOf('\r\n', at);
    if (lineEnd < 0) break;
    const size = parseInt(raw.subarray(at, lineEnd).toString('latin1'), 16);
    if (!(size > 0)) break;
    parts.push(raw.subarray(lineEnd + 2, lineEnd + 2 + size));
    at = lineEnd + 2 + size + 2;
  }
  return Buffer.concat(parts);
}

function complete(all: Buffer, head: string | Buffer): boolean {
  const data = finalResponse(all);
  const end = data.indexOf('\r\n\r\n');
  if (end < 0) return false;
  const { headers } = parse(data);
  if (String(headers['content-type']).startsWith('text/event-stream')) return true;
  if (/^HEAD /.test(head.toString('latin1', 0, 5))) return true;
  if (headers['transfer-encoding'] === 'chunked') return data.subarray(end).includes('\r\n0\r\n\r\n');
  const length = headers['content-length'];
  return length !== undefined && data.length - (end + 4) >= Number(length);
}
