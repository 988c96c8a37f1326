// `npm run dist [-- electron-builder args]`: the desktop installers (docs/release.md).
// electron-builder downloads Electron and its packaging tools and rebuilds better-sqlite3 for
// Electron's ABI; where that cannot work it fails late, in a stack of fetch errors, or (with npm's
// nodedir set) not at all while shipping a library the app cannot load. So a preflight first,
// which stops with one line saying what is missing and what to do:
//   1. the Electron download host (ELECTRON_MIRROR, else github.com) answers within 4 s, unless
//      Electron's cache already holds the zip for every target;
//   2. npm's nodedir is not set;
//   3. for a .deb: a homepage and a maintainer e-mail exist.
// Then `npm run build` and electron-builder with electron-builder.json and the extra arguments.
//
// HEADROOM_DIST_PROBE_URL  probe this URL instead (always, cache or not): tests use a closed port
// HEADROOM_DIST_SKIP_PROBE=1  skip check 1 (behind a proxy, which Node's fetch does not use)
// HEADROOM_DIST_DRY_RUN=1  stop after the preflight and print what would run
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const CONFIG = 'electron-builder.json';
const PROBE_TIMEOUT_MS = 4000;
const win = process.platform === 'win32';
const NETWORK_ERRORS = { ENOTFOUND: 'host not found', EAI_AGAIN: 'DNS lookup failed', ECONNREFUSED: 'connection refused', ECONNRESET: 'connection reset', ENETUNREACH: 'network unreachable', EHOSTUNREACH: 'host unreachable' };

class Stop extends Error {}
const stop = (line) => {
  throw new Stop(line);
};

const readJson = (file) => JSON.parse(fs.readFileSync(path.join(root, file), 'utf8'));

/**
 * Which platforms electron-builder will build for, each with the targets named on the command
 * line (empty: the config's). No platform flag means this machine's.
 */
function targetsFromArgs(args) {
  const flags = { '--linux': 'linux', '-l': 'linux', '--mac': 'darwin', '--macos': 'darwin', '-m': 'darwin', '-o': 'darwin', '--win': 'win32', '--windows': 'win32', '-w': 'win32' };
  const targets = new Map();
  let current;
  for (const a of args) {
    const [flag, value] = a.split('=', 2);
    if (flags[flag]) {
      current = flags[flag];
      targets.set(current, value ? value.split(',') : []);
    } else if (a.startsWith('-')) current = undefined;
    else if (current) targets.get(current).push(a);
  }
  if (targets.size === 0) targets.set(process.platform, []);
  return targets;
}

function archsFromArgs(args) {
  const archs = new Set();
  for (const a of ['x64', 'ia32', 'armv7l', 'arm64']) if (args.includes(`--${a}`)) archs.add(a);
  if (args.includes('--universal')) ['x64', 'arm64'].forEach((a) => archs.add(a));
  return archs.size > 0 ? [...archs] : [process.arch];
}

/** Where @electron/get (which electron-builder uses) caches Electron zips. */
function electronCacheRoot() {
  const home = os.homedir();
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Caches', 'electron');
  if (win) return path.join(process.env.LOCALAPPDATA || path.join(home, 'AppData', 'Local'), 'electron', 'Cache');
  return path.join(process.env.XDG_CACHE_HOME || path.join(home, '.cache'), 'electron');
}

/** The cache keeps each zip in a folder named by a hash of its URL: look in every folder. */
function cachedZip(name) {
  const cacheRoot = electronCacheRoot();
  let dirs = [];
  try {
    dirs = fs.readdirSync(cacheRoot, { withFileTypes: true }).filter((d) => d.isDirectory());
  } catch {
    return false;
  }
  return dirs.some((d) => fs.existsSync(path.join(cacheRoot, d.name, name)));
}

