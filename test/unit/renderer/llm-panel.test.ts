// The app's LLM panel (renderer/results/llm-figures.ts) on a real run of an `llm` service: the
// latency table's cells are the catalogue's (simulation/present/figures-llm.ts) for TTFT, TPOT
// and end-to-end latency, the SLOs come from the scenario, a missed SLO is flagged; the
// throughput and roofline tables carry the analytic figure beside the simulated one; the
// request-level card leaves out utilization and P(wait), which are near 1 at token level.
import { describe, expect, it } from 'vitest';
import { mergeReplications, runReplication, validateScenario, type ResultDocument, type Scenario, type ServiceResult } from '../../../simulation';
import {
  EN_US, figureIndex, LLM_ANALYTIC, LLM_LATENCY, LLM_SLO, LLM_THROUGHPUT, LLM_UTILIZATION, llmEntity, llmServiceFigures, simulatedText,
} from '../../../simulation/present';
import { llmPanel, llmSettings } from '../../../renderer/results/llm-figures';
import { serviceComparisonRows } from '../../../renderer/results/service-figures';

function run(slo: Record<string, number>): { scenario: Scenario; doc: ResultDocument; svc: ServiceResult } {
  const parsed = validateScenario({
    format: 'headroom.scenario/v1', name: 'llm panel', horizon_s: 40, warmup_s: 5, replications: 2,
    serving: {
      services: [{
        id: 'chat', arrivals: { process: 'poisson', rate_rps: 4 }, replicas: 1, latency_budget_ms: 30000, latency_ms: { network: 20 },
        llm: {
          hardware: { compute_flops: 6e14, memory_bandwidth: 2.8e12, kv_cache_bytes: 4e10, bytes_per_param: 2 },
          model: { num_parameters: 8.03e9, num_layers: 32, hidden_dim: 4096, num_heads: 32, num_kv_heads: 8, max_seq_len: 8192 },
          prompt_tokens: { dist: 'lognormal', mean: 800, cv: 0.5 }, output_tokens: { dist: 'exponential', mean: 100 },
          slo,
        },
      }],
    },
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  const s = parsed.scenario;
  const doc = mergeReplications(s, Array.from({ length: s.replications }, (_, i) => runReplication(s, i)), { sha256: 't', wallMs: 0 });
  return { scenario: s, doc, svc: doc.serving!.chat as ServiceResult };
}

const met = run({ ttft_ms: 2000, tpot_ms: 100, tpot_percentile: 95 });

describe('figure catalogue: llm figures', () => {
  it('keys are unique, every figure of the result has a row, and a request-level service has none', () => {
    const e = llmEntity(met.svc, met.scenario.serving!.services[0]!.llm!.slo)!;
    const figs = llmServiceFigures('chat', e);
    const keys = figs.map((f) => f.metric);
    expect(new Set(keys).size).toBe(keys.length);
    const defs = [...LLM_LATENCY, ...LLM_SLO, ...LLM_THROUGHPUT, ...LLM_UTILIZATION, ...LLM_ANALYTIC];
    expect(figs.length).toBe(defs.length);
    for (const k of Object.keys(met.svc.llm!).filter((k) => !k.endsWith('_ms') || k.includes('_at_slo') || k.includes('headroom'))) {
      expect(keys, k).toContain(`llm.${k}`);
    }
    for (const f of figs) expect(f.label, f.metric).not.toMatch(/undefined|NaN/);
    expect(llmEntity({ ...met.svc, llm: undefined })).toBeNull();
  });

  it('labels the SLO percentiles, and the mean TTFT and TPOT beside their unloaded roofline figures', () => {
    const e = llmEntity(met.svc, met.scenario.serving!.services[0]!.llm!.slo)!;
    const at = figureIndex(llmServiceFigures('chat', e));
    expect(at('serving', 'chat', 'llm.ttft_at_slo_ms')!.label).toBe('TTFT at p99');
    expect(at('serving', 'chat', 'llm.tpot_at_slo_ms')!.label).toBe('TPOT at p95');
    expect(at('serving', 'chat', 'llm.slo.tpot_ms')!.analytic).toBe(100);
    expect(at('serving', 'chat', 'llm.ttft_ms.mean')!.analytic).toBe(met.svc.analytic.llm!.ttft_unloaded_ms);
    expect(at('serving', 'chat', 'llm.tpot_ms.mean')!.analytic).toBe(met.svc.analytic.llm!.tpot_unloaded_ms);
    expect(at('serving', 'chat', 'analytic.llm.max_sustainable_rps')!.label).toMatch(/^Max sustainable rate \(roofline, (compute|memory)-bound\)$/);
    // Without the scenario: no SLO rows of configuration, and the percentile is not named.
    const bare = figureIndex(llmServiceFigures('chat', llmEntity(met.svc)!));
    expect(bare('serving', 'chat', 'llm.slo.ttft_ms')).toBeUndefined();
    expect(bare('serving', 'chat', 'llm.ttft_at_slo_ms')!.label).toBe('TTFT at its SLO percentile');
  });
});

describe('llmPanel', () => {
  it('the latency table: TTFT, TPOT and end-to-end statistics, the SLOs, headroom and attainment', () => {
    const p = llmPanel('chat', met.svc, llmSettings(met.scenario, 'chat', met.svc))!;
    expect(p.latency.map((r) => r.label)).toEqual([
      'Mean', 'p50', 'p90', 'p95', 'p99', 'p99.9', 'Max', 'SLO', 'At the SLO percentile', 'Headroom', 'Attainment',
    ]);
    const row = (key: string) => p.latency.find((r) => r.key === key)!;
    expect(row('target').cells).toEqual(['2,000 ms at p99', '100 ms at p95', '30,000 ms at p99 (budget)']);
    // Each statistic's cell is the catalogue's "mean [95% CI]" (no p90 end to end, no p99.9 at token level).
    const l = met.svc.llm!;
    expect(row('p99').cells[0]).toMatch(/ ms \[/);
    expect(row('p90').cells[2]).toBe('—');
    expect(row('p999').cells[0]).toBe('—');
    expect(row('mean').cells[1]).toContain(String(Math.round(l.tpot_ms.mean!.mean)));
    expect(row('attainment').cells.every((c) => c.endsWith(']') || c.endsWith('%'))).toBe(true);
    expect(row('headroom').missed).toEqual([false, false, false]);
    expect(p.counts.requests).toBe(met.svc.requests);
  });

  it('flags a missed SLO (negative headroom)', () => {
    const missed = run({ ttft_ms: 1, tpot_ms: 100 });
    const p = llmPanel('chat', missed.svc, llmSettings(missed.scenario, 'chat', missed.svc))!;
    expect(p.latency.find((r) => r.key === 'headroom')!.missed).toEqual([true, false, false]);
    expect(missed.svc.llm!.ttft_attainment!.mean).toBeLessThan(0.05);
  });

  it('throughput and roofline tables: analytic beside simulated', () => {
    const p = llmPanel('chat', met.svc, llmSettings(met.scenario, 'chat', met.svc))!;
    const keys = p.throughput.map((r) => r.key.split('/')[1]);
    expect(keys).toEqual([
      'llm.slo_attainment', 'offered_rps', 'throughput_rps', 'llm.goodput_rps', 'analytic.llm.max_sustainable_rps', 'llm.input_tokens_per_s', 'llm.output_tokens_per_s',
      'llm.kv_cache_utilization', 'llm.flop_utilization', 'llm.bandwidth_utilization', 'llm.mean_running_seqs', 'llm.mean_batch_seqs', 'llm.mean_batch_tokens', 'llm.time_in_batch_ms',
    ]);
    const out = p.throughput.find((r) => r.key === 'chat/llm.output_tokens_per_s')!;
    expect(out.analytic).not.toBe('—');
    expect(out.simulated).toMatch(/\[/);
    const ttft = p.roofline.find((r) => r.key === 'chat/llm.ttft_ms.mean')!;
    expect(ttft.label).toBe('TTFT, mean (analytic: the prefill alone on a replica)');
    expect(ttft.analytic).toMatch(/ ms$/);
    // The cells are the catalogue's spelling (the reports' and the CLI's).
    const e = llmEntity(met.svc)!;
    const f = llmServiceFigures('chat', e).find((x) => x.metric === 'llm.kv_cache_utilization')!;
    expect(simulatedText(EN_US, f)).toMatch(/%/);
  });

  it('a request-level service has no panel', () => {
    expect(llmPanel('chat', { ...met.svc, llm: undefined }, { budgetMs: 30000 })).toBeNull();
  });

  it('the request-level card of an llm service leaves out utilization and P(wait)', () => {
    const rows = serviceComparisonRows('chat', met.svc, 99, true).map((r) => r.key.split('/')[1]);
    expect(rows).not.toContain('utilization');
    expect(rows).not.toContain('wait_probability');
    expect(rows).toContain('latency_at_slo_ms');
    const plain = serviceComparisonRows('chat', { ...met.svc, llm: undefined }, 99, true).map((r) => r.key.split('/')[1]);
    expect(plain).toContain('utilization');
  });
});
