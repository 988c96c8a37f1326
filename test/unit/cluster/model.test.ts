// The cluster model's bookkeeping: horizon and warm-up rules, empty sets, placement, blacklisting,
// the generator, EASY's "all jobs ending at that time", pipeline-task holds, determinism.
import { describe, expect, it } from 'vitest';
import { runReplication } from '../../../simulation';
import { ClusterModel } from '../../../simulation/cluster/cluster-model';
import { Simulator } from '../../../simulation/engine/simulator';
import { clusterScenario, runModel, simulateAll, type ClusterInput } from './helpers';

type JobIn = NonNullable<ClusterInput['jobs']>[number];
const job = (id: string, units: number, arrival_s: number, steps: number, step: number, pool = 'p'): JobIn =>
  ({ id, pool, arrival_s, units, steps, step_time_s: step });

describe('horizon, warm-up and empty sets', () => {
  it('a cluster with no jobs is valid; statistics over empty sets are null, never NaN', () => {
    const s = clusterScenario({ pools: [{ id: 'p', units: 8, utilization_target: 0.8, allocated_units: 4 }] }, { replications: 2, horizon_s: 100 });
    const doc = simulateAll(s);
    const text = JSON.stringify(doc);
    expect(text).not.toMatch(/NaN|Infinity/);
    const c = doc.cluster!;
    expect(c.jobs).toMatchObject({ submitted: 0, completed: 0, unfinished: 0, jct_s: { mean: null, p99: null }, parallel_efficiency: null, goodput: null });
    expect(c.makespan_s).toBeNull();
    expect(c.pools!.p).toEqual({ utilization: { mean: 0, ci95: [0, 0] }, busy_utilization: { mean: 0, ci95: [0, 0] }, utilization_target: 0.8, over_target: false });
    expect(c.analytic.pools.p!.allocated_utilization).toBe(0.5);
    expect(doc.not_simulated).toBeUndefined();
  });

  it('stops at horizon_s: unfinished jobs count as submitted, later arrivals are never submitted', () => {
    const jobs = [job('done', 4, 0, 1, 50), job('cut', 4, 0, 10, 20), job('waits', 8, 10, 1, 1), job('late', 1, 150, 1, 1)];
    const run = runModel(clusterScenario({ pools: [{ id: 'p', units: 8 }], jobs }, { horizon_s: 100 }));
    expect(run.figures).toMatchObject({ submitted: 3, completed: 1, unfinished: 2, makespan_s: 50 });
    expect(run.completion.get('cut')).toBeNull();
    expect(run.firstStart.get('waits')).toBeNull();
    // 'cut' ran 0–100 on 4 units, 'done' 0–50 on 4: (400 + 200) / 800.
    expect(run.figures.pools.p!.utilization).toBeCloseTo(600 / 800, 12);
    // Its 5 whole steps before the horizon count; so does the busy time of every step up to it.
    expect(run.figures.pools.p!.busy_utilization).toBeCloseTo(600 / 800, 12);
  });

  it('job statistics cover jobs arriving at or after warmup_s; counts include everything', () => {
    const jobs = [job('early', 1, 0, 1, 10), job('measured', 1, 20, 1, 30)];
    const run = runModel(clusterScenario({ pools: [{ id: 'p', units: 8 }], jobs }, { horizon_s: 100, warmup_s: 20 }));
    expect(run.figures.submitted).toBe(2);
    expect(run.figures.jct_s).toEqual({ mean: 30, p50: 30, p95: 30, p99: 30 });
    // Utilization covers [20, 100]: 1 unit busy 20–50.
    expect(run.figures.pools.p!.utilization).toBeCloseTo(30 / (8 * 80), 12);
  });
});

