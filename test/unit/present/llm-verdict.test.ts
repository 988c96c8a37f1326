// The verdict of an `llm` service (simulation/present/verdict-llm.ts) in TTFT and TPOT terms, on
// small runs of the engine whose outcome is clear: both SLOs met; TTFT missed by queueing; TPOT
// missed because decodes share iterations with long prefill chunks; TPOT out of reach even alone;
// saturation; and solve's answer as the fix.
import { describe, expect, it } from 'vitest';
import { mergeReplications, runReplication, type Scenario } from '../../../simulation';
import { EN_US, llmSloText, verdictLine, verdictsOf, type Verdict } from '../../../simulation/present';
import { verdictText } from '../../../simulation/present/verdict-text';
import type { SolveResult } from '../../../simulation';
import { llmBlock, llmScenario } from '../../validation/llm-helpers';

type Llm = Parameters<typeof llmBlock>[0];
const top = { replications: 4, horizon_s: 60, seed: 3 };

function verdict(llm: Llm, rate: number, solve?: SolveResult): { v: Verdict; s: Scenario } {
  const s = llmScenario(llmBlock(llm), { arrivals: { process: 'poisson', rate_rps: rate } }, top);
  const doc = mergeReplications(s, Array.from({ length: s.replications }, (_, i) => runReplication(s, i)), { sha256: '', wallMs: 0 });
  const vs = verdictsOf(doc, s, { solve });
  expect(vs).toHaveLength(1);
  return { v: vs[0]!, s };
}

describe('llm verdict', () => {
  it('names the two SLOs as solve does', () => {
    const s = llmScenario(llmBlock({ slo: { ttft_ms: 500, tpot_ms: 20, tpot_percentile: 90 } }), {}, top);
    expect(llmSloText(verdictText(EN_US), s.serving!.services[0]!.llm!)).toBe('TTFT p99 ≤ 500 ms and TPOT p90 ≤ 20 ms');
  });

  it('met: both SLOs within their CIs, headroom of each, the replicas\' utilizations', () => {
    const { v } = verdict({ prompt_tokens: 500, output_tokens: 50, slo: { ttft_ms: 500, tpot_ms: 20 } }, 2);
    expect(v).toMatchObject({ layer: 'serving', subject: 's', tone: 'good', status: 'Met', fix: [] });
    expect(v.headline).toMatch(/^Meets TTFT p99 ≤ 500 ms and TPOT p99 ≤ 20 ms with 95% confidence: TTFT p99 [\d.]+ ms \[[\d.]+, [\d.]+\], TPOT p99 [\d.]+ ms \[/);
    expect(v.why[0]).toMatch(/ms of TTFT headroom and [\d.]+ ms of TPOT headroom at the upper ends of the 95% CIs$/);
    expect(v.why[1]).toMatch(/^The replicas use [\d.]+% of their FLOP\/s, [\d.]+% of their memory bandwidth and [\d.]+% of their KV cache/);
  });

  it('TTFT missed by queueing: says which SLO fails and which holds, and points to solve', () => {
    const { v } = verdict({ prompt_tokens: { dist: 'exponential', mean: 1500 }, output_tokens: 20, slo: { ttft_ms: 100, tpot_ms: 100 } }, 20);
    expect(v).toMatchObject({ tone: 'bad', status: 'Missed' });
    expect(verdictLine(v)).toMatch(/^Missed — s: TTFT p99 \d+ ms \[\d+, \d+\] is over the 100 ms SLO with 95% confidence; TPOT p99 [\d.]+ ms \[[\d.]+, [\d.]+\] meets the 100 ms SLO$/);
    expect(v.why[0]).toMatch(/^TTFT is mostly the wait for the batch: requests wait [\d,]+ ms at the p99 before their prefill starts, while a mean prompt's prefill alone takes [\d.]+ ms; more replicas shorten the wait$/);
    expect(v.fix).toEqual(['Solve finds the fewest replicas that meet TTFT p99 ≤ 100 ms and TPOT p99 ≤ 100 ms with 95% confidence']);
  });

  it('TPOT missed behind prefill chunks: the token budget is the fix', () => {
    const { v } = verdict({ scheduler: { max_num_batched_tokens: 2048 }, prompt_tokens: 2000, output_tokens: 50, slo: { ttft_ms: 5000, tpot_ms: 6 } }, 5);
    expect(v.status).toBe('Missed');
    expect(v.headline).toMatch(/^TPOT p99 [\d.]+ ms \[[\d.]+, [\d.]+\] is over the 6 ms SLO with 95% confidence; TTFT p99 .* meets the 5,000 ms SLO$/);
    expect(v.why[0]).toMatch(/^Decodes share iterations with prefill chunks of up to 2,048 tokens \(max_num_batched_tokens\), and such a chunk takes about 42\.3 ms of compute/);
    expect(v.fix[0]).toBe('A smaller max_num_batched_tokens (now 2,048) cuts prefills into shorter chunks, so decodes wait less; prompts then take more iterations to prefill');
  });

  it('TPOT out of reach: a decode alone is over the SLO, so no replica count is suggested', () => {
    const { v } = verdict({ prompt_tokens: 100, output_tokens: 20, slo: { ttft_ms: 5000, tpot_ms: 1 } }, 1);
    expect(v.status).toBe('Missed');
    expect(v.why[0]).toBe('Even alone, a decode step takes 2.01 ms (the weights are read once per token): over the 1 ms TPOT SLO at any replica count; faster memory or more GPUs per replica');
    expect(v.fix).toEqual([]);
  });

  it('unstable: the roofline\'s ceiling against the offered rate, and its stable count', () => {
    const { v } = verdict({ prompt_tokens: 2000, output_tokens: 100, slo: { ttft_ms: 500, tpot_ms: 20 } }, 200);
    expect(v).toMatchObject({ tone: 'bad', status: 'Unstable' });
    expect(v.headline).toBe('1 replica can serve at most 12.7 rps by the roofline, under the 200 rps offered: the waiting lines never drain');
    expect(v.why[0]).toBe('Saturation: a replica sustains 12.7 rps (compute-bound at 15 sequences); 200 rps offered');
    expect(v.fix[0]).toBe('16 replicas make it stable by the roofline');
  });

  it('takes solve\'s answer as the fix', () => {
    const solve = { service: 's', replicas: 3, estimate: 1, search_max: 4 } as SolveResult;
    const { v } = verdict({ prompt_tokens: { dist: 'exponential', mean: 1500 }, output_tokens: 20, slo: { ttft_ms: 100, tpot_ms: 100 } }, 20, solve);
    expect(v.fix).toEqual(['3 replicas meet TTFT p99 ≤ 100 ms and TPOT p99 ≤ 100 ms with 95% confidence']);
    const none = verdict({ prompt_tokens: { dist: 'exponential', mean: 1500 }, output_tokens: 20, slo: { ttft_ms: 100, tpot_ms: 100 } }, 20, { ...solve, replicas: null }).v;
    expect(none.fix).toEqual(['No count from 1 to 4 replicas meets TTFT p99 ≤ 100 ms and TPOT p99 ≤ 100 ms with 95% confidence']);
  });
});
