// The browser preview's HTTP adapter: the same backend as the desktop app, over loopback.
// Binds 127.0.0.1 only; every API call needs the per-launch token in a header (a custom header
// also forces a CORS preflight, which we never grant, so other local pages cannot call in);
// the Host header is checked against DNS rebinding.
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { Backend } from '../backend/backend';
import { BadRequestError } from '../backend/check-args';
import { API_METHODS, type ApiMethod } from '../common/contract';

// Imports carry up to MAX_IMPORT_FILES files of ≤ 10 MiB each (checked again per file); JSON
// escaping can grow text, so the cap on the request is larger than the sum a user would send.
const MAX_BODY_BYTES = 48 * 1024 * 1024;
/** Largest library backup accepted for upload (restore in the browser preview). */
const MAX_UPLOAD_BYTES = 8 * 1024 * 1024 * 1024;
const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.json': 'application/json', '.ico': 'image/x-icon', '.woff2': 'font/woff2',
};

export interface WebServerOptions {
  backend: Backend;
  rendererDir: string;
  token: string;
  /** The library's folder: uploaded backups are staged there before they are checked. */
  dataDir: string;
}

export function createWebServer({ backend, rendererDir, token, dataDir }: WebServerOptions): http.Server {
  const expected = Buffer.from(token);
  const tokenOk = (req: http.IncomingMessage) => {
    const got = Buffer.from(String(req.headers['x-headroom-token'] ?? ''));
    return got.length === expected.length && crypto.timingSafeEqual(got, expected);
  };

  const server = http.createServer((req, res) => {
    const port = (server.address() as { port: number } | null)?.port;
    const host = req.headers.host ?? '';
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) return send(res, 403, { ok: false, error: { message: 'forbidden host' } });
    const url = new URL(req.url ?? '/', `http://${host}`);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
    res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');

    if (url.pathname.startsWith('/api/')) {
      const origin = req.headers.origin;
      if (origin !== undefined && origin !== `http://${host}`) return send(res, 403, { ok: false, error: { message: 'forbidden origin' } });
      if (!tokenOk(req)) return send(res, 401, { ok: false, error: { message: 'missing or wrong token' } });
      if (req.method === 'GET' && url.pathname === '/api/events') return streamEvents(backend, req, res);
      const download = /^\/api\/backups\/([^/]+)$/.exec(url.pathname);
      if (req.method === 'GET' && download) return sendBackup(backend, decodeURIComponent(download[1] as string), res);
      if (req.method === 'POST' && url.pathname === '/api/restore-upload') return void receiveRestore(backend, dataDir, req, res);
      const m = /^\/api\/call\/([A-Za-z]+)$/.exec(url.pathname);
      if (req.method === 'POST' && m && (API_METHODS as readonly string[]).includes(m[1] as string)) {
        return void handleCall(backend, m[1] as ApiMethod, req, res);
      }
      return send(res, 404, { ok: false, error: { message: 'no such API call' } });
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, { ok: false, error: { message: 'method not allowed' } });
    serveStatic(rendererDir, url.pathname, res);
  });
  return server;
}

function send(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(text);
}

async function handleCall(backend: Backend, method: ApiMethod, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  try {
    if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) throw new BadRequestError('content-type must be application/json');
    const body = await readBody(req);
    const parsed = JSON.parse(body) as { args?: unknown };
    if (typeof parsed !== 'object' || parsed === null || !Array.isArray(parsed.args) || parsed.args.length > 4) {
      throw new BadRequestError('body must be {"args": [...]}');
    }
    const fn = backend[method] as (...args: unknown[]) => Promise<unknown>;
    const value = await fn.apply(backend, parsed.args);
    send(res, 200, { ok: true, value: value ?? null });
  } catch (e) {
    const bad = e instanceof BadRequestError || e instanceof SyntaxError;
    send(res, bad ? 400 : 500, { ok: false, error: { message: e instanceof Error ? e.message : String(e) } });
  }
}

/** Streams a backup from the backups folder (the browser's "back up to a file"). */
function sendBackup(backend: Backend, name: string, res: http.ServerResponse): void {
  let file: string;
  try {
    file = backend.backupFilePath(name);
  } catch (e) {
    return send(res, e instanceof BadRequestError ? 400 : 404, { ok: false, error: { message: (e as Error).message } });
  }
  const size = fs.statSync(file).size;
  res.writeHead(200, {
    'Content-Type': 'application/vnd.sqlite3',
    'Content-Length': String(size),
    'Content-Disposition': `attachment; filename="${path.basename(file)}"`,
    'Cache-Control': 'no-store',
  });
  fs.createReadStream(file).pipe(res);
}

/** Receives a backup file (raw bytes) into the data folder, then restores from it; the upload is removed after. */
async function receiveRestore(backend: Backend, dataDir: string, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const staged = path.join(dataDir, `.restore-upload-${process.pid}-${crypto.randomBytes(6).toString('hex')}.sqlite`);
  try {
    if (!String(req.headers['content-type'] ?? '').startsWith('application/octet-stream')) throw new BadRequestError('content-type must be application/octet-stream');
    await new Promise<void>((resolve, reject) => {
      const out = fs.createWriteStream(staged, { flags: 'wx' });
      let size = 0;
      req.on('data', (c: Buffer) => {
        size += c.length;
        if (size > MAX_UPLOAD_BYTES) {
          req.destroy();
          out.destroy();
          reject(new BadRequestError(`the backup is larger than ${MAX_UPLOAD_BYTES / 1024 ** 3} GiB`));
        }
      });
      req.pipe(out);
      out.on('finish', resolve);
      out.on('error', reject);
      req.on('error', reject);
    });
    const status = await backend.restoreFromPath(staged);
    send(res, 200, { ok: true, value: status });
  } catch (e) {
    const bad = e instanceof BadRequestError || (e as Error).name === 'BackupFileError';
    send(res, bad ? 400 : 500, { ok: false, error: { message: e instanceof Error ? e.message : String(e) } });
  } finally {
    fs.rmSync(staged, { force: true });
  }
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) {
        reject(new BadRequestError(`request body larger than ${MAX_BODY_BYTES} bytes`));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function streamEvents(backend: Backend, req: http.IncomingMessage, res: http.ServerResponse): void {
  res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
  res.write(': connected\n\n');
  const unsubscribe = backend.subscribe((e) => res.write(`data: ${JSON.stringify(e)}\n\n`));
  const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), 15_000);
  req.on('close', () => {
    clearInterval(keepAlive);
    unsubscribe();
  });
}

function serveStatic(root: string, pathname: string, res: http.ServerResponse): void {
  const rel = pathname === '/' ? 'index.html' : decodeURIComponent(pathname).replace(/^\/+/, '');
  const file = path.resolve(root, rel);
  if (!file.startsWith(path.resolve(root) + path.sep)) return send(res, 403, { ok: false, error: { message: 'forbidden path' } });
  fs.readFile(file, (err, data) => {
    if (err) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('not found');
      return;
    }
    const html = file.endsWith('.html');
    res.writeHead(200, {
      'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      'Cache-Control': html ? 'no-store' : 'public, max-age=3600',
      ...(html ? { 'Content-Security-Policy': CSP } : {}),
    });
    res.end(data);
  });
}
