// The browser preview's server as a user (or an attacker on the same machine) meets it:
// the built out/node/web.cjs in a child process, on a fresh library folder.
import { spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { tempPreviewForAll } from './temp-preview';

const root = path.resolve(__dirname, '..', '..', '..');
const preview = tempPreviewForAll('headroom-web-');

function rawGet(pathname: string, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    http.get({ host: '127.0.0.1', port: preview.port, path: pathname, headers: { Host: host } }, (res) => { res.resume(); resolve(res.statusCode ?? 0); }).on('error', reject);
  });
}

describe('web preview server', () => {
  it('listens on 127.0.0.1 only and created the library before printing its URL', () => {
    expect(preview.server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=/);
    expect(fs.existsSync(path.join(preview.server.dataDir, 'library.sqlite'))).toBe(true);
  });

  it('serves the app with a strict CSP', async () => {
    const res = await fetch(`${preview.origin}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await res.text()).toContain('<div id="root">');
  });

  it('answers API calls only with the token', async () => {
    expect((await preview.call('listScenarios', [])).status).toBe(200);
    expect((await preview.call('listScenarios', [], { 'X-Headroom-Token': 'wrong' })).status).toBe(401);
    const noToken = await fetch(`${preview.origin}/api/call/listScenarios`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"args":[]}' });
    expect(noToken.status).toBe(401);
  });

  it('refuses foreign hosts (DNS rebinding), foreign origins and unknown methods', async () => {
    expect(await rawGet('/', 'attacker.example:80')).toBe(403);
    expect((await preview.call('listScenarios', [], { Origin: 'http://evil.example' })).status).toBe(403);
    expect((await preview.call('constructor', [])).status).toBe(404);
    expect((await preview.call('__proto__', [])).status).toBe(404);
  });

  it('validates payloads and names the field', async () => {
    const res = await preview.call('getScenario', [{ $ne: 1 }]);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/^id: /);
    const bad = await preview.call('createScenario', ['{"format": "headroom.scenario/v1", "name": "x", "serving": {"services": [{"id": "a"}]}}']);
    const body = (await bad.json()) as { value: { ok: boolean; errors: { path: string }[] } };
    expect(body.value.ok).toBe(false);
    expect(body.value.errors.map((e) => e.path)).toContain('serving.services[0].arrivals');
  });

  it('does not serve files outside the app', async () => {
    expect(await rawGet('/../package.json', `127.0.0.1:${preview.port}`)).not.toBe(200);
    expect(await rawGet('/%2e%2e/package.json', `127.0.0.1:${preview.port}`)).not.toBe(200);
  });

  it('streams run progress and status over server-sent events', async () => {
    const [first] = (await (await preview.call('listScenarios', [])).json() as { value: { id: string }[] }).value;
    const controller = new AbortController();
    const events: { type: string; run?: { status: string } }[] = [];
    const res = await fetch(`${preview.origin}/api/events`, { headers: { 'X-Headroom-Token': preview.token }, signal: controller.signal });
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const reader = res.body!.getReader();
    const started = await preview.call('startRun', [first!.id, { replications: 2 }]);
    expect(started.status).toBe(200);
    let buffer = '';
    while (!events.some((e) => e.type === 'status' && e.run?.status === 'done')) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += new TextDecoder().decode(value);
      const parts = buffer.split('\n\n');
      buffer = parts.pop()!;
      // Each event of the method table's events section is named (`event: onRunEvent`).
      for (const p of parts) {
        const frame = /^event: onRunEvent\ndata: (.*)$/s.exec(p);
        if (frame) events.push(JSON.parse(frame[1]!));
      }
    }
    controller.abort();
    expect(events.some((e) => e.type === 'progress')).toBe(true);
    expect(events.map((e) => e.run?.status).filter(Boolean)).toEqual(expect.arrayContaining(['queued', 'running', 'done']));
  });

  it('renders a run\'s report over HTTP, only with the token, and names a bad kind', async () => {
    const [first] = (await (await preview.call('listScenarios', [])).json() as { value: { id: string; name: string }[] }).value;
    const started = (await (await preview.call('startRun', [first!.id, { replications: 1 }])).json() as { value: { id: string } }).value;
    await expect.poll(async () => {
      const runs = (await (await preview.call('listRuns', [first!.id])).json() as { value: { id: string; status: string }[] }).value;
      return runs.find((r) => r.id === started.id)?.status;
    }, { timeout: 60_000 }).toBe('done');
    const res = await preview.call('renderRunReport', [started.id, 'md']);
    expect(res.status).toBe(200);
    const report = ((await res.json()) as { value: { fileName: string; mediaType: string; text: string } }).value;
    expect(report.fileName).toMatch(new RegExp(`^[a-z0-9-]+-run-${started.id.slice(0, 8)}\\.md$`));
    expect(report.mediaType).toBe('text/markdown');
    expect(report.text).toContain(first!.name);
    expect((await preview.call('renderRunReport', [started.id, 'md'], { 'X-Headroom-Token': 'wrong' })).status).toBe(401);
    const bad = await preview.call('renderRunReport', [started.id, 'docx']);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toMatch(/^kind: must be one of/);
    // The dialog method is the shell's own: the server does not answer it.
    expect((await preview.call('saveRunReport', [started.id, 'md'])).status).toBe(404);
  });

  it('a second preview on the same library exits 2 without touching it', () => {
    const r = spawnSync(process.execPath, [path.join(root, 'out/node/web.cjs')], { env: { ...process.env, HEADROOM_DATA_DIR: preview.server.dataDir }, encoding: 'utf8', timeout: 20_000 });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/in use by another Headroom process/);
  });
});

describe('a library from a newer version', () => {
  it('is refused with exit code 2, the exact message, and left untouched', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'headroom-newer-'));
    const file = path.join(dir, 'library.sqlite');
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('application_id = 1213353265');
    db.exec('CREATE TABLE future (x INTEGER) STRICT');
    db.pragma('user_version = 99');
    db.close();
    const before = crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
    const child = spawn(process.execPath, [path.join(root, 'out/node/web.cjs')], { env: { ...process.env, HEADROOM_DATA_DIR: dir } });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(2);
    expect(stderr).toMatch(/^library schema version 99 is newer than this app \(\d+\)$/m);
    expect(crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex')).toBe(before);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
