// The What-if analyses in the browser preview, end to end (real renderer, backend, worker threads
// and SQLite file): on the article's example, shortened, a sweep of the replicas 8–11 with the
// cheapest point meeting the SLO marked, the serving solve and its answer marked on the sweep's
// curve, a sensitivity of the p99 as a ranked tornado, the CSV export, Cancel and Delete; on the
// GPU cluster example, shortened, the pool solve's evidence. Each marker is checked against the
// kept document the API returns; screenshots go to a temp folder (HEADROOM_SHOTS to choose it).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { callApi, collectConsoleProblems, expect, test } from './fixtures';

const root = path.resolve(__dirname, '..', '..');
const shots = process.env.HEADROOM_SHOTS ?? fs.mkdtempSync(path.join(os.tmpdir(), 'headroom-whatif-'));

interface Stat { mean: number; ci95: [number, number] }
interface Summary { id: string; kind: string; title: string; scenarioVersion: number }
interface Rec { summary: Summary; document: any }

function example(name: string, edit: (d: any) => void): string {
  const d = JSON.parse(fs.readFileSync(path.join(root, 'assets', 'examples', name), 'utf8'));
  edit(d);
  return JSON.stringify(d, null, 2);
}

async function openScenario(page: Page, appUrl: string, json: string, name: string): Promise<string> {
  const created = await callApi<{ ok: boolean; scenario: { id: string } }>(appUrl, 'createScenario', json);
  expect(created.ok).toBe(true);
  await page.goto(appUrl);
  await page.getByRole('list', { name: 'Scenarios' }).getByRole('button', { name: new RegExp(`^${name}`) }).click();
  await expect(page.getByLabel('Scenario name')).toHaveValue(name);
  return created.scenario.id;
}

const whatIf = (page: Page) => page.getByRole('region', { name: 'What-if analyses', exact: true });
const kept = (page: Page) => whatIf(page).getByRole('list', { name: 'Kept analyses' });

async function shot(page: Page, name: string, target = whatIf(page)): Promise<void> {
  await target.scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(shots, `${name}.png`) });
}

// 8–11: 8 replicas run at 100% (misses any budget), 9 is the solver's answer at 500 ms, and 10–11
// meet it too; more points would only repeat what 10 and 11 show, at a simulated run each.
const SWEEP_VALUES = [8, 9, 10, 11];
const SWEEP_TITLE = 'Sweep serving.services[0].replicas=8:11:1';
type SweepPoint = { value: number; result: { serving: Record<string, { latency_at_slo_ms: Stat }> } };

/** Runs the replicas sweep 8–11 from the form; resolves to the kept document's points. */
async function sweepReplicas(page: Page, appUrl: string, id: string): Promise<SweepPoint[]> {
  const panel = whatIf(page);
  await panel.getByRole('radio', { name: 'Sweep' }).check();
  const sweep = panel.getByRole('form', { name: 'Sweep' });
  await expect(sweep.getByRole('combobox', { name: 'Field of parameter 1' })).toHaveValue('serving.services[0].replicas');
  await sweep.getByLabel('Parameter 1 From').fill('8');
  await sweep.getByLabel('Parameter 1 To').fill('11');
  await sweep.getByLabel('Parameter 1 Step').fill('1');
  await expect(sweep.getByText(`${SWEEP_VALUES.length} points`)).toBeVisible();
  const before = (await callApi<Summary[]>(appUrl, 'listAnalyses', id)).length;
  await sweep.getByRole('button', { name: 'Run sweep' }).click();
  await expect(kept(page).getByRole('listitem')).toHaveCount(before + 1, { timeout: 60_000 });
  const list = await callApi<Summary[]>(appUrl, 'listAnalyses', id);
  expect(list[0]).toMatchObject({ kind: 'sweep', title: SWEEP_TITLE });
  const rec = await callApi<Rec>(appUrl, 'getAnalysis', list[0]!.id);
  const points = rec.document.sweep.points as SweepPoint[];
  expect(points.map((p) => p.value)).toEqual(SWEEP_VALUES);
  return points;
}

