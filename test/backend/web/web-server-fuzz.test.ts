// The preview server under generated malformed requests over real sockets: the real
// createWebServer on a real backend and library in a temp folder, serving a temp static root that
// has secret files beside it. Every request must get a response (or, for HTTP that cannot be
// parsed or a request the client gave up on, a clean close); no 5xx, no stack trace; nothing
// outside the root; and afterwards a valid call still works. HEADROOM_FUZZ_RUNS raises the count.
import fs from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWebServer } from '../../../electron/web/server';
import { rawRequest } from './raw-http';
import { requestCase, type RequestCase } from './web-fuzz-cases';
import { closeTempBackend, openTempBackend, type TempBackend } from '../temp-backend';

const RUNS = Number(process.env.HEADROOM_FUZZ_RUNS ?? 1000);
const TOKEN = 'fuzz-token-0123456789abcdef';
const SECRET = 'SECRET-OUTSIDE-THE-ROOT';

let temp: TempBackend;
let server: http.Server;
let port: number;
let root: string;
let servedFiles: Buffer[];

beforeAll(async () => {
  temp = openTempBackend('headroom-web-fuzz-');
  // static/ is the root; static-sibling/ shares its prefix (a startsWith check without the
  // separator would let it through) and secret.txt sits one level up.
  root = path.join(temp.dir, 'static');
  fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><div id="root"></div>');
  fs.writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log("app")');
  fs.mkdirSync(path.join(temp.dir, 'static-sibling'));
  fs.writeFileSync(path.join(temp.dir, 'static-sibling', 'secret.txt'), SECRET);
  fs.writeFileSync(path.join(temp.dir, 'secret.txt'), SECRET);
  servedFiles = [fs.readFileSync(path.join(root, 'index.html')), fs.readFileSync(path.join(root, 'assets', 'app.js'))];
  server = createWebServer({ backend: temp.backend, rendererDir: root, token: TOKEN, dataDir: temp.dir });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as { port: number }).port;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await closeTempBackend(temp);
});

async function check(c: RequestCase): Promise<number | null> {
  const reply = await rawRequest(port, c.head(port, TOKEN), { body: c.body, endAfterWrite: c.mayGoUnanswered, timeoutMs: 10_000 });
  const what = `${c.label}: got ${reply.status ?? (reply.timedOut ? 'a timeout' : 'a close')}`;
  if (!c.mayGoUnanswered) expect(reply.status, what).not.toBeNull();
  expect(reply.timedOut, what).toBe(false);
  if (reply.status === null) return null;
  expect(reply.status, what).toBeGreaterThanOrEqual(200);
  expect(reply.status, what).toBeLessThan(500);
  const body = reply.body.toString('latin1');
  expect(body, what).not.toMatch(/\n\s+at .+:\d+:\d+/);
  expect(body, what).not.toContain(SECRET);
  if (reply.status === 200 && !c.target.startsWith('/api/') && !c.head(port, TOKEN).toString().startsWith('HEAD')) {
    expect(servedFiles.some((f) => f.equals(reply.body)), `${what}: a 200 that is not a file of the root`).toBe(true);
  }
  return reply.status;
}

describe('the preview server under malformed requests', () => {
  it(`answers ${RUNS} generated requests with a 4xx or a clean close, and keeps serving`, async () => {
    const started = performance.now();
    const statuses = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(requestCase, async (c) => {
        const status = String(await check(c) ?? 'closed');
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
      }),
      { numRuns: RUNS },
    );
    const seconds = (performance.now() - started) / 1000;
    console.log(`web fuzz: ${RUNS} requests in ${seconds.toFixed(1)} s; answers:`, JSON.stringify(Object.fromEntries(statuses)));
    // The generator reaches every layer: the HTTP parser, the checks, the body limit and the backend.
    for (const status of ['200', '400', '401', '403', '404', '413']) expect(statuses.get(status), status).toBeGreaterThan(0);
    expect(server.listening).toBe(true);
    const res = await fetch(`http://127.0.0.1:${port}/api/call/listScenarios`, {
      method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Headroom-Token': TOKEN }, body: '{"args":[]}',
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { ok: boolean }).ok).toBe(true);
  });

  it('a request cut off at any point (slowloris closing early) leaves the server serving', async () => {
    const full = `POST /api/call/getScenario HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\nX-Headroom-Token: ${TOKEN}\r\nContent-Length: 40\r\n\r\n{"args":["abc"]`;
    for (let cut = 1; cut < full.length; cut += 7) {
      const reply = await rawRequest(port, full.slice(0, cut), { endAfterWrite: true, timeoutMs: 10_000 });
      expect(reply.timedOut).toBe(false);
      if (reply.status !== null) expect(reply.status).toBeLessThan(500);
    }
    const ok = await rawRequest(port, `GET / HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`);
    expect(ok.status).toBe(200);
  });
});
