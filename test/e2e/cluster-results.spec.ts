// The GPU cluster results view end to end in the browser preview: create the bundled cluster
// example from "New from example", run it, and read the cluster charts — utilization vs target
// per pool (its figures equal the stored result's), where the allocated time goes, the JCT and
// queueing-delay CDFs, each pool over time, the occupancy heatmap (one row per occupancy row)
// and the analytic-beside-simulated table — with no console error or warning.
import type { ResultDocument, RunSummary, ScenarioSummary } from '../../electron/common/contract';
import { formatStatPercent } from '../../renderer/format/numbers';
import { EN_US } from '../../simulation/present/numbers';
import { statWithUnit } from '../../simulation/present/units';
import { callApi, collectConsoleProblems, expect, newFromExample, test } from './fixtures';

const NAME = 'E2E cluster results';

/** RGBA of the heatmap's top-left cell, read through a copy (repeated reads of the chart's own canvas would warn). */
function firstCell(canvas: HTMLCanvasElement): string {
  const copy = document.createElement('canvas');
  copy.width = canvas.width;
  copy.height = canvas.height;
  const ctx = copy.getContext('2d', { willReadFrequently: true })!;
  ctx.drawImage(canvas, 0, 0);
  return Array.from(ctx.getImageData(1, 1, 1, 1).data).join(',');
}

test('a cluster run shows utilization vs target, allocation, distributions, series, heatmap and the analytic table', async ({ page, appUrl }) => {
  const problems = collectConsoleProblems(page);
  await page.goto(appUrl);
  await newFromExample(page, 'GPU training cluster');
  await page.getByLabel('Scenario name').fill(NAME);
  await expect(page.getByRole('group', { name: 'Editor actions' }).getByRole('status')).toHaveText('Saved v2', { timeout: 10_000 });

  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByRole('progressbar', { name: 'Run progress' })).toHaveAttribute('aria-valuenow', '100', { timeout: 60_000 });
  await expect(page.getByRole('heading', { name: 'GPU cluster', exact: true })).toBeVisible();

  // The stored result, fetched through the app's own API.
  const list = await callApi<ScenarioSummary[]>(appUrl, 'listScenarios');
  const scenario = list.find((s) => s.name === NAME);
  expect(scenario).toBeDefined();
  const runs = await callApi<RunSummary[]>(appUrl, 'listRuns', scenario!.id);
  const run = runs.find((r) => r.status === 'done');
  expect(run).toBeDefined();
  const result = await callApi<ResultDocument>(appUrl, 'getRunResult', run!.id);
  const cluster = result.cluster!;
  const pools = Object.keys(cluster.pools!);
  expect(pools).toEqual(['h100_train', 'a10_finetune']);

  // Utilization vs target: one group per pool, the figures shown are the stored ones.
  const util = page.getByRole('img', { name: /^Utilization vs target:/ });
  await expect(util).toBeVisible();
  for (const id of pools) {
    const p = cluster.pools![id]!;
    const group = util.locator(`g.pool-group[data-pool="${id}"]`);
    await expect(group.locator('.pool-name')).toHaveText(id);
    await expect(group.locator('text.value[data-kind="allocated"]')).toHaveText(formatStatPercent(p.utilization));
    await expect(group.locator('text.value[data-kind="busy"]')).toHaveText(formatStatPercent(p.busy_utilization));
    await expect(group).toHaveClass(p.over_target ? /\bover\b/ : /^pool-group$/);
    const table = page.getByRole('table', { name: /Analytic vs simulated — GPU cluster/ });
    await expect(table.getByRole('row', { name: new RegExp(`^${id}: Allocated utilization`) })).toContainText(statWithUnit(EN_US, p.utilization, 'fraction'));
  }

  // Where the allocated time goes, and the two distributions with their quantiles.
  const compute = formatStatPercent(cluster.allocation!.compute);
  await expect(page.getByRole('list', { name: 'Allocated GPU time by use' })).toContainText(`Compute ${compute}`);
  await expect(page.getByRole('img', { name: /^Job-completion time quantiles: p50 / })).toBeVisible();
  await expect(page.getByRole('img', { name: /^Queueing delay quantiles: p50 / })).toBeVisible();
  expect(cluster.jobs!.jct_s.quantiles.map((x) => x.q)).toEqual([0.01, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99]);
  await expect(page.locator('.cdf-chart').first().locator('circle.cdf-point')).toHaveCount(cluster.jobs!.jct_s.quantiles.filter((x) => x.value).length);

  // One over-time chart per pool.
  for (const id of pools) await expect(page.getByRole('img', { name: new RegExp(`^Pool ${id} over time: `) })).toBeVisible();

  // The heatmap: one row per occupancy row, drawn and listed for screen readers; slow rows marked.
  const grid = cluster.occupancy!;
  await expect(page.getByRole('img', { name: /^Node occupancy heatmap: / })).toBeVisible();
  await expect(page.locator('.heatmap-overlay .heat-row')).toHaveCount(grid.rows.length);
  await expect(page.getByRole('table', { name: 'Node occupancy by row' }).locator('tbody tr')).toHaveCount(grid.rows.length);
  await expect(page.locator('.heatmap-overlay .slow-mark')).toHaveCount(grid.rows.filter((r) => r.slow_nodes > 0).length);
  const canvas = page.locator('canvas.heatmap-canvas');
  const box = await canvas.boundingBox();
  expect(box!.height).toBeGreaterThan(grid.rows.length * 3);
  // The canvas was painted (not blank): its first cell has a colour.
  const painted = await canvas.evaluate(firstCell);
  expect(painted).toMatch(/,255$/);

  // Analytic beside simulated: E[step] and efficiency, and Young/Daly.
  const compare = page.getByRole('table', { name: /Analytic vs simulated — GPU cluster/ });
  await expect(compare.getByRole('row', { name: /^Parallel efficiency/ })).toContainText(statWithUnit(EN_US, cluster.jobs!.parallel_efficiency, 'fraction'));
  await expect(page.getByRole('table', { name: 'Analytic figures per job' }).locator('tbody tr')).toHaveCount(Object.keys(cluster.analytic.jobs!).length);
  await expect(page.getByRole('table', { name: /Checkpoint interval: Young\/Daly/ }).locator('tbody tr')).toHaveCount(cluster.analytic.checkpoint!.young_daly.length);

  // Nothing spills sideways out of the results column at 1280 × 720.
  const overflow = await page.locator('.cluster-results').evaluate((el) => el.scrollWidth - el.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);

  // Dark theme: the heatmap repaints from the theme's colours, still without console problems.

  await page.getByRole('button', { name: 'Dark theme' }).click();
  await expect.poll(() => canvas.evaluate(firstCell)).not.toBe(painted);
  await page.getByRole('button', { name: 'Dark theme' }).click();
  expect(problems).toEqual([]);
});