/** Runs the serving solve of risk_model_api (3 replications per count); resolves to the kept solve. */
async function solveService(page: Page, appUrl: string, id: string): Promise<{ replicas: number | null; estimate: number; search_max: number; evidence: unknown[] }> {
  const panel = whatIf(page);
  await panel.getByRole('radio', { name: 'Solve' }).check();
  const solve = panel.getByRole('form', { name: 'Solve' });
  await expect(solve.getByRole('combobox', { name: 'Service' })).toHaveValue('risk_model_api');
  await solve.getByLabel('Replications per count').fill('3');
  const before = (await callApi<Summary[]>(appUrl, 'listAnalyses', id)).length;
  await solve.getByRole('button', { name: 'Solve replicas' }).click();
  await expect(kept(page).getByRole('listitem')).toHaveCount(before + 1, { timeout: 60_000 });
  const list = await callApi<Summary[]>(appUrl, 'listAnalyses', id);
  expect(list[0]!.kind).toBe('solve');
  const solved = (await callApi<Rec>(appUrl, 'getAnalysis', list[0]!.id)).document.solve;
  const evidence = panel.getByRole('table', { name: 'Replica counts simulated for risk_model_api' });
  await expect(evidence.getByRole('row')).toHaveCount(solved.evidence.length + 1);
  return solved;
}