describe('placement and stragglers', () => {
  it('pack fills nodes in order; spread takes one unit per node first (occupancy grid)', () => {
    const cluster = (placement: 'pack' | 'spread'): ClusterInput => ({ pools: [{ id: 'p', units: 32, units_per_node: 8 }], scheduler: { placement }, jobs: [job('a', 4, 0, 1, 100)] });
    const pack = runModel(clusterScenario(cluster('pack'), { horizon_s: 100 }), 0, { grid: true }).figures.occupancy!;
    const spread = runModel(clusterScenario(cluster('spread'), { horizon_s: 100 }), 0, { grid: true }).figures.occupancy!;
    expect(pack.rows.map((r) => r.nodes)).toEqual([1, 1, 1, 1]);
    expect(pack.allocated.map((row) => row[0])).toEqual([0.5, 0, 0, 0]);
    expect(spread.allocated.map((row) => row[0])).toEqual([0.125, 0.125, 0.125, 0.125]);
  });

  it('a slow node multiplies its workers\' step times; blacklist avoids a node seen slow', () => {
    // Two nodes of 8, each slow with p = 0.5: find a seed where only node 0 is slow.
    const cluster = (mitigation: 'none' | 'blacklist'): ClusterInput => ({
      pools: [{ id: 'p', units: 16, units_per_node: 8 }],
      stragglers: { slow_node_probability: 0.5, slowdown: 3, mitigation },
      jobs: [job('first', 8, 0, 10, 1), job('second', 8, 100, 10, 1)],
    });
    let seed = 1;
    for (;; seed++) {
      const rows = runModel(clusterScenario(cluster('none'), { seed, horizon_s: 1000 }), 0, { grid: true }).figures.occupancy!.rows;
      if (rows[0]!.slow_nodes === 1 && rows[1]!.slow_nodes === 0) break;
    }
    const plain = runModel(clusterScenario(cluster('none'), { seed, horizon_s: 1000 }));
    const avoid = runModel(clusterScenario(cluster('blacklist'), { seed, horizon_s: 1000 }));
    expect(plain.completion.get('first')).toBe(30); // 10 steps × 3 s on the slow node
    expect(plain.completion.get('second')).toBe(130); // pack: node 0 again
    expect(avoid.completion.get('second')).toBe(110); // node 0 was seen slow: node 1
    expect(plain.figures.sync_slowdown).toBe(1);
  });

  it('the generator draws its jobs (units rounded, capped at the pool) on its own streams', () => {
    const s = clusterScenario({
      pools: [{ id: 'p', units: 16 }],
      job_generator: { count: 200, pool: 'p', interarrival_s: { dist: 'exponential', mean: 10 }, units: { dist: 'uniform', min: 0, max: 40 }, steps: 3, step_time_s: 1 },
    }, { horizon_s: 1e6 });
    const run = runModel(s, 0, { audit: true });
    expect(run.figures.submitted).toBe(200);
    expect(run.figures.completed).toBe(200);
    expect(runModel(s, 1).figures.makespan_s).not.toBe(run.figures.makespan_s);
  });
});

describe('EASY backfill: every job ending at the reservation time counts', () => {
  it('the head\'s spare units at its reservation include every job ending then', () => {
    // 12 units: A (4) and B (4) run 0–100, 4 free. H needs 6 at t = 1: reserved at 100, when A
    // and B both end, with 4 + 8 − 6 = 6 spare units. L (4 units, 500 s) arrives at 2: it fits
    // now and outlasts the reservation, but uses only spare units, so it starts now.
    const jobs = [job('A', 4, 0, 1, 100), job('B', 4, 0, 1, 100), job('H', 6, 1, 1, 10), job('L', 4, 2, 1, 500)];
    const cluster = (policy: 'fifo' | 'backfill'): ClusterInput => ({ pools: [{ id: 'p', units: 12 }], scheduler: { policy }, jobs });
    const run = runModel(clusterScenario(cluster('backfill'), { horizon_s: 1000 }), 0, { audit: true });
    expect(Object.fromEntries(run.completion)).toEqual({ A: 100, B: 100, H: 110, L: 502 });
    // Counting A alone (spare 2) would keep L waiting until 100, as fifo does: 100–600.
    expect(runModel(clusterScenario(cluster('fifo'), { horizon_s: 1000 })).completion.get('L')).toBe(600);
    // A short job ending by the reservation starts now whatever the spare units.
    const short = [...jobs.slice(0, 3), job('S', 4, 2, 1, 50)];
    const run2 = runModel(clusterScenario({ pools: [{ id: 'p', units: 10 }], scheduler: { policy: 'backfill' }, jobs: short }, { horizon_s: 1000 }));
    expect(run2.completion.get('S')).toBe(150); // 10 units: 2 free, S needs 4: it waits for A and B
    const run3 = runModel(clusterScenario({ pools: [{ id: 'p', units: 12 }], scheduler: { policy: 'backfill' }, jobs: short }, { horizon_s: 1000 }));
    expect(run3.completion.get('S')).toBe(52);
  });
});

