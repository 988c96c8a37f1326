// The HTML report of each example, written by the CLI with a fixed seed and two replications,
// shot in Chromium at 1280 px wide: the whole page on screen, and the whole page as printed
// (the report's print styles, which the A4 pages use).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from '@playwright/test';
import { SETTLE_JS, SHOT_CSS, STABILIZE_TEXT_JS } from './stabilize';

const REPORT_REPLICATIONS = '2';

/** Runs `headroom run` on the example (its own seed) into `<outDir>/<stem>.report.html`; returns that path. */
export function writeReport(root: string, exampleFile: string, outDir: string): string {
  const stem = path.basename(exampleFile, '.json');
  const seed = String((JSON.parse(fs.readFileSync(exampleFile, 'utf8')) as { seed: number }).seed);
  const out = path.join(outDir, `${stem}.report.html`);
  execFileSync(process.execPath, [path.join(root, 'out', 'node', 'cli.cjs'), 'run', exampleFile, '--seed', seed, '--replications', REPORT_REPLICATIONS, '--out', out], { stdio: 'pipe' });
  return out;
}

/** Writes `<stem>.report.screen.png` and `<stem>.report.print.png`; returns the files written. */
export async function shootReport(browser: Browser, reportFile: string, outDir: string): Promise<string[]> {
  const stem = path.basename(reportFile, '.html');
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 }, locale: 'en-US', timezoneId: 'UTC', colorScheme: 'light' });
  const written: string[] = [];
  try {
    await page.goto(pathToFileURL(reportFile).href);
    await page.evaluate(STABILIZE_TEXT_JS);
    for (const media of ['screen', 'print'] as const) {
      await page.emulateMedia({ media });
      await page.evaluate(SETTLE_JS);
      const file = `${stem}.${media}.png`;
      await page.screenshot({ path: path.join(outDir, file), fullPage: true, animations: 'disabled', caret: 'hide', style: SHOT_CSS });
      written.push(file);
    }
  } finally {
    await page.close();
  }
  return written;
}
