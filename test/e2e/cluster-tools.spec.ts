// The cluster tools in the browser preview, end to end (real renderer, backend, worker threads
// and SQLite file): straggler calibration from an Alibaba PAI per-worker step-times file, with
// the fitted figures checked against `headroom calibrate-stragglers --json` and applied to the
// scenario; and the checkpoint-interval sweep, with its Young/Daly and optimum markers checked
// against the API's answer and the optimum written back as the checkpoint interval.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { fixtureData } from '../fixture-data';
import { collectConsoleProblems, expect, jsonViewText, test } from './fixtures';

const root = path.resolve(__dirname, '..', '..');
const pai1 = fixtureData('alibaba_pai_2020', 'job_1_norm.csv');

const scenarioList = (page: Page) => page.getByRole('list', { name: 'Scenarios' });
const saveStatus = (page: Page) => page.getByRole('group', { name: 'Editor actions' }).getByRole('status');
const sig6 = (x: number) => Number(x.toPrecision(6));
const seconds = (x: number) => (x >= 1e4 ? `${+(x / 1e3).toPrecision(3)}k` : Math.round(x).toLocaleString('en-US'));

/** A 4-node job on a pool of 8-GPU nodes that fail (MTBF_job 50,000 s, C = 60 s: Young/Daly 2,449 s). */
const SCENARIO = {
  format: 'headroom.scenario/v1',
  name: 'E2E cluster tools',
  replications: 3,
  horizon_s: 1e7,
  cluster: {
    pools: [{ id: 'gpu', units: 64, units_per_node: 8 }],
    jobs: [{ id: 'train', pool: 'gpu', arrival_s: 0, units: 32, steps: 200_000, step_time_s: 10 }],
    failures: { node_mtbf_s: 200_000, repair_s: 3600, checkpoint_interval_s: 1000, checkpoint_cost_s: 60, restart_overhead_s: 120 },
  },
};

async function apiCall<T>(page: Page, appUrl: string, method: string, args: unknown[]): Promise<T> {
  const url = new URL(appUrl);
  const res = await page.request.post(`${url.origin}/api/call/${method}`, {
    headers: { 'Content-Type': 'application/json', 'X-Headroom-Token': url.searchParams.get('token')! },
    data: { args },
  });
  expect(res.status()).toBe(200);
  return ((await res.json()) as { value: T }).value;
}

async function editorJson(page: Page): Promise<{ cluster: Record<string, any> }> {
  await page.getByRole('button', { name: 'JSON', exact: true }).click();
  return JSON.parse(await jsonViewText(page));
}

test('a cluster without failures: the checkpoint tool names cluster.failures', async ({ page, appUrl }) => {
  const problems = collectConsoleProblems(page);
  await page.goto(appUrl);
  await scenarioList(page).getByRole('button', { name: /^Risk model API/ }).first().click();
  await expect(page.getByLabel('Scenario name')).toHaveValue(/Risk model API/);
  const tools = page.getByRole('group', { name: 'Cluster tools' });
  const button = tools.getByRole('button', { name: 'Checkpoint interval…' });
  await expect(button).toHaveAccessibleDescription('needs cluster.failures');
  await button.click();
  const dialog = page.getByRole('dialog', { name: 'Checkpoint interval' });
  await expect(dialog.getByRole('alert')).toContainText('This scenario has no cluster.failures');
  await expect(dialog.getByRole('button', { name: /Run/ })).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(button).toBeFocused();
  expect(problems).toEqual([]);
});

