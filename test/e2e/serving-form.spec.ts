// The serving form and the readiness table (issue 16): on the risk example, add a second
// service, switch its arrivals to diurnal (the mean rate carried over, a rate sparkline drawn),
// switch on batching (the service time then shows why it is ignored) and autoscaling, type an
// invalid value and read the CLI's message beside it, collapse, duplicate and remove services;
// then edit, add and remove readiness rows. What the form wrote is checked in the saved
// scenario through the API. Shots at 1280×720, light and dark.
import type { Page } from '@playwright/test';
import type { ResultDocument, RunSummary, ScenarioRecord, ScenarioSummary } from '../../electron/common/contract';
import { callApi, collectConsoleProblems, expect, newFromExample, test } from './fixtures';

const NAME = 'E2E serving form';

/** The saved scenario (latest version) as an object. */
async function saved(appUrl: string): Promise<Record<string, any>> {
  const list = await callApi<ScenarioSummary[]>(appUrl, 'listScenarios');
  const summary = list.find((s) => s.name === NAME);
  if (!summary) return {};
  const record = await callApi<ScenarioRecord>(appUrl, 'getScenario', summary.id);
  return JSON.parse(record.json) as Record<string, any>;
}

const saveStatus = (page: Page) => page.getByRole('group', { name: 'Editor actions' }).getByRole('status');

