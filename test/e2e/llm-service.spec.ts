// An LLM service at token level in the app (issue 20, docs/llm-serving.md): from the serving
// template, switch the service's model to "LLM, token level" in the form (the request-level
// fields go, an 8B model on an H100-class GPU comes), set the load, the batch and an SLO, run it
// for 60 s and read the LLM panel: TTFT, TPOT and end-to-end latency against the SLOs, goodput,
// token throughput, the KV cache, FLOP and bandwidth utilizations and the roofline beside the
// simulation; the time charts draw the service's series. With trace arrivals a token length may
// be a column of the trace. Shots at 1280×720, light and dark.
import type { Locator, Page } from '@playwright/test';
import type { ResultDocument, RunSummary, ScenarioRecord, ScenarioSummary } from '../../electron/common/contract';
import { callApi, collectConsoleProblems, expect, test } from './fixtures';

const NAME = 'E2E LLM service';

async function savedScenario(appUrl: string): Promise<Record<string, any>> {
  const summary = (await callApi<ScenarioSummary[]>(appUrl, 'listScenarios')).find((s) => s.name === NAME);
  if (!summary) return {};
  const record = await callApi<ScenarioRecord>(appUrl, 'getScenario', summary.id);
  return JSON.parse(record.json) as Record<string, any>;
}

const saveStatus = (page: Page) => page.getByRole('group', { name: 'Editor actions' }).getByRole('status');

/** Scrolls `el` to the top of its scrolling panel, below the sticky playback bar. */
async function scrollToTop(el: Locator) {
  await el.evaluate((node) => {
    node.scrollIntoView({ block: 'start' });
    let p = node.parentElement;
    while (p && p.scrollHeight <= p.clientHeight) p = p.parentElement;
    p?.scrollBy(0, -120);
  });
}

async function shot(page: Page, path: string, dark: boolean) {
  if (dark) await page.getByRole('button', { name: 'Dark theme' }).click();
  await page.screenshot({ path });
  if (dark) await page.getByRole('button', { name: 'Dark theme' }).click();
}

