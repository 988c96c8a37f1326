// The pipeline over time in the browser preview: the bundled nightly-retraining example, run as
// bundled; its sampled runs as a Gantt chart (rows, segments and the summary checked against the
// stored result), the run picker, and the playback cursor moving the Gantt's cursor and colouring
// the DAG with each task's state at that instant; a 1920×1080 screenshot of each.
import type { ResultDocument, RunSummary, ScenarioSummary } from '../../electron/common/contract';
import { playbackStep } from '../../simulation/present';
import { runSummary } from '../../renderer/charts/pipeline/gantt';
import { taskStateAt } from '../../renderer/charts/pipeline/state-at';
import { callApi, collectConsoleProblems, expect, newFromExample, test } from './fixtures';

test('a pipeline run shows its sampled runs over time and the DAG as of the playback cursor', async ({ page, appUrl }, testInfo) => {
  const problems = collectConsoleProblems(page);
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto(appUrl);
  await newFromExample(page, 'Nightly retraining');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByRole('progressbar', { name: 'Run progress' })).toHaveAttribute('aria-valuenow', '100', { timeout: 60_000 });

  const scenario = (await callApi<ScenarioSummary[]>(appUrl, 'listScenarios')).find((s) => s.name.startsWith('Nightly retraining'))!;
  let run: RunSummary | undefined;
  await expect.poll(async () => {
    run = (await callApi<RunSummary[]>(appUrl, 'listRuns', scenario.id)).find((r) => r.status === 'done');
    return run?.id ?? '';
  }).not.toBe('');
  const result = await callApi<ResultDocument>(appUrl, 'getRunResult', run!.id);
  const samples = result.pipeline!.sample_runs!;
  expect(samples.map((r) => r.index)).toEqual([0, 1, 2, 3, 4]);
  const first = samples[0]!;
  const train = first.tasks.find((k) => k.id === 'train_model')!;
  expect(train.state).toBe('failed'); // the story the example tells: three failed attempts after a wait for GPUs
  expect(train.segments.map((s) => s.kind)).toEqual(['pool_wait', 'attempt', 'retry_wait', 'attempt', 'retry_wait', 'attempt']);

  const card = page.getByRole('region', { name: /Pipeline — 56 runs/ });
  const gantt = card.getByRole('figure', { name: /^Run 1: 13 tasks/ });
  await expect(gantt).toBeVisible();
  await expect(gantt.getByRole('img')).toHaveAttribute('aria-label', `R${runSummary(first).slice(1)}`);
  await expect(gantt.getByRole('img')).toHaveAttribute('aria-label', /train_model failed after 3 attempts, 5 tasks upstream failed$/);
  const rows = gantt.locator('g.gantt-row');
  await expect(rows).toHaveCount(13);
  await expect(rows.first()).toHaveAttribute('data-task', /^extract_/); // topological order
  const trainRow = gantt.locator('g.gantt-row[data-task="train_model"]');
  await expect(trainRow.locator('rect.gantt-seg')).toHaveCount(6);
  await expect(trainRow.locator('rect.gantt-seg.attempt.failed')).toHaveCount(3);
  await expect(trainRow.locator('rect.gantt-seg.pool_wait')).toHaveCount(1);
  await expect(gantt.locator('g.gantt-row[data-state="upstream_failed"] path.gantt-marker')).toHaveCount(5);
  await expect(gantt.locator('.gantt-cursor')).toHaveCount(0);

  // The DAG as today until the cursor is set.
  await expect(card.getByRole('img', { name: 'Pipeline DAG with how each task\'s runs ended' })).toBeVisible();

  // The scrubber moves in steps of the run's series buckets (the cluster's, here hours): its
  // first stop after 0. Each DAG box then shows its task's state in run 1 at that instant.
  const t = playbackStep(result);
  await page.getByRole('slider', { name: 'Simulated time' }).fill(String(t));
  await expect(gantt.locator('.gantt-cursor')).toHaveCount(1);
  const dag = card.locator('figure.dag-chart');
  await expect(dag.getByRole('heading', { name: 'The DAG at the playback cursor' })).toBeVisible();
  const want = taskStateAt(first, t);
  for (const [id, m] of Object.entries(want)) await expect(dag.locator(`g.dag-node[data-task="${id}"]`)).toHaveAttribute('data-state', m.state);
  if (t >= first.makespan_s) {
    await expect(dag.locator('g.dag-node[data-task="train_model"]')).toContainText('failed');
    await expect(dag.locator('g.dag-node[data-task="deploy_canary"]')).toHaveAttribute('data-state', 'upstream_failed');
  }
  await expect(dag.getByRole('list', { name: 'Task state at the cursor' })).toBeVisible();

  await dag.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('pipeline-dag-at-cursor-1920.png') });
  await gantt.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('pipeline-gantt-1920.png') });

  // Another sampled run: the Gantt redraws it, and the DAG follows the picked run.
  await gantt.getByRole('combobox', { name: 'Sampled run' }).selectOption({ index: 3 });
  await expect(card.getByRole('figure', { name: /^Run 4: 13 tasks/ })).toBeVisible();
  await expect(dag.locator('g.dag-node[data-task="extract_events"]')).toHaveAttribute('data-state', taskStateAt(samples[3]!, t - samples[3]!.start_s).extract_events!.state);
  // The presentation view at 1920×1080, then the dark theme at 1280×720: looked at.
  await page.getByRole('button', { name: 'Present' }).click();
  await card.getByRole('figure', { name: /^Run 4: 13 tasks/ }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('pipeline-gantt-present-1920.png') });
  await page.getByRole('button', { name: 'Leave presentation' }).click();
  await page.getByRole('button', { name: 'Dark theme' }).click();
  await page.setViewportSize({ width: 1280, height: 720 });
  await card.getByRole('figure', { name: /^Run 4: 13 tasks/ }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('pipeline-gantt-dark-1280.png') });
  expect(problems).toEqual([]);
});