test('services: add, arrivals, batching, autoscaling, an invalid value, collapse, duplicate, remove; the readiness table', async ({ page, appUrl }, testInfo) => {
  const problems = collectConsoleProblems(page);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(appUrl);
  await newFromExample(page, 'Risk model API');
  await page.getByLabel('Scenario name').fill(NAME);
  await expect(saveStatus(page)).toHaveText('Saved v2', { timeout: 10_000 });

  const serving = page.getByRole('region', { name: 'Serving' });
  const first = serving.getByRole('group', { name: 'Service risk_model_api' });
  await expect(first.getByLabel('Arrival rate (rps)')).toHaveValue('1200');
  // With one service there is nothing to remove but the section itself.
  await expect(first.getByRole('button', { name: /^Remove service/ })).toHaveCount(0);

  // A second service: the starter's id, open, its toggle focused.
  await serving.getByRole('button', { name: 'Add service' }).click();
  const second = serving.getByRole('group', { name: 'Service service_1' });
  await expect(second.getByRole('button', { name: /service_1/, expanded: true })).toBeFocused();
  await expect(second.getByLabel('Replicas', { exact: true })).toHaveValue('1');

  // Diurnal arrivals keep the 10 rps mean; the period is the example's 600 s horizon.
  await second.getByLabel('Arrival process').selectOption('diurnal');
  await expect(second.getByLabel('Mean arrival rate (rps)')).toHaveValue('10');
  await expect(second.getByLabel('Peak-to-mean ratio (1–2)')).toHaveValue('1.5');
  await expect(second.getByLabel('Period (s)')).toHaveValue('600');
  await expect(second.getByRole('img', { name: 'Offered rate over the 600 s horizon: 5 to 15 rps' })).toBeVisible();

  // Batching: its fields, and the service time now ignored, with the reason.
  const batching = second.getByRole('switch', { name: 'Batching' });
  await batching.check();
  await expect(second.getByLabel('Max batch size')).toHaveValue('8');
  await expect(second.getByLabel('Batch time base (ms)')).toHaveValue('25');
  const serviceTime = second.getByLabel('Service time distribution');
  await expect(serviceTime).toBeDisabled();
  await expect(serviceTime).toHaveAccessibleDescription(/^Ignored: with batching/);

  await second.getByRole('switch', { name: 'Autoscaling' }).check();
  await expect(second.getByLabel('Min replicas')).toHaveValue('1');
  await expect(second.getByLabel('Max replicas')).toHaveValue('2');

  await expect.poll(async () => (await saved(appUrl)).serving?.services?.[1], { timeout: 10_000 }).toEqual({
    id: 'service_1',
    arrivals: { process: 'diurnal', mean_rps: 10, peak_to_mean: 1.5, period_s: 600 },
    replicas: 1,
    service_time_ms: { dist: 'exponential', mean: 50 },
    latency_budget_ms: 200,
    batching: { max_batch: 8, max_wait_ms: 10, batch_time_ms: { base: 25, per_item: 25 } },
    autoscaling: { min_replicas: 1, max_replicas: 2, target_utilization: 0.7, interval_s: 30 },
  });

  // An invalid value: the CLI's message under the field (and in the problem list, by path).
  const target = second.getByLabel('Target utilization (0–1)');
  await target.fill('1.5');
  await expect(target).toHaveAttribute('aria-invalid', 'true');
  await expect(target).toHaveAccessibleDescription(/^must be a number > 0 and ≤ 1/);
  await expect(page.locator('#scenario-problems')).toContainText('serving.services[1].autoscaling.target_utilization: must be a number > 0 and ≤ 1');
  await second.scrollIntoViewIfNeeded();
  await target.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('serving-form-light.png') });

  await page.getByRole('button', { name: 'Dark theme' }).click();
  await second.getByLabel('Arrival process').scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('serving-form-dark.png') });
  await page.getByRole('button', { name: 'Dark theme' }).click();
  await target.fill('0.8');
  await expect(target).not.toHaveAttribute('aria-invalid', 'true');

  // A closed group renders no fields and sums itself up; reopening brings them back.
  const firstToggle = first.getByRole('button', { name: /^risk_model_api/ });
  await firstToggle.click();
  await expect(firstToggle).toHaveAttribute('aria-expanded', 'false');
  await expect(firstToggle).toContainText('poisson, 1200 rps · 8 replicas');
  await expect(first.getByLabel('Arrival rate (rps)')).toHaveCount(0);
  await serving.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('serving-collapsed-light.png') });
  await firstToggle.press('Enter');
  await expect(first.getByLabel('Arrival rate (rps)')).toHaveValue('1200');

  // Duplicate: the copy gets an unused id and sits right after its original.
  await first.getByRole('button', { name: 'Duplicate service risk_model_api' }).click();
  const copy = serving.getByRole('group', { name: 'Service risk_model_api_2' });
  await expect(copy.getByLabel('Arrival rate (rps)')).toHaveValue('1200');
  await expect(serving.getByRole('group', { name: /^Service / })).toHaveCount(3);
  await expect(serving.getByRole('group', { name: /^Service / }).nth(1)).toHaveAccessibleName('Service risk_model_api_2');
  await copy.getByRole('button', { name: 'Remove service risk_model_api_2' }).click();
  await second.getByRole('button', { name: 'Remove service service_1' }).click();
  await expect(serving.getByRole('group', { name: /^Service / })).toHaveCount(1);
  await expect.poll(async () => (await saved(appUrl)).serving?.services?.map((s: { id: string }) => s.id), { timeout: 10_000 }).toEqual(['risk_model_api']);

  // Readiness: a bad score shows the CLI's message under the row; a fix, a new row, a removal.
  const readiness = page.getByRole('region', { name: 'Readiness' });
  const table = readiness.getByRole('table');
  const rows = await table.getByRole('row').count();
  const score = table.getByLabel('Score (row 1)');
  await expect(score).toHaveValue('0.82');
  await score.fill('1.5');
  await expect(score).toHaveAccessibleDescription(/^Score: must be a probability in \[0, 1\]/);
  await page.getByRole('button', { name: 'Dark theme' }).click();
  await readiness.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('readiness-dark.png') });
  await page.getByRole('button', { name: 'Dark theme' }).click();
  await score.fill('0.9');
  await table.getByLabel('Technical debt (row 1)').fill('0.3');
  await readiness.getByRole('button', { name: 'Add row' }).click();
  await expect(table.getByRole('row')).toHaveCount(rows + 1);
  const added = rows; // the header row is row 0, so the new row's number is the old row count
  await expect(table.getByLabel(`Dimension (row ${added})`)).toHaveValue('dimension_1');
  await table.getByLabel(`Criticality (row ${added})`).fill('0.6');
  await table.getByRole('button', { name: 'Remove row 2 (compute_capacity)' }).click();
  await expect(table.getByRole('row')).toHaveCount(rows);
  await readiness.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('readiness-light.png') });

  await expect.poll(async () => (await saved(appUrl)).readiness as unknown[], { timeout: 10_000 }).toEqual(
    expect.arrayContaining([
      { dimension: 'data_pipeline', score: 0.9, technical_debt: 0.3 },
      { dimension: 'dimension_1', score: 0.8, criticality: 0.6 },
    ]),
  );
  const dims = ((await saved(appUrl)).readiness as { dimension: string }[]).map((r) => r.dimension);
  expect(dims).not.toContain('compute_capacity');
  expect(dims[dims.length - 1]).toBe('dimension_1');
  expect(problems).toEqual([]);
});

