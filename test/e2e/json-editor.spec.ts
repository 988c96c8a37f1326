// The JSON view is a code editor (CodeMirror 6) over the store's one scenario text (issue 16):
// line numbers, folding from the keyboard, a problem marked where it is with the CLI's message,
// a form edit arriving as a change to its one line, and one Undo across the form and the JSON
// view. No CSP violation (CodeMirror's styles go to an adopted sheet), a clean console, and
// shots at 1280×720, light and dark.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { collectConsoleProblems, expect, jsonEditor, jsonViewText, newFromExample, setJsonViewText, test } from './fixtures';

const root = path.resolve(__dirname, '..', '..');

/** Counts the page's CSP violations from its first script on. */
async function watchCsp(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    (window as unknown as { cspViolations: string[] }).cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => (window as unknown as { cspViolations: string[] }).cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return () => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
}

/** `headroom validate` on `text`: its problems, one `path: message` a line. */
function cliProblems(text: string): string[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'headroom-json-editor-'));
  try {
    const file = path.join(dir, 'scenario.json');
    fs.writeFileSync(file, text);
    const r = spawnSync(process.execPath, [path.join(root, 'bin', 'headroom.cjs'), 'validate', file], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    return r.stderr.trim().split('\n');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The editor's cursor line and scroll offset, read from CodeMirror's view as jsonViewText does. */
function cursorAndScroll(page: Page): Promise<{ line: number; scrollTop: number }> {
  return jsonEditor(page).evaluate((el) => {
    const dom = el as unknown as { cmTile?: { root?: { view?: unknown } }; cmView?: { rootView?: { view?: unknown } } };
    const view = (dom.cmTile?.root?.view ?? dom.cmView?.rootView?.view) as { state: { doc: { lineAt(pos: number): { number: number } }; selection: { main: { head: number } } }; scrollDOM: HTMLElement };
    return { line: view.state.doc.lineAt(view.state.selection.main.head).number, scrollTop: view.scrollDOM.scrollTop };
  });
}

const changedLines = (a: string, b: string) => {
  const x = a.split('\n');
  const y = b.split('\n');
  expect(y).toHaveLength(x.length);
  return x.flatMap((line, i) => (line === y[i] ? [] : [i + 1]));
};

test('the JSON editor: line numbers, folding, a problem in place, a form edit as one line, one undo', async ({ page, appUrl }, testInfo) => {
  const problems = collectConsoleProblems(page);
  const violations = await watchCsp(page);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(appUrl);
  await newFromExample(page, 'Risk model API');
  const jsonButton = page.getByRole('button', { name: 'JSON', exact: true });
  await jsonButton.click();
  const editor = jsonEditor(page);
  await expect(editor).toBeVisible();
  const original = await jsonViewText(page);
  const lines = original.split('\n');
  const replicasLine = lines.findIndex((l) => l.includes('"replicas": 8,')) + 1;
  const pipelineLine = lines.findIndex((l) => l.includes('"pipeline": {')) + 1;
  expect(replicasLine).toBeGreaterThan(pipelineLine);

  // Line numbers, and the editor reached with Tab shows its focus (and Tab leaves it again).
  const numbers = page.locator('.cm-lineNumbers .cm-gutterElement');
  await expect(numbers.getByText('1', { exact: true })).toBeVisible();
  await expect(numbers.getByText(String(pipelineLine), { exact: true })).toBeVisible();
  await jsonButton.focus();
  for (let i = 0; i < 10 && !(await editor.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(editor).toBeFocused();
  await expect(page.locator('.json-view .cm-editor')).toHaveCSS('outline-style', 'solid');

  // Fold the pipeline with the keyboard: its tasks give way to a placeholder.
  const content = page.locator('.cm-content');
  await content.locator('.cm-line').filter({ hasText: '"pipeline": {' }).click({ position: { x: 4, y: 4 } });
  await page.keyboard.press('Control+Shift+BracketLeft');
  await expect(content.locator('.cm-foldPlaceholder')).toHaveCount(1);
  await expect(content.getByText('ingest_raw_data')).toHaveCount(0);
  await expect(numbers.getByText(String(pipelineLine + 1), { exact: true })).toHaveCount(0);
  expect(await jsonViewText(page)).toBe(original); // folding hides, it does not edit
  await page.screenshot({ path: testInfo.outputPath('json-editor-folded-light.png') });

  // An invalid value: marked on its line, with the CLI's message on hover and in the gutter.
  await content.locator('.cm-line').filter({ hasText: '"replicas": 8,' }).click({ position: { x: 4, y: 4 } });
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Backspace');
  await page.keyboard.type('-1');
  const invalid = await jsonViewText(page);
  expect(changedLines(original, invalid)).toEqual([replicasLine]);
  const cli = cliProblems(invalid);
  expect(cli).toEqual(['serving.services[0].replicas: must be an integer from 1 to 100000 (got -1)']);
  const mark = content.locator('.cm-lintRange-error');
  await expect(mark).toHaveText('-1');
  await expect(content.locator('.cm-line').filter({ has: page.locator('.cm-lintRange-error') })).toHaveText(lines[replicasLine - 1]!.replace('8', '-1'));
  const marker = page.locator('.cm-gutter-lint .cm-lint-marker-error');
  await expect(marker).toHaveCount(1);
  const markerBox = (await marker.boundingBox())!;
  const numberBox = (await numbers.getByText(String(replicasLine), { exact: true }).boundingBox())!;
  expect(Math.abs(markerBox.y + markerBox.height / 2 - (numberBox.y + numberBox.height / 2))).toBeLessThan(numberBox.height / 2);
  await expect(editor).toHaveAttribute('aria-invalid', 'true');
  await expect(editor).toHaveAttribute('aria-describedby', 'scenario-problems');
  await expect(page.locator('#scenario-problems')).toContainText(cli[0]!);
  await mark.hover();
  const tooltip = page.locator('.cm-tooltip-lint');
  await expect(tooltip).toHaveText(cli[0]!);
  await page.screenshot({ path: testInfo.outputPath('json-editor-light.png') });

  await page.getByRole('button', { name: 'Dark theme' }).click();
  await page.mouse.move(0, 0);
  await mark.hover();
  await expect(tooltip).toHaveText(cli[0]!);
  await page.screenshot({ path: testInfo.outputPath('json-editor-dark.png') });
  await page.getByRole('button', { name: 'Dark theme' }).click();

  // Fixed (to 7, so that undoing twice below could not land on a text equal to the expected one).
  await editor.focus();
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  await page.keyboard.type('7');
  await expect(mark).toHaveCount(0);
  await expect(marker).toHaveCount(0);
  await expect(editor).not.toHaveAttribute('aria-invalid');
  await expect(editor).not.toHaveAttribute('aria-describedby');
  const before = await jsonViewText(page);
  expect(JSON.parse(before).serving.services[0].replicas).toBe(7);
  // Unfold with a click on the placeholder.
  await content.locator('.cm-foldPlaceholder').click();
  await expect(content.locator('.cm-line').filter({ hasText: '"id": "ingest_raw_data"' })).toBeVisible();

  // A form edit reaches the JSON as a change to its one line.
  await page.getByRole('button', { name: 'Form', exact: true }).click();
  await page.getByLabel('Replicas', { exact: true }).fill('9');
  await jsonButton.click();
  const after = await jsonViewText(page);
  expect(changedLines(before, after)).toEqual([replicasLine]);
  expect(after.split('\n')[replicasLine - 1]).toBe(lines[replicasLine - 1]!.replace('8', '9'));

  // Ctrl+Z in the JSON view undoes the form edit, once; the cursor and the scroll stay.
  await content.locator('.cm-line').filter({ hasText: '"runs": 1000' }).click({ position: { x: 4, y: 4 } });
  await page.locator('.json-view .cm-scroller').evaluate((el) => { el.scrollTop = 40; });
  const at = await cursorAndScroll(page);
  expect(at.line).toBe(pipelineLine + 1);
  await page.keyboard.press('Control+z');
  await expect.poll(() => jsonViewText(page)).toBe(before);
  expect(await cursorAndScroll(page)).toEqual(at);
  await page.keyboard.press('Control+y');
  await expect.poll(() => jsonViewText(page)).toBe(after);
  await page.keyboard.press('Control+Shift+KeyZ'); // nothing left to redo (KeyZ: with Shift held the key is "Z", as a keyboard sends it)
  expect(await jsonViewText(page)).toBe(after);
  await page.keyboard.press('Control+z');
  await expect.poll(() => jsonViewText(page)).toBe(before);
  await page.getByRole('button', { name: 'Form', exact: true }).click();
  await expect(page.getByLabel('Replicas', { exact: true })).toHaveValue('7');

  // Replacing the whole text as a paste would (the browser's own editing inserts the lines).
  await jsonButton.click();
  await setJsonViewText(page, original);
  await page.getByRole('button', { name: 'Form', exact: true }).click();
  await expect(page.getByLabel('Replicas', { exact: true })).toHaveValue('8');

  expect(await violations()).toEqual([]);
  expect(problems).toEqual([]);
});
