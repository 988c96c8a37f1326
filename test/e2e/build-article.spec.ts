// Issue 16's must-show: the seed article's worked example built from an empty library using only
// the forms and the DAG canvas — its 9 tasks, 4 pools, the service and the readiness table — then
// run. Its analytic figures must equal those of the bundled example (the article's numbers), and
// everything is found again after a reload. Shots at 1280×720, light and dark.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Locator, type Page } from '@playwright/test';
import { collectConsoleProblems, expect, newFromExample, startPreview, stopPreview, test, type PreviewServer } from './fixtures';

const TASKS: readonly [id: string, duration: number, failure: number, gate: boolean][] = [
  ['ingest_raw_data', 1080, 0.03, false],
  ['validate_schema', 420, 0.02, true],
  ['transform_records', 1440, 0.05, false],
  ['build_features', 960, 0.04, true],
  ['train_model', 5700, 0.06, false],
  ['evaluate_model', 1200, 0.03, true],
  ['register_model', 360, 0.01, true],
  ['deploy_model', 720, 0.02, true],
  ['monitor_predictions', 300, 0.02, false],
];
const POOLS: readonly [id: string, units: number, allocated: number, target: number][] = [
  ['gpu_pool_a', 32, 26, 0.85],
  ['gpu_pool_b', 16, 14, 0.85],
  ['cpu_feature_workers', 80, 52, 0.7],
  ['model_serving_pool', 12, 9, 0.75],
];
const READINESS: readonly [string, number][] = [
  ['data_pipeline', 0.82], ['compute_capacity', 0.76], ['storage_throughput', 0.8], ['serving_reliability', 0.84],
  ['observability', 0.78], ['security_controls', 0.74], ['governance_controls', 0.72],
];

