// The scenario library in the browser preview, end to end (real renderer, backend and SQLite
// file): autosave with its visible state, history with view, compare and restore, rename, tags,
// search, duplicate, delete to the trash with Undo, export and import round trips (plain file
// and bundle with history), and backup/restore of the whole library. Each test leaves the
// library with everything it found there, so the tests can share one preview server.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { collectConsoleProblems, expect, newFromExample, test } from './fixtures';

const scenarioList = (page: Page) => page.getByRole('list', { name: 'Scenarios' });
const saveStatus = (page: Page) => page.getByRole('group', { name: 'Editor actions' }).getByRole('status');

/** A new scenario from the bundled example, renamed to `name` (unique per test), open in the editor. */
async function newScenario(page: Page, name: string): Promise<void> {
  await newFromExample(page, 'Risk model API');
  await page.getByLabel('Scenario name').fill(name);
  await expect(saveStatus(page)).toHaveText('Saved v2', { timeout: 10_000 });
  await expect(scenarioList(page).getByRole('button', { name: new RegExp(`^${name}`) })).toHaveAttribute('aria-current', 'true');
}

test('autosave: edits are saved after a pause, without pressing Save, and survive a reload', async ({ page, appUrl }) => {
  const problems = collectConsoleProblems(page);
  await page.goto(appUrl);
  await newScenario(page, 'E2E autosave');

  const replicas = page.getByLabel('Replicas', { exact: true });
  await replicas.fill('11');
  await expect(saveStatus(page)).toHaveText('Unsaved changes…');
  // Debounced well under 2 s: "Saved v3" appears without any click.
  await expect(saveStatus(page)).toHaveText('Saved v3', { timeout: 4_000 });

  // Invalid text is never saved; the status says why.
  await replicas.fill('0');
  await expect(saveStatus(page)).toHaveText('Not saved: fix the problems above');
  await page.waitForTimeout(1_800);
  await expect(saveStatus(page)).toHaveText('Not saved: fix the problems above');
  await replicas.fill('12');
  await expect(saveStatus(page)).toHaveText('Saved v4', { timeout: 4_000 });

  await page.reload();
  await expect(page.getByLabel('Replicas', { exact: true })).toHaveValue('12');
  await expect(scenarioList(page).getByRole('button', { name: /^E2E autosave/ })).toContainText('v4');
  expect(problems).toEqual([]);
});

