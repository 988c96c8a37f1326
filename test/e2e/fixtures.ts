// Fixtures for the browser-preview e2e tests: each worker starts the real web server
// (out/node/web.cjs, built by `npm run build`) on a fresh temporary library folder.
import { test as base, expect, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface PreviewServer {
  url: string;
  dataDir: string;
  process: ChildProcess;
}

export async function startPreview(dataDir: string): Promise<PreviewServer> {
  const root = path.resolve(__dirname, '..', '..');
  const child = spawn(process.execPath, [path.join(root, 'out', 'node', 'web.cjs')], {
    env: { ...process.env, HEADROOM_DATA_DIR: dataDir, HEADROOM_PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => { stderr += d.toString(); });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`preview did not start in 20 s\n${out}\n${stderr}`)), 20_000);
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /Headroom preview: (http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]+)/.exec(out);
      if (m) { clearTimeout(timer); resolve(m[1]!); }
    });
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`preview exited with ${code}\n${out}\n${stderr}`)); });
  });
  return { url, dataDir, process: child };
}

export async function stopPreview(server: PreviewServer): Promise<void> {
  if (server.process.exitCode !== null) return;
  await new Promise<void>((resolve) => {
    server.process.once('exit', () => resolve());
    server.process.kill('SIGTERM');
  });
}

export const test = base.extend<object, { preview: PreviewServer; appUrl: string }>({
  preview: [
    // eslint-disable-next-line no-empty-pattern -- Playwright needs the destructuring form
    async ({}, use) => {
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'headroom-e2e-'));
      const server = await startPreview(dataDir);
      await use(server);
      await stopPreview(server);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
    { scope: 'worker' },
  ],
  appUrl: [async ({ preview }, use) => use(preview.url), { scope: 'worker' }],
});

export { expect };

/** Console errors and warnings (and uncaught page errors) seen from now on: a test ends expecting none. */
export function collectConsoleProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  return problems;
}

/** Calls the contract over the preview's HTTP API with the session token from the app's URL. */
export async function callApi<T>(appUrl: string, method: string, ...args: unknown[]): Promise<T> {
  const url = new URL(appUrl);
  const res = await fetch(`${url.origin}/api/call/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Headroom-Token': url.searchParams.get('token')! },
    body: JSON.stringify({ args }),
  });
  const body = (await res.json()) as { ok: boolean; value?: unknown; error?: { message?: string } };
  if (!body.ok) throw new Error(body.error?.message ?? `${method} failed (${res.status})`);
  return body.value as T;
}

/**
 * Creates a scenario from the bundled example whose name starts with `example`, and waits until
 * it is listed first (the most recent) and open in the editor.
 */
export async function newFromExample(page: Page, example: string): Promise<void> {
  const items = page.getByRole('list', { name: 'Scenarios' }).getByRole('listitem');
  await expect(items.first()).toBeVisible(); // the library has loaded (and opened what it opens first)
  const before = await items.count();
  await page.getByRole('button', { name: 'New from example' }).click();
  await page.getByRole('list', { name: 'Examples' }).getByRole('button', { name: new RegExp(`^${example}`) }).click();
  await expect(items).toHaveCount(before + 1);
  await expect(items.first().getByRole('button').first()).toHaveAttribute('aria-current', 'true');
  await expect(page.locator('.editor-body[aria-busy]')).toHaveCount(0);
  await expect(page.getByLabel('Scenario name')).toHaveValue(new RegExp(`^${example}`));
}

/**
 * At 1280×720: a new copy of the bundled risk-model example, named `name`, shortened to 60 s
 * (10 s warm-up), saved as v2 and started. Waits until the copy is open before editing it.
 */
export async function runQuickRiskCopy(page: Page, appUrl: string, name: string): Promise<void> {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(appUrl);
  await newFromExample(page, 'Risk model API');
  await page.getByLabel('Scenario name').fill(name);
  await page.getByLabel('Horizon (s)').fill('60');
  await page.getByLabel('Warm-up (s)').fill('10');
  await page.keyboard.press('Control+S');
  await expect(page.getByRole('status').filter({ hasText: 'Saved v2' })).toBeVisible();
  await page.getByRole('button', { name: 'Run', exact: true }).click();
}

/** The JSON view's editor: CodeMirror's content element, named "Scenario JSON". */
export function jsonEditor(page: Page) {
  return page.getByRole('textbox', { name: 'Scenario JSON', exact: true });
}

/**
 * The JSON view's whole text. CodeMirror renders only the lines in view, so the DOM's text is
 * not the document: read it from the editor itself, which CodeMirror links from its content
 * element, as `EditorView.findFromDOM` does (not reachable from the page): `cmTile.root.view` in
 * @codemirror/view 6.44, `cmView.rootView.view` in older releases. No test hook in the app.
 */
export async function jsonViewText(page: Page): Promise<string> {
  const content = jsonEditor(page);
  await expect(content).toBeVisible();
  return content.evaluate((el) => {
    const dom = el as unknown as { cmTile?: { root?: { view?: unknown } }; cmView?: { rootView?: { view?: unknown } } };
    const view = (dom.cmTile?.root?.view ?? dom.cmView?.rootView?.view) as { state: { doc: { toString(): string } } } | undefined;
    if (!view) throw new Error('no CodeMirror view on the Scenario JSON element');
    return view.state.doc.toString();
  });
}

/**
 * Replaces the JSON view's text as a paste does: select all, then a paste event, which CodeMirror
 * handles itself. (Playwright's fill or insertText goes through the browser's own editing, which
 * for text of many lines sets an inline style on the new line elements, refused by the CSP.)
 */
export async function setJsonViewText(page: Page, text: string): Promise<void> {
  const content = jsonEditor(page);
  await content.focus();
  await page.keyboard.press('ControlOrMeta+A');
  await content.evaluate((el, pasted) => {
    // The page's DOM classes, typed here by hand: scripts/ compile this file without the DOM lib.
    const page = globalThis as unknown as {
      DataTransfer: new () => { setData(type: string, value: string): void };
      ClipboardEvent: new (type: string, init: object) => unknown;
    };
    const data = new page.DataTransfer();
    data.setData('text/plain', pasted);
    (el as unknown as { dispatchEvent(e: unknown): boolean }).dispatchEvent(new page.ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
  await expect.poll(() => jsonViewText(page)).toBe(text);
}
