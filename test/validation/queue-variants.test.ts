// Other service shapes against independent theory: M/D/1 and M/G/1 (Pollaczek–Khinchine),
// exactness of fixed latencies, queue_limit rejection (M/M/1/K), and non-Poisson arrivals.
import { describe, it, expect } from 'vitest';
import { mergeReplications, runReplication } from '../../simulation';
import { relErr, servingScenario, simulate } from './helpers';
import { recordCases, recordFidelity } from './fidelity-record';

const PK = 'Pollaczek (1930), Khinchine (1932): Wq = λE[S²]/(2(1 − ρ))';
import type { Dist } from '../../simulation';

describe('M/G/1 matches Pollaczek–Khinchine', () => {
  const cases: { name: string; d: Dist; es2: number; tol: number }[] = [
    { name: 'M/D/1', d: { dist: 'fixed', value: 10 }, es2: 100, tol: 0.03 },
    { name: 'M/G/1 uniform(0, 20)', d: { dist: 'uniform', min: 0, max: 20 }, es2: 400 / 3, tol: 0.03 },
    { name: 'M/G/1 lognormal cv 1.5', d: { dist: 'lognormal', mean: 10, cv: 1.5 }, es2: 100 * (1 + 2.25), tol: 0.06 },
  ];
  for (const { name, d, es2, tol } of cases) {
    it(`${name} at ρ = 0.7: mean wait within ${tol * 100}% of λE[S²]/(2(1−ρ)) (4 × 10 000 s)`, () => {
      const s = servingScenario({ arrivals: { process: 'poisson', rate_rps: 70 }, service_time_ms: d }, { seed: 5, replications: 4, horizon_s: 10_000, warmup_s: 100 });
      const { svc } = simulate(s);
      const pk = (0.07 * es2) / (2 * 0.3);
      const base = { model: 'serving', truth: 'M/G/1 mean wait, Pollaczek–Khinchine', source: PK, expected: pk, replications: 4 } as const;
      recordFidelity({ ...base, case: `${name}, ρ = 0.7`, measured: svc.wait_ms.mean!.mean, tolerance: { rel: tol } });
      recordFidelity({ ...base, case: `${name}, ρ = 0.7; analytic block`, measured: svc.analytic.pk!.mean_wait_ms, tolerance: { abs: 5e-10 } });
      expect(svc.analytic.pk!.mean_wait_ms).toBeCloseTo(pk, 9);
      expect(relErr(svc.wait_ms.mean!.mean, pk)).toBeLessThan(tol);
    });
  }
});

describe('fixed latencies are reported exactly', () => {
  it('no queueing and fixed parts: every latency statistic equals the fixed sum, bit for bit', () => {
    const s = servingScenario(
      {
        arrivals: { process: 'poisson', rate_rps: 5 },
        replicas: 50,
        service_time_ms: 80.3,
        latency_ms: { feature: 45.1, network: 35.7, postprocess: 20.9 },
        latency_budget_ms: 181.9,
      },
      { replications: 2, horizon_s: 200, warmup_s: 10 },
    );
    const { svc } = simulate(s);
    const exact = 45.1 + 0 + 80.3 + 35.7 + 20.9;
    const stats = ['mean', 'p50', 'p95', 'p99', 'p999', 'max'] as const;
    recordCases({
      model: 'serving', truth: 'latency statistics (mean, p50 … p99.9, max) = the sum of fixed parts', source: 'hand derivation: no queueing, fixed latencies',
      case: '5 rps on 50 replicas, fixed 45.1 + 80.3 + 35.7 + 20.9 ms', agree: stats.filter((k) => svc.latency_ms[k]?.mean === exact && svc.latency_ms[k]?.ci95[0] === exact && svc.latency_ms[k]?.ci95[1] === exact).length, total: stats.length, replications: 2,
    });
    for (const k of ['mean', 'p50', 'p95', 'p99', 'p999', 'max'] as const) expect(svc.latency_ms[k]).toEqual({ mean: exact, ci95: [exact, exact] });
    expect(svc.headroom_ms!.mean).toBe(181.9 - exact);
    expect(svc.slo_attainment!.mean).toBe(exact <= 181.9 ? 1 : 0);
    expect(svc.wait_ms.p99).toEqual({ mean: 0, ci95: [0, 0] });
    expect(svc.components_ms.network).toEqual({ mean: 35.7, ci95: [35.7, 35.7] });
  });
});