test('history: view an old version, compare two field by field, restore one as the newest', async ({ page, appUrl }) => {
  const problems = collectConsoleProblems(page);
  await page.goto(appUrl);
  await newScenario(page, 'E2E history');
  await page.getByLabel('Replicas', { exact: true }).fill('10');
  await expect(saveStatus(page)).toHaveText('Saved v3', { timeout: 4_000 });

  await page.getByRole('button', { name: 'History', exact: true }).click();
  const versions = page.getByRole('list', { name: 'Versions' });
  await expect(versions.getByRole('listitem')).toHaveCount(3);
  // The newest two are compared by default: the one field that changed, before and after.
  const diff = page.getByRole('table', { name: 'Changes from v2 to v3' });
  await expect(diff.getByRole('row', { name: /serving\.services\[0\]\.replicas/ })).toContainText('8');
  await expect(diff.getByRole('row', { name: /serving\.services\[0\]\.replicas/ })).toContainText('10');
  await expect(diff.getByRole('row')).toHaveCount(2); // header + one change
  await page.getByLabel('From', { exact: true }).selectOption({ label: 'v1' });
  await expect(page.getByRole('table', { name: 'Changes from v1 to v3' }).getByRole('row', { name: /^name/ })).toContainText('E2E history');

  await page.getByRole('button', { name: 'View v2' }).click();
  await expect(page.getByLabel('Scenario JSON of v2')).toContainText('"replicas": 8');
  await page.getByRole('button', { name: 'Restore this version' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Restored v2 as v4' })).toBeVisible();
  await expect(saveStatus(page)).toHaveText('Saved v4');
  await expect(page.getByLabel('Replicas', { exact: true })).toHaveValue('8');
  await expect(versions.getByRole('listitem')).toHaveCount(4);
  await expect(versions.getByRole('listitem').first()).toContainText('restored from v2');
  // Nothing was rewritten: v3 still holds 10 replicas.
  await page.getByRole('button', { name: 'View v3' }).click();
  await expect(page.getByLabel('Scenario JSON of v3')).toContainText('"replicas": 10');
  await page.getByRole('button', { name: 'Close history' }).click();
  await expect(page.getByRole('heading', { name: 'Results' })).toBeVisible();
  expect(problems).toEqual([]);
});

test('rename, tags, search and duplicate', async ({ page, appUrl }) => {
  const problems = collectConsoleProblems(page);
  await page.goto(appUrl);
  await newScenario(page, 'E2E organise');

  await page.getByRole('button', { name: 'Rename', exact: true }).click();
  await page.getByLabel('New name').fill('E2E organised');
  await page.getByLabel('New name').press('Enter');
  await expect(page.getByLabel('Scenario name')).toHaveValue('E2E organised');
  await expect(saveStatus(page)).toHaveText('Saved v3');
  await expect(page.getByRole('button', { name: 'Rename', exact: true })).toBeFocused();

  const tagInput = page.getByLabel('Add tag');
  await tagInput.fill('Zebra-tag, q3');
  await tagInput.press('Enter');
  const tags = page.getByRole('list', { name: 'Tags' });
  await expect(tags.getByRole('listitem')).toHaveText(['q3×', 'Zebra-tag×']);
  await page.getByRole('button', { name: 'Remove tag q3' }).click();
  await expect(tags.getByRole('listitem')).toHaveText(['Zebra-tag×']);

  const search = page.getByRole('searchbox', { name: 'Search scenarios' });
  await search.fill('zebra');
  const hits = page.getByRole('list', { name: 'Scenarios matching the search' });
  await expect(hits.getByRole('listitem')).toHaveCount(1);
  await expect(hits).toContainText('E2E organised');
  await search.fill('organ nothing-matches-this');
  await expect(page.getByText('No scenario matches')).toBeVisible();
  await search.press('Escape');
  await expect(scenarioList(page)).toBeVisible();

  await page.getByRole('button', { name: 'Duplicate', exact: true }).click();
  await expect(page.getByLabel('Scenario name')).toHaveValue('E2E organised (copy)');
  await expect(scenarioList(page).getByRole('button', { name: /^E2E organised \(copy\)/ })).toHaveAttribute('aria-current', 'true');
  await expect(page.getByRole('list', { name: 'Tags' }).getByRole('listitem')).toHaveText(['Zebra-tag×']);
  expect(problems).toEqual([]);
});

test('delete goes to the trash: Undo in the toast brings it back, and so does the trash', async ({ page, appUrl }) => {
  const problems = collectConsoleProblems(page);
  await page.goto(appUrl);
  await newScenario(page, 'E2E trash');
  const item = scenarioList(page).getByRole('button', { name: /^E2E trash/ });

  // Keyboard only: focus the delete button and press Enter.
  await page.getByRole('button', { name: 'Delete E2E trash' }).focus();
  await page.keyboard.press('Enter');
  await expect(item).toHaveCount(0);
  const toast = page.getByRole('status').filter({ hasText: 'Deleted “E2E trash”' });
  await expect(toast).toBeVisible();
  await toast.getByRole('button', { name: 'Undo' }).click();
  await expect(item).toHaveAttribute('aria-current', 'true');
  await expect(page.getByLabel('Scenario name')).toHaveValue('E2E trash');

  await page.getByRole('button', { name: 'Delete E2E trash' }).click();
  await expect(item).toHaveCount(0);
  await page.getByRole('button', { name: /^Trash/ }).click();
  const trash = page.getByRole('list', { name: 'Deleted scenarios' });
  await expect(trash).toContainText('E2E trash');
  await page.getByRole('button', { name: 'Restore E2E trash' }).click();
  await expect(item).toBeVisible();
  await expect(trash).toHaveCount(0);
  expect(problems).toEqual([]);
});

test('export and import round trips: the scenario file, and a bundle with its history', async ({ page, appUrl }) => {
  const problems = collectConsoleProblems(page);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'headroom-e2e-io-'));
  await page.goto(appUrl);
  await newScenario(page, 'E2E round trip');
  await page.getByLabel('Seed', { exact: true }).fill('77');
  await expect(saveStatus(page)).toHaveText('Saved v3', { timeout: 4_000 });

  // The plain file: exactly what the CLI reads.
  await page.getByRole('button', { name: 'Export…' }).click();
  const [plain] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Scenario file (.json)' }).click()]);
  expect(plain.suggestedFilename()).toBe('e2e-round-trip.json');
  const plainFile = path.join(dir, plain.suggestedFilename());
  await plain.saveAs(plainFile);
  expect(JSON.parse(fs.readFileSync(plainFile, 'utf8'))).toMatchObject({ format: 'headroom.scenario/v1', name: 'E2E round trip', seed: 77 });

  // The bundle: every version.
  await page.getByRole('button', { name: 'Export…' }).click();
  const [bundle] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Bundle with history' }).click()]);
  expect(bundle.suggestedFilename()).toBe('e2e-round-trip.bundle.json');
  const bundleFile = path.join(dir, bundle.suggestedFilename());
  await bundle.saveAs(bundleFile);

  const before = await scenarioList(page).getByRole('listitem').count();
  for (const [file, version] of [[plainFile, 'v1'], [bundleFile, 'v3']] as const) {
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Import…' }).click()]);
    await chooser.setFiles(file);
    await expect(page.getByRole('status').filter({ hasText: 'Imported 1 scenario' })).toBeVisible();
    const current = scenarioList(page).getByRole('button', { name: /^E2E round trip/ }).and(page.locator('[aria-current="true"]'));
    await expect(current).toContainText(version);
    await expect(page.getByLabel('Seed', { exact: true })).toHaveValue('77');
  }
  await expect(scenarioList(page).getByRole('listitem')).toHaveCount(before + 2);

  // A file the CLI would refuse is refused, naming the field; nothing is imported.
  const bad = path.join(dir, 'bad.json');
  fs.writeFileSync(bad, fs.readFileSync(plainFile, 'utf8').replace('"seed": 77', '"seed": -1'));
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Import…' }).click()]);
  await chooser.setFiles(bad);
  await expect(page.getByRole('alert').filter({ hasText: 'Not imported: 1 file' })).toContainText('bad.json seed:');
  await expect(scenarioList(page).getByRole('listitem')).toHaveCount(before + 2);
  fs.rmSync(dir, { recursive: true, force: true });
  expect(problems).toEqual([]);
});

