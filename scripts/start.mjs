// `npm start`: the desktop app where the Electron binary exists; the browser preview where it
// does not. `npm install` never downloads Electron (electron@45 fetches it on first use), and
// some machines cannot fetch it at all, so `npm start` must still start the app:
//   npm start               Electron if its binary is there or can be fetched, else the preview
//   npm start -- --web      the browser preview, always
//   npm start -- --no-open  (with the preview) print the URL without opening a browser
// HEADROOM_ELECTRON_BINARY names an Electron executable to use instead of the package's.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const forceWeb = args.includes('--web');
const noOpen = args.includes('--no-open') || process.env.HEADROOM_NO_OPEN === '1';
const passOn = args.filter((a) => a !== '--web' && a !== '--no-open');

/** The Electron executable, or { missing: reason } (asking the package may try a download). */
function electronBinary() {
  const given = process.env.HEADROOM_ELECTRON_BINARY;
  if (given) return fs.existsSync(given) ? { path: given } : { missing: `HEADROOM_ELECTRON_BINARY=${given} does not exist` };
  // In a child process: the electron package downloads on first use and prints as it goes;
  // we keep that output to one line of reason.
  const r = spawnSync(process.execPath, ['-e', "process.stdout.write('\\n@@' + require('electron'))"], { cwd: root, encoding: 'utf8', timeout: 600_000 });
  const found = /\n@@(.+)$/.exec(r.stdout ?? '')?.[1];
  if (r.status === 0 && found && fs.existsSync(found)) return { path: found };
  const text = `${r.stderr ?? ''}\n${r.stdout ?? ''}`;
  const reason = /fetch failed|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|Download failure/i.exec(text)?.[0] ?? (r.error ? r.error.message : 'not installed');
  return { missing: reason };
}

/** Opens a URL in the system browser where one can be opened; never fails. */
function openInBrowser(url) {
  const [cmd, cmdArgs] =
    process.platform === 'darwin' ? ['open', [url]]
    : process.platform === 'win32' ? ['cmd', ['/c', 'start', '""', url.replace(/&/g, '^&')]]
    : ['xdg-open', [url]];
  try {
    const child = spawn(cmd, cmdArgs, { stdio: 'ignore', detached: true });
    const say = () => console.log('(No system browser could be opened: open the URL above yourself.)');
    child.on('error', say);
    child.on('exit', (code) => { if (code) say(); });
    child.unref();
  } catch {
    console.log('(No system browser could be opened: open the URL above yourself.)');
  }
}

function startPreview() {
  const child = spawn(process.execPath, [path.join(root, 'out', 'node', 'web.cjs'), ...passOn], { cwd: root, stdio: ['inherit', 'pipe', 'inherit'] });
  let buffered = '';
  let opened = false;
  child.stdout.on('data', (d) => {
    process.stdout.write(d);
    if (opened || noOpen) return;
    buffered += d.toString();
    const m = /Headroom preview: (http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/.exec(buffered);
    if (m) { opened = true; openInBrowser(m[1]); }
  });
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
}

if (forceWeb) {
  startPreview();
} else {
  const electron = electronBinary();
  if (electron.path) {
    const child = spawn(electron.path, [root, ...passOn], { stdio: 'inherit' });
    child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
  } else {
    console.log(`Headroom: no Electron binary (${electron.missing}), so starting the browser preview instead; \`npx install-electron\` fetches the desktop shell where there is internet.`);
    startPreview();
  }
}
