// Properties of the cluster model over random small scenarios (fast-check): no unit is ever
// over-allocated (the model's audit checks every allocation and release), every job finishes
// once or is counted unfinished at the horizon, time never goes back, no figure is NaN, and the
// same seed gives the same figures.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ClusterReplication } from '../../../simulation/cluster/types';
import { clusterScenario, runModel, type ClusterInput } from './helpers';

const arbCluster = fc.record({
  policy: fc.constantFrom('fifo', 'sjf', 'priority', 'backfill'),
  preemption: fc.boolean(),
  placement: fc.constantFrom('pack', 'spread'),
  mitigation: fc.constantFrom('none', 'backup_workers', 'blacklist'),
  slow: fc.double({ min: 0, max: 1, noNaN: true }),
  pools: fc.array(fc.record({ nodes: fc.integer({ min: 1, max: 4 }), perNode: fc.constantFrom(1, 2, 4, 8) }), { minLength: 1, maxLength: 2 }),
  jobs: fc.array(fc.record({
    pool: fc.nat(),
    arrival: fc.integer({ min: 0, max: 300 }),
    share: fc.double({ min: 0, max: 1, noNaN: true }),
    steps: fc.integer({ min: 1, max: 40 }),
    step: fc.oneof(fc.integer({ min: 0, max: 20 }), fc.record({ dist: fc.constant('exponential' as const), mean: fc.double({ min: 0.5, max: 20, noNaN: true }) })),
    priority: fc.integer({ min: 0, max: 3 }),
  }), { maxLength: 25 }),
  failures: fc.option(fc.record({
    node_mtbf_s: fc.integer({ min: 30, max: 3000 }),
    repair_s: fc.integer({ min: 0, max: 200 }),
    checkpoint_interval_s: fc.option(fc.integer({ min: 1, max: 60 }), { nil: undefined }),
    checkpoint_cost_s: fc.integer({ min: 0, max: 10 }),
    restart_overhead_s: fc.integer({ min: 0, max: 10 }),
  }), { nil: undefined }),
  horizon: fc.integer({ min: 20, max: 3000 }),
  warmup: fc.double({ min: 0, max: 0.5, noNaN: true }),
  seed: fc.nat(10_000),
});

type Arb = typeof arbCluster extends fc.Arbitrary<infer T> ? T : never;

function build(a: Arb) {
  const pools = a.pools.map((p, i) => ({ id: `p${i}`, units: p.nodes * p.perNode, units_per_node: p.perNode }));
  const jobs = a.jobs.map((j, i) => {
    const pool = pools[j.pool % pools.length]!;
    return { id: `j${i}`, pool: pool.id, arrival_s: j.arrival, units: Math.max(1, Math.ceil(j.share * pool.units)), steps: j.steps, step_time_s: j.step, priority: j.priority };
  });
  const cluster: ClusterInput = {
    pools,
    jobs,
    scheduler: { policy: a.policy, placement: a.placement, preemption: a.preemption },
    stragglers: { slow_node_probability: a.slow, slowdown: 2, mitigation: a.mitigation },
  };
  if (a.failures) cluster.failures = a.failures;
  return clusterScenario(cluster, { seed: a.seed, horizon_s: a.horizon, warmup_s: a.warmup * a.horizon });
}

function finiteOrNull(x: unknown): boolean {
  if (typeof x === 'number') return Number.isFinite(x);
  if (x === null || typeof x !== 'object') return true;
  return Object.values(x).every(finiteOrNull);
}

describe('cluster model properties', () => {
  it('never over-allocates, finishes each job at most once, keeps time monotone and figures finite', () => {
    fc.assert(fc.property(arbCluster, (a) => {
      const s = build(a);
      const run = runModel(s, 0, { audit: true, grid: true }); // audit throws on any over-allocation
      const times = run.observations.map((o) => o.t);
      for (let i = 1; i < times.length; i++) expect(times[i]!).toBeGreaterThanOrEqual(times[i - 1]!);
      expect(times.every((t) => t <= s.horizon_s)).toBe(true);
      const completions = run.observations.filter((o) => o.kind === 'complete').map((o) => o.job);
      expect(new Set(completions).size).toBe(completions.length);
      const f: ClusterReplication = run.figures;
      const arrived = s.cluster!.jobs.filter((j) => j.arrival_s <= s.horizon_s).length;
      expect(f.submitted).toBe(arrived);
      expect(f.completed).toBe(completions.length);
      expect(f.completed + f.unfinished).toBe(f.submitted);
      for (const [id, done] of run.completion) {
        if (done !== null) {
          expect(done).toBeLessThanOrEqual(s.horizon_s);
          expect(run.firstStart.get(id)).not.toBeNull();
        }
      }
      expect(finiteOrNull(f)).toBe(true);
      for (const p of Object.values(f.pools)) {
        expect(p.utilization ?? 0).toBeLessThanOrEqual(1 + 1e-9);
        expect(p.busy_utilization ?? 0).toBeLessThanOrEqual((p.utilization ?? 0) + 1e-9);
      }
    }), { numRuns: 150 });
  });

  it('same seed ⇒ same figures; the scheduler sees every same-time event first', () => {
    fc.assert(fc.property(arbCluster, (a) => {
      const s = build(a);
      expect(runModel(s).figures).toEqual(runModel(structuredClone(s)).figures);
      // Every start happens at a time when the run saw no later arrival at the same instant
      // still waiting to be applied: starts come after all arrivals at that time.
      const obs = runModel(s).observations;
      for (let i = 0; i < obs.length; i++) {
        if (obs[i]!.kind !== 'start') continue;
        const later = obs.slice(i + 1).filter((o) => o.t === obs[i]!.t);
        expect(later.some((o) => o.kind === 'arrive' || o.kind === 'repair')).toBe(false);
      }
    }), { numRuns: 60 });
  });
});
