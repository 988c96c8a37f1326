// The runs list with meaning, in the browser preview on the real backend: the article's example
// run at 8 replicas, then at 10; each run says what changed since the one before and its SLO
// verdict; a run takes a label from the keyboard (Enter saves, Escape leaves it), kept on reload.
import { collectConsoleProblems, expect, runQuickRiskCopy, test } from './fixtures';

test('each run says what changed and its verdict, and takes a label from the keyboard', async ({ page, appUrl }, testInfo) => {
  const problems = collectConsoleProblems(page);
  await runQuickRiskCopy(page, appUrl, 'E2E runs list'); // v2, 8 replicas, started
  const runs = page.getByRole('list', { name: 'Runs' });
  const entries = runs.getByRole('listitem');
  await expect(runs.getByRole('button', { name: /^Run done, version 2/ })).toBeVisible({ timeout: 60_000 });
  await expect(entries.first().locator('.run-changes')).toHaveText('first run');

  await page.getByLabel('Replicas', { exact: true }).fill('10');
  await page.keyboard.press('Control+S');
  await expect(page.getByRole('status').filter({ hasText: 'Saved v3' })).toBeVisible();
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  const newestRun = runs.getByRole('button', { name: /^Run done, version 3/ });
  await expect(newestRun).toBeVisible({ timeout: 60_000 });

  const [newest, older] = [entries.nth(0), entries.nth(1)];
  await expect(newest.locator('.run-changes')).toHaveText('replicas 8 → 10');
  await expect(older.locator('.run-changes')).toHaveText('first run');
  // 8 replicas at 1200 rps never drain the queue: the verdict is bad, in a word and a colour.
  await expect(older.locator('.run-headline .status')).toHaveClass(/tone-bad/);
  await expect(older.locator('.run-headline .status')).not.toBeEmpty();
  await expect(older.locator('.run-headline')).toContainText('risk_model_api');
  await expect(newest.locator('.run-headline')).toBeVisible();
  await expect(newestRun).toHaveAccessibleName(/changes: replicas 8 → 10$/);

  // Label the newest run by keyboard: Tab from the run to its Label button, Enter, type, Enter.
  await newestRun.focus();
  await page.keyboard.press('Tab');
  const labelButton = newest.getByRole('button', { name: /^Label run v3, seed 1/ });
  await expect(labelButton).toBeFocused();
  await page.keyboard.press('Enter');
  const input = page.getByRole('textbox', { name: 'Run label' });
  await expect(input).toBeFocused();
  await page.keyboard.type('  ten replicas ');
  await page.locator('section.runs').screenshot({ path: testInfo.outputPath('runs-list-labelling.png') });
  await page.keyboard.press('Enter');
  await expect(newest.locator('.run-label')).toHaveText('ten replicas');
  await expect(input).toHaveCount(0);
  await expect(labelButton).toBeFocused();
  await expect(newestRun).toHaveAccessibleName(/label “ten replicas”/);

  // Escape leaves the label as it was.
  await page.keyboard.press('Enter');
  await expect(input).toHaveValue('ten replicas');
  await page.keyboard.type('draft');
  await page.keyboard.press('Escape');
  await expect(input).toHaveCount(0);
  await expect(newest.locator('.run-label')).toHaveText('ten replicas');
  await expect(labelButton).toBeFocused();

  // Kept in the library; light and dark at 1280×720.
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.evaluate(() => localStorage.removeItem('headroom.theme'));
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('data-theme', scheme);
    await expect(entries.first().locator('.run-label')).toHaveText('ten replicas');
    await expect(entries.first().locator('.run-changes')).toHaveText('replicas 8 → 10');
    await expect(entries.nth(1).locator('.run-headline')).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath(`runs-list-${scheme}.png`) });
  }
  expect(problems).toEqual([]);
});
