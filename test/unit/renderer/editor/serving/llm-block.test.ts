// The serving form's "Model" choice: switching a request-level service to LLM token level
// writes a block the CLI's parser accepts (an 8B model on an H100-class GPU) and removes every
// field the llm block refuses, as one edit of the text; switching back gives a valid
// request-level service. Token lengths from a distribution or a trace column; vLLM's default
// token budget; the hints' readings of large numbers.
import { describe, expect, it } from 'vitest';
import { parseScenarioText, validateScenario, analyzeScenario } from '../../../../../simulation';
import { serviceStarter } from '../../../../../renderer/editor/section-starters';
import { editText } from '../../../../../renderer/editor/text-edit';
import { serviceSummary } from '../../../../../renderer/editor/serving/service-blocks';
import {
  LLM_BUDGET_MS, LLM_REFUSED_KEYS, countText, defaultBatchedTokens, llmStarter, modelSwitchEdits, serviceModelOf, siText, tokenLengthFor, tokenSourceOf,
} from '../../../../../renderer/editor/serving/llm-block';

const PATH = ['serving', 'services', 0] as const;

function scenarioText(service: Record<string, unknown>): string {
  return JSON.stringify({ format: 'headroom.scenario/v1', name: 't', serving: { services: [service] } }, null, 2);
}

function switched(text: string, to: 'llm' | 'request'): string {
  const service = (JSON.parse(text) as { serving: { services: unknown[] } }).serving.services[0];
  return editText(text, modelSwitchEdits([...PATH], service, to));
}

const firstService = (text: string) => (JSON.parse(text) as { serving: { services: Record<string, unknown>[] } }).serving.services[0]!;

describe('modelSwitchEdits', () => {
  it('to LLM: the starter block, the refused fields removed, a budget below 30 s raised; it validates', () => {
    const service = {
      ...serviceStarter('chat'), concurrency: 4, queue_limit: 100, timeout_ms: 5000, cost_per_replica_hour: 3,
      batching: { max_batch: 8, max_wait_ms: 10, batch_time_ms: { base: 25, per_item: 25 } },
      autoscaling: { min_replicas: 1, max_replicas: 2, target_utilization: 0.7, interval_s: 30 },
      replica_failures: { mtbf_s: 3600, restart_s: 60 },
    };
    const text = switched(scenarioText(service), 'llm');
    const parsed = parseScenarioText(text);
    expect(parsed.ok ? [] : parsed.errors).toEqual([]);
    const svc = firstService(text);
    for (const k of LLM_REFUSED_KEYS) expect(svc[k], k).toBeUndefined();
    expect(svc).toMatchObject({ id: 'chat', replicas: 1, latency_budget_ms: LLM_BUDGET_MS, cost_per_replica_hour: 3, llm: llmStarter() });
    expect(serviceModelOf(svc)).toBe('llm');
  });

  it('to LLM keeps a budget of 30 s or more, and the rest of the text as written', () => {
    const text = scenarioText({ ...serviceStarter('chat'), latency_budget_ms: 60000 });
    const out = switched(text, 'llm');
    expect(firstService(out).latency_budget_ms).toBe(60000);
    expect(out.startsWith('{\n  "format": "headroom.scenario/v1",\n  "name": "t",')).toBe(true);
  });

  it('the starter: an 8B model on one H100-class GPU serves the template’s 10 requests/s with a wide margin', () => {
    const parsed = validateScenario(JSON.parse(switched(scenarioText(serviceStarter('chat')), 'llm')));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const a = analyzeScenario(parsed.scenario, { sha256: '' }).serving!.chat!.analytic;
    expect(a.llm!.weight_bytes).toBeCloseTo(16.06e9, -6);
    // A 1,000-token prefill in tens of ms, a decode step at batch 1 of a few ms (weights at 2.8 TB/s).
    expect(a.llm!.prefill_ms_per_1k_tokens).toBeGreaterThan(10);
    expect(a.llm!.prefill_ms_per_1k_tokens).toBeLessThan(60);
    expect(a.llm!.decode_ms_per_token_batch_1).toBeGreaterThan(5);
    expect(a.llm!.decode_ms_per_token_batch_1).toBeLessThan(8);
    expect(a.llm!.max_sustainable_rps).toBeGreaterThan(20);
    expect(a.utilization).toBeLessThan(0.5);
  });

  it('back to request level: the block removed and a service time written; it validates', () => {
    const llmText = switched(scenarioText(serviceStarter('chat')), 'llm');
    const back = switched(llmText, 'request');
    const parsed = parseScenarioText(back);
    expect(parsed.ok ? [] : parsed.errors).toEqual([]);
    expect(firstService(back)).toEqual({ id: 'chat', arrivals: { process: 'poisson', rate_rps: 10 }, replicas: 1, latency_budget_ms: LLM_BUDGET_MS, service_time_ms: { dist: 'exponential', mean: 50 } });
  });

  it('a collapsed LLM service says so', () => {
    expect(serviceSummary({ ...serviceStarter('a'), llm: llmStarter() })).toBe('poisson, 10 rps · 1 replica · LLM, token level');
  });

  it('choosing the model a service already has writes nothing', () => {
    expect(modelSwitchEdits([...PATH], serviceStarter('a'), 'request')).toEqual([]);
    expect(modelSwitchEdits([...PATH], { ...serviceStarter('a'), llm: {} }, 'llm')).toEqual([]);
  });
});

