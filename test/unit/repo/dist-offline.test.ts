// `npm run dist`'s preflight (scripts/dist.mjs) on a machine that cannot package: it stops with
// one line saying what is missing, exit code 1, no stack, within seconds. Every run here has
// HEADROOM_DIST_DRY_RUN=1, so even a preflight that passes never starts a build or electron-builder.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '..', '..', '..');
const electronVersion = (JSON.parse(fs.readFileSync(path.join(root, 'node_modules', 'electron', 'package.json'), 'utf8')) as { version: string }).version;

// npm reads nodedir from its config files too: empty ones make "not set" independent of this machine.
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'headroom-dist-'));
const emptyNpmrc = path.join(tmp, 'npmrc');
fs.writeFileSync(emptyNpmrc, '');

interface Run { code: number | null; stdout: string; stderr: string; ms: number }

function runDist(env: Record<string, string>, args: string[] = []): Promise<Run> {
  const base: NodeJS.ProcessEnv = { ...process.env };
  for (const k of Object.keys(base)) {
    if (/^(npm_config_(nodedir|electron_mirror|userconfig|globalconfig)|ELECTRON_MIRROR|HEADROOM_DIST_.*)$/i.test(k)) delete base[k];
  }
  const started = Date.now();
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['scripts/dist.mjs', ...args],
      { cwd: root, env: { ...base, npm_config_userconfig: emptyNpmrc, npm_config_globalconfig: emptyNpmrc, HEADROOM_DIST_DRY_RUN: '1', ...env }, timeout: 30_000 },
      (err, stdout, stderr) => resolve({ code: err ? (typeof err.code === 'number' ? err.code : null) : 0, stdout, stderr, ms: Date.now() - started }),
    );
  });
}

function expectOneLine(r: Run): string {
  expect(r.code).toBe(1);
  expect(r.stdout).toBe('');
  const lines = r.stderr.split('\n').filter((l) => l.trim() !== '');
  expect(lines, r.stderr).toHaveLength(1);
  expect(r.stderr).not.toMatch(/^\s+at /m);
  return lines[0]!;
}

/** A port nothing listens on: bound, then released. */
async function closedPort(): Promise<number> {
  const s = http.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address() as AddressInfo;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

let server: http.Server;
let reachable: string;
const probes: string[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    probes.push(req.method ?? '');
    res.writeHead(302, { location: 'https://example.invalid/' }).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  reachable = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});

afterAll(async () => {
  await new Promise<void>((r) => server.close(() => r()));
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('npm run dist without what packaging needs', () => {
  it('no internet: one line naming the unreachable host and the Electron download, exit 1, in seconds', async () => {
    const url = `http://127.0.0.1:${await closedPort()}/`;
    const r = await runDist({ HEADROOM_DIST_PROBE_URL: url });
    const line = expectOneLine(r);
    expect(line).toContain(`cannot reach ${url}`);
    expect(line).toContain(`Electron ${electronVersion}`);
    expect(line).toMatch(/connect to the internet/);
    // The probe gives up after 4 s; a refused connection is immediate. Node's start-up is the rest.
    expect(r.ms).toBeLessThan(10_000);
  });

  it('a host that never answers: stops at the time limit, not at the operating system\'s', async () => {
    const silent = http.createServer(() => {}); // accepts, never replies
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    try {
      const r = await runDist({ HEADROOM_DIST_PROBE_URL: `http://127.0.0.1:${(silent.address() as AddressInfo).port}/` });
      expect(expectOneLine(r)).toMatch(/no answer within 4 s/);
      expect(r.ms).toBeLessThan(12_000);
    } finally {
      silent.closeAllConnections();
      await new Promise<void>((r) => silent.close(() => r()));
    }
  });

  it('npm\'s nodedir set: its own line saying to unset it, after the probe passed', async () => {
    const before = probes.length;
    const r = await runDist({ HEADROOM_DIST_PROBE_URL: reachable, npm_config_nodedir: '/usr' });
    const line = expectOneLine(r);
    expect(probes.length).toBe(before + 1);
    expect(line).toContain("npm's nodedir is set (/usr)");
    expect(line).toContain('better-sqlite3');
    expect(line).toContain('npm config delete nodedir');
    expect(line).not.toMatch(/cannot reach/);
  });

  it('everything in place: the dry run prints what it would run, with the extra arguments, and starts nothing', async () => {
    const r = await runDist({ HEADROOM_DIST_PROBE_URL: reachable }, ['--win', '--x64']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe('dist: preflight passed; would run: npm run build && electron-builder --config electron-builder.json --win --x64');
  });

  it('a Linux build with the .deb: stops unless package.json has a homepage and an author e-mail', async () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { homepage?: string; repository?: unknown; author?: string | { email?: string } };
    const hasUrl = !!(pkg.homepage || pkg.repository);
    const hasEmail = typeof pkg.author === 'string' ? /<[^>]+@[^>]+>/.test(pkg.author) : !!pkg.author?.email;
    const r = await runDist({ HEADROOM_DIST_PROBE_URL: reachable }, ['--linux']);
    if (hasUrl && hasEmail) {
      expect(r.code).toBe(0);
      return;
    }
    const line = expectOneLine(r);
    expect(line).toContain('the .deb needs');
    if (!hasUrl) expect(line).toContain('"homepage"');
    if (!hasEmail) expect(line).toContain('"author" with an "email"');
    // Without the .deb there is nothing to stop for.
    const appImage = await runDist({ HEADROOM_DIST_PROBE_URL: reachable }, ['--linux', 'AppImage']);
    expect(appImage.code).toBe(0);
  });
});