test('the article example: sweep replicas 8–11, solve, see the answer on the curve; sensitivity of the p99 as a ranked tornado', async ({ page, appUrl }) => {
  test.setTimeout(240_000);
  const problems = collectConsoleProblems(page);
  const name = 'E2E what-if risk';
  const id = await openScenario(page, appUrl, example('risk-model-api.json', (d) => {
    d.name = name;
    d.replications = 3;
    d.horizon_s = 120;
    d.warmup_s = 20;
    delete d.pipeline;
    delete d.cluster;
  }), name);
  const panel = whatIf(page);
  await expect(panel.getByText('Runs on the saved version v1')).toBeVisible();
  await expect(panel.getByText(/No analyses kept yet/)).toBeVisible();

  // An unsaved edit: the panel says the analyses run without it.
  await page.getByLabel('Warm-up (s)').fill('21');
  await expect(panel.getByRole('note')).toContainText('unsaved changes');
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(panel.getByRole('note')).toHaveCount(0);

  // As the article has it (p99 within 200 ms; 80 ms exponential service time): no count meets the SLO.
  let points = await sweepReplicas(page, appUrl, id);
  const chart = panel.getByRole('img', { name: 'Sweep: Latency at the SLO percentile vs service risk_model_api · replicas' });
  await expect(chart).toBeVisible();
  expect(points.filter((p) => p.result.serving.risk_model_api!.latency_at_slo_ms.ci95[1] <= 200)).toEqual([]);
  await expect(chart.locator('[data-marker="cheapest"]')).toHaveCount(0);
  await expect(chart.locator('.wi-point.misses')).toHaveCount(SWEEP_VALUES.length);
  await expect(chart.locator('[data-marker="budget"] text')).toHaveText('Budget 200 ms');
  await expect(panel.getByTestId('sweep-verdict')).toContainText('No point meets the SLO of risk_model_api with confidence');
  let solved = await solveService(page, appUrl, id);
  expect(solved.replicas).toBeNull();
  await expect(panel.getByTestId('solve-answer')).toHaveText(`No replica count from ${solved.estimate} to ${solved.search_max} meets the SLO.`);
  await expect(panel.getByTestId('solve-reason')).toContainText('already exceed the 200 ms budget before any queueing');
  await shot(page, '1-solve-none-light');
  await kept(page).getByRole('button', { name: `Open ${SWEEP_TITLE}` }).click();
  await expect(chart.locator('[data-marker="solver"] text')).toHaveText(`Solver’s answer: no count from ${solved.estimate} to ${solved.search_max} meets the SLO`);
  await shot(page, '2-sweep-none-light', chart);

  // With a 500 ms budget (saved as v2), 9 replicas and more meet it.
  await page.getByLabel('Latency budget (ms)').fill('500');
  await page.keyboard.press('Control+S');
  await expect(page.getByRole('status').filter({ hasText: 'Saved v2' })).toBeVisible();
  await expect(panel.getByText('Runs on the saved version v2')).toBeVisible();
  points = await sweepReplicas(page, appUrl, id);
  const meeting = points.filter((p) => p.result.serving.risk_model_api!.latency_at_slo_ms.ci95[1] <= 500).map((p) => p.value);
  expect(meeting.length).toBeGreaterThan(0);
  expect(meeting).not.toContain(8); // 8 replicas run at 100% utilization
  const cheapest = Math.min(...meeting); // no costs here: the lowest count
  await expect(chart.locator('[data-marker="cheapest"] text')).toHaveText(`Cheapest meeting the SLO: ${cheapest}`);
  await expect(chart.locator('[data-marker="budget"] text')).toHaveText('Budget 500 ms');
  await expect(chart.locator('.wi-point')).toHaveCount(SWEEP_VALUES.length);
  await expect(chart.locator('.wi-point.meets')).toHaveCount(meeting.length);
  await expect(chart.locator(`.wi-point.cheapest[data-value="${cheapest}"]`)).toHaveCount(1);
  await expect(panel.getByTestId('sweep-verdict')).toContainText(`service risk_model_api · replicas = ${cheapest}`);
  // The earlier solve was of v1: the marker says so.
  await expect(chart.locator('[data-marker="solver"] text')).toContainText('(solve of v1)');
  await shot(page, '3-sweep-light', chart);

  // Export: the report of the kept sweep (HTML with its chart), then the drawn figure's points as CSV.
  const [report] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: /^Export report of Sweep/ }).click()]);
  expect(report.suggestedFilename()).toMatch(/^e2e-what-if-risk-sweep-[0-9a-f-]{8}\.html$/);
  const html = fs.readFileSync(await report.path(), 'utf8');
  expect(html.match(/<svg role="img"/g)).toHaveLength(1);
  expect(html).toContain(`Every point (${SWEEP_VALUES.length})`);
  const [download] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: 'CSV of this figure' }).click()]);
  expect(download.suggestedFilename()).toBe('e2e-what-if-risk-sweep-v2.csv');
  const csv = fs.readFileSync(await download.path(), 'utf8').split('\r\n');
  expect(csv[0]).toBe('serving.services[0].replicas,serving.risk_model_api.latency_at_slo_ms mean,serving.risk_model_api.latency_at_slo_ms ci95 low,serving.risk_model_api.latency_at_slo_ms ci95 high,cost_per_hour,meets SLO of risk_model_api');
  expect(csv.filter((l) => l !== '')).toHaveLength(SWEEP_VALUES.length + 1);
  expect(csv[1]).toMatch(/^8,[\d.]+,[-\d.]+,[\d.]+,,no$/);

  // Solve again: its answer is marked on the sweep's curve.
  solved = await solveService(page, appUrl, id);
  const answer = solved.replicas as number;
  expect(meeting).toContain(answer);
  await expect(panel.getByTestId('solve-answer')).toHaveText(`Answer: ${answer} replicas.`);
  await expect(panel.getByRole('table', { name: 'Replica counts simulated for risk_model_api' }).locator('tr[aria-current="true"] th')).toHaveText(String(answer));
  await shot(page, '4-solve-light');
  await kept(page).getByRole('button', { name: `Open ${SWEEP_TITLE}` }).first().click();
  await expect(chart).toBeVisible();
  await expect(panel.getByTestId('sweep-verdict')).toContainText(`The solver’s answer: ${answer} replicas.`);
  if (answer === cheapest) {
    await expect(chart.locator('[data-marker="cheapest"] text')).toHaveText(`Cheapest meeting the SLO: ${cheapest} = solver’s answer`);
    await expect(chart.locator('[data-marker="solver"]')).toHaveCount(0);
  } else {
    await expect(chart.locator('[data-marker="solver"] text')).toHaveText(`Solver’s answer: ${answer} replicas`);
  }
  // The marker stands on the curve's point with that value.
  const markerX = Number(await chart.locator(`[data-marker="${answer === cheapest ? 'cheapest' : 'solver'}"] line`).getAttribute('x1'));
  const pointX = Number(await chart.locator(`.wi-point[data-value="${answer}"] circle`).getAttribute('cx'));
  expect(Math.abs(markerX - pointX)).toBeLessThan(0.5);
  await shot(page, '5-sweep-with-solver-light', chart);

  // Sensitivity of the p99: a tornado ranked by swing.
  await panel.getByRole('radio', { name: 'Sensitivity' }).check();
  const sens = panel.getByRole('form', { name: 'Sensitivity' });
  await expect(sens.getByRole('combobox', { name: 'Figure' })).toHaveValue('serving.risk_model_api.latency_at_slo_ms');
  await sens.getByRole('combobox', { name: 'Figure' }).selectOption('serving.risk_model_api.latency_ms.p99');
  // One replication per run: the ranking and the drawing are checked against the kept document,
  // whatever its numbers; the scenario's 3 would triple the 14 runs, the longest part of this test.
  await sens.getByLabel('Replications per run').fill('1');
  await sens.getByRole('button', { name: 'Run sensitivity' }).click();
  const tornado = panel.getByRole('img', { name: /^Tornado chart: What moves Latency p99/ });
  await expect(tornado).toBeVisible({ timeout: 90_000 });
  const sensList = await callApi<Summary[]>(appUrl, 'listAnalyses', id);
  const sensRec = await callApi<Rec>(appUrl, 'getAnalysis', sensList[0]!.id);
  const inputs = (sensRec.document.sensitivity.inputs as { path: string; swing: number | null }[]).filter((i) => i.swing !== null);
  expect(inputs.length).toBeGreaterThan(1);
  const drawn = await tornado.locator('.wi-tornado-row').evaluateAll((els) => els.map((e) => ({ rank: Number(e.getAttribute('data-rank')), path: e.getAttribute('data-path') })));
  // Two-sided inputs first, largest swing first, ranked 1, 2, 3, …
  expect(drawn.slice(0, inputs.length).map((r) => r.path)).toEqual([...inputs].sort((a, b) => b.swing! - a.swing!).map((i) => i.path));
  expect(drawn.map((r) => r.rank)).toEqual(drawn.map((_, i) => i + 1));
  // Readable names: the field's words, not its path (the service is in the title).
  const topLabel = tornado.locator('.wi-tornado-row').first().locator('.wi-row-label');
  await expect(topLabel).toHaveText(/^1\. [a-z]/);
  await expect(topLabel).not.toContainText('serving.');
  await shot(page, '6-tornado-light', tornado);

  // Dark theme, the tornado and the sweep.
  await page.getByRole('button', { name: 'Dark theme' }).click();
  await shot(page, '7-tornado-dark', tornado);
  await kept(page).getByRole('button', { name: `Open ${SWEEP_TITLE}` }).first().click();
  await shot(page, '8-sweep-dark', chart);
  await page.getByRole('button', { name: 'Dark theme' }).click();

  // Delete asks first, then the list and the library lose it.
  const count = (await callApi<Summary[]>(appUrl, 'listAnalyses', id)).length;
  await kept(page).getByRole('button', { name: `Delete ${sensRec.summary.title}` }).click();
  await kept(page).getByRole('button', { name: `Confirm delete ${sensRec.summary.title}` }).click();
  await expect(kept(page).getByRole('listitem')).toHaveCount(count - 1);
  expect((await callApi<Summary[]>(appUrl, 'listAnalyses', id)).map((a) => a.kind)).toEqual(['solve', 'sweep', 'solve', 'sweep']);
  expect(problems).toEqual([]);
});