let server: PreviewServer;
let dataDir: string;
test.beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'headroom-article-'));
  server = await startPreview(dataDir);
});
test.afterAll(async () => {
  await stopPreview(server);
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const summaryText = async (page: Page) => (await page.getByRole('table', { name: 'Analytic summary' }).innerText()).trim();

async function fill(field: Locator, value: string | number) {
  await field.fill(String(value));
  await expect(field).toHaveValue(String(value));
}

test('build the article\'s scenario with the forms and the canvas, run it, reload', async ({ page }, testInfo) => {
  test.setTimeout(240_000);
  const problems = collectConsoleProblems(page);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(server.url);

  // The article's figures, from the bundled example; then the library is emptied.
  await newFromExample(page, 'Risk model API');
  const expected = await summaryText(page);
  const scenarios = page.getByRole('list', { name: 'Scenarios' });
  while (await scenarios.getByRole('listitem').count() > 0) {
    const n = await scenarios.getByRole('listitem').count();
    await scenarios.getByRole('button', { name: /^Delete / }).first().click();
    await expect(scenarios.getByRole('listitem')).toHaveCount(n - 1);
  }
  await expect(scenarios.getByRole('listitem')).toHaveCount(0);

  // New → Blank: one task to build on.
  await page.getByRole('button', { name: 'New', exact: true }).click();
  await page.getByRole('list', { name: 'New scenario' }).getByRole('button', { name: /^Blank/ }).click();
  await expect(scenarios.getByRole('listitem')).toHaveCount(1);
  await fill(page.getByLabel('Scenario name'), 'The article, built by hand');
  await fill(page.getByLabel('Pipeline runs'), 1000);

  // The pipeline on the canvas: rename the first task, then add each next one after the selected.
  const canvas = page.getByRole('group', { name: 'Pipeline DAG editor' });
  for (const [i, [id, duration, failure, gate]] of TASKS.entries()) {
    // The first task starts selected; each added task goes after the selected one, with an edge.
    if (i > 0) await page.getByRole('button', { name: 'Add task' }).click();
    await fill(page.getByLabel('Task id'), id);
    await expect(canvas.getByRole('button', { name: `Task ${id}` })).toBeVisible();
    await fill(page.getByLabel('Mean duration (s)'), duration);
    await fill(page.getByLabel('Failure probability'), failure);
    if (gate) await page.getByLabel('Approval gate').selectOption('approval');
  }
  // A cycle is refused, named.
  await canvas.getByRole('button', { name: 'Task monitor_predictions' }).click();
  await page.getByLabel('Connect selected task to').selectOption('ingest_raw_data');
  await page.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(page.locator('.pe-note[role=alert]')).toHaveText(/^Refused: monitor_predictions → ingest_raw_data would close the cycle ingest_raw_data → .* → monitor_predictions → ingest_raw_data/);
  await page.screenshot({ path: testInfo.outputPath('article-pipeline.png') });

  // The cluster's four pools.
  await page.getByRole('button', { name: 'Add cluster' }).click();
  for (const [i, [id, units, allocated, target]] of POOLS.entries()) {
    if (i > 0) await page.getByRole('button', { name: 'Add pool' }).click();
    const idField = page.getByRole('textbox', { name: /^Id of pool / }).nth(i);
    await fill(idField, id);
    await idField.press('Enter'); // a pool is renamed (with everything naming it) on Enter or leaving the field
    await fill(page.getByRole('textbox', { name: `Units of pool ${id}`, exact: true }), units);
    await fill(page.getByRole('textbox', { name: `Allocated units of pool ${id}` }), allocated);
    await fill(page.getByRole('textbox', { name: `Utilization target of pool ${id}` }), target);
  }

  // The service.
  await page.getByRole('button', { name: 'Add serving' }).click();
  await fill(page.getByLabel('Service id'), 'risk_model_api');
  await fill(page.getByLabel('Arrival rate (rps)'), 1200);
  await fill(page.getByLabel('Replicas', { exact: true }), 8);
  await fill(page.getByLabel('Concurrency per replica'), 12);
  await page.getByLabel('Service time distribution').selectOption('exponential');
  await fill(page.getByLabel('Mean service time (ms)'), 80);
  for (const [name, ms] of [['Feature latency', 45], ['Network latency', 35], ['Post-processing latency', 20]] as const) {
    await page.getByLabel(`${name} distribution`).selectOption('fixed');
    await fill(page.getByLabel(`Mean ${name.toLowerCase()} (ms)`), ms);
  }
  await fill(page.getByLabel('Latency budget (ms)'), 200);
  // With a service, the horizon and warm-up count (a pipeline alone ignores them; the form said so).
  await fill(page.getByLabel('Horizon (s)'), 600);
  await fill(page.getByLabel('Warm-up (s)'), 60);

  // The readiness table.
  await page.getByRole('button', { name: 'Add readiness' }).click();
  for (const [i, [dimension, score]] of READINESS.entries()) {
    if (i > 0) await page.getByRole('button', { name: 'Add row' }).click();
    await fill(page.getByRole('textbox', { name: `Dimension (row ${i + 1})` }), dimension);
    await fill(page.getByRole('textbox', { name: `Score (row ${i + 1})` }), score);
  }

  // No problem left; the analytic figures are the article's.
  await expect(page.locator('#scenario-problems')).not.toContainText('problem');
  await expect.poll(() => summaryText(page)).toBe(expected);
  await page.screenshot({ path: testInfo.outputPath('article-built.png'), fullPage: true });

  // Run it: 8 replicas at 1200 rps is the article's unstable point.
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByRole('progressbar', { name: 'Run progress' })).toHaveAttribute('aria-valuenow', '100', { timeout: 120_000 });
  await expect(page.getByText('Unstable:')).toBeVisible();
  await page.getByRole('button', { name: 'Dark theme' }).click();
  await page.screenshot({ path: testInfo.outputPath('article-run-dark.png') });
  await page.getByRole('button', { name: 'Dark theme' }).click();

  // Reload: the scenario, its run and its figures come back.
  await page.reload();
  await expect(scenarios.getByRole('button', { name: /^The article, built by hand/ })).toHaveAttribute('aria-current', 'true');
  await expect(page.getByLabel('Scenario name')).toHaveValue('The article, built by hand');
  await expect.poll(() => summaryText(page)).toBe(expected);
  await expect(page.getByRole('group', { name: 'Pipeline DAG editor' }).getByRole('button', { name: /^Task / })).toHaveCount(9);
  expect(problems).toEqual([]);
});
