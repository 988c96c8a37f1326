// A form field the engine ignores in the scenario's configuration is disabled, and its accessible
// description says why: the trace example batches, so its service time comes from batch_time_ms.
// Where the field counts (the risk example, no batching) it is enabled with no such description.
import { collectConsoleProblems, expect, newFromExample, test } from './fixtures';

test('a field the engine ignores is disabled, and described by the reason', async ({ page, appUrl }, testInfo) => {
  const problems = collectConsoleProblems(page);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(appUrl);

  await newFromExample(page, 'Risk model API');
  // Named apart from the bundled example, which other specs open by name.
  await page.getByLabel('Scenario name').fill('E2E ignored fields risk');
  await page.keyboard.press('Control+S');
  await expect(page.getByRole('status').filter({ hasText: 'Saved v2' })).toBeVisible();
  const serviceTime = page.getByLabel('Mean service time (ms)');
  await expect(serviceTime).toBeEnabled();
  await expect(serviceTime).not.toHaveAccessibleDescription(/Ignored/);

  await newFromExample(page, 'LLM code completion');
  // Named apart from the bundled example, which other specs open by name.
  await page.getByLabel('Scenario name').fill('E2E ignored fields');
  await page.keyboard.press('Control+S');
  await expect(page.getByRole('status').filter({ hasText: 'Saved v2' })).toBeVisible();
  await expect(serviceTime).toBeDisabled();
  await expect(serviceTime).toHaveAccessibleDescription(
    'Ignored: with batching, a batch takes batching.batch_time_ms (base + per_item × batch size); remove batching to use service_time_ms',
  );
  // The other fields of the service stay editable.
  await expect(page.getByLabel('Replicas', { exact: true })).toBeEnabled();

  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.evaluate(() => localStorage.removeItem('headroom.theme'));
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('data-theme', scheme);
    await expect(serviceTime).toBeDisabled();
    await page.locator('form.scenario-form').screenshot({ path: testInfo.outputPath(`ignored-field-${scheme}.png`) });
  }
  expect(problems).toEqual([]);
});
