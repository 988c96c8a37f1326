// The distribution picker in the form (issue 16): the article's service time, exponential with
// mean 80 ms, shows its density with the mean and the p99 (80·ln 100 = 368 ms) marked; changing
// the kind keeps the mean and changes only that field in the JSON; a parameter edit redraws the
// sketch. Shots at 1280×720, light and dark.
import { collectConsoleProblems, expect, jsonViewText, newFromExample, test } from './fixtures';

/** The lognormal's p99 in whole ms: exp(μ + z₀.₉₉·σ) with σ² = ln(1 + cv²), μ = ln(mean) − σ²/2. */
const lognormalP99 = (mean: number, cv: number) => {
  const s2 = Math.log(1 + cv * cv);
  return Math.round(Math.exp(Math.log(mean) - s2 / 2 + 2.326347874 * Math.sqrt(s2)));
};

test('the service time\'s distribution: kind, parameters and a sketch with the mean and p99', async ({ page, appUrl }, testInfo) => {
  const problems = collectConsoleProblems(page);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(appUrl);
  await newFromExample(page, 'Risk model API');
  const kind = page.getByLabel('Service time distribution');
  await expect(kind).toHaveValue('exponential');
  await expect(page.getByLabel('Mean service time (ms)')).toHaveValue('80');
  // The service's first picker is its service time (the latency components follow it).
  const picker = page.getByRole('group', { name: 'Service risk_model_api' }).locator('.dist-picker').first();
  const caption = picker.locator('.dist-sketch figcaption');
  await expect(caption).toHaveText('Service time density: mean 80 ms · p99 368 ms');
  await picker.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('dist-picker-exponential.png') });

  // Lognormal with the same mean; cv 0.5 by default, then 0.25 from the keyboard.
  await kind.selectOption('lognormal');
  await expect(page.getByLabel('Mean service time (ms)')).toHaveValue('80');
  const cv = page.getByLabel('Service time cv');
  await expect(cv).toHaveValue('0.5');
  await expect(caption).toHaveText(`Service time density: mean 80 ms · p99 ${lognormalP99(80, 0.5)} ms`);
  await cv.fill('0.25');
  await expect(caption).toHaveText(`Service time density: mean 80 ms · p99 ${lognormalP99(80, 0.25)} ms`);
  await page.getByRole('button', { name: 'JSON', exact: true }).click();
  const json = await jsonViewText(page);
  expect(json).toMatch(/"service_time_ms": \{\s*"dist": "lognormal",\s*"mean": 80,\s*"cv": 0\.25\s*\}/);
  await page.getByRole('button', { name: 'Form', exact: true }).click();

  await page.getByRole('button', { name: 'Dark theme' }).click();
  await kind.selectOption('fixed');
  await expect(caption).toHaveText('Service time density: mean 80 ms · p99 80 ms');
  await picker.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('dist-picker-fixed-dark.png') });
  await page.getByRole('button', { name: 'Dark theme' }).click();
  expect(problems).toEqual([]);
});
