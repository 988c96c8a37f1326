// Synchronous data-parallel steps against theory: with n workers and exponential step times of
// mean m, a step lasts m·H_n on average and the parallel efficiency is 1/H_n; the ring all-reduce
// adds 2(n−1)/n × gradient ÷ bandwidth + 2(n−1) × latency; other distributions, backup workers
// and slow nodes match the numerically integrated E[k-th largest].
import { describe, expect, it } from 'vitest';
import { expectedMaxOfGroups, expectedOrderStat } from '../../simulation/cluster/expected-step';
import { distMean } from '../../simulation/random/dist-mean';
import type { Dist } from '../../simulation/scenario/dist-schema';
import type { ClusterResult } from '../../simulation/cluster/merge';
import { clusterScenario, harmonic, runModel, simulateAll, type ClusterInput } from '../unit/cluster/helpers';
import { recordFidelity, type FidelityCheck } from './fidelity-record';

const ORDER = 'order statistics (David & Nagaraja, Order Statistics, 2003)';
const RING = 'ring all-reduce cost (Patarasuk & Yuan, 2009)';
const record = (c: Omit<FidelityCheck, 'model'>) => recordFidelity({ model: 'cluster', ...c });

const relErr = (got: number, want: number) => Math.abs(got / want - 1);

function oneJob(n: number, stepTime: Dist, extra: Partial<ClusterInput> = {}, steps = 20_000, replications = 4): ClusterResult {
  const s = clusterScenario({
    pools: [{ id: 'p', units: 128 }],
    jobs: [{ id: 'j', pool: 'p', arrival_s: 0, units: n, steps, step_time_s: stepTime }],
    ...extra,
  }, { replications, horizon_s: 1e9 });
  return simulateAll(s).cluster as ClusterResult;
}

describe('E[step] and parallel efficiency vs H_n (exponential steps)', () => {
  for (const n of [1, 8, 64]) {
    it(`n = ${n}: E[step] = m·H_n, efficiency = 1/H_n (analytic exactly; simulated within 1%)`, () => {
      const m = 0.5;
      const c = oneJob(n, { dist: 'exponential', mean: m });
      const hn = harmonic(n);
      expect(c.analytic.jobs!.j!.expected_step_s).toBeCloseTo(m * hn, 12);
      expect(c.analytic.jobs!.j!.parallel_efficiency).toBeCloseTo(1 / hn, 12);
      const step = c.jobs.step_time_s.mean!;
      const eff = c.jobs.parallel_efficiency!;
      const job = { source: ORDER, case: `n = ${n}, exponential steps (mean 0.5 s)`, replications: 4 };
      record({ ...job, truth: 'E[step] = m · H_n (max of n exponentials)', measured: step.mean, expected: m * hn, tolerance: { rel: 0.01 } });
      record({ ...job, truth: 'parallel efficiency = 1/H_n', measured: eff.mean, expected: 1 / hn, tolerance: { rel: 0.01 } });
      record({ ...job, case: `${job.case}; analytic`, truth: 'E[step] = m · H_n (max of n exponentials)', measured: c.analytic.jobs!.j!.expected_step_s!, expected: m * hn, tolerance: { abs: 5e-13 } });
      expect(relErr(step.mean, m * hn)).toBeLessThan(0.01);
      expect(relErr(eff.mean, 1 / hn)).toBeLessThan(0.01);
      expect(step.ci95[0]).toBeLessThan(m * hn * 1.003);
      expect(step.ci95[1]).toBeGreaterThan(m * hn * 0.997);
      if (n === 1) expect(eff.mean).toBe(1);
      // Per replication: barrier waits are what efficiency loses, and busy (which excludes them)
      // ÷ allocated is the efficiency of a lone job.
      const one = runModel(clusterScenario({
        pools: [{ id: 'p', units: 128 }],
        jobs: [{ id: 'j', pool: 'p', arrival_s: 0, units: n, steps: 2000, step_time_s: { dist: 'exponential', mean: m } }],
      }, { horizon_s: 1e9 })).figures;
      expect(one.straggler_wait_fraction! + one.parallel_efficiency!).toBeCloseTo(1, 12);
      expect(one.pools.p!.busy_utilization! / one.pools.p!.utilization!).toBeCloseTo(one.parallel_efficiency!, 9);
    });
  }

  it('the ring all-reduce adds 2(n−1)/n·G/B + 2(n−1)·latency to every step', () => {
    const n = 8, m = 1;
    const comm = { gradient_mb: 1000, bandwidth_gbps: 100, latency_ms: 2 };
    const ar = ((2 * (n - 1)) / n) * ((1000e6 * 8) / 100e9) + 2 * (n - 1) * 0.002;
    const c = oneJob(n, { dist: 'exponential', mean: m }, { communication: comm });
    const ring = { source: `${ORDER}; ${RING}`, case: 'n = 8, exponential steps 1 s, 1000 MB gradient, 100 Gb/s, 2 ms latency', replications: 4 };
    record({ ...ring, truth: 'E[step] = m · H_n + 2(n − 1)/n · G/B + 2(n − 1) · latency', measured: c.jobs.step_time_s.mean!.mean, expected: m * harmonic(n) + ar, tolerance: { rel: 0.01 } });
    record({ ...ring, truth: 'all-reduce share of allocated time, AR ÷ E[step]', measured: c.allocation.all_reduce!.mean, expected: ar / (m * harmonic(n) + ar), tolerance: { rel: 0.01 } });
    expect(c.analytic.jobs!.j!.expected_step_s).toBeCloseTo(m * harmonic(n) + ar, 12);
    expect(relErr(c.jobs.step_time_s.mean!.mean, m * harmonic(n) + ar)).toBeLessThan(0.01);
    expect(relErr(c.allocation.all_reduce!.mean, ar / (m * harmonic(n) + ar))).toBeLessThan(0.01);
  });
});

