// Reading what a request carries without trusting it: the path of its target, percent-decoded
// strictly, and its body up to a limit. Anything malformed is an HttpError (4xx), never a throw
// of another kind, so the dispatcher can answer it.
import type http from 'node:http';
import { ClientGoneError, HttpError } from './http-errors';

/**
 * The path of a request target, still percent-encoded. Only origin-form ("/path?query") is
 * served: a browser sends nothing else to this server.
 */
export function requestPathname(target: string | undefined): string {
  const t = target ?? '/';
  if (!t.startsWith('/')) throw new HttpError(400, 'the request target must be a path starting with /');
  const end = t.search(/[?#]/);
  return end < 0 ? t : t.slice(0, end);
}

/** Percent-decodes part of a path; malformed escapes and NUL bytes are a 400, not a crash. */
export function decodePathPart(raw: string): string {
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    throw new HttpError(400, 'malformed percent-encoding in the URL path');
  }
  if (decoded.includes('\0')) throw new HttpError(400, 'the URL path contains a NUL byte');
  return decoded;
}

export function payloadTooLarge(limit: number, what: string): HttpError {
  return new HttpError(413, `${what} is larger than the limit of ${limit} bytes (${formatBytes(limit)})`);
}

function formatBytes(n: number): string {
  return n >= 1024 ** 3 ? `${n / 1024 ** 3} GiB` : `${n / 1024 ** 2} MiB`;
}

/** Refuses a body whose declared Content-Length is already over `limit`, before reading any of it. */
export function checkDeclaredLength(req: http.IncomingMessage, limit: number, what: string): void {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) throw payloadTooLarge(limit, what);
}

/**
 * The whole body as UTF-8, at most `limit` bytes. Past the limit it stops keeping the bytes
 * (they are read and dropped, so the 413 reaches the client instead of a reset) and rejects.
 */
export function readBody(req: http.IncomingMessage, limit: number, what: string): Promise<string> {
  checkDeclaredLength(req, limit, what);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (c: Buffer) => {
      if (over) return;
      size += c.length;
      if (size <= limit) return void chunks.push(c);
      over = true;
      chunks.length = 0;
      reject(payloadTooLarge(limit, what));
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', () => reject(new ClientGoneError()));
    req.on('close', () => {
      if (!req.complete) reject(new ClientGoneError());
    });
  });
}
