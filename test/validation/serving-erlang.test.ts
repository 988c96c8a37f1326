// M/M/c against Erlang C for several (λ, c, μ), including a large system (c = 150): simulated
// P(wait) and mean wait, with Erlang C computed here from its definition in log space
// (independent of the engine's Erlang B recursion). Tolerances are ≈ 3× the 95% CI half-widths
// these run lengths give.
import { describe, expect, it } from 'vitest';
import { erlangCDirect, littleResidual, meanOf, relErr, servingScenario, simulate } from './helpers';
import { recordFidelity, type Tolerance } from './fidelity-record';

const ERLANG = 'Erlang (1917); Kleinrock, Queueing Systems I (1975), ch. 3';

const cases = [
  { lambda: 40, c: 5, meanMs: 100, horizon: 4000, pTol: 0.03, wTol: 0.06 }, // ρ = 0.8
  { lambda: 360, c: 20, meanMs: 50, horizon: 1500, pTol: 0.04, wTol: 0.08 }, // ρ = 0.9
  { lambda: 1425, c: 150, meanMs: 100, horizon: 600, pTol: 0.06, wTol: 0.12 }, // ρ = 0.95
];

describe('M/M/c matches Erlang C', () => {
  for (const { lambda, c, meanMs, horizon, pTol, wTol } of cases) {
    it(`λ = ${lambda}/s, c = ${c}, μ = ${1000 / meanMs}/s: P(wait) within ${pTol * 100}%, mean wait within ${wTol * 100}%`, () => {
      const s = servingScenario(
        { arrivals: { process: 'poisson', rate_rps: lambda }, replicas: c, service_time_ms: { dist: 'exponential', mean: meanMs } },
        { seed: 31, replications: 4, horizon_s: horizon, warmup_s: 50 },
      );
      const { svc, outcomes } = simulate(s);
      const a = (lambda * meanMs) / 1000;
      const pWait = erlangCDirect(c, a);
      const meanWait = pWait / (c / meanMs - lambda / 1000);
      const record = (truth: string, measured: number, expected: number, tolerance: Tolerance, suffix = '', source = ERLANG) =>
        recordFidelity({ model: 'serving', truth, source, case: `λ = ${lambda}/s, c = ${c}, ρ = ${a / c}, exponential service ${meanMs} ms${suffix}`, measured, expected, tolerance, replications: 4 });
      record('Erlang C P(wait)', meanOf(outcomes, (o) => o.serving.s!.wait_probability), pWait, { rel: pTol });
      record('Erlang C mean wait, C/(cμ − λ)', svc.wait_ms.mean!.mean, meanWait, { rel: wTol });
      record('utilization = λ·S/c', svc.utilization!.mean, a / c, { rel: 0.01 }, '', 'offered load (flow balance)');
      record("Little's law, residual |L / (X·(W + S)) − 1|", littleResidual(svc), 0, { abs: 0.02 }, '', 'Little (1961)');
      record('Erlang C P(wait)', svc.analytic.erlang_c!.p_wait, pWait, { abs: 5e-10 }, '; analytic block');
      record('Erlang C mean wait, C/(cμ − λ)', svc.analytic.erlang_c!.mean_wait_ms, meanWait, { abs: 5e-10 }, '; analytic block');
      expect(relErr(meanOf(outcomes, (o) => o.serving.s!.wait_probability), pWait)).toBeLessThan(pTol);
      expect(relErr(svc.wait_ms.mean!.mean, meanWait)).toBeLessThan(wTol);
      expect(relErr(svc.utilization!.mean, a / c)).toBeLessThan(0.01);
      expect(littleResidual(svc)).toBeLessThan(0.02);
      expect(svc.analytic.erlang_c!.p_wait).toBeCloseTo(pWait, 9);
      expect(svc.analytic.erlang_c!.mean_wait_ms).toBeCloseTo(meanWait, 9);
      expect(svc.stable).toBe(true);
    });
  }
});
