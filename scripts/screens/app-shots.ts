// The app's result views, as the browser preview shows them: each bundled example is created
// from "New from example" (unchanged: its own seed, horizon and replications), run, and shot in
// each colour scheme — the window as it opens, the whole page with the panels unscrolled, and
// each result section on its own.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { EXPAND_CSS, SETTLE_JS, SHOT_CSS, STABILIZE_TEXT_JS } from './stabilize';

export type Scheme = 'light' | 'dark';

/** The result sections worth a picture of their own, by file-name suffix. */
const SECTIONS: [string, string][] = [
  ['serving', '.service-charts'],
  ['pipeline', '.pipeline-results'],
  ['cluster', '.cluster-results'],
  ['tables', '.result-tables'],
];

/** Creates the example `file` (in assets/examples) from "New from example", runs it and waits for its charts. */
export async function createAndRun(page: Page, file: string): Promise<void> {
  const name = (JSON.parse(fs.readFileSync(file, 'utf8')) as { name: string }).name;
  const items = page.getByRole('list', { name: 'Scenarios' }).getByRole('listitem');
  await items.first().waitFor();
  const before = await items.count();
  await page.getByRole('button', { name: 'New from example' }).click();
  await page.getByRole('list', { name: 'Examples' }).getByRole('button', { name, exact: true }).click();
  await waitFor(async () => (await items.count()) === before + 1, `"${name}" to be created`);
  await waitFor(async () => (await page.getByLabel('Scenario name').inputValue()).startsWith(name), `"${name}" to open`);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  const progress = page.getByRole('progressbar', { name: 'Run progress' });
  await waitFor(async () => (await progress.getAttribute('aria-valuenow')) === '100', `the run of "${name}" to finish`, 300_000);
  await page.locator('.run-meta').waitFor();
  await waitFor(async () => (await page.locator('.results .placeholder').count()) === 0, 'the result to load');
  await page.evaluate('document.fonts.ready.then(() => true)');
  await page.evaluate(SETTLE_JS);
}

/** Switches the app to `scheme` the way a user's system would, then with the header toggle (the app remembers its last choice). */
export async function useScheme(page: Page, scheme: Scheme): Promise<void> {
  await page.emulateMedia({ colorScheme: scheme });
  if ((await page.locator('html').getAttribute('data-theme')) !== scheme) {
    await page.locator('.theme-toggle').click();
    await waitFor(async () => (await page.locator('html').getAttribute('data-theme')) === scheme, `the ${scheme} theme`);
  }
  await page.evaluate(SETTLE_JS);
}

/** Writes `<prefix>.<scheme>.window.png`, `.full.png` and one PNG per result section; returns the files written. */
export async function shootResults(page: Page, outDir: string, prefix: string, scheme: Scheme): Promise<string[]> {
  const written: string[] = [];
  const shot = (suffix: string) => {
    const file = path.join(outDir, `${prefix}.${scheme}.${suffix}.png`);
    written.push(path.basename(file));
    return { path: file, animations: 'disabled' as const, caret: 'hide' as const, style: SHOT_CSS };
  };
  await page.mouse.move(0, 0);
  await page.evaluate('document.activeElement && document.activeElement.blur()');
  await page.evaluate('document.querySelectorAll(".workspace > .panel, .sidebar").forEach((p) => { p.scrollTop = 0; })');
  await page.evaluate(STABILIZE_TEXT_JS);
  await page.screenshot(shot('window'));

  const expand = await page.addStyleTag({ content: EXPAND_CSS });
  await page.evaluate(SETTLE_JS);
  await page.evaluate(STABILIZE_TEXT_JS);
  await page.screenshot({ ...shot('full'), fullPage: true });
  for (const [suffix, selector] of SECTIONS) {
    const found = page.locator(selector);
    const n = await found.count();
    for (let i = 0; i < n; i++) await found.nth(i).screenshot(shot(n > 1 ? `${suffix}-${i + 1}` : suffix));
  }
  await expand.evaluate('(el) => el.remove()');
  await page.evaluate(SETTLE_JS);
  return written;
}

async function waitFor(ok: () => Promise<boolean>, what: string, timeoutMs = 30_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await ok())) {
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
