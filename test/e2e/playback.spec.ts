// Playback in the browser preview on the real backend (workshop mode): one scrubber moves the
// cursor of every time chart of the run at once, Play advances it, the state at that instant is
// listed, and the story steps through the run's key moments with one sentence each.
import { collectConsoleProblems, expect, runQuickRiskCopy, test } from './fixtures';

test('playback moves one cursor across every time chart; the story steps through the key moments', async ({ page, appUrl }, testInfo) => {
  const problems = collectConsoleProblems(page);
  await runQuickRiskCopy(page, appUrl, 'E2E playback'); // the article's example, 60 s
  await expect(page.getByRole('progressbar', { name: 'Run progress' })).toHaveAttribute('aria-valuenow', '100', { timeout: 60_000 });
  await page.setViewportSize({ width: 1920, height: 1080 });

  const bar = page.getByRole('region', { name: 'Playback over simulated time' });
  const cursors = page.locator('.time-cursor');
  await expect(bar).toBeVisible();
  await expect(cursors).toHaveCount(0);

  // The scrubber, by keyboard: End puts the cursor at the horizon on every time chart.
  const scrub = bar.getByRole('slider', { name: 'Simulated time' });
  await scrub.focus();
  await page.keyboard.press('End');
  const charts = await page.locator('svg:has(.time-cursor)').count();
  expect(charts).toBeGreaterThanOrEqual(3);
  await expect(scrub).toHaveAttribute('aria-valuetext', /^60 s of 60 s$/);
  const xs = async () => cursors.evaluateAll((ls) => ls.map((l) => Number(l.getAttribute('x1'))));
  const atEnd = await xs();
  await page.keyboard.press('Home');
  await expect.poll(async () => (await xs()).every((x, i) => x < atEnd[i]!)).toBe(true);
  await expect(bar.getByRole('list', { name: 'State at 0 s' })).toContainText(/risk_model_api\s*queue \d+/);

  // Play advances the cursor in simulated time (at 1×, a 60 s run takes a minute); Pause stops it.
  await bar.getByLabel('Speed').selectOption('1');
  await bar.getByRole('button', { name: 'Play' }).click();
  await expect.poll(async () => Number(await scrub.inputValue()), { timeout: 10_000 }).toBeGreaterThan(0);
  await bar.getByRole('button', { name: 'Pause' }).click();
  const paused = await scrub.inputValue();
  await page.waitForTimeout(300);
  expect(await scrub.inputValue()).toBe(paused);

  // Story mode: the SLO is broken from the start, then the queue's peak; each moment moves the cursor.
  await bar.getByRole('button', { name: 'Story' }).click();
  await expect(bar).toContainText('risk_model_api: SLO first broken');
  await expect(scrub).toHaveValue('0');
  await bar.getByRole('button', { name: 'Next moment' }).click();
  await expect(bar).toContainText('risk_model_api: queue peak');
  await expect.poll(async () => Number(await scrub.inputValue())).toBeGreaterThan(0);
  await page.screenshot({ path: testInfo.outputPath('playback-story-1920.png') });
  // The bar stays in view over the time charts, each showing the cursor.
  await cursors.first().scrollIntoViewIfNeeded();
  await expect(bar).toBeInViewport();
  await page.screenshot({ path: testInfo.outputPath('playback-charts-1920.png') });
  expect(problems).toEqual([]);
});
