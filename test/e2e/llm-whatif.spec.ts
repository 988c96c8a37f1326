// What-if analyses of an `llm` service in the app (issue 20): a sweep of its replicas and a solve
// are judged on TTFT and TPOT at their SLO percentiles together, so the sweep's points table and
// the solve's evidence show both, side by side, with the kept document's numbers; the verdicts say
// "SLOs"; a sensitivity of TPOT varies the llm block's inputs, not its SLOs. Shots at 1280×720, light and dark, to a temp folder (HEADROOM_SHOTS to choose it).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { LLM_WHATIF_SERVICE, llmWhatIfScenario } from '../llm-whatif-scenario';
import { callApi, collectConsoleProblems, expect, test } from './fixtures';

const shots = process.env.HEADROOM_SHOTS ?? fs.mkdtempSync(path.join(os.tmpdir(), 'headroom-llm-whatif-'));
const NAME = 'E2E LLM what-if';
const SVC = LLM_WHATIF_SERVICE;
const SCENARIO = JSON.stringify(llmWhatIfScenario(NAME), null, 2);

interface Stat { mean: number; ci95: [number, number] }
interface Summary { id: string; kind: string }
type Llm = { ttft_at_slo_ms: Stat; tpot_at_slo_ms: Stat };

const whatIf = (page: Page) => page.getByRole('region', { name: 'What-if analyses', exact: true });

