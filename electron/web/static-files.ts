// The built renderer, served as static files: only files under the root, HTML with a strict CSP.
import fs from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import { CONTENT_TYPES } from '../common/content-types';
import { CSP } from '../common/csp';
import { afterRequestBody } from './body-drain';
import { sendError } from './http-errors';
import { decodePathPart } from './request-input';

/** Serves `pathname` (still percent-encoded) from `root`; a path that leaves the root is a 403. */
export async function serveStatic(root: string, pathname: string, res: http.ServerResponse): Promise<void> {
  const rel = pathname === '/' ? 'index.html' : decodePathPart(pathname).replace(/^\/+/, '');
  const base = path.resolve(root);
  const file = path.resolve(base, rel);
  if (!file.startsWith(base + path.sep)) return sendError(res, 403, 'forbidden path');
  let data: Buffer;
  try {
    data = await fs.promises.readFile(file);
  } catch {
    // Missing, a folder, a name too long: whatever the client asked for is not a file we serve.
    return afterRequestBody(res, () => {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('not found');
    });
  }
  const html = file.endsWith('.html');
  afterRequestBody(res, () => {
    res.writeHead(200, {
      'Content-Type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
      'Cache-Control': html ? 'no-store' : 'public, max-age=3600',
      ...(html ? { 'Content-Security-Policy': CSP } : {}),
    });
    res.end(data);
  });
}
