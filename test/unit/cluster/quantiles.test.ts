// `jobs.jct_s.quantiles` and `jobs.queue_delay_s.quantiles`: nine fixed probabilities, each the
// per-replication nearest-rank percentile averaged over replications, consistent with p50/p95/p99,
// monotone, null over an empty set, and byte-stable whatever order the replications arrive in.
import { describe, expect, it } from 'vitest';
import { mergeReplications, runReplication } from '../../../simulation';
import { CLUSTER_QUANTILE_PERCENTS } from '../../../simulation/cluster/types';
import { statOf } from '../../../simulation/stats/stat';
import { clusterScenario, runModel, simulateAll } from './helpers';

const QS = [0.01, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99];

const queued = clusterScenario(
  {
    pools: [{ id: 'gpu', units: 16, units_per_node: 8 }],
    job_generator: {
      count: 80, pool: 'gpu',
      interarrival_s: { dist: 'exponential', mean: 300 },
      units: { dist: 'empirical', values: [2, 4, 8] },
      steps: { dist: 'lognormal', mean: 200, cv: 0.5 },
      step_time_s: { dist: 'exponential', mean: 1.5 },
    },
  },
  { replications: 4, horizon_s: 40_000, seed: 3 },
);

describe('cluster JCT and queue-delay quantiles', () => {
  it('lists the nine probabilities in order, each with a Stat', () => {
    expect(CLUSTER_QUANTILE_PERCENTS.map((p) => p / 100)).toEqual(QS);
    const jobs = simulateAll(queued).cluster!.jobs!;
    for (const d of [jobs.jct_s, jobs.queue_delay_s]) {
      expect(d.quantiles.map((x) => x.q)).toEqual(QS);
      for (const x of d.quantiles) expect(x.value).not.toBeNull();
    }
    // Key order is part of the byte-stable document: the quantiles come last.
    expect(Object.keys(jobs.jct_s)).toEqual(['mean', 'p50', 'p95', 'p99', 'quantiles']);
    expect(Object.keys(jobs.queue_delay_s)).toEqual(['mean', 'p95', 'quantiles']);
    expect(Object.keys(jobs.jct_s.quantiles[0]!)).toEqual(['q', 'value']);
  });

  it('are monotone in q and their 0.5 / 0.95 / 0.99 entries equal p50 / p95 / p99 exactly', () => {
    const jobs = simulateAll(queued).cluster!.jobs!;
    const at = (list: typeof jobs.jct_s.quantiles, q: number) => list.find((x) => x.q === q)!.value;
    expect(at(jobs.jct_s.quantiles, 0.5)).toEqual(jobs.jct_s.p50);
    expect(at(jobs.jct_s.quantiles, 0.95)).toEqual(jobs.jct_s.p95);
    expect(at(jobs.jct_s.quantiles, 0.99)).toEqual(jobs.jct_s.p99);
    expect(at(jobs.queue_delay_s.quantiles, 0.95)).toEqual(jobs.queue_delay_s.p95);
    for (const d of [jobs.jct_s, jobs.queue_delay_s]) {
      const means = d.quantiles.map((x) => x.value!.mean);
      for (let i = 1; i < means.length; i++) expect(means[i]!).toBeGreaterThanOrEqual(means[i - 1]!);
      for (const x of d.quantiles) expect(x.value!.ci95[0]).toBeLessThanOrEqual(x.value!.ci95[1]);
    }
    // The jobs queue here: the queue-delay distribution spreads from (near) zero to a long tail.
    expect(jobs.queue_delay_s.quantiles[0]!.value!.mean).toBeLessThan(jobs.queue_delay_s.quantiles[8]!.value!.mean);
  });

  it('are computed within each replication (nearest rank), then averaged with a Student-t CI', () => {
    const outcomes = Array.from({ length: queued.replications }, (_, i) => runReplication(queued, i));
    const doc = mergeReplications(queued, outcomes, { sha256: 'h', wallMs: 0 });
    const per = outcomes.map((o) => o.cluster!);
    for (const r of per) {
      const v = r.jct_quantiles as number[];
      expect(v).toHaveLength(9);
      for (let i = 1; i < v.length; i++) expect(v[i]!).toBeGreaterThanOrEqual(v[i - 1]!);
      expect(v[4]).toBe(r.jct_s.p50);
      expect(r.queue_delay_quantiles[7]).toBe(r.queue_delay_s.p95);
    }
    const q25 = statOf(per.map((r) => r.jct_quantiles[3] ?? null));
    expect(doc.cluster!.jobs!.jct_s.quantiles[3]!.value).toEqual(q25);
  });

  it('nearest rank on a known set: four jobs of 10, 20, 30, 40 s', () => {
    const jobs = [10, 20, 30, 40].map((d, i) => ({ id: `j${i}`, pool: 'p', arrival_s: 0, units: 1, steps: 1, step_time_s: d }));
    const run = runModel(clusterScenario({ pools: [{ id: 'p', units: 4, units_per_node: 4 }], jobs }, { horizon_s: 100 }));
    // ⌈q·4⌉-th smallest: q ≤ 0.25 → 10, q = 0.5 → 20, q = 0.75 → 30, q ≥ 0.9 → 40.
    expect(run.figures.jct_quantiles).toEqual([10, 10, 10, 10, 20, 30, 40, 40, 40]);
    expect(run.figures.queue_delay_quantiles).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('are null over an empty set, never NaN', () => {
    const s = clusterScenario({ pools: [{ id: 'p', units: 8 }] }, { replications: 2, horizon_s: 100 });
    const jobs = simulateAll(s).cluster!.jobs!;
    expect(jobs.jct_s.quantiles).toEqual(QS.map((q) => ({ q, value: null })));
    expect(jobs.queue_delay_s.quantiles).toEqual(QS.map((q) => ({ q, value: null })));
  });

  it('keep the document byte-identical whatever order the replications arrive in', () => {
    const outcomes = Array.from({ length: queued.replications }, (_, i) => runReplication(queued, i));
    const json = (list: typeof outcomes) => JSON.stringify(mergeReplications(queued, list, { sha256: 'h', wallMs: 1 }));
    const a = json(outcomes);
    expect(json([...outcomes].reverse())).toBe(a);
    expect(json(outcomes.map((o) => structuredClone(o)))).toBe(a);
    expect(json(Array.from({ length: queued.replications }, (_, i) => runReplication(queued, i)))).toBe(a);
  });
});
