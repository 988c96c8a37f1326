// The walking skeleton end to end in the browser preview: real renderer, backend, SQLite and
// engine. Create a scenario from the bundled example, edit it in the form (with inline
// validation), save, run it, read the chart and the analytic table, reload and find it all again.
import { collectConsoleProblems, expect, newFromExample, test } from './fixtures';

test('create from example, edit, run, see results, reload', async ({ page, appUrl }) => {
  const problems = collectConsoleProblems(page);
  await page.goto(appUrl);
  await expect(page).not.toHaveURL(/token=/); // the token moves to sessionStorage

  // First start: the library holds the seeded example.
  const scenarios = page.getByRole('list', { name: 'Scenarios' });
  await expect(scenarios.getByRole('button', { name: /^Risk model API/ }).first()).toBeVisible();

  // The new scenario opens and is listed first (most recently changed first).
  await newFromExample(page, 'Risk model API');
  const name = page.getByLabel('Scenario name');

  // Inline validation names the field, with the CLI's message; invalid text is not saved.
  const replicas = page.getByLabel('Replicas', { exact: true });
  await replicas.fill('0');
  await expect(page.getByRole('alert')).toContainText('serving.services[0].replicas: must be an integer from 1 to 100000 (got 0)');
  await expect(replicas).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeEnabled();
  await replicas.fill('8');
  await expect(replicas).not.toHaveAttribute('aria-invalid', 'true');

  // A unique name and a short horizon so the run is quick; Ctrl+S saves version 2.
  await name.fill('E2E quick run');
  await page.getByLabel('Horizon (s)').fill('60');
  await page.getByLabel('Warm-up (s)').fill('10');
  await page.keyboard.press('Control+S');
  await expect(page.getByRole('status').filter({ hasText: 'Saved v2' })).toBeVisible();
  await expect(scenarios.getByRole('button', { name: /^E2E quick run/ })).toHaveAttribute('aria-current', 'true');

  // The analytic table is there before any run.
  const summary = page.getByRole('table', { name: 'Analytic summary' });
  const requiredReplicas = summary.getByRole('row', { name: /serving_required_replicas/ }).getByRole('cell');
  await expect(requiredReplicas).toHaveText('8');

  await page.getByRole('button', { name: 'Run', exact: true }).click();
  const progress = page.getByRole('progressbar', { name: 'Run progress' });
  await expect(progress).toBeVisible();
  await expect(progress).toHaveAttribute('aria-valuenow', '100', { timeout: 60_000 });

  const chart = page.getByRole('img', { name: 'Latency percentiles vs budget for risk_model_api' });
  await expect(chart).toBeVisible();
  await expect(page.getByRole('img', { name: 'Latency budget breakdown for risk_model_api' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Analytic vs simulated — risk_model_api' })).toContainText('Utilization');
  await expect(page.getByText('Unstable:')).toBeVisible(); // 8 replicas at 1200 rps: the article's point
  const runs = page.getByRole('list', { name: 'Runs' });
  const doneRun = runs.getByRole('button', { name: /^Run done, version 2, seed 1, 5 replications/ });
  await expect(doneRun).toHaveAttribute('aria-current', 'true');

  // Reload: the scenario, its finished run and the chart come back from the library.
  await page.reload();
  await expect(scenarios.getByRole('button', { name: /^E2E quick run/ })).toHaveAttribute('aria-current', 'true');
  await expect(name).toHaveValue('E2E quick run');
  await expect(doneRun).toHaveAttribute('aria-current', 'true');
  await expect(chart).toBeVisible();
  await expect(requiredReplicas).toHaveText('8');

  expect(problems).toEqual([]);
});

test('the theme toggle switches to dark and is remembered', async ({ page, appUrl }) => {
  const problems = collectConsoleProblems(page);
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(appUrl);
  const toggle = page.getByRole('button', { name: 'Dark theme' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.reload();
  await expect(page.getByRole('button', { name: 'Dark theme' })).toHaveAttribute('aria-pressed', 'true');
  expect(problems).toEqual([]);
});
