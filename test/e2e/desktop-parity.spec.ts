// What the desktop menu offers, reached in the browser preview (the same renderer and backend):
// Help → Licences (Headroom's, the bundled data's attributions, every shipped package), File →
// New Scenario, scenario files dropped on the window, and a page that never trips its own CSP
// (zod runs jitless). Shots at 1280×720, light and dark.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { callApi, collectConsoleProblems, expect, test } from './fixtures';

const root = path.resolve(__dirname, '..', '..');

/** Counts the page's CSP violations from its first script on. */
async function watchCsp(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    (window as unknown as { cspViolations: string[] }).cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => (window as unknown as { cspViolations: string[] }).cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return () => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
}

/** Drops files on the window as a file manager would. */
async function dropFiles(page: Page, files: { name: string; text: string }[]): Promise<void> {
  await page.evaluate((list) => {
    const dt = new DataTransfer();
    for (const f of list) dt.items.add(new File([f.text], f.name, { type: 'application/json' }));
    const target = document.querySelector('main') ?? document.body;
    target.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
    target.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, files);
}

test('Licences: Headroom\'s, the data\'s attributions and every package; keyboard only; light and dark', async ({ page, appUrl }, testInfo) => {
  const problems = collectConsoleProblems(page);
  const violations = await watchCsp(page);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(appUrl);
  const button = page.getByRole('button', { name: 'Licences and data attributions' });
  await button.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Licences' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('MIT License');
  await expect(dialog).toContainText('Azure LLM inference trace');
  await expect(dialog).toContainText('Creative Commons Attribution 4.0');
  for (const pkg of ['react', 'd3', 'zustand', 'better-sqlite3', 'zod']) await expect(dialog.getByText(new RegExp(`^${pkg}\\b`)).first()).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('licences-light.png') });
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(button).toBeFocused();
  await page.getByRole('button', { name: 'Dark theme' }).click();
  await button.click();
  await expect(dialog).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('licences-dark.png') });
  await dialog.getByRole('button', { name: 'Close', exact: true }).click();
  await page.getByRole('button', { name: 'Dark theme' }).click();
  expect(await violations()).toEqual([]);
  expect(problems).toEqual([]);
});

test('New makes a scenario that runs as it is; a dropped file is imported and opened, a bad one refused by field', async ({ page, appUrl }, testInfo) => {
  test.setTimeout(120_000);
  const problems = collectConsoleProblems(page);
  const violations = await watchCsp(page);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(appUrl);
  await expect(page.getByRole('list', { name: 'Scenarios' }).getByRole('listitem').first()).toBeVisible();
  const before = (await callApi<{ id: string; name: string }[]>(appUrl, 'listScenarios')).length;

  // One template per layer, from the keyboard; each validates and runs as it is.
  await page.getByRole('button', { name: 'New', exact: true }).focus();
  await page.keyboard.press('Enter');
  const templates = page.getByRole('list', { name: 'New scenario' }).getByRole('button');
  await expect(templates).toHaveText(['Serving: one service', 'GPU cluster: one pool, a stream of jobs', 'Pipeline: four tasks, a fan-out and a join', 'Blank: one task to build on in the form']);
  await page.screenshot({ path: testInfo.outputPath('new-templates.png') });
  await templates.first().click();
  await expect(page.getByRole('list', { name: 'Scenarios' }).getByRole('listitem')).toHaveCount(before + 1);
  const created = (await callApi<{ id: string; name: string }[]>(appUrl, 'listScenarios')).find((s) => s.name === 'New serving scenario');
  expect(created).toBeDefined();
  await page.keyboard.press('Control+Enter');
  await expect.poll(async () => (await callApi<{ status: string }[]>(appUrl, 'listRuns', created!.id))[0]?.status, { timeout: 60_000 }).toBe('done');

  const text = fs.readFileSync(path.join(root, 'assets', 'examples', 'nightly-retraining.json'), 'utf8').replace(/"name": "[^"]+"/, '"name": "Dropped nightly retraining"');
  await dropFiles(page, [{ name: 'dropped.headroom.json', text }]);
  await expect(page.getByText('Imported 1 scenario')).toBeVisible();
  await expect(page.getByRole('list', { name: 'Scenarios' }).getByText('Dropped nightly retraining')).toBeVisible();
  await expect(page.getByLabel('Scenario name')).toHaveValue('Dropped nightly retraining');

  await dropFiles(page, [{ name: 'broken.headroom.json', text: '{"format": "headroom.scenario/v1", "name": 3}' }]);
  await expect(page.getByText(/broken\.headroom\.json/).first()).toBeVisible();
  await expect(page.getByText(/name/).first()).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('dropped-bad-file.png') });
  expect((await callApi<unknown[]>(appUrl, 'listScenarios')).length).toBe(before + 2);

  for (const [i, name] of [[1, 'New GPU cluster'], [2, 'New pipeline'], [3, 'New scenario']] as const) {
    await page.getByRole('button', { name: 'New', exact: true }).click();
    await templates.nth(i).click();
    await expect(page.getByLabel('Scenario name')).toHaveValue(name);
  }
  expect(await violations()).toEqual([]);
  expect(problems).toEqual([]);
});
