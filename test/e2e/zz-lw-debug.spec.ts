import { expect, newFromExample, test } from './fixtures';
test('debug', async ({ page, appUrl }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(appUrl);
  await newFromExample(page, 'Risk model API');
  await page.getByRole('button', { name: 'Live what-if' }).click();
  await expect(page.locator('.live-whatif .preview-chart')).toHaveAttribute('data-preview-drawn', /^\d+$/);
  await page.getByRole('slider', { name: 'Pipeline failure probability: monitor_predictions' }).focus();
  await page.keyboard.press('ArrowRight');
  await page.waitForTimeout(1500);
  await page.screenshot({ path: '/tmp/lw/focus-bottom.png' });
});
