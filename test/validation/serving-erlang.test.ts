// M/M/c against Erlang C for several (λ, c, μ), including a large system (c = 150): simulated
// P(wait) and mean wait, with Erlang C computed here from its definition in log space
// (independent of the engine's Erlang B recursion). Tolerances are ≈ 3× the 95% CI half-widths
// these run lengths give.
import { describe, expect, it } from 'vitest';
import { erlangCDirect, littleResidual, meanOf, relErr, servingScenario, simulate } from './helpers';

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
