// The analytic parallel efficiency counts every GPU the job holds, backups included (issue 19):
// compute per held worker E[min(X, Y)] ÷ E[step], Y the units-th fastest of the workers. It used
// to be mean ÷ E[step] whatever the backups, 1.51 for 8 workers + 8 backups.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clusterAnalytic } from '../../../simulation/analytic/cluster';
import { expectedComputeToBarrier } from '../../../simulation/cluster/expected-step';
import { distMean } from '../../../simulation/random/dist-mean';
import type { Dist } from '../../../simulation/scenario/dist-schema';
import { clusterScenario, harmonic, type ClusterInput } from './helpers';

function analyticJob(units: number, step: Dist, extra: Partial<ClusterInput> = {}, poolUnits = 256) {
  const s = clusterScenario({
    pools: [{ id: 'p', units: poolUnits, units_per_node: poolUnits % 8 === 0 ? 8 : 1 }],
    jobs: [{ id: 'j', pool: 'p', arrival_s: 0, units, steps: 10, step_time_s: step }],
    ...extra,
  });
  return clusterAnalytic(s.cluster!).jobs!.j!;
}

const backups = (b: number): Partial<ClusterInput> => ({ stragglers: { mitigation: 'backup_workers', backup_workers: b } });

describe('parallel efficiency with backup workers', () => {
  it('8 workers + 8 backups, exponential steps: 8m ÷ (16 · m(H₁₆ − H₈)) = 0.754, not 1.51', () => {
    const m = 0.7;
    const j = analyticJob(8, { dist: 'exponential', mean: m }, backups(8));
    const step = m * (harmonic(16) - harmonic(8));
    expect(j.workers).toBe(16);
    expect(j.expected_step_s).toBeCloseTo(step, 9);
    // Memorylessness: between the (i−1)-th and i-th finish, 17 − i workers compute for a spacing
    // of mean m ÷ (17 − i), so the 8 spacings up to the barrier add 8m of compute.
    expect(j.parallel_efficiency).toBeCloseTo((8 * m) / (16 * step), 9);
    expect(j.parallel_efficiency).toBeCloseTo(0.7543, 4);
    expect(j.parallel_efficiency!).toBeLessThanOrEqual(1);
  });

  it('with the all-reduce in E[step], the hand formula still holds', () => {
    const comm = { gradient_mb: 100, bandwidth_gbps: 100, latency_ms: 0.01 };
    const j = analyticJob(8, { dist: 'exponential', mean: 1 }, { ...backups(8), communication: comm });
    const ar = (2 * 7 / 8) * (100e6 * 8 / 100e9) + 2 * 7 * 0.01e-3;
    const step = harmonic(16) - harmonic(8) + ar;
    expect(j.expected_step_s).toBeCloseTo(step, 9);
    expect(j.parallel_efficiency).toBeCloseTo(8 / (16 * step), 9);
  });

  it('one unit raced by b backups: every worker computes until the first ends (efficiency 1)', () => {
    for (const d of [{ dist: 'lognormal', mean: 1, cv: 3 }, { dist: 'weibull', shape: 0.7, scale: 1 }] as Dist[]) {
      expect(analyticJob(1, d, backups(7)).parallel_efficiency).toBeCloseTo(1, 9);
      expect(analyticJob(1, d, backups(7)).parallel_efficiency!).toBeLessThanOrEqual(1);
    }
  });

  it('empirical steps: E[min(X, Y)] by enumeration of 3 workers (2 units + 1 backup)', () => {
    // X ∈ {1, 3} with equal weight; Y = 2nd fastest of 3 = the median.
    const d: Dist = { dist: 'empirical', values: [1, 3], weights: [1, 1] };
    let compute = 0, barrier = 0;
    for (let mask = 0; mask < 8; mask++) {
      const xs = [0, 1, 2].map((i) => ((mask >> i) & 1 ? 3 : 1));
      const y = [...xs].sort((a, b) => a - b)[1]!;
      compute += xs.reduce((s, x) => s + Math.min(x, y), 0) / 8;
      barrier += y / 8;
    }
    expect(expectedComputeToBarrier(d, 3, 2)).toBeCloseTo(compute / 3, 12);
    const j = analyticJob(2, d, backups(1));
    expect(j.expected_step_s).toBeCloseTo(barrier, 12);
    expect(j.parallel_efficiency).toBeCloseTo(compute / (3 * barrier), 12);
  });

  it('without backups (mitigation none, or backups that do not fit the pool) the value is mean ÷ E[step], as before', () => {
    const dists: Dist[] = [
      { dist: 'exponential', mean: 2 }, { dist: 'lognormal', mean: 1, cv: 0.5 }, { dist: 'gamma', mean: 1, cv: 0.3 },
      { dist: 'uniform', min: 0.5, max: 1.5 }, { dist: 'empirical', values: [1, 2, 5], weights: [3, 2, 1] }, { dist: 'fixed', value: 3 },
    ];
    const comm = { gradient_mb: 50, bandwidth_gbps: 100, latency_ms: 0.01 };
    for (const d of dists) {
      for (const units of [1, 8, 40]) {
        // Math.min: a lone worker's numerically integrated E[step] can fall 1e-9 short of the mean.
        const plain = analyticJob(units, d, { communication: comm });
        expect(plain.parallel_efficiency).toBe(Math.min(1, distMean(d) / plain.expected_step_s!));
        // The job fills its pool: no room for a backup.
        const full = analyticJob(units, d, { ...backups(4), communication: comm }, units);
        expect(full.workers).toBe(units);
        expect(full.parallel_efficiency).toBe(Math.min(1, distMean(d) / full.expected_step_s!));
      }
    }
  });

  it('property: in (0, 1] for random units, backups, step distributions and all-reduce', () => {
    const arbDist: fc.Arbitrary<Dist> = fc.oneof(
      fc.record({ dist: fc.constant('exponential' as const), mean: fc.double({ min: 0.01, max: 100, noNaN: true }) }),
      fc.record({ dist: fc.constant('lognormal' as const), mean: fc.double({ min: 0.01, max: 100, noNaN: true }), cv: fc.double({ min: 1e-6, max: 4, noNaN: true }) }),
      fc.record({ dist: fc.constant('gamma' as const), mean: fc.double({ min: 0.01, max: 100, noNaN: true }), cv: fc.double({ min: 0.05, max: 3, noNaN: true }) }),
      fc.record({ dist: fc.constant('weibull' as const), shape: fc.double({ min: 0.5, max: 5, noNaN: true }), scale: fc.double({ min: 0.01, max: 100, noNaN: true }) }),
      fc.record({ dist: fc.constant('pareto' as const), min: fc.double({ min: 0.01, max: 10, noNaN: true }), alpha: fc.double({ min: 1.2, max: 6, noNaN: true }) }),
      fc.tuple(fc.double({ min: 0, max: 10, noNaN: true }), fc.double({ min: 0.001, max: 10, noNaN: true }))
        .map(([min, w]) => ({ dist: 'uniform' as const, min, max: min + w })),
      fc.array(fc.double({ min: 0.001, max: 100, noNaN: true }), { minLength: 1, maxLength: 6 })
        .map((values) => ({ dist: 'empirical' as const, values, weights: values.map(() => 1) })),
      fc.double({ min: 0.001, max: 100, noNaN: true }).map((value) => ({ dist: 'fixed' as const, value })),
    );
    fc.assert(fc.property(
      arbDist, fc.integer({ min: 1, max: 96 }), fc.integer({ min: 0, max: 32 }), fc.boolean(),
      (d, units, b, comm) => {
        const extra: Partial<ClusterInput> = b > 0 ? backups(b) : {};
        if (comm) extra.communication = { gradient_mb: 10, bandwidth_gbps: 100, latency_ms: 0.01 };
        const j = analyticJob(units, d, extra);
        if (j.expected_step_s === null) return; // the barrier's integral diverged: no figure
        const e = j.parallel_efficiency;
        expect(e).not.toBeNull();
        expect(e!).toBeGreaterThan(0);
        expect(e!).toBeLessThanOrEqual(1);
      },
    ), { numRuns: 300, seed: 19 });
  });
});
