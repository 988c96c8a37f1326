// Screenshots of the app's result views and of the HTML reports, for before/after comparisons
// of presentation changes (compare two sets with scripts/compare-screens.ts).
//
//   npm run build   # this script builds nothing
//   node --import tsx scripts/screenshots.ts OUT_DIR [--scheme light|dark|both] [--size 1280x720]
//
// Starts the real browser preview (out/node/web.cjs) on a fresh library, drives Chromium through
// Playwright, and for each bundled example creates it from "New from example", runs it (its own
// seed, so the figures repeat) and shoots the results; then writes each example's report with the
// CLI and shoots that. Text that depends on the clock (dates, wall times) is rewritten for the
// shot, so two runs of this script give identical PNGs.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { startPreview, stopPreview } from '../test/e2e/fixtures';
import { findBrowser } from './e2e/find-browser';
import { nodeBrowserHost } from './e2e/node-host';
import { createAndRun, shootResults, useScheme, type Scheme } from './screens/app-shots';
import { shootReport, writeReport } from './screens/report-shots';

const ROOT = path.resolve(__dirname, '..');
const EXAMPLES = ['risk-model-api', 'gpu-training-cluster', 'azure-llm-code-trace', 'llm-token-level', 'diurnal-autoscaling', 'nightly-retraining'];
/** The same flags as playwright.config.ts, so the shots match what the e2e tests see. */
const LAUNCH_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

interface Options { outDir: string; schemes: Scheme[]; width: number; height: number }

function parseArgs(argv: string[]): Options {
  const usage = 'usage: node --import tsx scripts/screenshots.ts OUT_DIR [--scheme light|dark|both] [--size 1280x720]';
  let outDir: string | undefined;
  let scheme = 'both';
  let size = '1280x720';
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--scheme') scheme = argv[++i] ?? '';
    else if (a === '--size') size = argv[++i] ?? '';
    else if (a.startsWith('-') || outDir !== undefined) throw new Error(`unexpected argument ${a}\n${usage}`);
    else outDir = a;
  }
  if (!outDir) throw new Error(usage);
  if (!['light', 'dark', 'both'].includes(scheme)) throw new Error(`--scheme must be light, dark or both, not "${scheme}"`);
  const m = /^(\d+)x(\d+)$/.exec(size);
  if (!m) throw new Error(`--size must look like 1280x720, not "${size}"`);
  const schemes: Scheme[] = scheme === 'both' ? ['light', 'dark'] : [scheme as Scheme];
  return { outDir: path.resolve(outDir), schemes, width: Number(m[1]), height: Number(m[2]) };
}

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  for (const f of ['out/node/web.cjs', 'out/node/cli.cjs', 'out/renderer/index.html']) {
    if (!fs.existsSync(path.join(ROOT, f))) throw new Error(`${f} is missing: run \`npm run build\` first`);
  }
  const executablePath = findBrowser(nodeBrowserHost())?.path;
  if (!executablePath) throw new Error('no Chromium found: run `npx playwright install chromium` or set HEADROOM_CHROMIUM');
  fs.mkdirSync(opts.outDir, { recursive: true });

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'headroom-screens-'));
  const server = await startPreview(dataDir);
  const browser = await chromium.launch({ executablePath, args: LAUNCH_ARGS });
  try {
    const context = await browser.newContext({ viewport: { width: opts.width, height: opts.height }, deviceScaleFactor: 1, locale: 'en-US', timezoneId: 'UTC', reducedMotion: 'reduce', bypassCSP: true });
    const page = await context.newPage();
    await page.emulateMedia({ colorScheme: opts.schemes[0] });
    await page.goto(server.url);
    for (const example of EXAMPLES) {
      const started = Date.now();
      await createAndRun(page, path.join(ROOT, 'assets', 'examples', `${example}.json`));
      const files: string[] = [];
      for (const scheme of opts.schemes) {
        await useScheme(page, scheme);
        files.push(...(await shootResults(page, opts.outDir, example, scheme)));
      }
      const report = writeReport(ROOT, path.join(ROOT, 'assets', 'examples', `${example}.json`), opts.outDir);
      files.push(...(await shootReport(browser, report, opts.outDir)));
      console.log(`${example} (${((Date.now() - started) / 1000).toFixed(1)} s): ${files.join(', ')}`);
    }
    await context.close();
  } finally {
    await browser.close();
    await stopPreview(server);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