test('a long sweep shows its progress and cancels; nothing is kept', async ({ page, appUrl }) => {
  const problems = collectConsoleProblems(page);
  const name = 'E2E what-if cancel';
  const id = await openScenario(page, appUrl, example('risk-model-api.json', (d) => {
    d.name = name;
    d.horizon_s = 3600;
    delete d.pipeline;
    delete d.cluster;
  }), name);
  const panel = whatIf(page);
  const sweep = panel.getByRole('form', { name: 'Sweep' });
  await sweep.getByLabel('Parameter 1 From').fill('8');
  await sweep.getByLabel('Parameter 1 To').fill('40');
  await sweep.getByLabel('Replications per point').fill('50');
  await sweep.getByRole('button', { name: 'Run sweep' }).click();
  const bar = panel.getByRole('progressbar', { name: 'Analysis progress' });
  await expect(bar).toBeVisible();
  await expect(bar).toHaveAttribute('aria-valuenow', /^\d+$/);
  await expect(sweep.getByRole('button', { name: 'Run sweep' })).toBeDisabled();
  await expect(bar).toHaveAttribute('aria-valuetext', /Sweep: point \d+ of 33/);
  await shot(page, '9-progress-light');
  await panel.getByRole('button', { name: 'Cancel analysis' }).click();
  await expect(panel.getByRole('status').filter({ hasText: 'The analysis was cancelled; nothing was kept.' })).toBeVisible();
  await expect(bar).toHaveCount(0);
  expect(await callApi<Summary[]>(appUrl, 'listAnalyses', id)).toEqual([]);
  expect(problems).toEqual([]);
});

