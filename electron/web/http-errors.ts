// How the preview server turns any error into a response: the one place every request's
// failure ends up. Bad input is a 4xx naming what was wrong; anything else is a 500 with a
// generic message (the details go to stderr, never to the client); a response that had already
// started is cut off, since its status can no longer change.
import type http from 'node:http';
import { BadRequestError } from '../common/api-validate';
import { afterRequestBody } from './body-drain';

/** A failure with the HTTP status and the message the client should see. */
export class HttpError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

/** An error the backend raised while doing what was asked (its message is written for the user). */
export class BackendError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }

  static from(e: unknown): BackendError {
    const message = e instanceof Error ? e.message : String(e);
    const bad = e instanceof BadRequestError || (e instanceof Error && e.name === 'BackupFileError');
    return new BackendError(bad ? 400 : 500, message);
  }
}

/** The client went away before its request was complete: nobody is left to answer. */
export class ClientGoneError extends Error {}

export function sendJson(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  afterRequestBody(res, () => {
    res.writeHead(status, {
      'Content-Type': 'application/json; charset=utf-8', 'Content-Length': String(Buffer.byteLength(text)), 'Cache-Control': 'no-store', ...headers,
    });
    res.end(text);
  });
}

export function sendError(res: http.ServerResponse, status: number, message: string, headers: Record<string, string> = {}): void {
  sendJson(res, status, { ok: false, error: { message } }, headers);
}

/** Status and client-facing message for an error; 500s are logged with their stack. */
export function describeError(e: unknown, where: string): { status: number; message: string } {
  if (e instanceof HttpError || e instanceof BackendError) return { status: e.status, message: e.message };
  if (e instanceof BadRequestError) return { status: 400, message: e.message };
  if (e instanceof URIError) return { status: 400, message: 'malformed percent-encoding in the URL' };
  process.stderr.write(`headroom web: internal error on ${where}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  return { status: 500, message: 'internal error (details are in the preview server\'s log)' };
}

/** Answers `req` with the error, whatever state its response is in. Never throws. */
export function answerError(req: http.IncomingMessage, res: http.ServerResponse, e: unknown): void {
  try {
    if (e instanceof ClientGoneError) return void res.destroy();
    const { status, message } = describeError(e, `${req.method} ${String(req.url).slice(0, 200)}`);
    if (res.headersSent) return void res.destroy();
    sendError(res, status, message);
  } catch (inner) {
    process.stderr.write(`headroom web: could not answer an error: ${String(inner)}\n`);
    res.destroy();
  }
}
