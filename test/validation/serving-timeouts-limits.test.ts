// timeout_ms and queue_limit against independently derived values: a deterministic schedule
// where everything that must wait longer than the timeout is dropped; M/M/1 with deterministic
// patience (closed form from level crossing of the workload); and M/M/c/K blocking.
import { describe, expect, it } from 'vitest';
import { mergeReplications, runReplication, type ServiceResult } from '../../simulation';
import { relErr, servingScenario, simulate } from './helpers';
import { recordFidelity } from './fidelity-record';

describe('timeout_ms', () => {
  it('service (1 s) far slower than the timeout (95 ms), arrivals every 10 ms: only the head at each completion is served', () => {
    // Request 0 is served at once; then at every completion (1000 m ms) the head is the request
    // that arrived at 1000 m − 90 (its deadline +95 is still ahead); everything else waits ≥ 95 ms
    // and times out. 10 000 arrivals in 100 s: 1 + 100 served (the last at the horizon), 9 899 dropped.
    const s = servingScenario(
      { arrivals: { process: 'trace', path: 'even.csv', scale: 100 }, service_time_ms: 1000, timeout_ms: 95, latency_budget_ms: 1095 },
      { replications: 1, horizon_s: 100, warmup_s: 0 },
    );
    const inputs = { traces: { s: Float64Array.from({ length: 10_000 }, (_, k) => k) } };
    const svc = mergeReplications(s, [runReplication(s, 0, {}, inputs)], { sha256: '', wallMs: 0 }, inputs).serving!.s as ServiceResult;
    const schedule = { model: 'serving', source: 'hand derivation: only the head at each completion is within its timeout', case: '1 s service, 95 ms timeout, arrivals every 10 ms for 100 s', replications: 1 } as const;
    recordFidelity({ ...schedule, truth: 'timeout_ms: requests served', measured: svc.completed, expected: 101, tolerance: { kind: 'exact' } });
    recordFidelity({ ...schedule, truth: 'timeout_ms: requests timed out', measured: svc.timed_out, expected: 9899, tolerance: { kind: 'exact' } });
    recordFidelity({ ...schedule, truth: 'timeout_ms: mean wait of the served, 100 × 90 / 101 ms', measured: svc.wait_ms.mean!.mean, expected: (100 * 90) / 101, tolerance: { abs: 5e-10 } });
    expect(svc.completed).toBe(101);
    expect(svc.timed_out).toBe(9899);
    expect(svc.requests).toBe(svc.completed + svc.timed_out);
    expect(svc.wait_ms.mean!.mean).toBeCloseTo((100 * 90) / 101, 9);
    expect(svc.wait_ms.p99!.mean).toBe(90);
    // Timed-out requests count as SLO misses: 101 within budget of 10 000.
    expect(svc.slo_attainment!.mean).toBeCloseTo(101 / 10_000, 12);
    // The chart buckets cover [0, horizon): the 8 requests from 99 920 ms on time out after it.
    expect(svc.series!.timed_out.reduce((a, b) => a + b, 0)).toBe(9899 - 8);
  });

  /**
   * M/M/1 + deterministic patience τ: a request is dropped iff the workload it finds is ≥ τ.
   * Workload density λP₀e^{−(μ−λ)v} on (0, τ), λP₀e^{−(μ−λ)τ}e^{−μ(v−τ)} beyond, so
   * P(drop) = ρP₀e^{−(μ−λ)τ} with P₀ = 1 / (1 + λ(1 − e^{−(μ−λ)τ})/(μ − λ) + ρe^{−(μ−λ)τ}).
   */
  function mm1Patience(lambda: number, mu: number, tau: number): number {
    const e = Math.exp(-(mu - lambda) * tau), rho = lambda / mu;
    const p0 = 1 / (1 + (lambda * (1 - e)) / (mu - lambda) + rho * e);
    return rho * p0 * e;
  }

  for (const [lambda, tol] of [[90, 0.03], [150, 0.02]] as const) {
    it(`M/M/1 + D, λ = ${lambda}/s, μ = 100/s, τ = 50 ms: dropped share within ${tol * 100}% of the closed form`, () => {
      const s = servingScenario({ arrivals: { process: 'poisson', rate_rps: lambda }, timeout_ms: 50 }, { seed: 21, replications: 4, horizon_s: 3000, warmup_s: 20 });
      const { svc } = simulate(s);
      const want = mm1Patience(lambda / 1000, 0.1, 50);
      recordFidelity({
        model: 'serving', truth: 'M/M/1 + D abandonment share, ρP₀e^{−(μ−λ)τ}', source: 'level crossing of the workload (Brill, Level Crossing Methods, 2008), derived in the test',
        case: `λ = ${lambda}/s, μ = 100/s, patience τ = 50 ms`, measured: svc.timed_out / svc.requests, expected: want, tolerance: { rel: tol }, replications: 4,
      });
      expect(relErr(svc.timed_out / svc.requests, want)).toBeLessThan(tol);
      expect(svc.requests).toBe(svc.completed + svc.timed_out);
      // Nobody who was served waited 50 ms or more.
      expect(svc.wait_ms.p99!.mean).toBeLessThan(50);
    });
  }
});

describe('queue_limit', () => {
  it('M/M/3/8 (5 waiting places), a = 2.5: rejected share within 2% of the birth–death p_K', () => {
    const s = servingScenario({ arrivals: { process: 'poisson', rate_rps: 250 }, replicas: 3, queue_limit: 5 }, { seed: 8, replications: 4, horizon_s: 2000 });
    const { svc } = simulate(s);
    const a = 2.5, c = 3, K = 8;
    const weight = (n: number) => (n <= c ? a ** n / factorial(n) : (a ** c / factorial(c)) * (a / c) ** (n - c));
    const norm = Array.from({ length: K + 1 }, (_, n) => weight(n)).reduce((x, y) => x + y, 0);
    recordFidelity({
      model: 'serving', truth: 'M/M/c/K blocking probability p_K', source: 'birth–death chain (Kleinrock, Queueing Systems I, 1975, ch. 3)',
      case: 'M/M/3/8 (5 waiting places), a = 2.5', measured: svc.rejected / svc.requests, expected: weight(K) / norm, tolerance: { rel: 0.02 }, replications: 4,
    });
    expect(relErr(svc.rejected / svc.requests, weight(K) / norm)).toBeLessThan(0.02);
    expect(svc.requests).toBe(svc.completed + svc.rejected);
  });
});

function factorial(n: number): number {
  return n <= 1 ? 1 : n * factorial(n - 1);
}
