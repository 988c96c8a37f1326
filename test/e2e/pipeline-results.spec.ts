// The pipeline view of a run in the browser preview: success against ∏(1 − p), makespan against
// the critical path, and the DAG with failure propagation — one box per task, carrying the
// figures of the stored result (read back over the same API the app uses).
import { EN_US } from '../../simulation/present/numbers';
import { statWithUnit } from '../../simulation/present/units';
import { callApi, collectConsoleProblems, expect, runQuickRiskCopy, test } from './fixtures';

test('a pipeline run shows the DAG with how every task ended', async ({ page, appUrl }) => {
  const problems = collectConsoleProblems(page);
  await runQuickRiskCopy(page, appUrl, 'E2E pipeline view');

  const card = page.getByRole('region', { name: /Pipeline — 1,000 runs/ });
  await expect(card).toBeVisible({ timeout: 60_000 });
  const dag = card.getByRole('img', { name: 'Pipeline DAG with how each task\'s runs ended' });
  await expect(dag).toBeVisible();

  // The stored result, as the app reads it.
  const scenarios = await callApi<{ id: string; name: string }[]>(appUrl, 'listScenarios');
  const scenario = scenarios.find((s) => s.name === 'E2E pipeline view')!;
  let runId = '';
  await expect.poll(async () => {
    const runs = await callApi<{ id: string; status: string }[]>(appUrl, 'listRuns', scenario.id);
    runId = runs.find((r) => r.status === 'done')?.id ?? '';
    return runId;
  }).not.toBe('');
  const result = await callApi<any>(appUrl, 'getRunResult', runId);
  const tasks = Object.keys(result.pipeline.tasks);
  expect(tasks).toHaveLength(9);

  // One box per task, in layers down the chain, each with its success share from the result.
  const boxes = dag.locator('g.dag-node');
  await expect(boxes).toHaveCount(tasks.length);
  for (const id of tasks) {
    const share = (result.pipeline.tasks[id].success.mean * 100).toFixed(1);
    await expect(dag.locator(`g.dag-node[data-task="${id}"]`)).toContainText(`✓ ${share} %`);
  }
  // The leaf is the one most hit by upstream failures: drawn as propagated, not as failing itself.
  await expect(dag.locator('g.dag-node[data-task="monitor_predictions"]')).toHaveClass(/propagated/);
  await expect(dag.locator('path.dag-edge.critical')).toHaveCount(8);

  // Success against ∏(1 − p), with the CI the result holds.
  const success = card.getByRole('row', { name: /^Success rate \(analytic: ∏\(1 − p\^\(r\+1\)\)\)/ });
  await expect(success).toContainText('75.2%');
  await expect(success).toContainText(statWithUnit(EN_US, result.pipeline.success_rate, 'fraction'));
  await expect(card.getByRole('table', { name: 'How each task ended over the runs' }).getByRole('row')).toHaveCount(tasks.length + 1);
  expect(problems).toEqual([]);
});
