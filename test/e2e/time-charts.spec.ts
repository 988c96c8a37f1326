// "Over time" in the browser preview: the article's example (risk_model_api, 8 replicas at 100%
// utilization) run as bundled, its five time charts, the queue climbing from about 100 to about
// 400 in the first 80 s (read from the charts' accessible names and the cursor's readout, checked
// against the stored result), the playback cursor on every panel, a 1920×1080 screenshot; then
// the time to render the serving time charts fed a million buckets, in this Chromium.
import path from 'node:path';
import { build } from 'esbuild';
import type { ResultDocument, RunSummary, ScenarioSummary } from '../../electron/common/contract';
import { callApi, collectConsoleProblems, expect, newFromExample, test } from './fixtures';

const NAME = 'E2E time charts';

test('a serving run shows its queue, latency, replicas, throughput and drops over time, with the playback cursor', async ({ page, appUrl }, testInfo) => {
  const problems = collectConsoleProblems(page);
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto(appUrl);
  await newFromExample(page, 'Risk model API');
  await page.getByLabel('Scenario name').fill(NAME);
  await expect(page.getByRole('group', { name: 'Editor actions' }).getByRole('status')).toHaveText('Saved v2', { timeout: 10_000 });
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByRole('progressbar', { name: 'Run progress' })).toHaveAttribute('aria-valuenow', '100', { timeout: 60_000 });

  const section = page.getByRole('region', { name: 'Over time — risk_model_api' });
  await expect(section).toBeVisible();
  const figures = section.getByRole('figure');
  await expect(figures).toHaveCount(5);
  await expect(section.locator('figcaption')).toHaveText(['Queue length', 'Latency p50, p95, p99', 'Replicas serving', 'Throughput against offered load', 'Rejections and timeouts']);

  // The stored result, through the app's own API: the charts say what it holds.
  const scenario = (await callApi<ScenarioSummary[]>(appUrl, 'listScenarios')).find((s) => s.name === NAME)!;
  const run = (await callApi<RunSummary[]>(appUrl, 'listRuns', scenario.id)).find((r) => r.status === 'done')!;
  const result = await callApi<ResultDocument>(appUrl, 'getRunResult', run.id);
  const series = (result.serving!.risk_model_api as { series: { bucket_s: number; queue_length: { mean: number }[] } }).series;
  const q = series.queue_length.map((s) => s.mean);
  const at80 = q[Math.floor(80 / series.bucket_s)]!;

  const queue = section.getByRole('img', { name: /^Queue length from/ });
  const label = (await queue.getAttribute('aria-label'))!;
  const m = /^Queue length from ([\d,]+) to ([\d,]+) over 10 min, peak ([\d,]+)/.exec(label);
  expect(m, label).not.toBeNull();
  const num = (s: string) => Number(s.replace(/,/g, ''));
  expect(num(m![1]!)).toBe(Math.round(q[0]!));
  expect(num(m![1]!)).toBeGreaterThan(50); // the article: about 98 at the start …
  expect(num(m![1]!)).toBeLessThan(150);
  expect(at80).toBeGreaterThan(300); // … about 380 at 80 s: it climbs, the queue never drains
  expect(at80).toBeGreaterThan(3 * q[0]!);
  await expect(section.getByRole('img', { name: /^p99 latency from .* budget 200 ms, p99 above it in 60 of 60 buckets$/ })).toBeVisible();
  await expect(section.getByRole('img', { name: 'Replicas serving from 8 to 8 over 10 min, no changes' })).toBeVisible();
  await expect(section.getByRole('img', { name: 'No rejections or timeouts over 10 min' })).toBeVisible();

  // No cursor until playback puts one; then one on every panel, and the readout at that instant.
  await expect(section.locator('.time-cursor')).toHaveCount(0);
  await expect(section.locator('.time-readout')).toContainText('Play or move the playback cursor');
  // The scrubber snaps to its own steps: read where it went (80 s or just after).
  const slider = page.getByRole('slider', { name: 'Simulated time' });
  await slider.fill('80');
  const t = Number(await slider.inputValue());
  expect(t).toBeGreaterThanOrEqual(80);
  expect(t).toBeLessThan(90);
  await expect(section.locator('.time-cursor')).toHaveCount(5);
  const readout = section.locator('.time-readout');
  await expect(readout).toContainText(`At ${Math.round(t)} s (bucket 80 s–90 s)`);
  await expect(readout.locator('[data-key="queue"] dd')).toHaveText(new RegExp(`^${Math.round(at80).toLocaleString('en-US')} \\[`));
  const xs = await section.locator('.time-cursor').evaluateAll((lines) => lines.map((l) => Number(l.getAttribute('x1'))));
  expect(new Set(xs.map((x) => x.toFixed(1))).size).toBe(1); // one time axis: the same x on every panel
  const svg = await queue.boundingBox();
  expect(xs[0]! - 46).toBeCloseTo(((svg!.width - 46 - 12) * t) / 600, 0);

  await section.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('time-charts-1920.png') });
  expect(problems).toEqual([]);
});