async function checkDownloadHost(electronVersion, targets, archs) {
  if (process.env.HEADROOM_DIST_SKIP_PROBE === '1') return;
  const given = process.env.HEADROOM_DIST_PROBE_URL;
  const mirror = process.env.ELECTRON_MIRROR || process.env.NPM_CONFIG_ELECTRON_MIRROR || process.env.npm_config_electron_mirror;
  const url = given || mirror || 'https://github.com/';
  const zips = [...targets.keys()].flatMap((p) => archs.map((a) => `electron-v${electronVersion}-${p}-${a}.zip`));
  if (!given && zips.every(cachedZip)) return;
  try {
    await fetch(url, { method: 'HEAD', redirect: 'manual', signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) });
  } catch (e) {
    const code = e?.cause?.code;
    const why = e?.name === 'TimeoutError' ? `no answer within ${PROBE_TIMEOUT_MS / 1000} s` : (NETWORK_ERRORS[code] ?? code ?? e?.cause?.message ?? e?.message ?? String(e));
    stop(
      `cannot reach ${url} (${why}): electron-builder downloads Electron ${electronVersion} (${zips.join(', ')}) and its packaging tools from there; ` +
        `connect to the internet${mirror ? ' or fix ELECTRON_MIRROR' : ' or set ELECTRON_MIRROR to a reachable mirror'} and run npm run dist again (docs/release.md).`,
    );
  }
}

/** npm's nodedir: from the environment npm gives its scripts, else asked of npm. */
function npmNodedir() {
  const fromEnv = process.env.npm_config_nodedir || process.env.NPM_CONFIG_NODEDIR;
  if (fromEnv) return fromEnv;
  const r = spawnSync('npm', ['config', 'get', 'nodedir'], { cwd: root, encoding: 'utf8', shell: win, timeout: 30_000 });
  const value = r.status === 0 ? r.stdout.trim() : '';
  return value && value !== 'undefined' && value !== 'null' ? value : undefined;
}

function checkNodedir() {
  const dir = npmNodedir();
  if (!dir) return;
  stop(
    `npm's nodedir is set (${dir}), so electron-builder would rebuild better-sqlite3 against those Node headers instead of Electron's and the app could not open its library; ` +
      'unset it for the release build (npm config delete nodedir, or remove the line from your .npmrc) and run npm run dist again.',
  );
}

/** electron-builder's .deb needs a project URL and a maintainer e-mail; it says so only at the end. */
function checkDebMetadata(config, targets) {
  const linux = targets.get('linux');
  if (!linux) return;
  const names = linux.length > 0 ? linux : [config.linux?.target ?? []].flat().map((t) => (typeof t === 'string' ? t : t.target));
  if (!names.includes('deb')) return;
  const pkg = readJson('package.json');
  const homepage = pkg.homepage || (typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url);
  const author = pkg.author;
  const email = config.deb?.maintainer || config.linux?.maintainer || (typeof author === 'string' ? /<[^>]+@[^>]+>/.test(author) : author?.email);
  const missing = [homepage ? undefined : '"homepage"', email ? undefined : '"author" with an "email"'].filter(Boolean);
  if (missing.length === 0) return;
  stop(`the .deb needs a project URL and a maintainer e-mail, and package.json has no ${missing.join(' and no ')}: add them, or build without the .deb (npm run dist -- --linux AppImage).`);
}

async function main() {
  const args = process.argv.slice(2);
  const config = readJson(CONFIG);
  const electronVersion = config.electronVersion ?? JSON.parse(fs.readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
  const targets = targetsFromArgs(args);

  await checkDownloadHost(electronVersion, targets, archsFromArgs(args));
  checkNodedir();
  checkDebMetadata(config, targets);

  const builderArgs = ['--config', CONFIG, ...args];
  if (process.env.HEADROOM_DIST_DRY_RUN === '1') {
    console.log(`dist: preflight passed; would run: npm run build && electron-builder ${builderArgs.join(' ')}`);
    return 0;
  }
  const build = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit', shell: win });
  if (build.status !== 0) return build.status ?? 1;
  const builder = spawnSync(process.execPath, [require.resolve('electron-builder/cli.js'), ...builderArgs], { cwd: root, stdio: 'inherit' });
  return builder.status ?? 1;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    process.stderr.write(`dist: ${e instanceof Stop ? e.message : (e?.message ?? String(e))}\n`);
    process.exit(1);
  },
);