describe('pipeline tasks hold pool units through the same scheduler', () => {
  it('a hold waits in the queue like a job, is granted, and releases its units', () => {
    const s = clusterScenario({ pools: [{ id: 'p', units: 8 }], jobs: [job('J', 8, 0, 1, 100), job('K', 4, 20, 1, 10)] }, { horizon_s: 1000 });
    const sim = new Simulator();
    const model = new ClusterModel(sim, s.cluster!, { seed: 1, replication: 0, warmup: 0, horizon: 1000, audit: true });
    model.start();
    const granted: number[] = [];
    sim.scheduleAt(10, () => {
      const ticket = model.hold('p', {
        units: 6, expected_s: 50,
        onGranted: (t) => { granted.push(t); sim.schedule(50, () => model.release(ticket)); },
      });
    });
    sim.run(1000);
    // fifo: the task (requested at 10) goes before K (arrived at 20): 100–150, then K 150–160.
    expect(granted).toEqual([100]);
    const rec = Object.fromEntries(model.jobRecords().map((r) => [r.id, r.completion]));
    expect(rec).toEqual({ J: 100, K: 160 });
    const f = model.figures();
    expect(f.pools.p!.utilization).toBeCloseTo((800 + 300 + 40) / 8000, 12);
    expect(() => model.hold('nope', { units: 1, expected_s: 1, onGranted: () => undefined })).toThrow(/unknown pool/);
  });
});

describe('determinism', () => {
  it('same scenario and seed ⇒ byte-identical document; outcomes survive structured cloning', () => {
    const s = clusterScenario({
      pools: [{ id: 'p', units: 64, utilization_target: 0.7 }],
      scheduler: { policy: 'backfill' },
      job_generator: { count: 60, pool: 'p', interarrival_s: { dist: 'exponential', mean: 30 }, units: { dist: 'uniform', min: 1, max: 32 }, steps: 50, step_time_s: { dist: 'lognormal', mean: 2, cv: 0.3 } },
      stragglers: { slow_node_probability: 0.2, slowdown: 2 },
      failures: { node_mtbf_s: 2000, repair_s: 100, checkpoint_interval_s: 30, checkpoint_cost_s: 2, restart_overhead_s: 5 },
    }, { replications: 3, horizon_s: 3000 });
    const a = simulateAll(s);
    expect(JSON.stringify(simulateAll(structuredClone(s)))).toBe(JSON.stringify(a));
    const outs = [2, 0, 1].map((i) => structuredClone(runReplication(s, i)));
    expect(runReplication(s, 1)).toEqual(outs[2]);
    expect(a.cluster!.occupancy).toBeDefined();
    expect(a.cluster!.series!.pools.p!.allocated).toHaveLength(96);
  });
});

describe('at the horizon', () => {
  it('jobs stop and give their units to pipeline holds still waiting, which outlive the horizon', () => {
    const s = clusterScenario({ pools: [{ id: 'p', units: 8 }], jobs: [job('J', 8, 0, 1, 1000)] }, { horizon_s: 100 });
    const sim = new Simulator();
    const model = new ClusterModel(sim, s.cluster!, { seed: 1, replication: 0, warmup: 0, horizon: 100, audit: true });
    model.start();
    const granted: number[] = [];
    sim.scheduleAt(10, () => { model.hold('p', { units: 4, expected_s: 50, onGranted: (t) => granted.push(t) }); });
    sim.run(Infinity);
    expect(granted).toEqual([100]);
    expect(model.figures()).toMatchObject({ submitted: 1, completed: 0, unfinished: 1 });
  });
});
