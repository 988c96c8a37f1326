// Which Chromium the end-to-end tests drive. `npm test` must work on a fresh laptop and on a
// build machine that cannot download Playwright's browser, so the order is:
//   1. HEADROOM_CHROMIUM (the user said so; a wrong path is an error, not a fallback);
//   2. Playwright's own Chromium, if `playwright install` has put it there;
//   3. a system Chromium or Chrome in the usual places for Linux, macOS and Windows;
//   4. install Playwright's Chromium (`playwright install chromium`);
//   5. where that fails, on a machine with apt as root: Debian's `chromium`;
//   6. otherwise stop with one line that says what to install.
// Steps 1–3 only look (`findBrowser`, used by playwright.config.ts too); `ensureBrowser` may
// install. Everything the machine is asked goes through `BrowserHost`, so the order is unit-tested.
import path from 'node:path';

export interface BrowserHost {
  env: Record<string, string | undefined>;
  platform: NodeJS.Platform;
  /** An executable file exists at this path. */
  isFile(p: string): boolean;
  /** Where Playwright's own Chromium is (or would be) installed, or undefined if unknown. */
  playwrightChromium(): string | undefined;
  /** Runs a command with inherited output; true when it exited 0. */
  run(cmd: string, args: string[]): boolean;
  isRoot(): boolean;
  log(line: string): void;
}

export type BrowserSource = 'HEADROOM_CHROMIUM' | 'playwright' | 'system' | 'playwright-install' | 'apt';
export interface FoundBrowser { path: string; source: BrowserSource }

export class BrowserNotFound extends Error {}

/** The usual install locations of Chromium and Chrome, in order of preference. */
export function systemCandidates(platform: NodeJS.Platform, env: Record<string, string | undefined>): string[] {
  if (platform === 'darwin') {
    const apps = ['Chromium.app/Contents/MacOS/Chromium', 'Google Chrome.app/Contents/MacOS/Google Chrome', 'Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing'];
    const roots = ['/Applications', env.HOME ? path.posix.join(env.HOME, 'Applications') : undefined].filter((r): r is string => !!r);
    return roots.flatMap((r) => apps.map((a) => path.posix.join(r, a)));
  }
  if (platform === 'win32') {
    const roots = [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter((r): r is string => !!r);
    const exes = ['Google\\Chrome\\Application\\chrome.exe', 'Chromium\\Application\\chrome.exe'];
    return roots.flatMap((r) => exes.map((e) => path.win32.join(r, e)));
  }
  return ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/snap/bin/chromium', '/usr/local/bin/chromium', '/opt/google/chrome/chrome'];
}

/** Steps 1–3: a browser already on the machine, or undefined. Never installs anything. */
export function findBrowser(host: BrowserHost): FoundBrowser | undefined {
  const given = host.env.HEADROOM_CHROMIUM;
  if (given) {
    if (!host.isFile(given)) throw new BrowserNotFound(`HEADROOM_CHROMIUM is set to ${given}, which is not an executable file; fix it or unset it.`);
    return { path: given, source: 'HEADROOM_CHROMIUM' };
  }
  const own = host.playwrightChromium();
  if (own && host.isFile(own)) return { path: own, source: 'playwright' };
  const sys = systemCandidates(host.platform, host.env).find((p) => host.isFile(p));
  return sys ? { path: sys, source: 'system' } : undefined;
}

/** Steps 1–6: finds a browser, installing one where it can; throws BrowserNotFound with one line otherwise. */
export function ensureBrowser(host: BrowserHost): FoundBrowser {
  const found = findBrowser(host);
  if (found) return found;

  host.log('No Chromium found for the end-to-end tests: installing Playwright\'s (npx playwright install chromium)…');
  if (host.run('npx', ['playwright', 'install', 'chromium'])) {
    const own = host.playwrightChromium();
    if (own && host.isFile(own)) return { path: own, source: 'playwright-install' };
  }

  const canApt = host.platform === 'linux' && host.isRoot() && (host.isFile('/usr/bin/apt-get') || host.isFile('/bin/apt-get'));
  if (canApt) {
    host.log('Playwright could not download its Chromium: installing Debian\'s chromium with apt-get…');
    const env = ['env', 'DEBIAN_FRONTEND=noninteractive'];
    if (host.run(env[0]!, [...env.slice(1), 'apt-get', 'update', '-qq']) && host.run(env[0]!, [...env.slice(1), 'apt-get', 'install', '-y', '-qq', 'chromium'])) {
      const sys = systemCandidates('linux', host.env).find((p) => host.isFile(p));
      if (sys) return { path: sys, source: 'apt' };
    }
  }

  throw new BrowserNotFound(
    'No Chromium for the end-to-end tests and none could be installed: run `npx playwright install chromium` (needs internet), install Chromium or Google Chrome, or set HEADROOM_CHROMIUM to a Chromium executable.',
  );
}