describe('token lengths', () => {
  it('a trace column by the Azure trace’s names, or the starter’s distribution', () => {
    expect(tokenLengthFor('prompt_tokens', 'column')).toEqual({ column: 'ContextTokens' });
    expect(tokenLengthFor('output_tokens', 'column')).toEqual({ column: 'GeneratedTokens' });
    expect(tokenLengthFor('output_tokens', 'dist')).toEqual({ dist: 'exponential', mean: 200 });
    expect(tokenSourceOf({ column: 3 })).toBe('column');
    expect(tokenSourceOf({ dist: 'fixed', value: 3 })).toBe('dist');
    expect(tokenSourceOf(500)).toBe('dist');
  });

  it('columns validate with trace arrivals', () => {
    const svc = {
      ...serviceStarter('chat'), service_time_ms: undefined, arrivals: { process: 'trace', path: 'trace.csv' }, latency_budget_ms: 30000,
      llm: { ...llmStarter(), prompt_tokens: tokenLengthFor('prompt_tokens', 'column'), output_tokens: tokenLengthFor('output_tokens', 'column') },
    };
    const parsed = parseScenarioText(scenarioText(svc));
    expect(parsed.ok ? [] : parsed.errors).toEqual([]);
  });
});

describe('defaultBatchedTokens (vLLM’s, as the schema resolves it)', () => {
  it.each([
    [{}, { max_seq_len: 8192 }, 2048],
    [{ max_num_seqs: 4096 }, { max_seq_len: 8192 }, 4096],
    [{ enable_chunked_prefill: false }, { max_seq_len: 8192 }, 8192],
    [{ enable_chunked_prefill: false }, { max_seq_len: 1024 }, 2048],
    [{ max_num_seqs: 'x' }, {}, null],
  ] as const)('%j with %j: %s', (scheduler, model, want) => {
    expect(defaultBatchedTokens(scheduler, model)).toBe(want);
  });

  it('agrees with the parsed scenario', () => {
    for (const scheduler of [{}, { enable_chunked_prefill: false }, { max_num_seqs: 3000 }]) {
      const llm = { ...llmStarter(), scheduler };
      const parsed = validateScenario(JSON.parse(scenarioText({ ...serviceStarter('chat'), service_time_ms: undefined, llm })));
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
      expect(defaultBatchedTokens(scheduler, llmStarter().model)).toBe(parsed.scenario.serving!.services[0]!.llm!.scheduler.max_num_batched_tokens);
    }
  });
});

describe('readings of large numbers', () => {
  it('SI prefixes and parameter counts', () => {
    expect(siText(6e14, 'FLOP/s')).toBe('600 TFLOP/s');
    expect(siText(2.8e12, 'B/s')).toBe('2.8 TB/s');
    expect(siText(4e10, 'B')).toBe('40 GB');
    expect(siText(989e12, 'FLOP/s')).toBe('989 TFLOP/s');
    expect(siText(12, 'B')).toBe('12 B');
    expect(siText('x', 'B')).toBeNull();
    expect(siText(0, 'B')).toBeNull();
    expect(countText(8.03e9)).toBe('8.03 billion');
    expect(countText(70e9)).toBe('70 billion');
    expect(countText(350e6)).toBe('350 million');
    expect(countText(1000)).toBeNull();
  });
});
