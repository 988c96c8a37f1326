// The wall-clock cap of app runs: 300 s unless the user sets another beside the Run button; a
// bad value is refused naming the field, and a run that reaches the cap stops as a partial result.
import { collectConsoleProblems, expect, newFromExample, test } from './fixtures';

test('Stop after (s): refused when out of range, and a run that reaches it stops partial', async ({ page, appUrl }) => {
  const problems = collectConsoleProblems(page);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(appUrl);
  await newFromExample(page, 'Risk model API');

  const cap = page.getByLabel('Stop after (s)');
  await expect(cap).toHaveValue('300');
  await cap.fill('0');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByText(/Not run: Stop after \(s\) must be a number of seconds from 1 to 86400 \(got "0"\)/)).toBeVisible();

  // A long horizon and a 1 s cap: the run stops by the cap and keeps what it simulated.
  await page.getByLabel('Scenario name').fill('E2E capped run');
  await page.getByLabel('Horizon (s)').fill('36000');
  await page.keyboard.press('Control+S');
  await expect(page.getByRole('status').filter({ hasText: 'Saved v2' })).toBeVisible();
  await cap.fill('1');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByText('Stopped by a cap — the result is partial')).toBeVisible({ timeout: 60_000 });
  expect(problems).toEqual([]);
});
