// The example gallery on the start screen: with no scenario open, every bundled example is a card
// with its story and a thumbnail drawn from its scenario; the diurnal example opens from the
// keyboard alone, runs, and its replicas follow the load. Shots at 1920×1080, light and dark.
import type { Page } from '@playwright/test';
import { callApi, collectConsoleProblems, expect, test } from './fixtures';

const DIURNAL = 'Diurnal autoscaling — cold starts on the morning ramp';

/** Tabs forward until the element with this accessible label has the focus (at most `max` presses). */
async function tabTo(page: Page, label: string, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((l) => document.activeElement?.getAttribute('aria-label') === l, label)) return;
  }
  throw new Error(`${max} presses of Tab never reached "${label}"`);
}

test('start screen: the example gallery, opened and run from the keyboard', async ({ page, appUrl }, testInfo) => {
  // The start screen is what shows with no scenario open: the seeded examples go to the trash for
  // the test (and come back after it), so the app has nothing to open.
  const seeded = await callApi<{ id: string }[]>(appUrl, 'listScenarios');
  for (const s of seeded) await callApi(appUrl, 'deleteScenario', s.id);
  try {
    const problems = collectConsoleProblems(page);
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.goto(appUrl);

    const gallery = page.getByRole('list', { name: 'Example gallery' });
    const cards = gallery.getByRole('listitem');
    const examples = await callApi<{ id: string }[]>(appUrl, 'listExamples');
    expect(examples.length).toBeGreaterThanOrEqual(4);
    await expect(cards).toHaveCount(examples.length);
    for (let i = 0; i < examples.length; i++) {
      const card = cards.nth(i);
      await expect(card.locator('.gallery-story')).toHaveText(/.{200,}/);
      // The thumbnail says in words what it draws, and draws something.
      await expect(card.getByRole('img')).toHaveAttribute('aria-label', /\w.{20,}/);
      expect(await card.locator('svg path, svg rect').count()).toBeGreaterThan(2);
      await expect(card.getByRole('button', { name: /^Open example / })).toBeVisible();
    }
    await expect(cards.filter({ hasText: DIURNAL }).getByRole('img')).toHaveAttribute('aria-label', /6 to 54 requests\/s; the autoscaler aims for 2 to 10 replicas/);

    await page.screenshot({ path: testInfo.outputPath('gallery-1920-light.png') });
    await page.getByRole('button', { name: 'Dark theme' }).click();
    await page.screenshot({ path: testInfo.outputPath('gallery-1920-dark.png') });
    await page.getByRole('button', { name: 'Dark theme' }).click();

    // Keyboard only: Tab to the card's Open button, Enter; the copy opens in the editor; Ctrl+Enter runs it.
    await page.setViewportSize({ width: 1280, height: 720 });
    await tabTo(page, `Open example ${DIURNAL}`);
    await page.keyboard.press('Enter');
    await expect(page.getByLabel('Scenario name')).toHaveValue(DIURNAL);
    // The start screen gives way to the scenario; until it is run, the gallery sits under its results.
    await expect(page.getByRole('heading', { name: 'Examples', exact: true })).toHaveCount(0);
    await expect(page.getByRole('region', { name: 'Or start from an example' }).getByRole('list', { name: 'Example gallery' })).toBeVisible();
    await page.keyboard.press('Control+Enter');
    await expect(page.getByRole('progressbar', { name: 'Run progress' })).toHaveAttribute('aria-valuenow', '100', { timeout: 30_000 });
    await expect(gallery).toHaveCount(0);

    // The replicas follow the load: from the floor of 2 at night to 8 or more at the peak.
    const replicasFigure = page.getByRole('figure', { name: 'Replicas serving' });
    await replicasFigure.scrollIntoViewIfNeeded();
    await expect(replicasFigure).toBeVisible();
    const scenario = (await callApi<{ id: string; name: string }[]>(appUrl, 'listScenarios')).find((s) => s.name === DIURNAL)!;
    const [run] = await callApi<{ id: string }[]>(appUrl, 'listRuns', scenario.id);
    const result = await callApi<{ serving: Record<string, { series: { replicas: ({ mean: number } | null)[] } }> }>(appUrl, 'getRunResult', run!.id);
    const replicas = result.serving.search_reranker!.series.replicas.flatMap((r) => (r ? [r.mean] : []));
    expect(Math.min(...replicas)).toBeLessThan(2.5);
    expect(Math.max(...replicas)).toBeGreaterThanOrEqual(8);
    await replicasFigure.screenshot({ path: testInfo.outputPath('diurnal-replicas-1280.png') });
    await page.getByRole('figure', { name: /^Latency p50/ }).screenshot({ path: testInfo.outputPath('diurnal-latency-1280.png') });
    expect(problems).toEqual([]);
  } finally {
    for (const s of seeded) await callApi(appUrl, 'restoreFromTrash', s.id);
  }
});