test('an LLM service: switch the model in the form, run it, read TTFT, TPOT, goodput and utilizations', async ({ page, appUrl }, testInfo) => {
  test.setTimeout(120_000);
  const problems = collectConsoleProblems(page);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(appUrl);
  await expect(page.getByRole('list', { name: 'Scenarios' }).getByRole('listitem').first()).toBeVisible();
  await page.getByRole('button', { name: 'New', exact: true }).click();
  await page.getByRole('list', { name: 'New scenario' }).getByRole('button', { name: 'Serving: one service' }).click();
  await expect(page.getByLabel('Scenario name')).toHaveValue('New serving scenario');
  await page.getByLabel('Scenario name').fill(NAME);
  await page.getByLabel('Horizon (s)').fill('60');
  await page.getByLabel('Warm-up (s)').fill('10');
  await page.getByLabel('Replications', { exact: true }).fill('3');

  const service = page.getByRole('region', { name: 'Serving' }).getByRole('group', { name: 'Service my_service' });
  const model = service.getByRole('group', { name: 'Model', exact: true });
  const request = model.getByRole('radio', { name: /^Request level/ });
  const llm = model.getByRole('radio', { name: /^LLM, token level/ });
  await expect(request).toBeChecked();
  await expect(service.getByLabel('Service time distribution')).toBeVisible();

  // From the keyboard: the radio group is one tab stop; the arrow key chooses LLM.
  await request.focus();
  await page.keyboard.press('ArrowDown');
  await expect(llm).toBeChecked();
  await expect(llm).toBeFocused();
  await expect(service.getByLabel('Service time distribution')).toHaveCount(0);
  await expect(service.getByLabel('Concurrency per replica')).toHaveCount(0);
  await expect(service.getByRole('switch', { name: 'Batching' })).toHaveCount(0);
  await expect(service.getByLabel('Compute (FLOP/s per GPU)')).toHaveValue('600000000000000');
  await expect(service.getByLabel('Compute (FLOP/s per GPU)')).toHaveAccessibleDescription(/^= 600 TFLOP\/s/);
  await expect(service.getByLabel('Parameters (count)')).toHaveAccessibleDescription('= 8.03 billion');
  await expect(service.getByLabel('Max batched tokens per iteration (tokens)')).toHaveAttribute('placeholder', '2048 (default)');
  await expect(service.getByLabel('Latency budget (ms)')).toHaveValue('30000');
  await expect(service.getByLabel('Mean prompt length (tokens)')).toHaveValue('1000');

  // A few fields: the load one replica carries, a smaller batch, a tighter TTFT SLO, fp8 weights.
  await service.getByLabel('Arrival rate (rps)').fill('6');
  await service.getByLabel('Replicas', { exact: true }).fill('1');
  await service.getByLabel('Max sequences per batch (sequences)').fill('64');
  await service.getByLabel('Time to first token SLO (ms)').fill('100');
  await service.getByLabel('TPOT percentile (0–100)').fill('95');
  await service.getByLabel('Output length distribution').selectOption('lognormal');
  await expect(service.getByLabel('Mean output length (tokens)')).toHaveValue('200');
  await expect(service.getByRole('img', { name: /^Output length density: mean 200 tokens · p99/ })).toBeVisible();
  // An invalid value shows the CLI's message under its field.
  const kvHeads = service.getByLabel('KV heads (count)');
  await kvHeads.fill('5');
  await expect(kvHeads).toHaveAccessibleDescription(/must divide num_heads \(32, got 5\)/);
  await kvHeads.fill('8');
  await expect(kvHeads).not.toHaveAttribute('aria-invalid', 'true');

  await expect.poll(async () => (await savedScenario(appUrl)).serving?.services?.[0], { timeout: 10_000 }).toEqual({
    id: 'my_service',
    arrivals: { process: 'poisson', rate_rps: 6 },
    replicas: 1,
    latency_budget_ms: 30000,
    llm: {
      hardware: { compute_flops: 6e14, memory_bandwidth: 2.8e12, kv_cache_bytes: 4e10, bytes_per_param: 2 },
      model: { num_parameters: 8.03e9, num_layers: 32, hidden_dim: 4096, num_heads: 32, num_kv_heads: 8, max_seq_len: 8192 },
      scheduler: { max_num_seqs: 64, enable_chunked_prefill: true },
      prompt_tokens: { dist: 'lognormal', mean: 1000, cv: 0.6 },
      output_tokens: { dist: 'lognormal', mean: 200, cv: 0.5 },
      slo: { ttft_ms: 100, tpot_ms: 50, tpot_percentile: 95 },
    },
  });
  await expect(saveStatus(page)).toHaveText(/^Saved v\d+$/, { timeout: 10_000 });

  await model.scrollIntoViewIfNeeded();
  await shot(page, testInfo.outputPath('llm-form-light.png'), false);
  await service.getByRole('group', { name: 'LLM hardware, per GPU' }).scrollIntoViewIfNeeded();
  await shot(page, testInfo.outputPath('llm-form-hardware-dark.png'), true);
  await service.getByRole('group', { name: 'LLM tokens per request' }).scrollIntoViewIfNeeded();
  await shot(page, testInfo.outputPath('llm-form-tokens-light.png'), false);

  // Run it.
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByRole('progressbar', { name: 'Run progress' })).toHaveAttribute('aria-valuenow', '100', { timeout: 60_000 });
  const panel = page.getByRole('region', { name: 'LLM serving — my_service' });
  await expect(panel).toBeVisible({ timeout: 20_000 });

  const scenario = (await callApi<ScenarioSummary[]>(appUrl, 'listScenarios')).find((s) => s.name === NAME)!;
  const run = (await callApi<RunSummary[]>(appUrl, 'listRuns', scenario.id)).find((r) => r.status === 'done')!;
  const result = await callApi<ResultDocument>(appUrl, 'getRunResult', run.id);
  type Llm = { ttft_ms: { p99: { mean: number } }; ttft_headroom_ms: { mean: number }; tpot_headroom_ms: { mean: number }; preemptions: number };
  const svc = result.serving!.my_service as { requests: number; headroom_ms: { mean: number }; llm: Llm };
  expect(svc.requests).toBeGreaterThan(500);

  const latency = panel.getByRole('table', { name: 'Latency against the SLOs' });
  await expect(latency.getByRole('columnheader')).toHaveText(['Statistic', 'TTFT', 'TPOT', 'End-to-end latency']);
  await expect(latency.getByRole('row', { name: /^SLO/ })).toContainText('100 ms at p99');
  await expect(latency.getByRole('row', { name: /^SLO/ })).toContainText('50 ms at p95');
  await expect(latency.getByRole('row', { name: /^SLO/ })).toContainText('30,000 ms at p99');
  const p99 = latency.getByRole('row', { name: /^p99 / });
  const ttftP99 = (await p99.getByRole('cell').first().textContent())!;
  expect(ttftP99).toMatch(/^[\d,.]+ ms \[[\d,.]+, [\d,.]+\]$/);
  expect(Number(/^([\d,.]+)/.exec(ttftP99)![1]!.replace(/,/g, ''))).toBeCloseTo(svc.llm.ttft_ms.p99.mean, -1);
  await expect(latency.getByRole('row', { name: /^Attainment/ }).getByRole('cell')).toHaveCount(3);
  // A missed SLO (a negative headroom) is flagged in its cell, and only there.
  const negative = [svc.llm.ttft_headroom_ms.mean, svc.llm.tpot_headroom_ms.mean, svc.headroom_ms.mean].map((h) => h < 0);
  const headroom = latency.getByRole('row', { name: /^Headroom/ }).getByRole('cell');
  for (const [i, missed] of negative.entries()) await expect(headroom.nth(i).getByText('missed', { exact: true })).toHaveCount(missed ? 1 : 0);

  const throughput = panel.getByRole('table', { name: 'Throughput and utilization' });
  for (const label of ['Goodput (completions meeting both SLOs)', 'Output tokens per second (analytic: the ceiling)', 'KV cache utilization', 'FLOP utilization (of compute)', 'Memory bandwidth utilization']) {
    await expect(throughput.getByRole('rowheader', { name: label })).toBeVisible();
  }
  const roofline = panel.getByRole('table', { name: 'Roofline (analytic, one replica) beside simulated' });
  await expect(roofline.getByRole('row', { name: /^TPOT, mean \(analytic: decoding alone, batch 1\)/ })).toContainText(/ ms/);
  await expect(roofline.getByRole('rowheader', { name: 'Decode step at max_num_seqs sequences' })).toBeVisible();
  await expect(panel).toContainText(`${svc.llm.preemptions.toLocaleString('en-US')} preemptions`);

  // The request-level card beside it, without the utilization that is near 1 at token level.
  const perRequest = page.getByRole('table', { name: 'Analytic vs simulated, per request — my_service' });
  await expect(perRequest).toBeVisible();
  await expect(perRequest.getByRole('rowheader', { name: 'Utilization', exact: true })).toHaveCount(0);

  // The time charts draw the service's series.
  const overTime = page.getByRole('region', { name: 'Over time — my_service' });
  await expect(overTime.getByRole('figure')).toHaveCount(5);
  await expect(overTime.getByRole('img', { name: /^p99 latency from .* budget 30,000 ms/ })).toBeVisible();

  // At 1280×720 the panel's tables fit the results column: nothing to scroll sideways.
  expect(await panel.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
  await scrollToTop(panel);
  await shot(page, testInfo.outputPath('llm-results-light.png'), false);
  await scrollToTop(latency.getByRole('row', { name: /^p99\.9/ }));
  await shot(page, testInfo.outputPath('llm-results-slo-dark.png'), true);
  await scrollToTop(throughput);
  await shot(page, testInfo.outputPath('llm-results-throughput-light.png'), false);
  await scrollToTop(roofline);
  await shot(page, testInfo.outputPath('llm-results-roofline-dark.png'), true);
  await scrollToTop(overTime);
  await shot(page, testInfo.outputPath('llm-over-time-light.png'), false);

  // Trace arrivals: a token length may come from a column of the trace, by the Azure trace's names.
  await service.getByLabel('Arrival process').selectOption('trace');
  const promptFrom = service.getByLabel('Prompt length from');
  await promptFrom.selectOption('column');
  await expect(service.getByLabel('Prompt length column (tokens)')).toHaveValue('ContextTokens');
  await expect(service.getByLabel('Prompt length distribution')).toHaveCount(0);
  // (Not saved: the trace has no file yet, which the form reports under its field.)
  await expect(service.getByLabel('Trace file (CSV)')).toHaveAttribute('aria-invalid', 'true');
  await service.getByRole('group', { name: 'LLM tokens per request' }).scrollIntoViewIfNeeded();
  await shot(page, testInfo.outputPath('llm-form-trace-column-dark.png'), true);
  await promptFrom.selectOption('dist');
  await expect(service.getByLabel('Mean prompt length (tokens)')).toHaveValue('1000');
  await service.getByLabel('Arrival process').selectOption('poisson');
  await expect(service.getByLabel('Prompt length from')).toHaveCount(0);

  // Back to request level: the llm block goes, a service time comes back.
  await request.check();
  await expect(service.getByLabel('Service time distribution')).toBeVisible();
  await expect(service.getByLabel('Compute (FLOP/s per GPU)')).toHaveCount(0);
  await expect.poll(async () => (await savedScenario(appUrl)).serving?.services?.[0]?.llm, { timeout: 10_000 }).toBeUndefined();
  expect(problems).toEqual([]);
});
