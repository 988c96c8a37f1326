// The cluster form (issue 16) on the "GPU training cluster" example: add a pool, rename one and
// see its jobs follow (one undo step), edit the jobs table (cells, the step-time picker, add,
// duplicate, remove), import a job CSV through its preview (a bad file is refused with its line
// and column, a good one is appended with unique ids), switch failures off and on, and check the
// saved scenario through the API. Shots at 1280×720, light and dark.
import fs from 'node:fs';
import { callApi, collectConsoleProblems, expect, newFromExample, test } from './fixtures';

interface Job { id: string; pool: string; arrival_s: number; units: number; steps: number; step_time_s: unknown; priority?: number }

test('the cluster form: pools, jobs, a CSV import and failures', async ({ page, appUrl }, testInfo) => {
  const problems = collectConsoleProblems(page);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(appUrl);
  await newFromExample(page, 'GPU training cluster');
  await page.getByLabel('Scenario name').fill('E2E cluster form');
  const cluster = page.getByRole('region', { name: 'Cluster' });
  const actions = page.getByRole('group', { name: 'Editor actions' });
  const field = (name: string) => cluster.getByLabel(name, { exact: true });

  // Pools: the example's values, then a new pool with a free id.
  await expect(field('Units of pool h100_train')).toHaveValue('64');
  await expect(field('Units per node of pool a10_finetune')).toHaveValue('8');
  await cluster.getByRole('button', { name: 'Add pool' }).click();
  await expect(field('Id of pool pool_1')).toHaveValue('pool_1');
  await expect(field('Units of pool pool_1')).toHaveValue('8');

  // Rename a pool: its jobs follow, and one Undo takes pool and jobs back.
  const poolOf = (job: string) => field(`Pool of job ${job}`);
  await expect(poolOf('ft-support-bot')).toHaveValue('a10_finetune');
  const a10 = field('Id of pool a10_finetune');
  await a10.fill('h100_train');
  await a10.press('Enter');
  await expect(cluster.getByText('another pool is already called "h100_train"')).toBeVisible();
  await a10.fill('a100_ft');
  await a10.press('Enter');
  await expect(field('Id of pool a100_ft')).toHaveValue('a100_ft');
  await expect(poolOf('ft-support-bot')).toHaveValue('a100_ft');
  await expect(poolOf('ft-vision-tagger')).toHaveValue('a100_ft');
  await expect(poolOf('llm-7b-pretrain')).toHaveValue('h100_train');
  // A ChoiceField's option values are positions: read the chosen option's text.
  await expect(field('Pool of the generated jobs').locator('option:checked')).toHaveText('h100_train');
  await actions.getByRole('button', { name: 'Undo' }).click();
  await expect(field('Id of pool a10_finetune')).toHaveValue('a10_finetune');
  await expect(poolOf('ft-support-bot')).toHaveValue('a10_finetune');
  await actions.getByRole('button', { name: 'Redo' }).click();
  await expect(poolOf('ft-support-bot')).toHaveValue('a100_ft');

  // The jobs table: a cell, the pool select, the step-time picker under its row.
  await field('Units of job ft-classifier (GPUs)').fill('4');
  await poolOf('ft-classifier').selectOption('h100_train');
  await expect(poolOf('ft-classifier')).toHaveValue('h100_train');
  const stepCell = cluster.getByRole('button', { name: /^Step time of job llm-7b-pretrain:/ });
  await expect(stepCell).toHaveAccessibleName('Step time of job llm-7b-pretrain: lognormal, mean 1.6 s, cv 0.12');
  await stepCell.click();
  await expect(stepCell).toHaveAttribute('aria-expanded', 'true');
  const kind = field('Step time of job llm-7b-pretrain distribution');
  await expect(kind).toBeFocused();
  await page.screenshot({ path: testInfo.outputPath('cluster-form-step-time-light.png') });
  await kind.selectOption('exponential');
  await expect(stepCell).toHaveAccessibleName('Step time of job llm-7b-pretrain: exponential, mean 1.6 s');
  await cluster.getByRole('button', { name: 'Done editing the step time of job llm-7b-pretrain' }).click();
  await expect(stepCell).toBeFocused();
  await expect(kind).toHaveCount(0);
  // The backfill policy ignores priorities: the cells say so and are disabled.
  await expect(field('Priority of job ft-classifier')).toBeDisabled();
  await expect(cluster.getByText(/^Priority: ignored: the "backfill" policy/)).toBeVisible();

  // Add, duplicate and remove jobs.
  await cluster.getByRole('button', { name: 'Add job' }).click();
  await expect(field('Id of job job_1')).toHaveValue('job_1');
  await expect(poolOf('job_1')).toHaveValue('h100_train');
  await cluster.getByRole('button', { name: 'Duplicate job ft-classifier' }).click();
  await expect(field('Units of job ft-classifier_2 (GPUs)')).toHaveValue('4');
  await cluster.getByRole('button', { name: 'Remove job ft-classifier_2' }).click();
  await expect(field('Id of job ft-classifier_2')).toHaveCount(0);

  // A bad CSV: the preview names the line and the column, and nothing can be imported.
  const importInput = field('Import jobs from CSV…');
  const bad = testInfo.outputPath('bad-jobs.csv');
  fs.writeFileSync(bad, 'id,arrival_s,units,steps,step_time_s\nx1,0,2,100,1.0\nx2,10,two,100,1.0\n');
  await importInput.setInputFiles(bad);
  const preview = cluster.getByRole('region', { name: /^Import from bad-jobs\.csv/ });
  await expect(preview.getByRole('alert')).toContainText('line 3: units: must be an integer ≥ 1 (got "two")');
  await expect(preview.getByRole('button', { name: 'Import jobs' })).toBeDisabled();
  await preview.getByRole('button', { name: 'Cancel' }).click();
  await expect(preview).toHaveCount(0);

  // A good CSV: preview, then import; ids made unique, a pool column honoured.
  const good = testInfo.outputPath('jobs.csv');
  fs.writeFileSync(good, [
    'id,arrival_s,units,steps,step_time_s,priority,pool,team',
    'imp-1,100,4,2000,0.5,1,,nlp',
    'ft-classifier,200,2,3000,0.75,0,a100_ft,vision',
    'imp-3,300,8,1000,1.25,0,,infra',
  ].join('\n'));
  await importInput.setInputFiles(good);
  const goodPreview = cluster.getByRole('region', { name: 'Import from jobs.csv: 3 rows, generic CSV format' });
  await expect(goodPreview).toBeVisible();
  await expect(goodPreview.getByRole('heading')).toBeFocused();
  await expect(goodPreview.getByLabel('Pool of the imported jobs')).toHaveValue('h100_train');
  const mapping = goodPreview.getByRole('table', { name: 'Columns mapped' });
  await expect(mapping.getByRole('row', { name: /step time \(s\) step_time_s/ })).toBeVisible();
  await expect(goodPreview.getByText('Columns not read: team.')).toBeVisible();
  const rows = goodPreview.getByRole('table', { name: 'First rows of jobs.csv' }).getByRole('row');
  await expect(rows).toHaveCount(4);
  await expect(rows.nth(2)).toHaveText(/ft-classifier_2\s*a100_ft\s*200\s*2\s*3000\s*0\.75\s*0/);
  await expect(goodPreview.getByText(/ft-classifier → ft-classifier_2 \(line 3\)/)).toBeVisible();
  await page.locator('.cf-import').scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('cluster-form-import-light.png') });
  await goodPreview.getByRole('button', { name: 'Import 3 jobs' }).click();
  await expect(goodPreview).toHaveCount(0);
  await expect(cluster.getByText(/^Imported 3 jobs from jobs\.csv as rows 12–14/)).toBeVisible();
  await expect(importInput).toBeFocused();
  await expect(field('Arrival of job imp-1 (s)')).toHaveValue('100');
  await expect(poolOf('imp-1')).toHaveValue('h100_train');
  await expect(poolOf('ft-classifier_2')).toHaveValue('a100_ft');
  await expect(cluster.getByRole('button', { name: 'Step time of job imp-3: 1.25 s' })).toBeVisible();

  // Failures off, then on again with the starter.
  const failures = cluster.getByRole('switch', { name: 'Node failures and checkpoints' });
  await expect(failures).toBeChecked();
  await expect(field('Node MTBF (s)')).toHaveValue('259200');
  await failures.uncheck();
  await expect(field('Node MTBF (s)')).toHaveCount(0);
  await expect(cluster.getByText('Off: nodes never fail')).toBeVisible();
  await failures.check();
  await expect(field('Node MTBF (s)')).toHaveValue('86400');
  await expect(field('Repair time distribution')).toHaveValue('');

  // Saved as edited.
  await page.keyboard.press('Control+S');
  await expect(actions.getByRole('status')).toHaveText(/Saved v\d+/);
  const summary = (await callApi<{ id: string; name: string }[]>(appUrl, 'listScenarios')).find((s) => s.name === 'E2E cluster form');
  const saved = JSON.parse((await callApi<{ json: string }>(appUrl, 'getScenario', summary!.id)).json) as { cluster: { pools: { id: string }[]; jobs: Job[]; failures: unknown } };
  expect(saved.cluster.pools.map((p) => p.id)).toEqual(['h100_train', 'a100_ft', 'pool_1']);
  const jobs = saved.cluster.jobs;
  expect(jobs).toHaveLength(14);
  expect(jobs.filter((j) => j.pool === 'a100_ft').map((j) => j.id)).toEqual([
    'ft-support-bot', 'ft-code-assist', 'ft-search-rerank', 'ft-summarizer', 'ft-translate', 'ft-support-bot-v2', 'ft-vision-tagger', 'ft-classifier_2',
  ]);
  expect(jobs.find((j) => j.id === 'llm-7b-pretrain')?.step_time_s).toEqual({ dist: 'exponential', mean: 1.6 });
  expect(jobs.find((j) => j.id === 'ft-classifier')).toMatchObject({ pool: 'h100_train', units: 4 });
  expect(jobs.slice(11)).toEqual([
    { id: 'imp-1', pool: 'h100_train', arrival_s: 100, units: 4, steps: 2000, step_time_s: 0.5, priority: 1 },
    { id: 'ft-classifier_2', pool: 'a100_ft', arrival_s: 200, units: 2, steps: 3000, step_time_s: 0.75 },
    { id: 'imp-3', pool: 'h100_train', arrival_s: 300, units: 8, steps: 1000, step_time_s: 1.25 },
  ]);
  expect(saved.cluster.failures).toEqual({ node_mtbf_s: 86400 });

  // Dark theme: the jobs table and the generator.
  await page.getByRole('button', { name: 'Dark theme' }).click();
  await stepCell.click();
  await cluster.getByRole('table', { name: 'Jobs' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('cluster-form-jobs-dark.png') });
  await cluster.getByRole('switch', { name: 'Job generator' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('cluster-form-generator-dark.png') });
  await page.getByRole('button', { name: 'Dark theme' }).click();
  await cluster.getByRole('table', { name: 'Pools' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('cluster-form-pools-light.png') });
  expect(problems).toEqual([]);
});
