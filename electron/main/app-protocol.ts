// The renderer is served from app://headroom/, a privileged custom scheme, not from file://
// (Electron's security checklist: a file:// page may read any file its URL can name). Only files
// under the built renderer folder are answered; anything else, including a path that tries to
// leave it (`..`, encoded or not, a backslash, a NUL), is refused. HTML carries the strict CSP
// as a header, as the preview server sends it (the page also has it as a meta tag).
import { protocol } from 'electron';
import fs from 'node:fs';
import path from 'node:path';
import { CONTENT_TYPES } from '../common/content-types';
import { CSP } from '../common/csp';

export const APP_SCHEME = 'app';
export const APP_HOST = 'headroom';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

/** Before `app.whenReady`: the scheme behaves like https (standard, secure, fetch) but gets no CSP bypass. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, bypassCSP: false, corsEnabled: false, stream: false } },
  ]);
}

/** Whether a URL is the app's own page (any hash or query): the only page IPC answers and navigation allows. */
export function isAppPage(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST && (u.pathname === '/' || u.pathname === '/index.html');
  } catch {
    return false;
  }
}

/**
 * The file an app:// URL names under `root`, or null when it names none we serve: another host,
 * a path that leaves the root once decoded, or one with a backslash or NUL (never in our build).
 */
export function resolveAppFile(root: string, url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== `${APP_SCHEME}:` || u.host !== APP_HOST) return null;
  let rel: string;
  try {
    rel = decodeURIComponent(u.pathname);
  } catch {
    return null; // a malformed escape
  }
  if (rel.includes('\\') || rel.includes('\0')) return null;
  rel = rel.replace(/^\/+/, '');
  if (rel === '') rel = 'index.html';
  const base = path.resolve(root);
  const file = path.resolve(base, rel);
  return file.startsWith(base + path.sep) ? file : null;
}

/** Answers one app:// request from `root`: 200 with the file, 403 outside it, 404 when missing. */
export async function appResponse(root: string, url: string): Promise<Response> {
  const file = resolveAppFile(root, url);
  if (!file) return new Response('forbidden', { status: 403, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  let data: Buffer;
  try {
    data = await fs.promises.readFile(file);
  } catch {
    return new Response('not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  }
  const html = file.endsWith('.html');
  return new Response(new Uint8Array(data), {
    status: 200,
    headers: {
      'Content-Type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
      'X-Content-Type-Options': 'nosniff',
      ...(html ? { 'Content-Security-Policy': CSP, 'Cache-Control': 'no-store' } : {}),
    },
  });
}

/** After `app.whenReady`: serves the built renderer on app://headroom/. */
export function handleAppProtocol(root: string): void {
  protocol.handle(APP_SCHEME, (request) => appResponse(root, request.url));
}
