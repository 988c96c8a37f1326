// The LLM service end to end on small cases worked out by hand: a request alone on its replica,
// token lengths from trace columns, rejections of prompts longer than the context, routing,
// determinism, the host checks, and the analytic block.
import { describe, expect, it } from 'vitest';
import {
  analyzeScenario, mergeReplications, nonFinitePaths, runReplication, servingSupportIssues, type HostInputs, type Scenario, type ServiceResult,
} from '../../../simulation';
import { llmCost, prefillMs, decodeMs, soloServiceMs } from '../../../simulation/serving/llm/roofline';
import { llmBlock, llmScenario } from '../../validation/llm-helpers';

function run(s: Scenario, inputs: HostInputs = {}): ServiceResult {
  const outcomes = Array.from({ length: s.replications }, (_, i) => runReplication(s, i, {}, inputs));
  return mergeReplications(s, outcomes, { sha256: '', wallMs: 0 }, inputs).serving!.s as ServiceResult;
}

/** Requests at 0 s and 100 s (trace seconds), far enough apart to be alone on the replica. */
const twoApart = { traces: { s: [0, 100] } };
const traced = { arrivals: { process: 'trace' as const, path: 't.csv' } };

describe('llm service', () => {
  it('a request alone: TTFT is its prefill, latency its prefill and o − 1 decodes, TPOT their mean', () => {
    const llm = llmBlock({ prompt_tokens: 300, output_tokens: 40 });
    const s = llmScenario(llm, traced, { replications: 1, horizon_s: 200 });
    const svc = run(s, twoApart);
    const cost = llmCost(s.serving!.services[0]!.llm!);
    const total = soloServiceMs(cost, 300, 40);
    expect(svc.completed).toBe(2);
    expect(svc.latency_ms.mean!.mean).toBeCloseTo(total, 9);
    expect(svc.wait_ms.mean!.mean).toBe(0);
    expect(svc.llm!.ttft_ms.mean!.mean).toBeCloseTo(prefillMs(cost, 300), 9);
    expect(svc.llm!.tpot_ms.mean!.mean).toBeCloseTo((total - prefillMs(cost, 300)) / 39, 9);
    expect(svc.llm!.tpot_ms.max!.mean).toBeCloseTo(svc.llm!.tpot_ms.mean!.mean, 3);
    expect(svc.llm!.iterations).toBe(2 * 40);
    expect([svc.llm!.prompt_tokens, svc.llm!.output_tokens, svc.llm!.processed_tokens]).toEqual([600, 80, 2 * (300 + 39)]);
    expect(svc.llm!.mean_batch_seqs!.mean).toBe(1);
    // Decodes at batch 1 are memory-bound here: the last one reads 338 cached tokens and its own.
    expect(decodeMs(cost, 1, 338)).toBeCloseTo(2 + (339 * 131_072) / 1e9, 12);
  });

  it('reads token lengths from the trace columns, row by row', () => {
    const llm = llmBlock({ prompt_tokens: { column: 'ContextTokens' }, output_tokens: { column: 'GeneratedTokens' } });
    const s = llmScenario(llm, traced, { replications: 1, horizon_s: 200 });
    const inputs: HostInputs = { ...twoApart, traceTokens: { s: { prompt: [120, 700.4], output: [3, 0] } } };
    const svc = run(s, inputs);
    // 700.4 rounds to 700; an output of 0 counts as 1 (vLLM generates at least one token).
    expect([svc.llm!.prompt_tokens, svc.llm!.output_tokens]).toEqual([820, 4]);
    expect(svc.llm!.tpot_ms.p50).not.toBeNull(); // the first request has 3 tokens; the second none to time
    // The analytic figures use the columns' moments.
    const a = svc.analytic.llm!;
    expect(a.ttft_unloaded_ms).toBeCloseTo(prefillMs(llmCost(s.serving!.services[0]!.llm!), 410), 9);
  });

  it('reads the rows a shifted-windows replay replays', () => {
    const llm = llmBlock({ prompt_tokens: { column: 'ContextTokens' }, output_tokens: 2 });
    const s = llmScenario(llm, { arrivals: { process: 'trace', path: 't.csv', replay: { method: 'shifted_windows', shift_s: 1.5 } } }, { replications: 3, horizon_s: 2 });
    const inputs: HostInputs = { traces: { s: [0, 1, 2, 3, 4, 5] }, traceTokens: { s: { prompt: [10, 20, 30, 40, 50, 60] } } };
    // Replication r replays trace seconds [1.5·r, 1.5·r + 2): rows 0–1, 2–3, 3–4.
    expect([0, 1, 2].map((i) => runReplication(s, i, {}, inputs).serving.s!.llm!.prompt_tokens)).toEqual([30, 70, 90]);
  });

  it('refuses a run whose token columns the host did not read, naming the field', () => {
    const llm = llmBlock({ output_tokens: { column: 'GeneratedTokens' } });
    const s = llmScenario(llm, traced, { replications: 1, horizon_s: 200 });
    expect(servingSupportIssues(s, twoApart)).toEqual([{ path: 'serving.services[0].llm.output_tokens.column', message: 'the trace column was not loaded by the host' }]);
    expect(servingSupportIssues(s, { ...twoApart, traceTokens: { s: { output: [1, 2, 3] } } }))
      .toEqual([{ path: 'serving.services[0].llm.output_tokens.column', message: "has 3 values for the trace's 2 requests" }]);
    expect(() => runReplication(s, 0, {}, twoApart)).toThrow(/llm\.output_tokens\.column: the trace column was not loaded/);
  });

  it('rejects prompts longer than max_seq_len and stops outputs at it', () => {
    const llm = llmBlock({ model: { max_seq_len: 1000 }, prompt_tokens: { dist: 'empirical', values: [1001, 990] }, output_tokens: 50 });
    const s = llmScenario(llm, { arrivals: { process: 'poisson', rate_rps: 2 } }, { replications: 1, horizon_s: 100, seed: 2 });
    const svc = run(s);
    expect(svc.rejected).toBeGreaterThan(50);
    expect(svc.completed).toBeGreaterThan(50);
    expect(svc.requests).toBe(svc.completed + svc.rejected);
    // 990-token prompts get 10 of their 50 tokens: the context is full.
    expect(svc.llm!.output_tokens).toBe(10 * svc.completed);
    expect(svc.llm!.ttft_attainment!.mean).toBeLessThan(0.6); // rejected requests miss both SLOs
  });

  it('routes to the replica with the fewest outstanding requests', () => {
    // Two replicas, requests 10 ms apart, each taking far longer: they alternate, so no one waits
    // behind another on the same replica until both have one.
    const llm = llmBlock({ scheduler: { max_num_seqs: 1 }, prompt_tokens: 100, output_tokens: 20 });
    const s = llmScenario(llm, { ...traced, replicas: 2 }, { replications: 1, horizon_s: 10 });
    const svc = run(s, { traces: { s: [0, 0.01] } });
    expect(svc.completed).toBe(2);
    expect(svc.wait_ms.p99!.mean).toBe(0);
  });

  it('is deterministic: same scenario and seed, byte-identical figures', () => {
    const llm = llmBlock({ prompt_tokens: { dist: 'lognormal', mean: 400, cv: 0.8 }, output_tokens: { dist: 'exponential', mean: 60 }, hardware: { kv_cache_bytes: 3e8 }, model: { max_seq_len: 2048 } });
    const s = llmScenario(llm, { arrivals: { process: 'poisson', rate_rps: 40 }, replicas: 2, latency_ms: { feature: { dist: 'exponential', mean: 5 }, network: 3 } }, { replications: 2, horizon_s: 30, seed: 7 });
    const a = JSON.stringify(run(s)), b = JSON.stringify(run(s));
    expect(a).toBe(b);
    expect(JSON.parse(a).llm.preemptions).toBeGreaterThan(0);
  });

  it('has no NaN or Infinity when every prompt is rejected, or when a cap stops the run', () => {
    const none = llmScenario(llmBlock({ model: { max_seq_len: 1000 }, prompt_tokens: 5000 }), { arrivals: { process: 'poisson', rate_rps: 5 } }, { replications: 2, horizon_s: 20 });
    const outcomes = [0, 1].map((i) => runReplication(none, i));
    const doc = mergeReplications(none, outcomes, { sha256: '', wallMs: 0 });
    expect(nonFinitePaths(doc)).toEqual([]);
    const svc = doc.serving!.s as ServiceResult;
    expect(svc.completed).toBe(0);
    expect([svc.llm!.ttft_ms.mean, svc.llm!.time_in_batch_ms, svc.llm!.mean_batch_seqs]).toEqual([null, null, null]);
    expect(svc.llm!.slo_attainment).toEqual({ mean: 0, ci95: [0, 0] });
    const busy = llmScenario(llmBlock(), { arrivals: { process: 'poisson', rate_rps: 200 } }, { replications: 1, horizon_s: 600 });
    const capped = runReplication(busy, 0, { maxEvents: 5000 });
    expect(capped.stopped).toBe('max_events');
    expect(nonFinitePaths(mergeReplications(busy, [capped], { sha256: '', wallMs: 0 }))).toEqual([]);
  });

  it('gives the analytic block without simulating, and the summary uses it', () => {
    const s = llmScenario(llmBlock(), { arrivals: { process: 'poisson', rate_rps: 10 } }, { replications: 1 });
    const doc = analyzeScenario(s, { sha256: '' });
    const a = (doc.serving!.s as ServiceResult).analytic;
    expect(a.llm!.per_replica_max_rps).toBeGreaterThan(10);
    expect(a.utilization).toBeCloseTo(10 / a.llm!.per_replica_max_rps, 12);
    expect(a.required_replicas).toBe(1);
    expect(doc.summary.serving_total_latency_ms).toBe(a.total_latency_ms);
    expect(a.erlang_c).toBeUndefined();
    expect(a.pk).toBeUndefined();
  });
});
