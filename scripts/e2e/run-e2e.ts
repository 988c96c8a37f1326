// `npm run test:e2e`: finds (or installs) a Chromium, then runs Playwright with it. The browser's
// path reaches playwright.config.ts through HEADROOM_CHROMIUM, so Playwright never looks for its
// own download on a machine that cannot fetch one.
import { spawnSync } from 'node:child_process';
import { BrowserNotFound, ensureBrowser } from './find-browser';
import { nodeBrowserHost } from './node-host';

let browser;
try {
  browser = ensureBrowser(nodeBrowserHost());
} catch (e) {
  if (e instanceof BrowserNotFound) {
    console.error(e.message);
    process.exit(1);
  }
  throw e;
}
console.log(`End-to-end tests in ${browser.path} (${browser.source})`);
const r = spawnSync('npx', ['playwright', 'test', ...process.argv.slice(2)], {
  stdio: 'inherit',
  shell: process.platform === 'win32',
  env: { ...process.env, HEADROOM_CHROMIUM: browser.path },
});
process.exit(r.status ?? 1);
