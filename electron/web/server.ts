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

const MAX_BODY_BYTES = 12 * 1024 * 1024;
const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.json': 'application/json', '.ico': 'image/x-icon', '.woff2': 'font/woff2',
};

export interface WebServerOptions {
  backend: Backend;
  rendererDir: string;
  token: string;
}

export function createWebServer({ backend, rendererDir, token }: WebServerOptions): http.Server {
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
