// Workshop mode, in the browser preview on the real backend: the presentation view (F5; Escape
// leaves) with the panels hidden, projector-sized type, ←/→ through the charts and no chart
// label cut off; the shortcut sheet on `?`; panels collapsed and resized, remembered across a
// reload; number fields stepping with the arrow keys; Escape cancelling a run; and 200% zoom
// (a 960×540 CSS viewport at device scale 2) with nothing clipped, normal and presenting.
import type { Page } from '@playwright/test';
import { collectConsoleProblems, expect, newFromExample, test } from './fixtures';

/** Font sizes (CSS px) of the results' text and of a chart's text, and whether a chart label falls outside its SVG. */
async function measure(page: Page) {
  return page.evaluate(() => {
    const px = (sel: string) => parseFloat(getComputedStyle(document.querySelector(sel)!).fontSize);
    // Every chart's drawing lies inside its viewBox (a label past it would be cut off).
    const cut = Array.from(document.querySelectorAll<SVGSVGElement>('.results figure svg[viewBox]')).filter((svg) => {
      const b = svg.getBBox();
      const v = svg.viewBox.baseVal;
      return b.width > 0 && (b.x < v.x - 1 || b.y < v.y - 1 || b.x + b.width > v.x + v.width + 1 || b.y + b.height > v.y + v.height + 1);
    }).map((svg) => svg.getAttribute('aria-label'));
    return { text: px('.results .run-meta p'), cell: px('.results .data-table td'), chart: px('.results .latency-chart text'), cut };
  });
}

/** The results panel scrolls what does not fit; the page itself never gets wider or taller than the window. */
async function overflow(page: Page) {
  return page.evaluate(() => {
    const r = document.querySelector('.results')!;
    const d = document.documentElement;
    return { results: r.scrollWidth - r.clientWidth, pageX: d.scrollWidth - d.clientWidth, pageY: d.scrollHeight - d.clientHeight, scrolls: getComputedStyle(r).overflowY };
  });
}