test('the serving time charts render a million buckets per series quickly in Chromium', async ({ page }, testInfo) => {
  // The figure and React, bundled for a blank page: the measure is the chart alone, not the app.
  const root = path.resolve(__dirname, '..', '..');
  const bundle = await build({
    stdin: {
      contents: `
        import { createElement } from 'react';
        import { flushSync } from 'react-dom';
        import { createRoot } from 'react-dom/client';
        import { ServingTimeFigure } from './renderer/charts/time/ServingTimeFigure';
        import { prepareServiceSeries } from './renderer/charts/time/series-columns';
        window.renderMillion = (n) => {
          const stat = (v) => ({ mean: v, ci95: [v * 0.9, v * 1.1] });
          const q = [], lat = [], reps = [], counts = [];
          for (let i = 0; i < n; i++) {
            q.push(stat(100 + 50 * Math.sin(i / 2e4) + (i % 7919 === 0 ? 400 : 0)));
            lat.push(stat(300 + 100 * Math.sin(i / 5e4)));
            reps.push(stat(4 + Math.floor(i / 2.5e5)));
            counts.push(i % 50000 === 0 ? 5 : 0);
          }
          const series = { bucket_s: 1, latency_p50_ms: lat, latency_p95_ms: lat, latency_p99_ms: lat, throughput_rps: q, queue_length: q, busy_slots: q, replicas: reps, rejected: counts, timed_out: counts };
          const input = { series, horizonS: n, warmupS: 0, replications: 5, offeredRps: 150, budgetMs: 350 };
          const el = document.createElement('div');
          document.body.replaceChildren(el);
          // Once per result, as the store does when a result arrives: the objects read into columns.
          const p0 = performance.now();
          prepareServiceSeries(series);
          const prepareMs = performance.now() - p0;
          const t0 = performance.now();
          flushSync(() => createRoot(el).render(createElement(ServingTimeFigure, { serviceId: 'big', input, width: 1200, cursorS: n / 2 })));
          el.getBoundingClientRect(); // style and layout
          const ms = performance.now() - t0;
          return { ms, prepareMs, points: (el.querySelector('.time-line').getAttribute('d').match(/[ML]/g) || []).length };
        };`,
      resolveDir: root,
      loader: 'tsx',
    },
    bundle: true,
    write: false,
    format: 'iife',
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'warning',
  });
  await page.setViewportSize({ width: 1280, height: 1200 });
  await page.setContent('<!doctype html><html><body></body></html>');
  await page.addScriptTag({ content: bundle.outputFiles[0]!.text });
  const runs: { ms: number; prepareMs: number; points: number }[] = [];
  for (let i = 0; i < 3; i++) {
    runs.push(await page.evaluate((n) => (window as unknown as { renderMillion(n: number): { ms: number; prepareMs: number; points: number } }).renderMillion(n), 1_000_000));
  }
  const median = runs.map((r) => r.ms).sort((a, b) => a - b)[1]!;
  const prepare = runs.map((r) => r.prepareMs).sort((a, b) => a - b)[1]!;
  console.log(`1,000,000 buckets × 7 series → 5 panels rendered in ${runs.map((r) => r.ms.toFixed(0)).join(', ')} ms (median ${median.toFixed(0)} ms; target < 200 ms); columns prepared once per result in ${runs.map((r) => r.prepareMs.toFixed(0)).join(', ')} ms (median ${prepare.toFixed(0)} ms)`);
  testInfo.annotations.push({ type: 'render-ms', description: median.toFixed(0) });
  expect(runs[0]!.points).toBeLessThanOrEqual(1200); // downsampled: about one point per pixel
  // The target is 200 ms, which HEADROOM_PERF_GATE=1 enforces (run it on an idle machine). In CI
  // this shared 2-core machine runs other suites beside this one, which slows it several-fold,
  // so the bound there is 3 s: it still fails a chart that draws a million points unsampled.
  expect(median).toBeLessThan(process.env.HEADROOM_PERF_GATE === '1' ? 200 : 3000);
});
