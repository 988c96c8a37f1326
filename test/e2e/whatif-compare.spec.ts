// Compare two runs, in the browser preview on the real backend: the article's example with a
// fixed 80 ms service time, run at 8 replicas and again at 10 (same seed, so paired); the older
// run compared with the newer says which inputs differ, overlays both runs' latency percentiles,
// and lists every figure with B − A and its 95% CI: the p99 (the latency at the SLO) drops,
// significantly. Closing the comparison returns to the run's own charts.
import type { Page } from '@playwright/test';
import { collectConsoleProblems, expect, jsonViewText, newFromExample, setJsonViewText, test } from './fixtures';

/** Scrolls the results column (not the page) so that `selector` is at its top. */
async function scrollResultsTo(page: Page, selector: string): Promise<void> {
  await page.locator('section.results').evaluate((panel, sel) => {
    const el = panel.querySelector(sel);
    if (el) panel.scrollTop += el.getBoundingClientRect().top - panel.getBoundingClientRect().top - 8;
  }, selector);
}

test('the older run compared with the newer: input diff, overlaid chart, and a significant drop in p99', async ({ page, appUrl }, testInfo) => {
  const problems = collectConsoleProblems(page);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(appUrl);
  await newFromExample(page, 'Risk model API');

  // 60 s (10 s warm-up) with a fixed 80 ms service time, edited as JSON.
  await page.getByRole('button', { name: 'JSON', exact: true }).click();
  const scenario = JSON.parse(await jsonViewText(page));
  scenario.name = 'E2E compare';
  scenario.horizon_s = 60;
  scenario.warmup_s = 10;
  scenario.serving.services[0].service_time_ms = { dist: 'fixed', value: 80 };
  await setJsonViewText(page, JSON.stringify(scenario, null, 2));
  await page.keyboard.press('Control+S');
  await expect(page.getByRole('status').filter({ hasText: 'Saved v2' })).toBeVisible();
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  const runs = page.getByRole('list', { name: 'Runs' });
  await expect(runs.getByRole('button', { name: /^Run done, version 2/ })).toBeVisible({ timeout: 60_000 });

  // A lone run has nothing to compare with.
  const compareWith = page.getByLabel('Compare with', { exact: true });
  await expect(compareWith).toBeDisabled();
  await expect(compareWith).toHaveText('no other finished run');

  await page.getByRole('button', { name: 'Form', exact: true }).click();
  await page.getByLabel('Replicas', { exact: true }).fill('10');
  await page.keyboard.press('Control+S');
  await expect(page.getByRole('status').filter({ hasText: 'Saved v3' })).toBeVisible();
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(runs.getByRole('button', { name: /^Run done, version 3/ })).toBeVisible({ timeout: 60_000 });

  // The older run (A, 8 replicas) against the newer (B, 10 replicas), chosen from the keyboard.
  await runs.getByRole('button', { name: /^Run done, version 2/ }).click();
  await expect(page.getByText('The editor has changed since this run.')).toBeVisible();
  await expect(compareWith).toBeEnabled();
  const option = compareWith.locator('option', { hasText: /^v3 · seed 1 · 5 reps/ });
  await expect(option).toHaveCount(1);
  await compareWith.focus();
  await compareWith.selectOption(await option.getAttribute('value'));

  const view = page.getByRole('region', { name: 'Comparison of two runs' });
  await expect(view).toBeVisible({ timeout: 30_000 });
  await expect(view.locator('.cmp-sides')).toContainText('A (this run)v2 · seed 1 · 5 replications');
  await expect(view.locator('.cmp-sides')).toContainText('Bv3 · seed 1 · 5 replications');
  await expect(view).toContainText('B − A: Paired replication by replication (same seed, 5 pairs); 95% confidence intervals.');
  await expect(view.getByRole('list', { name: 'Inputs that differ, A → B' })).toHaveText('serving.services[risk_model_api].replicas 8 → 10');
  // The run's own charts give way to the comparison.
  await expect(page.getByRole('img', { name: 'Latency percentiles vs budget for risk_model_api' })).toHaveCount(0);

  const chart = view.getByRole('img', { name: 'Latency percentiles of A and B for risk_model_api' });
  await expect(chart).toBeVisible();
  await expect(chart).toHaveAccessibleDescription(/p99: A [\d,.]+ ms, B [\d,.]+ ms \(a significant difference\)/);
  await expect(view.getByRole('list', { name: 'Legend of the latency chart for risk_model_api' })).toContainText('A: v2 seed 1B: v3 seed 1');

  const table = view.getByRole('table', { name: 'Figures of A and B, with B − A and its 95% confidence interval' });
  await expect(table.getByRole('columnheader')).toHaveText(['Figure', 'A', 'B', 'B − A [95% CI]', 'Difference']);
  for (const path of ['serving.risk_model_api.latency_ms.p99', 'serving.risk_model_api.latency_at_slo_ms']) {
    const row = table.locator(`tr[data-path="${path}"]`);
    await expect(row.locator('.cmp-verdict')).toHaveText('Significant');
    await expect(row.locator('.cmp-diff')).toHaveText(/^−[\d,.]+ ms\[−[\d,.]+, −[\d,.]+\]$/);
  }
  await expect(table.locator('tr[data-path="serving.risk_model_api.latency_ms.p99"] th')).toHaveText('Latency p99');
  await expect(table.locator('tr[data-path="serving.risk_model_api.components_ms.service"] .cmp-verdict')).toHaveText('No difference');
  await expect(table.getByRole('rowheader', { name: 'Serving — risk_model_api' })).toBeVisible();
  await expect(table.getByRole('rowheader', { name: 'Pipeline', exact: true })).toBeVisible();

  for (const theme of ['light', 'dark'] as const) {
    if ((await page.locator('html').getAttribute('data-theme')) !== theme) await page.getByRole('button', { name: 'Dark theme' }).click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    for (const [name, selector] of [['top', '.run-meta'], ['chart', '.cmp-chart'], ['table', '.cmp-figures']] as const) {
      await scrollResultsTo(page, selector);
      await page.screenshot({ path: testInfo.outputPath(`compare-${name}-${theme}.png`) });
    }
  }

  // Only the figures that moved.
  const filter = view.getByRole('checkbox', { name: 'Only significant differences' });
  await filter.check();
  await expect(table.locator('tr[data-path="serving.risk_model_api.components_ms.service"]')).toHaveCount(0);
  await expect(table.locator('tr[data-path="serving.risk_model_api.latency_ms.p99"] .cmp-verdict')).toHaveText('Significant');
  await expect(table.locator('.cmp-verdict').filter({ hasNotText: /^Significant$/ })).toHaveCount(0);

  // Closing returns to the run's own charts, the focus back on the select.
  await view.getByRole('button', { name: 'Close comparison' }).click();
  await expect(view).toHaveCount(0);
  await expect(page.getByRole('img', { name: 'Latency percentiles vs budget for risk_model_api' })).toBeVisible();
  await expect(compareWith).toBeFocused();
  await expect(compareWith).toHaveValue('');

  // Runs of another scenario are listed from the select beside it. The library is shared with
  // other specs, which may or may not have run the example by now: either its finished runs are
  // offered, or the select says there are none.
  const scenarioSelect = page.getByLabel('Scenario whose runs are listed');
  await expect(scenarioSelect.locator('option:checked')).toHaveText('E2E compare (this scenario)');
  await scenarioSelect.selectOption(await scenarioSelect.locator('option', { hasText: /^Risk model API/ }).first().getAttribute('value'));
  await expect(async () => {
    const disabled = await compareWith.isDisabled();
    const text = (await compareWith.textContent()) ?? '';
    expect(disabled ? text === 'no other finished run' : /seed \d+/.test(text)).toBe(true);
  }).toPass();
  expect(problems).toEqual([]);
});
