// Requests that used to end the browser preview (an uncaught URIError or TypeError exited the
// process, losing runs in progress) and a body over the limit (a connection reset): the built
// out/node/web.cjs in a child process must answer each with a 4xx and stay up.
import { describe, expect, it } from 'vitest';
import { rawRequest } from './raw-http';
import { tempPreviewForAll } from './temp-preview';

const preview = tempPreviewForAll('headroom-web-bad-');

function get(target: string, headers: Record<string, string> = {}) {
  const lines = Object.entries({ Host: `127.0.0.1:${preview.port}`, Connection: 'close', ...headers }).map(([k, v]) => `${k}: ${v}\r\n`);
  return rawRequest(preview.port, `GET ${target} HTTP/1.1\r\n${lines.join('')}\r\n`);
}

async function stillServing(): Promise<void> {
  expect(preview.server.process.exitCode).toBeNull();
  expect((await preview.call('listScenarios', [])).status).toBe(200);
}

describe('the preview answers malformed requests and stays up', () => {
  it.each(['/%ff', '/%', '/%E0%A4%A', '/index.html%00.js'])('GET %s is a 400 with a JSON error', async (target) => {
    const reply = await get(target);
    expect(reply.status).toBe(400);
    expect(JSON.parse(reply.body.toString()).error.message).toMatch(/percent-encoding|NUL byte/);
    await stillServing();
  });

  it('GET /api/backups/%ff with the token is a 400', async () => {
    const reply = await get('/api/backups/%ff', { 'X-Headroom-Token': preview.token });
    expect(reply.status).toBe(400);
    await stillServing();
  });

  it('a target that is no URL path, and a backup that is not there, are 4xx', async () => {
    expect((await get('//[')).status).toBe(404);
    expect((await get('*')).status).toBe(400);
    expect((await get('/api/backups/library-v1-missing.sqlite', { 'X-Headroom-Token': preview.token })).status).toBe(404);
    await stillServing();
  });

  it('a 50 MB body is a 413 naming the limit, not a reset, and the next call works', async () => {
    const body = Buffer.alloc(50 * 1024 * 1024, 0x20);
    const head = `POST /api/call/listScenarios HTTP/1.1\r\nHost: 127.0.0.1:${preview.port}\r\nContent-Type: application/json\r\n`
      + `X-Headroom-Token: ${preview.token}\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n`;
    const reply = await rawRequest(preview.port, head, { body, timeoutMs: 20_000 });
    expect(reply.status).toBe(413);
    expect(JSON.parse(reply.body.toString())).toEqual({ ok: false, error: { message: 'the request body is larger than the limit of 50331648 bytes (48 MiB)' } });
    // Sent by fetch as a stream (chunked, no Content-Length): the limit is found while reading.
    const chunks = new ReadableStream<Uint8Array>({
      start(c) {
        for (let i = 0; i < 50; i++) c.enqueue(new Uint8Array(1024 * 1024).fill(0x20));
        c.close();
      },
    });
    const res = await fetch(`http://127.0.0.1:${preview.port}/api/call/listScenarios`, {
      method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Headroom-Token': preview.token }, body: chunks, duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/48 MiB/);
    await stillServing();
  });

  it('an import may be larger: a 50 MB file reaches the backend, which names what it is', async () => {
    const body = JSON.stringify({ args: [[{ name: 'wide.json', text: ' '.repeat(50 * 1024 * 1024) }]] });
    const res = await fetch(`http://127.0.0.1:${preview.port}/api/call/importScenarios`, {
      method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Headroom-Token': preview.token }, body,
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, value: { imported: [], problems: [
      { file: 'wide.json', path: '(file)', message: 'is larger than 10 MiB (only a result or sweep document may be up to 200 MiB)' },
    ] } });
    await stillServing();
  });

  it('a body declared over the limit is a 413 without being sent, and a refusal reaches a client still sending', async () => {
    const declared = await rawRequest(preview.port, `POST /api/call/listScenarios HTTP/1.1\r\nHost: 127.0.0.1:${preview.port}\r\nContent-Type: application/json\r\n`
      + `X-Headroom-Token: ${preview.token}\r\nContent-Length: ${64 * 1024 ** 3}\r\n\r\n`, { timeoutMs: 10_000 });
    expect(declared.status).toBe(413);
    // Refused before the body is read (wrong token): the rest is read and dropped first, so the
    // 401 is not lost to a connection reset.
    const body = Buffer.alloc(20 * 1024 * 1024, 0x20);
    const wrongToken = await rawRequest(preview.port, `POST /api/call/listScenarios HTTP/1.1\r\nHost: 127.0.0.1:${preview.port}\r\nContent-Type: application/json\r\n`
      + `X-Headroom-Token: wrong\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n`, { body, timeoutMs: 10_000 });
    expect(wrongToken.status).toBe(401);
    await stillServing();
  });
});
