// Priority preemption and checkpoint restart on small cases computed by hand. Fixed step times,
// so every time below follows from the spec's rules alone.
import { describe, expect, it } from 'vitest';
import { clusterScenario, runModel, type ClusterInput } from './helpers';

type JobIn = NonNullable<ClusterInput['jobs']>[number];
const job = (id: string, priority: number, units: number, arrival_s: number, steps: number, step: number): JobIn =>
  ({ id, pool: 'p', arrival_s, units, steps, step_time_s: step, priority });

/** Checkpoints every 25 s of compute (cost 5 s), restarts cost 7 s; nodes (practically) never fail. */
const checkpoints = { node_mtbf_s: 1e18, checkpoint_interval_s: 25, checkpoint_cost_s: 5, restart_overhead_s: 7 };

describe('priority scheduling with preemption', () => {
  it('without preemption the high-priority job waits; with it, it evicts and the victim restarts from scratch', () => {
    const jobs = [job('A', 0, 8, 0, 10, 10), job('B', 5, 4, 30, 1, 20)];
    const waits = runModel(clusterScenario({ pools: [{ id: 'p', units: 8 }], scheduler: { policy: 'priority' }, jobs }, { horizon_s: 1000 }));
    expect(Object.fromEntries(waits.completion)).toEqual({ A: 100, B: 120 });
    const s = clusterScenario({ pools: [{ id: 'p', units: 8 }], scheduler: { policy: 'priority', preemption: true }, jobs }, { horizon_s: 1000 });
    const run = runModel(s, 0, { audit: true });
    // B evicts A at 30 and runs 30–50; A has no checkpoint, so it redoes all 10 steps: 50–150.
    expect(Object.fromEntries(run.completion)).toEqual({ A: 150, B: 50 });
    expect(run.figures.preemptions).toBe(1);
    expect(run.figures.restarts).toBe(1);
    // Allocated unit-time: A 8 × (30 + 100), B 4 × 20 = 1120; A's first 30 s (240) were lost.
    expect(run.figures.allocation.lost).toBeCloseTo(240 / 1120, 12);
    expect(run.figures.allocation.compute).toBeCloseTo(880 / 1120, 12);
    expect(run.figures.goodput).toBeCloseTo(880 / 1120, 12);
    expect(run.figures.pools.p!.utilization).toBeCloseTo(1120 / 8000, 12);
    expect(run.figures.pools.p!.busy_utilization).toBeCloseTo(880 / 8000, 12);
  });

  it('evicts the lowest priority first, then the most recently started, and no more than needed', () => {
    const jobs = [job('L', 0, 2, 0, 1, 100), job('C', 1, 3, 1, 1, 100), job('D', 1, 3, 2, 1, 100), job('H', 9, 4, 20, 1, 10)];
    const s = clusterScenario({ pools: [{ id: 'p', units: 8 }], scheduler: { policy: 'priority', preemption: true }, jobs }, { horizon_s: 1000 });
    const run = runModel(s, 0, { audit: true });
    // H needs 4 of 0 free: L (priority 0) frees 2, then D (started at 2, after C) frees 3. C keeps running.
    expect(run.observations.filter((o) => o.kind === 'evict').map((o) => [o.t, o.job])).toEqual([[20, 'L'], [20, 'D']]);
    // H 20–30; then D (priority 1) and L restart at 30, from scratch.
    expect(Object.fromEntries(run.completion)).toEqual({ L: 130, C: 101, D: 130, H: 30 });
  });

  it('evicts only when that lets the head start now', () => {
    const jobs = [job('A', 0, 4, 0, 1, 100), job('B', 5, 4, 0, 1, 50), job('X', 3, 8, 10, 1, 10)];
    const s = clusterScenario({ pools: [{ id: 'p', units: 8 }], scheduler: { policy: 'priority', preemption: true }, jobs }, { horizon_s: 1000 });
    const run = runModel(s, 0, { audit: true });
    // At 10, evicting A (the only lower-priority job) frees 4 of the 8 X needs: nobody is evicted.
    // At 50 B ends: evicting A now lets X start, so it does. X 50–60, A again 60–160.
    expect(run.observations.filter((o) => o.kind === 'evict').map((o) => [o.t, o.job])).toEqual([[50, 'A']]);
    expect(Object.fromEntries(run.completion)).toEqual({ A: 160, B: 50, X: 60 });
  });
});