test('presentation view, shortcuts, panels, number steps, Escape cancels, 200% zoom', async ({ page, appUrl, browser }, testInfo) => {
  test.setTimeout(60_000);
  const problems = collectConsoleProblems(page);
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto(appUrl);
  await newFromExample(page, 'Risk model API');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  const progress = page.getByRole('progressbar', { name: 'Run progress' });
  await expect(progress).toHaveAttribute('aria-valuenow', '100', { timeout: 30_000 });
  await expect(page.getByRole('img', { name: 'Latency percentiles vs budget for risk_model_api' })).toBeVisible();

  const sidebar = page.getByRole('navigation', { name: 'Library and runs' });
  const editor = page.getByRole('region', { name: /^Editor/ });
  const normal = await measure(page);
  expect(normal.text).toBeLessThan(14); // the normal view's 12–13 px, so the jump below is the view's doing

  // F5: the results alone, full width, in projector type and the high-contrast palette.
  await page.keyboard.press('F5');
  await expect(sidebar).toBeHidden();
  await expect(editor).toBeHidden();
  await expect(page.locator('html')).toHaveAttribute('data-palette', 'high-contrast');
  const results = page.getByRole('region', { name: 'Results', exact: true });
  expect((await results.boundingBox())!.width).toBeGreaterThan(1900);
  const big = await measure(page);
  expect(big.text).toBeGreaterThanOrEqual(20);
  expect(big.cell).toBeGreaterThanOrEqual(20);
  expect(big.chart).toBeGreaterThanOrEqual(16);
  expect(big.cut).toEqual([]);

  // → and ←: each chart in turn, focused, in view, counted.
  const figures = results.locator('figure');
  const count = await figures.count();
  expect(count).toBeGreaterThanOrEqual(6);
  const position = page.getByRole('group', { name: 'Charts' });
  await page.keyboard.press('ArrowRight');
  await expect(position).toContainText(`chart 1 of ${count}`);
  await expect(figures.nth(0)).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(position).toContainText(`chart 3 of ${count}`);
  await expect(figures.nth(2)).toBeFocused();
  await expect(figures.nth(2)).toBeInViewport({ ratio: 0.9 });
  await page.keyboard.press('ArrowLeft');
  await expect(position).toContainText(`chart 2 of ${count}`);
  await expect(figures.nth(1)).toBeFocused();
  await expect(figures.nth(1)).toBeInViewport({ ratio: 0.9 });
  await page.screenshot({ path: testInfo.outputPath('present-1920.png') });

  // Escape leaves; `?` opens the sheet over the normal view, and Escape closes only the sheet.
  await page.keyboard.press('Escape');
  await expect(sidebar).toBeVisible();
  await expect(editor).toBeVisible();
  await expect(page.locator('html')).not.toHaveAttribute('data-present');
  await page.keyboard.press('Shift+?');
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(sheet).toBeVisible();
  for (const what of ['Save the scenario', 'Start or leave the presentation view', 'Next chart', 'Hide or show the editor', 'Play or pause']) await expect(sheet).toContainText(what);
  await sheet.screenshot({ path: testInfo.outputPath('shortcut-sheet.png') });
  await page.keyboard.press('Escape');
  await expect(sheet).toBeHidden();
  await expect(sidebar).toBeVisible();

  // Panels: Ctrl+B hides the library, the splitter resizes the editor by keyboard; both are kept over a reload.
  await page.keyboard.press('Control+b');
  await expect(sidebar).toBeHidden();
  await expect(page.getByRole('button', { name: 'Library', exact: true })).toHaveAttribute('aria-expanded', 'false');
  const splitter = page.getByRole('separator', { name: 'Resize the editor' });
  await expect(splitter).toHaveAttribute('aria-valuenow', '400');
  await splitter.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Shift+ArrowRight');
  await expect(splitter).toHaveAttribute('aria-valuenow', '480');
  await page.reload();
  await expect(editor).toBeVisible();
  await expect(sidebar).toBeHidden();
  await expect(splitter).toHaveAttribute('aria-valuenow', '480');
  expect(Math.round((await editor.boundingBox())!.width)).toBe(480);
  await page.getByRole('button', { name: 'Library', exact: true }).click();
  await expect(sidebar).toBeVisible();

  // Number fields step with ↑/↓ (Shift: ten steps).
  const replicas = page.getByLabel('Replicas', { exact: true });
  await replicas.focus();
  await page.keyboard.press('ArrowUp');
  await expect(replicas).toHaveValue('9');
  await page.keyboard.press('Shift+ArrowUp');
  await expect(replicas).toHaveValue('19');
  await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(replicas).toHaveValue('8');

  // 200% zoom: the same window at device scale 2 is a 960×540 CSS viewport. Nothing is clipped:
  // the page fits, and the results panel scrolls what it cannot show — normal and presenting.
  const zoomed = await browser.newContext({ viewport: { width: 960, height: 540 }, deviceScaleFactor: 2 });
  const z = await zoomed.newPage();
  const zoomProblems = collectConsoleProblems(z);
  await z.goto(appUrl);
  await z.getByRole('list', { name: 'Scenarios' }).getByRole('listitem').first().getByRole('button').first().click();
  await expect(z.getByRole('img', { name: 'Latency percentiles vs budget for risk_model_api' })).toBeVisible();
  const atZoom = await overflow(z);
  expect(atZoom).toMatchObject({ results: 0, pageX: 0, pageY: 0, scrolls: 'auto' });
  await z.screenshot({ path: testInfo.outputPath('zoom-200.png') });
  await z.keyboard.press('F5');
  await expect(z.getByRole('navigation', { name: 'Library and runs' })).toBeHidden();
  const presentingAtZoom = await overflow(z);
  expect(presentingAtZoom).toMatchObject({ results: 0, pageX: 0, pageY: 0, scrolls: 'auto' });
  expect((await measure(z)).cut).toEqual([]);
  await z.keyboard.press('ArrowRight');
  await z.keyboard.press('ArrowRight');
  await expect(z.getByRole('group', { name: 'Charts' })).toContainText('chart 2 of');
  await z.screenshot({ path: testInfo.outputPath('zoom-200-present.png') });
  await zoomed.close();
  expect(zoomProblems).toEqual([]);

  // Escape cancels a running run: a 10-hour horizon runs long enough to be caught.
  await page.getByLabel('Horizon (s)').fill('36000');
  await page.getByRole('button', { name: 'Run', exact: true }).click(); // saves first
  await expect(page.getByRole('button', { name: 'Cancel run' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(progress).toHaveAttribute('aria-valuetext', /Cancelled/, { timeout: 15_000 });
  await expect(page.getByRole('button', { name: 'Cancel run' })).toBeHidden();
  expect(problems).toEqual([]);
});
