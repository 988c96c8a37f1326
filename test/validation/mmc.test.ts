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
import { recordFidelity, type Tolerance } from './fidelity-record';

const ERLANG = 'Erlang (1917); Kleinrock, Queueing Systems I (1975), ch. 3';

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
    const record = (truth: string, measured: number, expected: number, tolerance: Tolerance, suffix = '', source = ERLANG) =>
      recordFidelity({ model: 'serving', truth, source, case: `c = 4, ρ = 0.8, exponential service 10 ms${suffix}`, measured, expected, tolerance, replications: 4 });
    record('Erlang C P(wait)', meanOf(outcomes, (o) => o.serving.s!.wait_probability), pWait, { rel: 0.02 });
    record('Erlang C mean wait, C/(cμ − λ)', svc.wait_ms.mean!.mean, pWait / drain, { rel: 0.06 });
    record('Erlang C wait p99, ln(C/0.01)/(cμ − λ)', svc.wait_ms.p99!.mean, Math.log(pWait / 0.01) / drain, { rel: 0.08 });
    record('utilization = λ·S/c', svc.utilization!.mean, a / c, { rel: 0.01 }, '', 'offered load (flow balance)');
    record('Erlang C P(wait)', svc.analytic.erlang_c!.p_wait, pWait, { abs: 5e-10 }, '; analytic block');
    record('Erlang C mean wait, C/(cμ − λ)', svc.analytic.erlang_c!.mean_wait_ms, pWait / drain, { abs: 5e-10 }, '; analytic block');
    record('Erlang C wait p99, ln(C/0.01)/(cμ − λ)', svc.analytic.erlang_c!.p99_wait_ms, Math.log(pWait / 0.01) / drain, { abs: 5e-10 }, '; analytic block');
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
