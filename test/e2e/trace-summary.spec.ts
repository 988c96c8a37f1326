// A service fed by a trace: its offered rate comes from the trace file, which only the backend
// reads, so the analytic summary gets its required replicas from the selected run's offered rate.
import { collectConsoleProblems, expect, test } from './fixtures';

test('trace example: the analytic summary shows required replicas once a run gives the trace rate', async ({ page, appUrl }) => {
  const problems = collectConsoleProblems(page);
  await page.goto(appUrl);
  // Other specs may add copies of the example to the shared library; any of them will do.
  await page.getByRole('list', { name: 'Scenarios' }).getByRole('button', { name: /^LLM code completion/ }).first().click();
  await expect(page.getByLabel('Scenario name')).toHaveValue(/LLM code completion/);
  const summary = page.getByRole('table', { name: 'Analytic summary' });
  await expect(summary.getByRole('row', { name: /serving_total_latency_ms/ })).toBeVisible();
  await expect(summary.getByRole('row', { name: /serving_required_replicas/ })).toHaveCount(0);

  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByRole('progressbar', { name: 'Run progress' })).toHaveAttribute('aria-valuenow', '100', { timeout: 60_000 });
  const compare = page.getByRole('table', { name: /Analytic vs simulated — code_completion/ });
  await expect(compare).toBeVisible();
  const required = (await compare.getByRole('row', { name: /Required replicas/ }).getByRole('cell').first().textContent())!.trim();
  await expect(summary.getByRole('row', { name: /serving_required_replicas/ }).getByRole('cell')).toHaveText(required);
  await expect(page.getByText('The trace’s offered rate is the selected run’s.')).toBeVisible();
  expect(problems).toEqual([]);
});