test('library backup and restore: back up, change, restore, and the change is gone', async ({ page, appUrl }) => {
  const problems = collectConsoleProblems(page);
  await page.goto(appUrl);
  await expect(scenarioList(page).getByRole('listitem').first()).toBeVisible();
  const before = await scenarioList(page).getByRole('listitem').count();

  await page.getByRole('button', { name: 'Library backups…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Library backups' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Back up now' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Backed up to library-v\d+-.*-manual\.sqlite/ })).toBeVisible();
  const backupName = (await dialog.getByRole('list', { name: 'Backups' }).getByRole('listitem').first().locator('code').textContent())!;
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  await newScenario(page, 'E2E after the backup');
  await expect(scenarioList(page).getByRole('listitem')).toHaveCount(before + 1);

  await page.getByRole('button', { name: 'Library backups…' }).click();
  await dialog.getByRole('button', { name: `Restore ${backupName}` }).click();
  await dialog.getByRole('button', { name: 'Replace the library' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Library restored' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(scenarioList(page).getByRole('listitem')).toHaveCount(before);
  await expect(scenarioList(page).getByRole('button', { name: /^E2E after the backup/ })).toHaveCount(0);
  // The library as it was before the restore is kept as a backup too.
  await page.getByRole('button', { name: 'Library backups…' }).click();
  await expect(dialog.getByRole('list', { name: 'Backups' })).toContainText('before-restore');
  await page.keyboard.press('Escape');
  expect(problems).toEqual([]);
});

test('light and dark at 1280×720: the library controls are named and visible', async ({ page, appUrl }, testInfo) => {
  const problems = collectConsoleProblems(page);
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(appUrl);
    await page.evaluate(() => localStorage.removeItem('headroom.theme'));
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('data-theme', scheme);
    for (const name of ['Import…', 'New from example', 'Rename', 'Duplicate', 'Export…', 'History', 'Library backups…']) {
      await expect(page.getByRole('button', { name, exact: true })).toBeVisible();
    }
    await expect(page.getByRole('searchbox', { name: 'Search scenarios' })).toBeVisible();
    await page.getByRole('button', { name: 'History', exact: true }).click();
    await expect(page.getByRole('list', { name: 'Versions' })).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath(`library-${scheme}.png`) });
    await page.getByRole('button', { name: 'Close history' }).click();
  }
  expect(problems).toEqual([]);
});