// 3 × 3 cells and a 3-point sweep: cells that miss (8 × 10 and 9 × 10 have too few slots, 8 × 12
// is exactly 100% busy) and cells that meet, the cheapest among them; more points would only add
// cells like these, a simulated run each.
test('two fields over a grid: a heatmap with the meeting cells outlined', async ({ page, appUrl }) => {
  const problems = collectConsoleProblems(page);
  const name = 'E2E what-if grid';
  const id = await openScenario(page, appUrl, example('risk-model-api.json', (d) => {
    d.name = name;
    d.replications = 3;
    d.horizon_s = 120;
    d.warmup_s = 20;
    d.serving.services[0].latency_budget_ms = 500;
    d.serving.services[0].cost_per_replica_hour = 1.5;
    delete d.pipeline;
    delete d.cluster;
  }), name);
  const panel = whatIf(page);
  const sweep = panel.getByRole('form', { name: 'Sweep' });
  await sweep.getByLabel('Parameter 1 From').fill('8');
  await sweep.getByLabel('Parameter 1 To').fill('10');
  await sweep.getByLabel('Parameter 1 Step').fill('1');
  await sweep.getByRole('checkbox', { name: 'Vary a second field over a grid (heatmap)' }).check();
  await sweep.getByRole('combobox', { name: 'Field of parameter 2' }).selectOption('serving.services[0].concurrency');
  await sweep.getByLabel('Parameter 2 From').fill('10');
  await sweep.getByLabel('Parameter 2 To').fill('14');
  await sweep.getByLabel('Parameter 2 Step').fill('2');
  await expect(sweep.getByText('9 points')).toBeVisible();
  await sweep.getByRole('button', { name: 'Run sweep' }).click();
  const heatmap = panel.getByRole('img', { name: 'Sweep heatmap: Latency at the SLO percentile over replicas × concurrency of service risk_model_api' });
  await expect(heatmap).toBeVisible({ timeout: 60_000 });
  const [summary] = await callApi<Summary[]>(appUrl, 'listAnalyses', id);
  const rec = await callApi<Rec>(appUrl, 'getAnalysis', summary!.id);
  const points = rec.document.sweep.points as { values: number[]; result: { serving: Record<string, { latency_at_slo_ms: Stat; analytic: { cost_per_hour: number } }> } }[];
  const meeting = points.filter((p) => p.result.serving.risk_model_api!.latency_at_slo_ms.ci95[1] <= 500);
  await expect(heatmap.locator('.wi-cell')).toHaveCount(9);
  await expect(heatmap.locator('.wi-cell.meets')).toHaveCount(meeting.length);
  // Cheapest by cost: replicas × 1.5 per hour, so the fewest replicas that meet it (then the lowest concurrency).
  const cheapest = [...meeting].sort((a, b) => a.result.serving.risk_model_api!.analytic.cost_per_hour - b.result.serving.risk_model_api!.analytic.cost_per_hour || a.values[1]! - b.values[1]!)[0]!;
  await expect(heatmap.locator('.wi-cell.cheapest')).toHaveAttribute('data-values', cheapest.values.join(','));
  await expect(panel.getByTestId('sweep-verdict')).toContainText(`at ${cheapest.values[0]! * 1.5} per hour`);
  await shot(page, '12-heatmap-light', heatmap);
  // The cost per hour as the figure.
  await panel.getByRole('combobox', { name: 'Figure to draw' }).selectOption('cost_per_hour');
  await expect(panel.getByRole('img', { name: /^Sweep heatmap: Cost per hour/ })).toBeVisible();
  await panel.getByRole('combobox', { name: 'Figure to draw' }).selectOption('serving.risk_model_api.latency_at_slo_ms');
  await page.getByRole('button', { name: 'Dark theme' }).click();
  await shot(page, '13-heatmap-dark', heatmap);
  await page.getByRole('button', { name: 'Dark theme' }).click();

  // One field with a cost: the cost per hour on the right axis.
  await sweep.getByRole('checkbox', { name: 'Vary a second field over a grid (heatmap)' }).uncheck();
  await sweep.getByLabel('Parameter 1 To').fill('10');
  await sweep.getByRole('button', { name: 'Run sweep' }).click();
  const chart = panel.getByRole('img', { name: 'Sweep: Latency at the SLO percentile vs service risk_model_api · replicas' });
  await expect(chart).toBeVisible({ timeout: 60_000 });
  await expect(chart.locator('[data-series="cost"]')).toHaveCount(1);
  await expect(chart.locator('.wi-cost-point')).toHaveCount(3);
  await expect(chart.locator('[data-marker="cheapest"] text')).toHaveText(/^Cheapest meeting the SLO: \d+ \([\d.,]+ per hour\)$/);
  await shot(page, '14-sweep-cost-light', chart);
  expect(problems).toEqual([]);
});

