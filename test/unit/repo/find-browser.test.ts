// The end-to-end tests' browser: the resolver's order (scripts/e2e/find-browser.ts) against a
// fake machine that records what it was asked to run.
import { describe, expect, it } from 'vitest';
import { BrowserNotFound, ensureBrowser, findBrowser, systemCandidates, type BrowserHost } from '../../../scripts/e2e/find-browser';

const PW = '/cache/ms-playwright/chromium-1255/chrome-linux/chrome';

function fakeHost(o: { files?: string[]; env?: Record<string, string>; platform?: NodeJS.Platform; root?: boolean; installs?: Record<string, string[]> } = {}) {
  const files = new Set(o.files ?? []);
  const ran: string[] = [];
  const host: BrowserHost = {
    env: o.env ?? {},
    platform: o.platform ?? 'linux',
    isFile: (p) => files.has(p),
    playwrightChromium: () => PW,
    run(cmd, args) {
      const line = [cmd, ...args].join(' ');
      ran.push(line);
      const adds = Object.entries(o.installs ?? {}).find(([k]) => line.includes(k))?.[1];
      if (!adds) return false;
      adds.forEach((f) => files.add(f));
      return true;
    },
    isRoot: () => o.root ?? false,
    log: () => {},
  };
  return { host, ran };
}

describe('finding a Chromium for the end-to-end tests', () => {
  it('1. HEADROOM_CHROMIUM comes first, even when others exist', () => {
    const { host, ran } = fakeHost({ env: { HEADROOM_CHROMIUM: '/opt/my/chrome' }, files: ['/opt/my/chrome', PW, '/usr/bin/chromium'] });
    expect(ensureBrowser(host)).toEqual({ path: '/opt/my/chrome', source: 'HEADROOM_CHROMIUM' });
    expect(ran).toEqual([]);
  });

  it('a HEADROOM_CHROMIUM that is not there is an error, not a silent fallback', () => {
    const { host } = fakeHost({ env: { HEADROOM_CHROMIUM: '/nope' }, files: ['/usr/bin/chromium'] });
    expect(() => findBrowser(host)).toThrow(BrowserNotFound);
    expect(() => findBrowser(host)).toThrow(/HEADROOM_CHROMIUM is set to \/nope/);
  });

  it('2. Playwright\'s own installed Chromium before a system one', () => {
    const { host, ran } = fakeHost({ files: [PW, '/usr/bin/chromium'] });
    expect(ensureBrowser(host)).toEqual({ path: PW, source: 'playwright' });
    expect(ran).toEqual([]);
  });

  it('3. a system Chromium or Chrome, in the usual places per platform', () => {
    expect(ensureBrowser(fakeHost({ files: ['/usr/bin/google-chrome'] }).host)).toEqual({ path: '/usr/bin/google-chrome', source: 'system' });
    expect(ensureBrowser(fakeHost({ files: ['/usr/bin/chromium', '/usr/bin/google-chrome'] }).host).path).toBe('/usr/bin/chromium');
    const mac = '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome';
    expect(ensureBrowser(fakeHost({ platform: 'darwin', files: [mac] }).host)).toEqual({ path: mac, source: 'system' });
    const win = systemCandidates('win32', { PROGRAMFILES: 'C:\\Program Files' })[0]!;
    expect(win).toBe('C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe');
    expect(ensureBrowser(fakeHost({ platform: 'win32', env: { PROGRAMFILES: 'C:\\Program Files' }, files: [win] }).host).source).toBe('system');
  });

  it('findBrowser only looks: nothing on the machine means undefined and nothing run', () => {
    const { host, ran } = fakeHost({ root: true, files: ['/usr/bin/apt-get'] });
    expect(findBrowser(host)).toBeUndefined();
    expect(ran).toEqual([]);
  });

  it('4. otherwise installs Playwright\'s Chromium', () => {
    const { host, ran } = fakeHost({ installs: { 'playwright install chromium': [PW] } });
    expect(ensureBrowser(host)).toEqual({ path: PW, source: 'playwright-install' });
    expect(ran).toEqual(['npx playwright install chromium']);
  });

  it('5. when that download fails, as root with apt: Debian\'s chromium', () => {
    const { host, ran } = fakeHost({ root: true, files: ['/usr/bin/apt-get'], installs: { 'apt-get update': [], 'apt-get install': ['/usr/bin/chromium'] } });
    expect(ensureBrowser(host)).toEqual({ path: '/usr/bin/chromium', source: 'apt' });
    expect(ran).toEqual(['npx playwright install chromium', 'env DEBIAN_FRONTEND=noninteractive apt-get update -qq', 'env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium']);
  });

  it('apt is not tried without root, without apt, or off Linux', () => {
    for (const o of [{ root: false, files: ['/usr/bin/apt-get'] }, { root: true, files: [] }, { root: true, files: ['/usr/bin/apt-get'], platform: 'darwin' as const }]) {
      const { host, ran } = fakeHost({ ...o, installs: { 'apt-get': ['/usr/bin/chromium'] } });
      expect(() => ensureBrowser(host)).toThrow(BrowserNotFound);
      expect(ran).toEqual(['npx playwright install chromium']);
    }
  });

  it('6. when everything fails: one clear line saying what to install', () => {
    const { host } = fakeHost({ root: true, files: ['/usr/bin/apt-get'] });
    let message = '';
    try { ensureBrowser(host); } catch (e) { message = (e as Error).message; }
    expect(message).toMatch(/npx playwright install chromium/);
    expect(message).toMatch(/HEADROOM_CHROMIUM/);
    expect(message).not.toContain('\n');
  });
});
