// The run opens on its verdicts, in the browser preview on the real backend: the article's example
// at 8 replicas is unstable, and the card says why and what fixes it (9 replicas; no count meets
// p99 ≤ 200 ms, the exponential service time's own p99 being 368 ms). The verdicts are those of
// the version that ran: an unsaved edit does not change them. The breakdown's note is neutral.
import { collectConsoleProblems, expect, newFromExample, runQuickRiskCopy, test } from './fixtures';

test('a run opens on one verdict per layer, in words and colour, with why and what fixes it', async ({ page, appUrl }, testInfo) => {
  const problems = collectConsoleProblems(page);
  await runQuickRiskCopy(page, appUrl, 'E2E verdicts'); // v2: 8 replicas, 60 s
  await expect(page.getByRole('progressbar', { name: 'Run progress' })).toHaveAttribute('aria-valuenow', '100', { timeout: 60_000 });

  const section = page.getByRole('region', { name: 'Verdict' });
  const cards = section.getByRole('list').first().getByRole('listitem').filter({ has: page.getByRole('heading') });
  await expect(cards).toHaveCount(3);
  const serving = section.getByRole('listitem', { name: /Unstable.*Serving.*risk_model_api/ });
  await expect(serving).toContainText('8 replicas run at 100% utilization: the queue never drains');
  await expect(serving.getByRole('list', { name: 'What fixes it' })).toContainText('9 replicas make it stable');
  await expect(serving.getByRole('list', { name: 'What fixes it' })).toContainText("the service time's own p99 (368 ms) plus the fixed components (100 ms) exceed the budget");
  await expect(serving.getByRole('list', { name: 'Why' })).toContainText('Saturation');
  await expect(serving).toContainText('No cost given (cost_per_replica_hour)');
  await expect(section.getByRole('listitem', { name: /Over target.*Cluster/ })).toContainText('gpu_pool_b');
  await expect(section.getByRole('listitem', { name: /Pipeline/ })).toContainText('of runs succeed');
  // The verdicts come before the charts.
  const [verdictTop, chartTop] = await Promise.all([section.boundingBox(), page.getByRole('img', { name: 'Latency percentiles vs budget for risk_model_api' }).boundingBox()]);
  expect(verdictTop!.y).toBeLessThan(chartTop!.y);
  // The mean breakdown makes no SLO claim.
  await expect(page.locator('.chart-note.neutral').filter({ hasText: /^Mean total .* budget applies to the p99$/ })).toBeVisible();
  await section.screenshot({ path: testInfo.outputPath('verdicts.png') });

  // An unsaved edit leaves the run's verdicts alone: they are the version that ran.
  await page.getByLabel('Replicas', { exact: true }).fill('10');
  await expect(serving).toContainText('8 replicas run at 100% utilization');
  expect(problems).toEqual([]);
});

test('Solve from the verdict: the fix then says how many replicas meet the SLO with confidence', async ({ page, appUrl }) => {
  const problems = collectConsoleProblems(page);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(appUrl);
  await newFromExample(page, 'Risk model API');
  await page.getByLabel('Scenario name').fill('E2E verdict solve');
  await page.getByLabel('Replications', { exact: true }).fill('2');
  await page.getByLabel('Horizon (s)').fill('40');
  await page.getByLabel('Warm-up (s)').fill('5');
  // A budget the exponential service time's own p99 (368 ms) + 100 ms can meet.
  await page.getByLabel('Latency budget (ms)').fill('700');
  await page.keyboard.press('Control+S');
  await expect(page.getByRole('status').filter({ hasText: 'Saved v2' })).toBeVisible();
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByRole('progressbar', { name: 'Run progress' })).toHaveAttribute('aria-valuenow', '100', { timeout: 60_000 });

  const serving = page.getByRole('region', { name: 'Verdict' }).getByRole('listitem', { name: /Serving.*risk_model_api/ });
  const fixes = serving.getByRole('list', { name: 'What fixes it' });
  await expect(fixes).toContainText('Solve finds the fewest replicas that meet p99 ≤ 700 ms with 95% confidence');
  await serving.getByRole('button', { name: 'Solve risk_model_api: fewest replicas that meet the SLO' }).click();
  await expect(fixes).toContainText(/^.*\d+ replicas? meets? p99 ≤ 700 ms with 95% confidence/, { timeout: 120_000 });
  await expect(fixes).not.toContainText('Solve finds');
  expect(problems).toEqual([]);
});
