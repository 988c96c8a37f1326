// The browser preview's HTTP adapter: the same backend as the desktop app, over loopback.
// Binds 127.0.0.1 only; every API call needs the per-launch token in a header (a custom header
// also forces a CORS preflight, which we never grant, so other local pages cannot call in);
// the Host header is checked against DNS rebinding. Every request goes through `dispatch`, whose
// failures `answerError` turns into a response: no request, however malformed, ends the process.
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { backendEvents, backendHandlers, type EventSources } from '../backend/api-handlers';
import type { Backend } from '../backend/backend';
import { API, API_EVENTS } from '../common/api';
import { MAX_IMPORT_TOTAL_BYTES } from '../common/limits';
import type { MethodTable } from '../common/api-types';
import { BadRequestError, callMethod, specOf, type Handlers } from '../common/api-validate';
import { answerError, BackendError, ClientGoneError, HttpError, sendError, sendJson } from './http-errors';
import { checkDeclaredLength, decodePathPart, payloadTooLarge, readBody, requestPathname } from './request-input';
import { serveStatic } from './static-files';

// A call carries at most a scenario or a file of 10 MiB, or (an import) up to 50 of them; JSON
// escaping can grow text, so the cap on the request is larger than the sum a user would send.
export const MAX_BODY_BYTES = 48 * 1024 * 1024;
// An import may also carry a merged sweep: files of up to MAX_IMPORT_TOTAL_BYTES together (checked
// again by the method's schema). JSON escaping at most doubles ASCII text, so twice that.
export const MAX_IMPORT_BODY_BYTES = 2 * MAX_IMPORT_TOTAL_BYTES + 1024 * 1024;
const IMPORT_METHOD: keyof typeof API = 'importScenarios';
const bodyLimit = (method: string) => (method === IMPORT_METHOD ? MAX_IMPORT_BODY_BYTES : MAX_BODY_BYTES);
/** Largest library backup accepted for upload (restore in the browser preview). */
export const MAX_UPLOAD_BYTES = 8 * 1024 * 1024 * 1024;

export interface WebServerOptions {
  backend: Backend;
  rendererDir: string;
  token: string;
  /** The library's folder: uploaded backups are staged there before they are checked. */
  dataDir: string;
  /** What `/api/call/<method>` answers: by default the table's backend methods, from `backend`. */
  calls?: { table: MethodTable; handlers: Handlers; events: Partial<EventSources>; checkResults?: boolean };
}

export function createWebServer(options: WebServerOptions): http.Server {
  const calls = options.calls ?? { table: API, handlers: backendHandlers(options.backend), events: backendEvents(options.backend) };
  const server = http.createServer((req, res) => {
    dispatch(server, options, calls, req, res).catch((e: unknown) => answerError(req, res, e));
  });
  return server;
}

type Calls = NonNullable<WebServerOptions['calls']>;

async function dispatch(server: http.Server, { backend, rendererDir, token, dataDir }: WebServerOptions, calls: Calls, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const port = (server.address() as { port: number } | null)?.port;
  const host = req.headers.host ?? '';
  if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) return sendError(res, 403, 'forbidden host');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
  const pathname = requestPathname(req.url);

  if (pathname.startsWith('/api/')) {
    const origin = req.headers.origin;
    if (origin !== undefined && origin !== `http://${host}`) return sendError(res, 403, 'forbidden origin');
    if (!tokenMatches(req, token)) return sendError(res, 401, 'missing or wrong token');
    if (req.method === 'GET' && pathname === '/api/events') return streamEvents(calls.events, req, res);
    const download = /^\/api\/backups\/([^/]+)$/.exec(pathname);
    if (req.method === 'GET' && download) return sendBackup(backend, decodePathPart(download[1]!), res);
    if (req.method === 'POST' && pathname === '/api/restore-upload') return receiveRestore(backend, dataDir, req, res);
    // Only the table's methods this server answers (not its dialog methods, nor `constructor`).
    const m = /^\/api\/call\/([A-Za-z]+)$/.exec(pathname);
    if (req.method === 'POST' && m && specOf(calls.table, m[1]) && Object.hasOwn(calls.handlers, m[1]!)) return handleCall(calls, m[1]!, req, res);
    return sendError(res, 404, 'no such API call');
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') return sendError(res, 405, 'method not allowed');
  return serveStatic(rendererDir, pathname, res);
}

