// The serving model as M/M/c (Poisson arrivals, exponential service, c = replicas slots) against
// Erlang C computed here independently of the engine's formula: P(wait), mean wait, and the
// wait p99 from P(W > t) = C·e^{−(cμ−λ)t} (the q-quantile is ln(C/(1−q))/(cμ−λ)). c = 4 slots of
// 10 ms at ρ = 0.8 (C = 0.596), 4 replications of 1500 s after 50 s of warm-up (≈ 480 000
// measured requests each). The 95% CI half-widths these runs give are ≈ 2–3% on the mean wait
// and on p99 and ≈ 0.35% on utilization; tolerances are ≈ 2–3× those. The seed service's large
// M/M/c (c = 108, 120) is checked in serving-seed.test.ts; kernel-mmc.test.ts checks the whole
// wait distribution on the kernel's own Resource.
import { describe, it, expect } from 'vitest';
import { erlangCDirect, meanOf, relErr, servingScenario, simulate } from './helpers';

describe('M/M/c matches Erlang C', () => {
  it('c = 4, ρ = 0.8: P(wait) within 2%, mean wait within 6%, wait p99 within 8%, utilization within 1%', () => {
    const s = servingScenario(
      { arrivals: { process: 'poisson', rate_rps: 320 }, replicas: 4, service_time_ms: { dist: 'exponential', mean: 10 } },
      { seed: 7, replications: 4, horizon_s: 1500, warmup_s: 50 },
    );
    const { svc, outcomes } = simulate(s); // asserts Little's law
    const c = 4, a = 3.2, lambdaPerMs = 0.32, muPerMs = 0.1;
    const pWait = erlangCDirect(c, a);
    const drain = c * muPerMs - lambdaPerMs;
    expect(relErr(meanOf(outcomes, (o) => o.serving.s!.wait_probability), pWait)).toBeLessThan(0.02);
    expect(relErr(svc.wait_ms.mean!.mean, pWait / drain)).toBeLessThan(0.06);
    expect(relErr(svc.wait_ms.p99!.mean, Math.log(pWait / 0.01) / drain)).toBeLessThan(0.08);
    expect(relErr(svc.utilization!.mean, a / c)).toBeLessThan(0.01);
    expect(svc.stable).toBe(true);
    // The engine's own Erlang C agrees with the independent one.
    expect(svc.analytic.erlang_c!.p_wait).toBeCloseTo(pWait, 9);
    expect(svc.analytic.erlang_c!.mean_wait_ms).toBeCloseTo(pWait / drain, 9);
    expect(svc.analytic.erlang_c!.p99_wait_ms).toBeCloseTo(Math.log(pWait / 0.01) / drain, 9);
  });
});