test('trace arrivals: file, time column, scale, replay, the trace\'s rate over time as saved, and the run\'s when it cannot be read', async ({ page, appUrl }, testInfo) => {
  const problems = collectConsoleProblems(page);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(appUrl);
  await newFromExample(page, 'LLM code completion');
  await page.getByLabel('Scenario name').fill('E2E serving trace');
  await expect(saveStatus(page)).toHaveText('Saved v2', { timeout: 10_000 });

  const svc = page.getByRole('region', { name: 'Serving' }).getByRole('group', { name: 'Service code_completion' });
  await expect(svc.getByLabel('Arrival process')).toHaveValue('trace');
  await expect(svc.getByLabel('Trace file (CSV)')).toHaveValue('data/AzureLLMInferenceTrace_code.csv');
  await expect(svc.getByLabel('Time column')).toHaveValue('TIMESTAMP');
  await expect(svc.getByLabel('Rate scale (×)')).toHaveValue('1');
  await expect(svc.getByLabel('Replay')).toHaveValue('same');

  // The trace's own rate over time, read by the backend from the saved version: 8,819 requests
  // from 18:17:03.98 to 19:14:19.93 (3,435.9 s), 2.57 rps on average, in 120 buckets of 28.6 s.
  const tracePreview = svc.getByRole('img', { name: /^Trace as saved in v2: 8,819 requests over 3,436 s, mean 2\.6 rps, peak [\d.,]+ rps \(per 29 s\)$/ });
  await expect(tracePreview).toBeVisible({ timeout: 10_000 });
  const caption = (await svc.locator('.rate-spark figcaption').textContent()) ?? '';
  const peak = Number(/peak ([\d.,]+) rps/.exec(caption)?.[1]?.replace(/,/g, ''));
  expect(peak).toBeGreaterThan(10); // the bursts the example's description speaks of
  await tracePreview.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('serving-trace-preview-light.png') });

  // Scale 2 halves the span and doubles the rate, once saved.
  await svc.getByLabel('Rate scale (×)').fill('2');
  await expect(svc.getByRole('img', { name: /^Trace as saved in v\d+ at scale ×2: 8,819 requests over 1,718 s, mean 5\.1 rps, peak [\d.,]+ rps \(per 14 s\)$/ })).toBeVisible({ timeout: 10_000 });
  await svc.getByLabel('Rate scale (×)').fill('1');
  await expect(svc.getByRole('img', { name: /^Trace as saved in v\d+: 8,819 requests over 3,436 s, mean 2\.6 rps/ })).toBeVisible({ timeout: 10_000 });

  // Shifted windows: disjoint at horizon × scale; back to "same" removes the field.
  await svc.getByLabel('Replay').selectOption('shifted_windows');
  await expect(svc.getByLabel('Window shift (s)')).toHaveValue('3600');
  await svc.getByLabel('Replay').selectOption('same');
  await expect(svc.getByLabel('Window shift (s)')).toHaveCount(0);

  // A trace that cannot be read (no such column): the reason, naming the field and the file,
  // then the selected run's offered rate and throughput over time in its place.
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByRole('progressbar', { name: 'Run progress' })).toHaveAttribute('aria-valuenow', '100', { timeout: 60_000 });
  await svc.getByLabel('Time column').fill('NOPE');
  await expect(svc.getByText(/^No trace preview as saved in v\d+: serving\.services\[0\]\.arrivals\.time_column: no column "NOPE" in data\/AzureLLMInferenceTrace_code\.csv \(line 1 has: TIMESTAMP, ContextTokens, GeneratedTokens\)$/)).toBeVisible({ timeout: 10_000 });
  const spark = svc.getByRole('img', { name: /^Selected run: offered [\d.]+ rps; throughput over time: [\d.]+ to [\d.]+ rps$/ });
  await expect(spark).toBeVisible({ timeout: 10_000 });
  await spark.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('serving-trace-light.png') });
  await svc.getByLabel('Time column').fill('TIMESTAMP');
  await expect(svc.getByRole('img', { name: /^Trace as saved in v\d+: 8,819 requests/ })).toBeVisible({ timeout: 10_000 });

  // Leaving the trace carries the run's offered rate (the stored result's) into the new process.
  const scenario = (await callApi<ScenarioSummary[]>(appUrl, 'listScenarios')).find((x) => x.name === 'E2E serving trace')!;
  const run = (await callApi<RunSummary[]>(appUrl, 'listRuns', scenario.id)).find((r) => r.status === 'done')!;
  const offered = (await callApi<ResultDocument>(appUrl, 'getRunResult', run.id)).serving!.code_completion!.offered_rps;
  await svc.getByLabel('Arrival process').selectOption('poisson');
  await expect(svc.getByLabel('Arrival rate (rps)')).toHaveValue(String(Number(offered.toPrecision(4))));
  await page.keyboard.press('Control+Z');
  await expect(svc.getByLabel('Arrival process')).toHaveValue('trace');
  await expect(svc.getByLabel('Trace file (CSV)')).toHaveValue('data/AzureLLMInferenceTrace_code.csv');
  expect(problems).toEqual([]);
});
