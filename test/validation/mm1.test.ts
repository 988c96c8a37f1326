// M/M/1 against theory: Wq = ρ / (μ − λ), P(wait) = utilization = ρ, and the wait p99 from
// P(W > t) = ρ·e^{−(μ−λ)t}, i.e. ln(ρ/0.01)/(μ − λ). Service 10 ms exponential, λ = 100ρ rps,
// 4 replications of 20 000 s after a 100 s warm-up (≈ 0.9–1.8 M measured requests each).
// Tolerances are ≈ 2–2.5× the half-width of the 95% CI these runs give (mean wait ≈ 0.9%, 1.9%,
// 2.6%; p99 ≈ 1.3%, 2.9%, 4.9% at ρ = 0.5, 0.8, 0.9). Little's law is asserted by `simulate`.
import { describe, it, expect } from 'vitest';
import { littleResidual, meanOf, relErr, servingScenario, simulate } from './helpers';
import { recordFidelity, type Tolerance } from './fidelity-record';

const MM1 = 'M/M/1 (Kleinrock, Queueing Systems I, 1975, ch. 3)';

const cases = [
  { rho: 0.5, waitTol: 0.02, p99Tol: 0.04 },
  { rho: 0.8, waitTol: 0.03, p99Tol: 0.07 },
  { rho: 0.9, waitTol: 0.05, p99Tol: 0.12 },
];

describe('M/M/1 matches theory', () => {
  for (const { rho, waitTol, p99Tol } of cases) {
    it(`ρ = ${rho}: mean wait within ${Math.round(waitTol * 100)}%, wait p99 within ${Math.round(p99Tol * 100)}%, P(wait) and utilization within 1.5%, Little's law within 2%`, () => {
      const lambda = 100 * rho;
      const s = servingScenario(
        { arrivals: { process: 'poisson', rate_rps: lambda } },
        { seed: 2024, replications: 4, horizon_s: 20_000, warmup_s: 100 },
      );
      const { svc, outcomes } = simulate(s);
      const drain = 0.1 - lambda / 1000; // μ − λ per ms
      const theoryWait = rho / drain;
      const record = (truth: string, measured: number, expected: number, tolerance: Tolerance, source = MM1, suffix = '') =>
        recordFidelity({ model: 'serving', truth, source, case: `ρ = ${rho}, exponential service 10 ms${suffix}`, measured, expected, tolerance, replications: 4 });
      record('M/M/1 mean wait, Wq = ρ/(μ − λ)', svc.wait_ms.mean!.mean, theoryWait, { rel: waitTol });
      record('M/M/1 wait p99, ln(ρ/0.01)/(μ − λ)', svc.wait_ms.p99!.mean, Math.log(rho / 0.01) / drain, { rel: p99Tol });
      record('M/M/1 P(wait) = ρ', meanOf(outcomes, (o) => o.serving.s!.wait_probability), rho, { rel: 0.015 });
      record('utilization = λ·S/c', svc.utilization!.mean, rho, { rel: 0.015 }, 'offered load (flow balance)');
      record('throughput = λ', svc.throughput_rps!.mean, lambda, { rel: 0.01 }, 'flow balance of a stable queue');
      record("Little's law, residual |L / (X·(W + S)) − 1|", littleResidual(svc), 0, { abs: 0.02 }, 'Little (1961)');
      record('M/M/1 mean wait, Wq = ρ/(μ − λ)', svc.analytic.erlang_c!.mean_wait_ms, theoryWait, { abs: 5e-10 }, MM1, '; analytic block, Erlang C');
      record('M/M/1 mean wait, Wq = ρ/(μ − λ)', svc.analytic.pk!.mean_wait_ms, theoryWait, { abs: 5e-10 }, MM1, '; analytic block, Pollaczek–Khinchine');
      expect(relErr(svc.wait_ms.mean!.mean, theoryWait)).toBeLessThan(waitTol);
      expect(relErr(svc.wait_ms.p99!.mean, Math.log(rho / 0.01) / drain)).toBeLessThan(p99Tol);
      expect(relErr(meanOf(outcomes, (o) => o.serving.s!.wait_probability), rho)).toBeLessThan(0.015);
      expect(relErr(svc.utilization!.mean, rho)).toBeLessThan(0.015);
      expect(relErr(svc.throughput_rps!.mean, lambda)).toBeLessThan(0.01);
      expect(littleResidual(svc)).toBeLessThan(0.02);
      // The analytic block carries the same theory (Erlang C with c = 1, and P–K).
      expect(svc.analytic.erlang_c!.mean_wait_ms).toBeCloseTo(theoryWait, 9);
      expect(svc.analytic.pk!.mean_wait_ms).toBeCloseTo(theoryWait, 9);
      expect(svc.stable).toBe(true);
    });
  }
});