describe('exact step maxima for other distributions, backups and slow nodes', () => {
  const cases: [string, Dist][] = [
    ['lognormal (closed-form max)', { dist: 'lognormal', mean: 1, cv: 0.3 }],
    ['weibull (closed-form max)', { dist: 'weibull', shape: 1.5, scale: 1 }],
    ['pareto (closed-form max)', { dist: 'pareto', min: 1, alpha: 3 }],
    ['uniform (closed-form max)', { dist: 'uniform', min: 0.5, max: 1.5 }],
    ['normal (closed-form max)', { dist: 'normal', mean: 1, sd: 0.1 }],
    ['gamma (loop over workers)', { dist: 'gamma', mean: 1, cv: 0.5 }],
    ['empirical (loop over workers)', { dist: 'empirical', values: [0.8, 1, 1.5], weights: [1, 2, 1] }],
  ];
  for (const [label, dist] of cases) {
    it(`${label}: 16 workers, simulated E[step] within 1% of ∫ 1 − F^16`, () => {
      const want = expectedOrderStat(dist, 16)!;
      const c = oneJob(16, dist, {}, 10_000, 3);
      const job = { source: `${ORDER}; numerically integrated`, case: `16 workers, ${label.replace(/ \(.*\)$/, '')} steps`, replications: 3 };
      record({ ...job, truth: 'E[step] = ∫ 1 − F(t)^n dt (max of n workers)', measured: c.jobs.step_time_s.mean!.mean, expected: want, tolerance: { rel: 0.01 } });
      record({ ...job, truth: 'parallel efficiency = E[S] ÷ E[max]', measured: c.jobs.parallel_efficiency!.mean, expected: distMean(dist) / want, tolerance: { rel: 0.01 } });
      expect(relErr(c.jobs.step_time_s.mean!.mean, want)).toBeLessThan(0.01);
      expect(relErr(c.analytic.jobs!.j!.expected_step_s!, want)).toBeLessThan(1e-12);
      // Busy is exact in expectation: efficiency = mean ÷ E[max].
      expect(relErr(c.jobs.parallel_efficiency!.mean, distMean(dist) / want)).toBeLessThan(0.01);
    });
  }

  it('backup_workers: a step ends at the units-th fastest of units + b workers', () => {
    const dist: Dist = { dist: 'exponential', mean: 1 };
    const c = oneJob(8, dist, { stragglers: { mitigation: 'backup_workers', backup_workers: 2 } });
    // 10 workers, the 3rd largest: E = Σ_{i=3}^{10} 1/i for exponentials.
    const want = harmonic(10) - 1 - 1 / 2;
    expect(expectedOrderStat(dist, 10, 3)!).toBeCloseTo(want, 6);
    expect(c.analytic.jobs!.j!.workers).toBe(10);
    record({
      source: ORDER, truth: 'backup workers: E[step] = E[units-th fastest of units + b]', case: '8 + 2 backup workers, exponential steps: Σ_{i=3}^{10} 1/i',
      measured: c.jobs.step_time_s.mean!.mean, expected: want, tolerance: { rel: 0.01 }, replications: 4,
    });
    expect(relErr(c.jobs.step_time_s.mean!.mean, want)).toBeLessThan(0.01);
    // The backups are allocated too: 10 of 128 units for the job's whole run.
    const lognormal = oneJob(8, { dist: 'lognormal', mean: 1, cv: 0.4 }, { stragglers: { mitigation: 'backup_workers', backup_workers: 1 } }, 10_000, 3);
    record({
      source: `${ORDER}; numerically integrated`, truth: 'backup workers: E[step] = E[units-th fastest of units + b]', case: '8 + 1 backup worker, lognormal cv 0.4',
      measured: lognormal.jobs.step_time_s.mean!.mean, expected: expectedOrderStat({ dist: 'lognormal', mean: 1, cv: 0.4 }, 9, 2)!, tolerance: { rel: 0.01 }, replications: 3,
    });
    expect(relErr(lognormal.jobs.step_time_s.mean!.mean, expectedOrderStat({ dist: 'lognormal', mean: 1, cv: 0.4 }, 9, 2)!)).toBeLessThan(0.01);
  });

  it('persistently slow nodes: E[max] of the two groups (one worker per node, every node slow with p = 1 → s·E)', () => {
    const dist: Dist = { dist: 'lognormal', mean: 1, cv: 0.2 };
    const all = oneJob(8, dist, { pools: [{ id: 'p', units: 8, units_per_node: 1 }], stragglers: { slow_node_probability: 1, slowdown: 3 } }, 10_000, 2);
    record({
      source: ORDER, truth: 'slow nodes: E[step] = slowdown × E[max]', case: '8 workers on 8 slow nodes (p = 1, 3×), lognormal cv 0.2',
      measured: all.jobs.step_time_s.mean!.mean, expected: 3 * expectedOrderStat(dist, 8)!, tolerance: { rel: 0.01 }, replications: 2,
    });
    expect(relErr(all.jobs.step_time_s.mean!.mean, 3 * expectedOrderStat(dist, 8)!)).toBeLessThan(0.01);
    // Mixed: the slow group's maximum times s against the others'.
    expect(expectedMaxOfGroups(dist, 6, 2, 3)!).toBeGreaterThan(3 * expectedOrderStat(dist, 2)!);
    expect(expectedMaxOfGroups(dist, 8, 0, 3)!).toBeCloseTo(expectedOrderStat(dist, 8)!, 12);
  });
});