test('the GPU cluster pool solve shows its evidence table', async ({ page, appUrl }) => {
  test.setTimeout(180_000);
  const problems = collectConsoleProblems(page);
  const name = 'E2E what-if GPU pool';
  const id = await openScenario(page, appUrl, example('gpu-training-cluster.json', (d) => {
    d.name = name;
    d.horizon_s = 21600;
    d.replications = 2;
  }), name);
  const panel = whatIf(page);
  await panel.getByRole('radio', { name: 'Solve' }).check();
  const solve = panel.getByRole('form', { name: 'Solve' });
  await solve.getByRole('radio', { name: 'Pool units' }).check();
  await expect(solve.getByRole('combobox', { name: 'Pool' })).toHaveValue('h100_train');
  await solve.getByLabel('Max queueing delay (s)').fill('600');
  await expect(solve.getByRole('combobox', { name: 'At percentile' })).toHaveValue('95');
  await solve.getByLabel('Replications per count').fill('2');
  await solve.getByRole('button', { name: 'Solve units' }).click();
  const evidence = panel.getByRole('table', { name: 'Unit counts simulated for pool h100_train' });
  await expect(evidence).toBeVisible({ timeout: 120_000 });
  const list = await callApi<Summary[]>(appUrl, 'listAnalyses', id);
  const rec = await callApi<Rec>(appUrl, 'getAnalysis', list[0]!.id);
  const result = rec.document.solve as { units: number | null; evidence: { units: number; meets: boolean }[]; reason: string | null };
  await expect(evidence.getByRole('row')).toHaveCount(result.evidence.length + 1);
  await expect(evidence.getByRole('row').nth(1).getByRole('rowheader')).toHaveText(String(result.evidence[0]!.units));
  if (result.units === null) {
    await expect(panel.getByTestId('solve-answer')).toHaveText('No unit count meets the target.');
    await expect(panel.getByTestId('solve-reason')).toContainText(result.reason!.slice(1, 40));
  } else {
    await expect(panel.getByTestId('solve-answer')).toHaveText(`Answer: ${result.units} units.`);
    await expect(evidence.locator('tr[aria-current="true"] th')).toHaveText(String(result.units));
  }
  await expect(kept(page).getByRole('listitem').first()).toContainText(rec.summary.title);
  await shot(page, '10-pool-solve-light');
  await page.getByRole('button', { name: 'Dark theme' }).click();
  await shot(page, '11-pool-solve-dark');
  await page.getByRole('button', { name: 'Dark theme' }).click();
  expect(problems).toEqual([]);
});