function tokenMatches(req: http.IncomingMessage, token: string): boolean {
  const expected = Buffer.from(token);
  const got = Buffer.from(String(req.headers['x-headroom-token'] ?? ''));
  return got.length === expected.length && crypto.timingSafeEqual(got, expected);
}

async function handleCall(calls: Calls, method: string, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) throw new HttpError(400, 'content-type must be application/json');
  const body = await readBody(req, bodyLimit(method), 'the request body');
  let parsed: { args?: unknown };
  try {
    parsed = JSON.parse(body) as { args?: unknown };
  } catch (e) {
    throw new HttpError(400, `the request body is not JSON: ${(e as Error).message}`);
  }
  if (typeof parsed !== 'object' || parsed === null || !Array.isArray(parsed.args) || parsed.args.length > 4) {
    throw new HttpError(400, 'body must be {"args": [...]}');
  }
  let value: unknown;
  try {
    value = await callMethod(calls.table, calls.handlers, method, parsed.args, { checkResults: calls.checkResults });
  } catch (e) {
    throw BackendError.from(e);
  }
  sendJson(res, 200, { ok: true, value: value ?? null });
}

/** Streams a backup from the backups folder (the browser's "back up to a file"). */
async function sendBackup(backend: Backend, name: string, res: http.ServerResponse): Promise<void> {
  let file: string;
  try {
    file = backend.backupFilePath(name);
  } catch (e) {
    // A name that is not a backup's is bad input; a well-formed one that is not there is missing.
    throw e instanceof BadRequestError ? e : new HttpError(404, (e as Error).message);
  }
  const stat = await fs.promises.stat(file).catch(() => null);
  if (!stat?.isFile()) throw new HttpError(404, 'no such backup');
  res.writeHead(200, {
    'Content-Type': 'application/vnd.sqlite3',
    'Content-Length': String(stat.size),
    'Content-Disposition': `attachment; filename="${path.basename(file)}"`,
    'Cache-Control': 'no-store',
  });
  await pipeline(fs.createReadStream(file), res);
}

/** Receives a backup file (raw bytes) into the data folder, then restores from it; the upload is removed after. */
async function receiveRestore(backend: Backend, dataDir: string, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  if (!String(req.headers['content-type'] ?? '').startsWith('application/octet-stream')) throw new HttpError(400, 'content-type must be application/octet-stream');
  checkDeclaredLength(req, MAX_UPLOAD_BYTES, 'the backup');
  const staged = path.join(dataDir, `.restore-upload-${process.pid}-${crypto.randomBytes(6).toString('hex')}.sqlite`);
  try {
    await receiveInto(req, staged);
    let status: unknown;
    try {
      status = await backend.restoreFromPath(staged);
    } catch (e) {
      throw BackendError.from(e);
    }
    sendJson(res, 200, { ok: true, value: status });
  } finally {
    fs.rmSync(staged, { force: true });
  }
}

function receiveInto(req: http.IncomingMessage, file: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const out = fs.createWriteStream(file, { flags: 'wx' });
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_UPLOAD_BYTES) {
        req.unpipe(out);
        out.destroy();
        req.resume();
        reject(payloadTooLarge(MAX_UPLOAD_BYTES, 'the backup'));
      }
    });
    req.pipe(out);
    out.on('finish', resolve);
    out.on('error', reject);
    req.on('error', () => reject(new ClientGoneError()));
    req.on('close', () => {
      if (!req.complete) reject(new ClientGoneError());
    });
  });
}

/** The table's events as server-sent events, each named (`event: onRunEvent`) with its payload as data. */
function streamEvents(events: Partial<EventSources>, req: http.IncomingMessage, res: http.ServerResponse): void {
  res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
  res.write(': connected\n\n');
  const unsubscribes = Object.keys(API_EVENTS).flatMap((name) => {
    const source = events[name as keyof EventSources] as ((l: (payload: unknown) => void) => () => void) | undefined;
    return source ? [source((payload) => res.write(`event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`))] : [];
  });
  const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), 15_000);
  req.on('close', () => {
    clearInterval(keepAlive);
    for (const unsubscribe of unsubscribes) unsubscribe();
  });
}
