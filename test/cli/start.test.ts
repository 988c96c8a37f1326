// `npm start` (scripts/start.mjs) always starts the app: without an Electron binary it says so in
// one line and serves the browser preview; `--web` forces the preview. Real processes, real
// server, a temporary library; the page must load.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '..', '..');
const running: ChildProcess[] = [];
afterEach(() => { for (const c of running.splice(0)) c.kill('SIGTERM'); });

function start(args: string[], env: Record<string, string> = {}): Promise<{ out: string; url: string; child: ChildProcess }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'headroom-start-'));
  const child = spawn(process.execPath, [path.join(root, 'scripts', 'start.mjs'), ...args], {
    cwd: root,
    env: { ...process.env, HEADROOM_DATA_DIR: dataDir, HEADROOM_PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`no URL in 30 s:\n${out}`)), 30_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /Headroom preview: (http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/.exec(out);
      if (m) { clearTimeout(timer); resolve({ out, url: m[1]!, child }); }
    });
    child.stderr!.on('data', (d: Buffer) => { out += d.toString(); });
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`exited ${code}:\n${out}`)); });
  });
}

async function expectAppPage(url: string): Promise<void> {
  const res = await fetch(url);
  expect(res.status).toBe(200);
  const html = await res.text();
  expect(html).toMatch(/<div id="root">/);
  expect(html).toMatch(/<script[^>]+src="[^"]+\.js"/);
}

describe('npm start', () => {
  it('without an Electron binary: one line saying so, then the preview, whose page loads', async () => {
    const { out, url } = await start(['--no-open'], { HEADROOM_ELECTRON_BINARY: path.join(os.tmpdir(), 'no-such-electron') });
    const lines = out.split('\n').filter(Boolean);
    expect(lines[0]).toMatch(/^Headroom: no Electron binary \(.*\), so starting the browser preview instead;/);
    expect(out.match(/Electron/g)!.length).toBeLessThanOrEqual(2);
    await expectAppPage(url);
  }, 40_000);

  it('--web forces the preview and says nothing about Electron', async () => {
    const { out, url } = await start(['--web', '--no-open']);
    expect(out).not.toMatch(/Electron/);
    await expectAppPage(url);
  }, 40_000);
});