describe('checkpoints and restarts', () => {
  it('a preempted job resumes from its last checkpoint after the restart overhead', () => {
    const jobs = [job('A', 0, 8, 0, 10, 10), job('B', 5, 4, 40, 1, 20)];
    const s = clusterScenario({ pools: [{ id: 'p', units: 8 }], scheduler: { policy: 'priority', preemption: true }, jobs, failures: checkpoints }, { horizon_s: 1000 });
    const run = runModel(s, 0, { audit: true });
    // A: steps end 10, 20, 30 (30 s ≥ 25) → checkpoint 30–35 keeps 3 steps; B evicts A at 40
    // (35–40 lost). B 40–60. A restarts at 60: overhead to 67, steps 77, 87, 97 → checkpoint
    // 97–102 (6 kept), 112, 122, 132 → checkpoint 132–137 (9 kept), last step 137–147.
    expect(Object.fromEntries(run.completion)).toEqual({ A: 147, B: 60 });
    expect(run.observations.filter((o) => o.kind === 'checkpoint' && o.job === 'A').map((o) => o.t)).toEqual([35, 102, 137]);
    // Allocated: A 8 × (40 + 87) = 1016, B 80 → 1096 = compute 880 + checkpoints 120 + restart 56 + lost 40.
    const a = run.figures.allocation;
    expect(a.compute).toBeCloseTo(880 / 1096, 12);
    expect(a.checkpoint).toBeCloseTo(120 / 1096, 12);
    expect(a.restart).toBeCloseTo(56 / 1096, 12);
    expect(a.lost).toBeCloseTo(40 / 1096, 12);
    expect(a.compute! + a.checkpoint! + a.restart! + a.lost! + a.barrier_wait! + a.all_reduce!).toBeCloseTo(1, 12);
  });

  it('a node failure loses the work since the last checkpoint; the job restarts on another node', () => {
    // Two nodes of 8; the job fills one. Among seeds, take runs with exactly one failure before
    // the job ends, on the job's node, and check the completion computed by hand from its time.
    const failures = { node_mtbf_s: 300, repair_s: 10_000, checkpoint_interval_s: 25, checkpoint_cost_s: 5, restart_overhead_s: 7 };
    let checked = 0;
    for (let seed = 1; seed <= 60 && checked < 5; seed++) {
      const s = clusterScenario({ pools: [{ id: 'p', units: 16 }], jobs: [job('A', 0, 8, 0, 10, 10)], failures }, { seed, horizon_s: 10_000 });
      const run = runModel(s, 0, { audit: true });
      const done = run.completion.get('A');
      if (done === null || done === undefined) continue;
      const fails = run.observations.filter((o) => o.kind === 'fail' && o.t < done);
      if (fails.length !== 1 || fails[0]!.node !== 0) continue;
      const f = fails[0]!.t;
      // By hand: segments of 3 steps (30 s) + a 5 s checkpoint; the last one 1 step, no checkpoint.
      const segments = (t0: number, kept: number, until: number) => {
        let t = t0;
        while (kept < 10) {
          const n = Math.min(3, 10 - kept);
          const end = t + 10 * n + (kept + n < 10 ? 5 : 0);
          if (end > until) break;
          kept += n;
          t = end;
        }
        return { t, kept };
      };
      const before = segments(0, 0, f);
      const after = segments(f + 7, before.kept, Infinity);
      expect(done).toBe(after.t);
      expect(run.figures.restarts).toBe(1);
      expect(run.figures.node_failures).toBeGreaterThanOrEqual(1);
      // Lost: 8 units × (f − last commit); allocated 8 × (f + (done − f)) = 8 × done.
      expect(run.figures.allocation.lost).toBeCloseTo((f - before.t) / done, 9);
      checked++;
    }
    expect(checked).toBe(5);
  });
});
