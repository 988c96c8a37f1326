// The pipeline editor (issue 16): on the nightly retraining example, select a task on the DAG
// canvas and edit it in the panel; add tasks and connect them by dragging from a port and with
// the keyboard only; a drawn cycle is refused and named; delete a task; zoom and pan; Ctrl+Z
// brings the task back. The saved scenario (read through the API) holds every edit. Shots at
// 1280×720, light and dark.
import type { Locator, Page } from '@playwright/test';
import { callApi, collectConsoleProblems, expect, newFromExample, test } from './fixtures';

interface ScenarioRecord { id: string; name: string; json: string }
interface Pipeline { tasks: { id: string; duration_s: unknown; trigger_rule?: string }[]; edges: [string, string][] }

/** Presses Tab (or Shift+Tab) until `target` has focus: the way a keyboard user gets there. */
async function tabTo(page: Page, target: Locator, back = false) {
  for (let i = 0; i < 20; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error('Tab never reached the control');
}

/** The scale in the canvas's transform ("translate(x,y) scale(k)"). */
async function scaleOf(view: Locator): Promise<number> {
  return Number(/scale\(([^)]+)\)/.exec((await view.getAttribute('transform')) ?? '')?.[1]);
}

test('the pipeline editor: canvas and task panel, by mouse and by keyboard, with undo', async ({ page, appUrl }, testInfo) => {
  const problems = collectConsoleProblems(page);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(appUrl);
  await newFromExample(page, 'Nightly retraining');

  const canvas = page.getByRole('group', { name: 'Pipeline DAG editor' });
  const node = (id: string) => canvas.getByRole('button', { name: `Task ${id}`, exact: true });
  const edge = (from: string, to: string) => canvas.getByRole('button', { name: `Edge ${from} → ${to}`, exact: true });
  const taskId = page.getByLabel('Task id');
  const alert = page.locator('p.pe-note[role="alert"]');
  const status = page.locator('p.pe-note[role="status"]');
  const view = page.locator('svg.pe-canvas > g');
  // The whole canvas in the window, so every box can be dragged to.
  const showCanvas = () => canvas.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await showCanvas();
  await expect(canvas.locator('[data-task]')).toHaveCount(13);
  await expect(canvas.locator('.pe-edge')).toHaveCount(17);

  /** Drags from `from`'s out-port onto `to`; `during` runs before the button is released. */
  const drawEdge = async (from: string, to: string, during?: () => Promise<void>) => {
    const port = await node(from).locator('.pe-port').boundingBox();
    const target = await node(to).locator('.box').boundingBox();
    await page.mouse.move(port!.x + port!.width / 2, port!.y + port!.height / 2);
    await page.mouse.down();
    await page.mouse.move(target!.x + target!.width / 2, target!.y + target!.height / 2, { steps: 8 });
    await during?.();
    await page.mouse.up();
  };

  // Select a task; edit its duration and trigger rule in the panel.
  await node('train_model').click();
  await expect(node('train_model')).toHaveAttribute('aria-pressed', 'true');
  await expect(taskId).toHaveValue('train_model');
  await page.getByLabel('Mean duration (s)').fill('6000');
  await page.getByLabel('Trigger rule').selectOption('all_done');
  await expect(node('train_model').locator('.figure')).toContainText('100 min');

  // Add a task after it: selected, with an edge from train_model; connect it by dragging.
  await page.getByRole('button', { name: 'Add task', exact: true }).click();
  await expect(node('task_1')).toHaveAttribute('aria-pressed', 'true');
  await expect(edge('train_model', 'task_1')).toHaveCount(1);
  await expect(taskId).toHaveValue('task_1');
  await showCanvas();
  await drawEdge('task_1', 'cleanup_scratch');
  await expect(edge('task_1', 'cleanup_scratch')).toHaveCount(1);
  await expect(status).toHaveText('Added edge task_1 → cleanup_scratch');

  // Another with the keyboard only: Add task, Enter on its box to rename it, Connect to smoke_test.
  await showCanvas();
  await node('task_1').focus();
  await tabTo(page, page.getByRole('button', { name: 'Add task', exact: true }), true);
  await page.keyboard.press('Enter');
  await expect(node('task_2')).toHaveAttribute('aria-pressed', 'true');
  await tabTo(page, node('task_2'));
  await page.keyboard.press('Enter');
  await expect(taskId).toBeFocused();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('publish_report');
  await expect(node('publish_report')).toBeVisible();
  await expect(edge('task_1', 'publish_report')).toHaveCount(1);
  const connectTo = page.getByLabel('Connect selected task to');
  await tabTo(page, connectTo, true);
  await page.keyboard.type('smoke');
  await expect(connectTo).toHaveValue('smoke_test');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Connect', exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(edge('publish_report', 'smoke_test')).toHaveCount(1);
  await expect(status).toHaveText('Added edge publish_report → smoke_test');
  // Arrow keys move the selection (and the panel) from box to box.
  await tabTo(page, node('publish_report'), true);
  await page.keyboard.press('ArrowUp');
  const moved = canvas.locator('[data-task][aria-pressed="true"]');
  await expect(moved).toBeFocused();
  await expect(taskId).toHaveValue((await moved.getAttribute('data-task'))!);
  await expect(taskId).not.toHaveValue('publish_report');

  // A cycle is refused while it is drawn, and named.
  await page.getByRole('button', { name: 'Fit', exact: true }).click();
  await showCanvas();
  await drawEdge('smoke_test', 'train_model', async () => {
    await expect(node('train_model')).toHaveClass(/target-refused/);
    await expect(canvas.locator('.pe-drawing text')).toContainText('would close the cycle train_model →');
  });
  // The shortest cycle is named: through the two tasks added above, not the long way round.
  await expect(alert).toHaveText('Refused: smoke_test → train_model would close the cycle train_model → task_1 → publish_report → smoke_test → train_model');
  await expect(edge('smoke_test', 'train_model')).toHaveCount(0);

  // Click an edge (halfway along its curve) and Delete removes it; Ctrl+Z puts it back.
  const mid = await edge('train_model', 'task_1').evaluate((el) => {
    const p = el as SVGPathElement;
    const pt = p.getPointAtLength(p.getTotalLength() / 2);
    const m = p.getScreenCTM()!;
    return { x: pt.x * m.a + pt.y * m.c + m.e, y: pt.x * m.b + pt.y * m.d + m.f };
  });
  await page.mouse.click(mid.x, mid.y);
  await expect(edge('train_model', 'task_1')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('button', { name: 'Remove edge', exact: true })).toBeEnabled();
  await page.keyboard.press('Delete');
  await expect(edge('train_model', 'task_1')).toHaveCount(0);
  await expect(status).toHaveText('Removed edge train_model → task_1');
  await page.keyboard.press('Control+Z');
  await expect(edge('train_model', 'task_1')).toHaveCount(1);
  await expect(status).toHaveText('');

  // Delete a task with its edges, from the keyboard.
  await node('drift_report').click();
  await page.keyboard.press('Delete');
  await expect(node('drift_report')).toHaveCount(0);
  await expect(edge('validate_data', 'drift_report')).toHaveCount(0);
  await expect(status).toHaveText('Removed drift_report and its 2 edges');
  await expect(canvas.locator('[data-task]:focus')).toHaveCount(1);

  // Zoom with the buttons and the keys; pan by dragging the background.
  const k0 = await scaleOf(view);
  await page.getByRole('button', { name: 'Zoom in', exact: true }).click();
  await expect.poll(() => scaleOf(view)).toBeCloseTo(k0 * 1.25, 3);
  await node('validate_data').focus();
  await page.keyboard.press('-');
  await page.keyboard.press('-');
  await expect.poll(() => scaleOf(view)).toBeCloseTo(k0 * 1.25 * 0.64, 3);
  const before = await view.getAttribute('transform');
  const box = (await canvas.boundingBox())!;
  await page.mouse.move(box.x + 6, box.y + 6);
  await page.mouse.down();
  await page.mouse.move(box.x + 66, box.y + 46, { steps: 5 });
  await page.mouse.up();
  await expect(view).not.toHaveAttribute('transform', before!);
  await page.getByRole('button', { name: 'Fit', exact: true }).click();

  // Ctrl+Z undoes the deletion: the task and its edges are back.
  await node('validate_data').focus();
  await page.keyboard.press('Control+Z');
  await expect(node('drift_report')).toHaveCount(1);
  await expect(edge('validate_data', 'drift_report')).toHaveCount(1);
  await expect(edge('drift_report', 'cleanup_scratch')).toHaveCount(1);

  // The panel shows the task's pool, gate and edges as the example has them.
  await node('approve_model').click();
  await expect(page.getByLabel('Approval gate')).toHaveValue('delay');
  await expect(page.getByLabel('Mean approval delay (s)')).toHaveValue('2700');
  await expect(page.getByLabel('Rejection probability')).toHaveValue('0.12');
  await expect(page.getByRole('list', { name: 'Upstream tasks' })).toHaveText('evaluate_model×');
  await page.getByLabel('Approval gate').evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await page.screenshot({ path: testInfo.outputPath('pipeline-editor-gate-light.png') });
  await node('train_model').click();
  await expect(page.getByLabel('Pool', { exact: true })).toHaveValue('gpu_a100');
  await expect(page.getByLabel('Units', { exact: true })).toHaveValue('16');
  await showCanvas();
  await page.screenshot({ path: testInfo.outputPath('pipeline-editor-light.png') });
  await page.getByRole('button', { name: 'Dark theme' }).click();
  await taskId.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('pipeline-editor-panel-dark.png') });
  await showCanvas();
  await page.screenshot({ path: testInfo.outputPath('pipeline-editor-dark.png') });
  await page.getByRole('button', { name: 'Dark theme' }).click();

  // The saved scenario holds every edit and nothing refused.
  await node('train_model').focus();
  await page.keyboard.press('Control+S');
  const saved = async () => {
    const list = await callApi<{ id: string; name: string }[]>(appUrl, 'listScenarios');
    const record = await callApi<ScenarioRecord>(appUrl, 'getScenario', list.find((s) => s.name.startsWith('Nightly retraining'))!.id);
    return (JSON.parse(record.json) as { pipeline: Pipeline }).pipeline;
  };
  await expect.poll(async () => (await saved()).tasks.map((t) => t.id).join(' '), { timeout: 10_000 })
    .toBe('extract_events extract_labels validate_data build_features drift_report train_model task_1 publish_report evaluate_model '
      + 'approve_model register_model deploy_canary smoke_test alert_oncall cleanup_scratch');
  const p = await saved();
  const train = p.tasks.find((t) => t.id === 'train_model')!;
  expect(train.duration_s).toEqual({ dist: 'lognormal', mean: 6000, cv: 0.3 });
  expect(train.trigger_rule).toBe('all_done');
  expect(p.edges).toEqual(expect.arrayContaining([
    ['train_model', 'task_1'], ['task_1', 'cleanup_scratch'], ['task_1', 'publish_report'], ['publish_report', 'smoke_test'],
    ['validate_data', 'drift_report'], ['drift_report', 'cleanup_scratch'],
  ]));
  expect(p.edges).not.toContainEqual(['smoke_test', 'train_model']);
  expect(p.edges).toHaveLength(17 + 4);
  expect(problems).toEqual([]);
});