/** A cell's mean in ms ("35.0 ms [32.1, 37.9]") is the document's, to the 3 significant digits shown. */
async function expectMs(cell: Locator, value: number) {
  await expect(cell).toHaveText(/^[\d,.]+ ms \[/);
  const shown = Number(/^([\d,.]+)/.exec((await cell.textContent())!)![1]!.replace(/,/g, ''));
  expect(Math.abs(shown - value)).toBeLessThanOrEqual(0.005 * value + 1e-9);
}

async function keptAnalysis(appUrl: string, id: string, count: number): Promise<any> {
  let list: Summary[] = [];
  await expect.poll(async () => (list = await callApi<Summary[]>(appUrl, 'listAnalyses', id)).length, { timeout: 60_000 }).toBe(count);
  return (await callApi<{ document: any }>(appUrl, 'getAnalysis', list[0]!.id)).document;
}

async function shot(page: Page, name: string, dark: boolean) {
  if (dark) await page.getByRole('button', { name: 'Dark theme' }).click();
  await page.screenshot({ path: path.join(shots, `${name}.png`) });
  if (dark) await page.getByRole('button', { name: 'Dark theme' }).click();
}

test('an llm service’s sweep and solve: TTFT and TPOT side by side, judged together', async ({ page, appUrl }) => {
  test.setTimeout(180_000);
  const problems = collectConsoleProblems(page);
  await page.setViewportSize({ width: 1280, height: 720 });
  const created = await callApi<{ ok: boolean; scenario: { id: string } }>(appUrl, 'createScenario', SCENARIO);
  expect(created.ok).toBe(true);
  const id = created.scenario.id;
  await page.goto(appUrl);
  await page.getByRole('list', { name: 'Scenarios' }).getByRole('button', { name: new RegExp(`^${NAME}`) }).click();
  await expect(page.getByLabel('Scenario name')).toHaveValue(NAME);

  // The analytic summary lists the roofline's rows.
  const summary = page.getByRole('region', { name: 'Analytic summary' });
  await expect(summary.getByText('Serving (LLM roofline): prefill of 1,000 tokens')).toBeVisible();
  await expect(summary.getByText('Serving (LLM roofline): max sustainable rate, all replicas')).toBeVisible();

  const panel = whatIf(page);
  await panel.getByRole('radio', { name: 'Sweep' }).check();
  const form = panel.getByRole('form', { name: 'Sweep' });
  await expect(form.getByRole('combobox', { name: 'Field of parameter 1' })).toHaveValue('serving.services[0].replicas');
  await form.getByLabel('Parameter 1 From').fill('1');
  await form.getByLabel('Parameter 1 To').fill('3');
  await form.getByLabel('Parameter 1 Step').fill('1');
  await form.getByRole('button', { name: 'Run sweep' }).click();
  const sweep = await keptAnalysis(appUrl, id, 1);
  const points = sweep.sweep.points as { values: number[]; result: { serving: Record<string, { llm: Llm }> } }[];
  const meets = (l: Llm) => l.ttft_at_slo_ms.ci95[1] <= 150 && l.tpot_at_slo_ms.ci95[1] <= 12;
  const first = points.find((p) => meets(p.result.serving[SVC]!.llm));
  await expect(panel.getByTestId('sweep-verdict')).toHaveText(first
    ? new RegExp(`^Cheapest point meeting the SLOs of ${SVC}: service ${SVC} · replicas = ${first.values[0]} at ${first.values[0]! * 4} per hour\\.`)
    : new RegExp(`^No point meets the SLOs of ${SVC} with confidence \\(the upper ends of the 95% CIs of its TTFT p95 and TPOT p90 within 150 ms and 12 ms\\)`));
  await expect(panel.getByRole('combobox', { name: 'Figure to draw' })).toHaveValue(`serving.${SVC}.llm.ttft_at_slo_ms`);

  await panel.getByText(`Points (${points.length})`).click();
  const table = panel.getByRole('table', { name: 'Sweep points' });
  // The drawn figure is TTFT; TPOT, also judged, stands beside it.
  await expect(table.getByRole('columnheader')).toHaveText(['service chat · replicas', 'TTFT at its SLO percentile', 'TPOT p90', 'Cost per hour', 'Meets both SLOs']);
  for (const [i, p] of points.entries()) {
    const cells = table.getByRole('row').nth(i + 1).getByRole('cell');
    const l = p.result.serving[SVC]!.llm;
    await expectMs(cells.nth(1), l.ttft_at_slo_ms.mean);
    await expectMs(cells.nth(2), l.tpot_at_slo_ms.mean);
    await expect(cells.nth(4)).toHaveText(new RegExp(`^${meets(l) ? 'yes' : 'no'}`));
  }
  await table.scrollIntoViewIfNeeded();
  await shot(page, 'llm-sweep-points-light', false);
  await shot(page, 'llm-sweep-points-dark', true);

  // Drawing TPOT instead: TTFT becomes the column beside it.
  await panel.getByRole('combobox', { name: 'Figure to draw' }).selectOption(`serving.${SVC}.llm.tpot_at_slo_ms`);
  await expect(table.getByRole('columnheader')).toHaveText(['service chat · replicas', 'TPOT at its SLO percentile', 'TTFT p95', 'Cost per hour', 'Meets both SLOs']);

  await panel.getByRole('radio', { name: 'Solve' }).check();
  const solveForm = panel.getByRole('form', { name: 'Solve' });
  await expect(solveForm.getByRole('combobox', { name: 'Service' })).toHaveValue(SVC);
  await solveForm.getByRole('button', { name: 'Solve replicas' }).click();
  const solved = (await keptAnalysis(appUrl, id, 2)).solve as { replicas: number | null; evidence: ({ replicas: number } & Llm)[] };
  await expect(panel.getByText(`The fewest replicas of ${SVC} whose TTFT p95 ≤ 150 ms and TPOT p90 ≤ 12 ms, at the upper ends of their 95% CIs.`)).toBeVisible();
  await expect(panel.getByTestId('solve-answer')).toHaveText(solved.replicas === null ? /^No replica count/ : `Answer: ${solved.replicas} replica${solved.replicas === 1 ? '' : 's'}.`);
  const evidence = panel.getByRole('table', { name: `Replica counts simulated for ${SVC}` });
  await expect(evidence.getByRole('columnheader')).toHaveText(['Replicas', 'TTFT p95', 'TPOT p90', 'Utilization', 'Cost per hour', 'Stable', 'Meets both SLOs']);
  await expect(evidence.getByRole('row')).toHaveCount(solved.evidence.length + 1);
  for (const [i, c] of solved.evidence.entries()) {
    const row = evidence.getByRole('row').nth(i + 1);
    await expectMs(row.getByRole('cell').nth(0), c.ttft_at_slo_ms.mean);
    await expectMs(row.getByRole('cell').nth(1), c.tpot_at_slo_ms.mean);
  }
  await evidence.scrollIntoViewIfNeeded();
  await shot(page, 'llm-solve-light', false);
  await shot(page, 'llm-solve-dark', true);

  // Sensitivity of TPOT: the llm block's inputs, ranked; the SLOs are not among them.
  await panel.getByRole('radio', { name: 'Sensitivity' }).check();
  const sens = panel.getByRole('form', { name: 'Sensitivity' });
  const figure = sens.getByRole('combobox', { name: 'Figure' });
  await expect(figure).toHaveValue(`serving.${SVC}.llm.ttft_at_slo_ms`);
  await figure.selectOption(`serving.${SVC}.llm.tpot_at_slo_ms`);
  await sens.getByLabel('Replications per run').fill('1');
  await sens.getByRole('button', { name: 'Run sensitivity' }).click();
  const tornado = panel.getByRole('img', { name: /^Tornado chart: What moves TPOT at its SLO percentile of chat/ });
  await expect(tornado).toBeVisible({ timeout: 90_000 });
  const inputs = (await keptAnalysis(appUrl, id, 3)).sensitivity.inputs as { path: string; low_value: number; high_value: number }[];
  expect(inputs.find((i) => i.path === 'serving.services[0].llm.scheduler.max_num_batched_tokens')).toMatchObject({ low_value: 819, high_value: 1229 });
  expect(inputs.filter((i) => i.path.includes('.slo.'))).toEqual([]);
  await expect(tornado.locator('.wi-tornado-row').first().locator('.wi-row-label')).toHaveText(/^1\. [a-z]/);
  await tornado.scrollIntoViewIfNeeded();
  await shot(page, 'llm-tornado-light', false);
  expect(problems).toEqual([]);
});
