// LLM serving against Pollaczek–Khinchine: with max_num_seqs 1 and no chunked prefill a replica
// serves one request at a time, and a request's service (one prefill, then o − 1 decodes, each
// an iteration timed by the roofline) is fixed by its prompt and output lengths. With Poisson
// arrivals the replica is an M/G/1 queue, so the mean wait for admission is λE[S²] ÷ 2(1 − ρ)
// and the mean TTFT that wait plus the mean prefill. E[S] and E[S²] are computed here by
// enumerating the lengths, with the test's own roofline (not the engine's).
import { describe, expect, it } from 'vitest';
import { recordFidelity } from './fidelity-record';
import { relErr, simulate } from './helpers';
import { llmBlock, llmScenario } from './llm-helpers';

// The model of llmBlock(): 1e9 parameters, 16 layers × 2048, 16 KV heads of 128, fp16; 1e14 FLOP/s, 1e12 B/s.
const P = 1e9, L = 16, D = 2048, C = 1e14, BW = 1e12, W = 2e9, KV = 2 * L * 16 * 128 * 2;
const iteration = (tokens: number, pairs: number, kvTokens: number) => 1000 * Math.max((2 * P * tokens + 4 * L * D * pairs) / C, (W + KV * kvTokens) / BW);
const prefill = (p: number) => iteration(p, (p * (p + 1)) / 2, p);
/** Prefill, then decode k = 1 … o − 1 runs token p + k against p + k − 1 cached ones. */
const service = (p: number, o: number) => {
  let t = prefill(p);
  for (let k = 1; k < o; k++) t += iteration(1, p + k, p + k);
  return t;
};

const PROMPTS = [[100, 0.5], [500, 0.3], [2000, 0.2]] as const;
const OUTPUTS = [[1, 0.2], [5, 0.5], [20, 0.3]] as const;
const REPLICATIONS = 20;

describe('LLM serving, one sequence at a time: M/G/1', () => {
  it('mean wait and TTFT match Pollaczek–Khinchine at ρ = 0.7', () => {
    let m1 = 0, m2 = 0, meanPrefill = 0;
    for (const [p, wp] of PROMPTS) {
      meanPrefill += wp * prefill(p);
      for (const [o, wo] of OUTPUTS) {
        const s = service(p, o);
        m1 += wp * wo * s;
        m2 += wp * wo * s * s;
      }
    }
    const rho = 0.7, lambda = rho / m1; // per ms
    const pkWait = (lambda * m2) / (2 * (1 - rho));
    const llm = llmBlock({
      scheduler: { max_num_seqs: 1, enable_chunked_prefill: false },
      prompt_tokens: { dist: 'empirical', values: PROMPTS.map(([v]) => v), weights: PROMPTS.map(([, w]) => w) },
      output_tokens: { dist: 'empirical', values: OUTPUTS.map(([v]) => v), weights: OUTPUTS.map(([, w]) => w) },
    });
    const s = llmScenario(llm, { arrivals: { process: 'poisson', rate_rps: lambda * 1000 } }, { replications: REPLICATIONS, horizon_s: 2000, warmup_s: 100, seed: 3 });
    const { svc } = simulate(s);
    const c = { model: 'serving', source: 'Pollaczek (1930), Khinchine (1932); Kleinrock, Queueing Systems I (1975) §5.6', replications: `${REPLICATIONS} × 2,000 s`, case: 'LLM, max_num_seqs 1, no chunking: 3 prompt × 3 output lengths, ρ = 0.7' } as const;
    recordFidelity({ ...c, truth: 'LLM M/G/1: mean wait for admission, λE[S²] ÷ 2(1 − ρ)', measured: svc.wait_ms.mean!.mean, expected: pkWait, tolerance: { rel: 0.03 } });
    recordFidelity({ ...c, truth: 'LLM M/G/1: mean TTFT, P–K wait + mean prefill', measured: svc.llm!.ttft_ms.mean!.mean, expected: pkWait + meanPrefill, tolerance: { rel: 0.03 } });
    recordFidelity({ ...c, truth: 'LLM M/G/1: utilization, λE[S]', measured: svc.utilization!.mean, expected: rho, tolerance: { rel: 0.01 } });
    recordFidelity({ ...c, truth: 'LLM roofline ceiling with one sequence: 1 ÷ E[S]', measured: svc.analytic.llm!.per_replica_max_rps, expected: 1000 / m1, tolerance: { rel: 0.01 } });
    expect(relErr(svc.wait_ms.mean!.mean, pkWait)).toBeLessThan(0.03);
    expect(svc.wait_ms.mean!.ci95[0]).toBeLessThanOrEqual(pkWait);
    expect(svc.wait_ms.mean!.ci95[1]).toBeGreaterThanOrEqual(pkWait);
    expect(relErr(svc.llm!.ttft_ms.mean!.mean, pkWait + meanPrefill)).toBeLessThan(0.03);
    // Service = admission to last token: the mean of S.
    expect(relErr(svc.components_ms.service!.mean, m1)).toBeLessThan(0.01);
    expect(svc.llm!.preemptions).toBe(0);
    expect(svc.llm!.mean_batch_seqs!.mean).toBe(1);
  });
});
