// The capacity solver for an `llm` service (simulation/serving/solve.ts): a count meets when the
// upper ends of the CIs of TTFT and TPOT at their SLO percentiles are both within the SLOs (the
// latency budget is not judged); the search doubles from the roofline's estimate up to 64 × it,
// then bisects; each candidate keeps its TTFT and TPOT; the result carries the SLOs; the reason
// when none meets says which SLO the largest count still misses. With a fake evaluator whose answer is known.
import { describe, expect, it } from 'vitest';
import type { ServiceResult } from '../../../simulation';
import { solveReason } from '../../../simulation/present';
import { stableReplicas } from '../../../simulation/serving/analytic';
import { meetsSlo, solveRefusal, solveReplicas } from '../../../simulation/serving/solve';
import { llmBlock, llmScenario } from '../../validation/llm-helpers';

const spec = (slo = { ttft_ms: 500, tpot_ms: 20 }, latencyBudget = 1) =>
  llmScenario(llmBlock({ prompt_tokens: 1000, output_tokens: 100, slo }), { arrivals: { process: 'poisson', rate_rps: 10 }, latency_budget_ms: latencyBudget }).serving!.services[0]!;

const stat = (m: number) => ({ mean: m, ci95: [m - 1, m + 1] as [number, number] });

/** TTFT at p99 = 300 + 4000 / n ms (meets 500 ms from n = 21 on: 300 + 190.5 + 1 ≤ 500); TPOT fixed. */
function fake(tpot = 10) {
  const asked: number[] = [];
  const evaluate = async (n: number) => {
    asked.push(n);
    return {
      completed: 100, latency_at_slo_ms: stat(5000), utilization: stat(0.5), stable: true,
      llm: { ttft_at_slo_ms: stat(300 + 4000 / n), tpot_at_slo_ms: stat(tpot) },
    } as unknown as ServiceResult;
  };
  return { asked, evaluate };
}

describe('solve for an llm service', () => {
  it('judges TTFT and TPOT at the upper ends of their CIs, not the latency budget', () => {
    const svc = spec();
    const r = (ttft: number, tpot: number | null) => ({ completed: 1, latency_at_slo_ms: stat(1e6), llm: { ttft_at_slo_ms: stat(ttft), tpot_at_slo_ms: tpot === null ? null : stat(tpot) } }) as unknown as ServiceResult;
    expect(meetsSlo(svc, r(499, 19))).toBe(true);
    expect(meetsSlo(svc, r(499.5, 19))).toBe(false); // CI upper 500.5 > 500
    expect(meetsSlo(svc, r(100, 19.5))).toBe(false);
    expect(meetsSlo(svc, r(100, null))).toBe(true); // one-token outputs only: no TPOT to miss
  });

  it('doubles from the roofline\'s estimate, bisects, and keeps TTFT and TPOT as evidence', async () => {
    const svc = spec();
    const estimate = stableReplicas(svc, 10)!;
    expect(estimate).toBe(1);
    const f = fake();
    const r = await solveReplicas(svc, 10, 10, f.evaluate);
    // 1, 2, 4, 8, 16 fail; 32 meets; bisect 16..32: 24 (yes), 20 (no), 22 (yes), 21 (yes).
    expect(f.asked).toEqual([1, 2, 4, 8, 16, 32, 24, 20, 22, 21]);
    expect(r).toMatchObject({ replicas: 21, estimate: 1, search_max: 64, llm_slo: { ttft_ms: 500, ttft_percentile: 99, tpot_ms: 20, tpot_percentile: 99 } });
    expect(r.evidence.find((c) => c.replicas === 21)).toMatchObject({ meets: true, ttft_at_slo_ms: stat(300 + 4000 / 21), tpot_at_slo_ms: stat(10), latency_at_slo_ms: stat(5000) });
    expect(solveReason(svc, r)).toBeNull();
  });

  it('stops at 64 × the estimate; when TTFT holds and TPOT does not, says replicas cannot fix TPOT', async () => {
    const svc = spec();
    const f = fake(25);
    const r = await solveReplicas(svc, 10, 10, f.evaluate);
    expect(f.asked).toEqual([1, 2, 4, 8, 16, 32, 64]);
    expect(r.replicas).toBeNull();
    expect(solveReason(svc, r)).toBe('at 64 replicas TTFT p99 holds (363 ms [362, 364]) but TPOT p99 is 25.0 ms [24.0, 26.0], over 20 ms: more replicas shorten the waits more than the iterations a decode runs in, which a smaller max_num_batched_tokens or max_num_seqs shortens');
    const never = fake(10);
    const slow = await solveReplicas(spec({ ttft_ms: 200, tpot_ms: 20 }), 10, 10, never.evaluate);
    expect(solveReason(spec({ ttft_ms: 200, tpot_ms: 20 }), slow)).toBe('no count from 1 to 64 replicas meets TTFT p99 ≤ 200 ms and TPOT p99 ≤ 20 ms with 95% confidence');
  });

  it('refuses a service whose token columns the host did not read', () => {
    const traced = llmScenario(llmBlock({ prompt_tokens: { column: 'ctx' } }), { arrivals: { process: 'trace', path: 't.csv' } }).serving!.services[0]!;
    expect(solveRefusal(traced, 10)).toBe('the analytic estimate of this service is unknown (its token columns were not read)');
    expect(solveRefusal(traced, 10, { prompt: [1000, 2000] })).toBeNull();
  });
});