test('calibrate stragglers from a PAI job, apply; sweep checkpoint intervals, use the optimum', async ({ page, appUrl }) => {
  const problems = collectConsoleProblems(page);
  const created = await apiCall<{ ok: boolean; scenario: { id: string } }>(page, appUrl, 'createScenario', [JSON.stringify(SCENARIO, null, 2)]);
  expect(created.ok).toBe(true);
  const id = created.scenario.id;
  await page.goto(appUrl);
  await scenarioList(page).getByRole('button', { name: /^E2E cluster tools/ }).click();
  await expect(page.getByLabel('Scenario name')).toHaveValue('E2E cluster tools');

  // Calibration, opened from the keyboard.
  const tools = page.getByRole('group', { name: 'Cluster tools' });
  await tools.getByRole('button', { name: 'Calibrate stragglers…' }).focus();
  await page.keyboard.press('Enter');
  const calibrate = page.getByRole('dialog', { name: 'Calibrate stragglers' });
  await expect(calibrate).toBeVisible();
  await calibrate.getByLabel('Per-worker step times (CSV)').setInputFiles(pai1);
  const fitTable = calibrate.getByRole('table', { name: 'Straggler fit' });
  await expect(fitTable).toBeVisible();
  const cli = spawnSync(process.execPath, [path.join(root, 'bin', 'headroom.cjs'), 'calibrate-stragglers', pai1, '--json'], { encoding: 'utf8' });
  expect(cli.status).toBe(0);
  const fit = JSON.parse(cli.stdout);
  const cell = (name: string) => fitTable.getByRole('row', { name: new RegExp(`^${name}`) }).getByRole('cell').first();
  await expect(calibrate.getByRole('heading', { name: `job_1_norm.csv: ${fit.workers} workers, ${fit.steps} steps` })).toBeVisible();
  await expect(cell('Measured sync slowdown')).toHaveText(fit.measured.sync_slowdown.toFixed(4));
  await expect(cell('slow_node_probability')).toHaveText(String(sig6(fit.fitted.stragglers.slow_node_probability)));
  await expect(cell('slowdown')).toHaveText(String(sig6(fit.fitted.stragglers.slowdown)));
  await expect(cell('step_time_s')).toHaveText(`lognormal, mean ${sig6(fit.fitted.step_time_s.mean)} s, cv ${sig6(fit.fitted.step_time_s.cv)}`);
  await expect(cell('Sync slowdown of the fit')).toHaveText(fit.predicted_sync_slowdown.toFixed(4));
  await expect(cell('Slow workers')).toContainText(`${fit.measured.slow_workers.length} of ${fit.workers}`);
  // A *_norm.csv file's times are normalised: the dialog says to set the time scale before setting a step time.
  await expect(calibrate.getByText(/look normalised/)).toBeVisible();

  await calibrate.getByLabel('Also set the step time of').selectOption({ label: 'job train (cluster.jobs[0])' });
  await calibrate.getByRole('button', { name: 'Apply to scenario' }).click();
  await expect(calibrate.getByRole('status').filter({ hasText: 'Applied slow_node_probability' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(calibrate).toBeHidden();
  await expect(saveStatus(page)).toHaveText('Saved v2', { timeout: 10_000 });
  const applied = await editorJson(page);
  expect(applied.cluster.stragglers).toEqual({ slow_node_probability: sig6(fit.fitted.stragglers.slow_node_probability), slowdown: sig6(fit.fitted.stragglers.slowdown) });
  expect(applied.cluster.jobs[0].step_time_s).toEqual({ dist: 'lognormal', mean: sig6(fit.fitted.step_time_s.mean), cv: sig6(fit.fitted.step_time_s.cv) });
  // One undoable edit.
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  expect((JSON.parse(await jsonViewText(page))).cluster.stragglers).toBeUndefined();
  await page.getByRole('button', { name: 'Redo', exact: true }).click();
  expect((JSON.parse(await jsonViewText(page))).cluster.stragglers).toEqual(applied.cluster.stragglers);

  // A bad file: the message names the line.
  await tools.getByRole('button', { name: 'Calibrate stragglers…' }).click();
  await calibrate.getByLabel('Per-worker step times (CSV)').setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from('worker,step,step_time\n0,1,1\n1,1,oops\n') });
  await expect(calibrate.getByRole('alert')).toHaveText('bad.csv line 3: step_time: must be a number ≥ 0 (got "oops")');
  await calibrate.getByRole('button', { name: 'Close calibrate stragglers' }).click();
  await expect(calibrate).toBeHidden();

  // Checkpoint sweep.
  await tools.getByRole('button', { name: 'Checkpoint interval…' }).click();
  const sweepDialog = page.getByRole('dialog', { name: 'Checkpoint interval' });
  await sweepDialog.getByRole('button', { name: 'Run sweep' }).click();
  const chart = sweepDialog.getByRole('img', { name: 'Goodput vs checkpoint interval' });
  await expect(chart).toBeVisible({ timeout: 60_000 });
  const versionText = await sweepDialog.locator('.ct-summary').textContent();
  const version = Number(/v(\d+),/.exec(versionText ?? '')?.[1]);
  expect(version).toBeGreaterThanOrEqual(2);
  const api = await apiCall<{ ok: true; scenarioVersion: number; sweep: { young_daly_interval_s: number; best: { interval_s: number; factor: number }; points: unknown[] } }>(page, appUrl, 'checkpointSweep', [id]);
  expect(api.ok).toBe(true);
  expect(api.scenarioVersion).toBe(version);
  const yd = seconds(api.sweep.young_daly_interval_s);
  const best = seconds(api.sweep.best.interval_s);
  expect(yd).toBe('2,449');
  await expect(sweepDialog.getByTestId('young-daly')).toHaveText(`${yd} s`);
  await expect(sweepDialog.getByTestId('optimum')).toContainText(`${best} s`);
  await expect(chart.locator('[data-marker="young-daly"] text')).toContainText(`Young/Daly ${yd} s`);
  if (api.sweep.best.interval_s === api.sweep.young_daly_interval_s) {
    await expect(chart.locator('[data-marker="young-daly"] text')).toContainText('= simulated optimum');
  } else {
    await expect(chart.locator('[data-marker="optimum"] text')).toHaveText(`Simulated optimum ${best} s`);
  }
  await expect(chart.locator('.point')).toHaveCount(api.sweep.points.length);
  await expect(sweepDialog.getByRole('table', { name: 'Checkpoint intervals simulated' }).getByRole('row')).toHaveCount(api.sweep.points.length + 1);

  await sweepDialog.getByRole('button', { name: /^Use this interval/ }).click();
  await expect(sweepDialog.getByRole('status').filter({ hasText: 'Set cluster.failures.checkpoint_interval_s' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(sweepDialog).toBeHidden();
  const after = JSON.parse(await jsonViewText(page));
  expect(after.cluster.failures.checkpoint_interval_s).toBe(Math.round(api.sweep.best.interval_s));
  expect(problems).toEqual([]);
});