describe('queue_limit', () => {
  it('M/M/1/K (K − 1 = 3 waiting places) at ρ = 0.9: rejected share within 2% of (1−ρ)ρ^K/(1−ρ^(K+1))', () => {
    const s = servingScenario({ arrivals: { process: 'poisson', rate_rps: 90 }, queue_limit: 3 }, { seed: 3, replications: 4, horizon_s: 5000 });
    const { svc } = simulate(s);
    const rho = 0.9, k = 4;
    const pBlock = ((1 - rho) * rho ** k) / (1 - rho ** (k + 1));
    recordFidelity({
      model: 'serving', truth: 'M/M/1/K blocking probability, (1 − ρ)ρ^K/(1 − ρ^(K+1))', source: 'birth–death chain (Kleinrock, Queueing Systems I, 1975, ch. 3)',
      case: 'K = 4 (3 waiting places), ρ = 0.9', measured: svc.rejected / svc.requests, expected: pBlock, tolerance: { rel: 0.02 }, replications: 4,
    });
    expect(svc.requests).toBe(svc.completed + svc.rejected);
    expect(relErr(svc.rejected / svc.requests, pBlock)).toBeLessThan(0.02);
    expect(svc.analytic.erlang_c).toBeUndefined();
  });
});

describe('arrival processes', () => {
  it('diurnal: over whole periods the throughput is mean_rps within 2%', () => {
    const s = servingScenario(
      { arrivals: { process: 'diurnal', mean_rps: 200, peak_to_mean: 1.8, period_s: 100 }, replicas: 4, service_time_ms: 10 },
      { replications: 4, horizon_s: 1000 },
    );
    const { svc } = simulate(s);
    recordFidelity({
      model: 'serving', truth: 'throughput = time-average arrival rate', source: 'rate of a sinusoidal Poisson process over whole periods',
      case: 'diurnal, mean 200 rps, peak/mean 1.8, 10 whole periods', measured: svc.throughput_rps!.mean, expected: 200, tolerance: { rel: 0.02 }, replications: 4,
    });
    expect(relErr(svc.throughput_rps!.mean, 200)).toBeLessThan(0.02);
  });

  it('bursty: throughput matches the time-average rate within 2%', () => {
    const s = servingScenario(
      { arrivals: { process: 'bursty', rate_rps: 100, burst_rate_rps: 400, burst_every_s: 50, burst_duration_s: 10 }, replicas: 8, service_time_ms: 10 },
      { replications: 4, horizon_s: 1000, warmup_s: 50 },
    );
    const { svc } = simulate(s);
    // Over [50, 1000): bursts at 50, 100, …, 950 (19 whole bursts of 10 s).
    const expected = (100 * (950 - 190) + 400 * 190) / 950;
    recordFidelity({
      model: 'serving', truth: 'throughput = time-average arrival rate', source: 'hand derivation: 19 whole bursts in the window',
      case: 'bursty, 100 rps with 10 s bursts of 400 rps every 50 s', measured: svc.throughput_rps!.mean, expected, tolerance: { rel: 0.02 }, replications: 4,
    });
    expect(relErr(svc.throughput_rps!.mean, expected)).toBeLessThan(0.02);
  });

  it('trace: replays the host-supplied times divided by scale (D/D/1 at ρ = 0.8: nobody waits)', () => {
    // One request every 10 ms for 100 s; scale 2 halves every gap: 200 rps on a 4 ms service.
    const times = Float64Array.from({ length: 10_000 }, (_, i) => i * 0.01);
    const s = servingScenario(
      { arrivals: { process: 'trace', path: 'arrivals.csv', scale: 2 }, service_time_ms: 4 },
      { replications: 1, horizon_s: 40, warmup_s: 10 },
    );
    const inputs = { traces: { s: times } };
    const outcome = runReplication(s, 0, {}, inputs);
    const svc = mergeReplications(s, [outcome], { sha256: '', wallMs: 0 }, inputs).serving!.s as ReturnType<typeof simulate>['svc'];
    const dd1 = { model: 'serving', source: 'D/D/1: deterministic arrivals and service, by hand', case: 'D/D/1, trace every 5 ms (scale 2), 4 ms service', replications: 1 } as const;
    recordFidelity({ ...dd1, truth: 'trace replay: arrivals before the horizon', measured: svc.requests, expected: 8000, tolerance: { kind: 'exact' } });
    recordFidelity({ ...dd1, truth: 'utilization = λ·S/c', measured: svc.utilization!.mean, expected: 0.8, tolerance: { abs: 5e-7 } });
    recordFidelity({ ...dd1, truth: 'throughput = λ', measured: svc.throughput_rps!.mean, expected: 200, tolerance: { abs: 5e-7 } });
    expect(svc.requests).toBe(8000); // arrivals at 0, 5 ms, … before 40 s
    expect(svc.offered_rps).toBeCloseTo((10_000 / 99.99) * 2, 9);
    expect(svc.wait_ms.p99).toEqual({ mean: 0, ci95: [0, 0] });
    expect(svc.utilization!.mean).toBeCloseTo(0.8, 6);
    expect(svc.throughput_rps!.mean).toBeCloseTo(200, 6);
    expect(() => runReplication(s, 0)).toThrow(/trace file was not loaded/);
  });
});
