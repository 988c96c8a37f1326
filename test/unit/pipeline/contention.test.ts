// Tasks that hold pool units: contention among a run's tasks and across overlapping runs (the
// pipeline's own FifoPools), and with cluster jobs in one simulation (the cluster model's
// hold / release), including a job still running at horizon_s.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeReplications, runReplication } from '../../../simulation';
import { Simulator } from '../../../simulation/engine/simulator';
import { FifoPools } from '../../../simulation/pipeline/pool-port';
import { tracePipelineRuns } from '../../../simulation/pipeline/trace';
import { TRIGGER_RULES } from '../../../simulation/scenario/schema';
import { expected } from './airflow-table';
import { pipelineScenario, simulateAll, type TaskInput } from './helpers';

const pools = (units: number) => ({ cluster: { pools: [{ id: 'gpu', units }] } });

describe('contention on the pipeline side (FifoPools)', () => {
  it('two parallel tasks that each need the whole pool run one after the other', () => {
    const s = pipelineScenario(
      [{ id: 'a', duration_s: 30, pool: 'gpu', units: 8 }, { id: 'b', duration_s: 20, pool: 'gpu', units: 8 }, { id: 'c', duration_s: 5, pool: 'gpu', units: 2 }],
      [], pools(8),
    );
    const sim = new Simulator();
    const port = new FifoPools({ gpu: 8 }, () => sim.now);
    const [run] = tracePipelineRuns(s.pipeline!, { seed: 1, runs: 1, eventDriven: { port, interval: 1, sim } });
    const at = new Map(run!.tasks.map((t) => [t.id, t]));
    expect(at.get('a')!.finish_s).toBe(30);
    expect(at.get('b')!.finish_s).toBe(50); // waits for a
    expect(at.get('c')!.finish_s).toBe(55); // FIFO: behind b although 2 units are never free before
    expect(run!.makespan_s).toBe(55);
    expect(port.maxInUse[0]).toBe(8);
  });

  it('retry waits and gates hold no units; a timeout counts from the grant', () => {
    const s = pipelineScenario(
      [
        { id: 'flaky', duration_s: 10, failure_probability: 1, retries: 1, retry_delay_s: 100, pool: 'gpu', units: 4 },
        { id: 'gated', duration_s: 40, gate: { approval_delay_s: 5 }, timeout_s: 30, pool: 'gpu', units: 4 },
        { id: 'other', duration_s: 20, pool: 'gpu', units: 4 },
      ],
      [], pools(4),
    );
    const sim = new Simulator();
    const [run] = tracePipelineRuns(s.pipeline!, { seed: 1, runs: 1, eventDriven: { port: new FifoPools({ gpu: 4 }, () => sim.now), interval: 1, sim } });
    const at = new Map(run!.tasks.map((t) => [t.id, t]));
    // flaky 0–10 (fails), waits 10–110 without units; other 10–30; gated (approved at 5) 30–60, times out at 30 s of holding.
    expect(at.get('other')!.finish_s).toBe(30);
    expect(at.get('gated')).toMatchObject({ state: 'failed', finish_s: 60 });
    expect(at.get('flaky')).toMatchObject({ state: 'failed', attempts: 2, finish_s: 120 });
  });

  // Waiting for units changes when upstreams end, and with Airflow's early decisions the order in
  // which they end can change a task's state (a skipped upstream first: skipped; a failed one
  // first: upstream_failed). So the property is not "same states as without contention" but:
  // every task decides as Airflow would on its upstreams' actual states and end times, and a
  // task that ran in both worlds had the same course (drawn at the run start).
  it('random DAGs on a small pool: never over-allocated, every run ends, every decision is Airflow\'s on the actual end times', () => {
    const taskArb = fc.record({ rule: fc.constantFrom(...TRIGGER_RULES), p: fc.constantFrom(0, 0.3, 1), units: fc.integer({ min: 0, max: 3 }), d: fc.integer({ min: 0, max: 9 }) });
    fc.assert(fc.property(fc.array(taskArb, { minLength: 1, maxLength: 8 }), fc.array(fc.nat(), { maxLength: 12 }), fc.integer({ min: 0, max: 3 }), (ts, picks, cap) => {
      const n = ts.length;
      const edges = new Map<string, [string, string]>();
      picks.forEach((k, i) => {
        if (n < 2) return;
        const a = (k + i) % (n - 1), b = a + 1 + (k % (n - 1 - a));
        edges.set(`${a}-${b}`, [`t${a}`, `t${b}`]);
      });
      const capacity = cap + 3;
      const tasks: TaskInput[] = ts.map((t, i) => ({
        id: `t${i}`, duration_s: { dist: 'uniform', min: 0, max: t.d }, failure_probability: t.p, retries: 1, retry_delay_s: 1, trigger_rule: t.rule,
        ...(t.units > 0 ? { pool: 'gpu', units: t.units } : {}),
      }));
      const s = pipelineScenario(tasks, [...edges.values()], pools(capacity));
      const free = tracePipelineRuns(s.pipeline!, { seed: 5, runs: 6 });
      const sim = new Simulator();
      const port = new FifoPools({ gpu: capacity }, () => sim.now);
      const busy = tracePipelineRuns(s.pipeline!, { seed: 5, runs: 6, eventDriven: { port, interval: 2, sim } });
      expect(port.maxInUse[0]!).toBeLessThanOrEqual(capacity);
      expect(busy.map((r) => r.index)).toEqual([0, 1, 2, 3, 4, 5]);
      const preds = (t: number) => [...edges.values()].filter(([, b]) => b === `t${t}`).map(([a]) => Number(a.slice(1)));
      busy.forEach((run, k) => {
        run.tasks.forEach((task, t) => {
          const ref = free[k]!.tasks[t]!;
          const ps = preds(t).map((q) => run.tasks[q]!);
          const want = ps.length === 0 ? { state: 'run' as const, at: 0 } : expected(ts[t]!.rule, ps.map((q) => q.state), ps.map((q) => q.finish_s));
          expect(task.trigger_s).toBe(want.at);
          if (want.state === 'run') {
            expect(task.finish_s).toBeGreaterThanOrEqual(task.trigger_s);
            if (ref.attempts > 0) expect([task.state, task.attempts]).toEqual([ref.state, ref.attempts]);
          } else {
            expect([task.state, task.finish_s, task.attempts]).toEqual([want.state, want.at, 0]);
          }
          if (ps.length === 0) expect(task.finish_s).toBeGreaterThanOrEqual(ref.finish_s - 1e-9);
        });
      });
    }), { numRuns: 60 });
  });
});

describe('contention with cluster jobs in one simulation', () => {
  const scenario = (jobs: Record<string, unknown>[], top: Record<string, unknown> = {}, pipeline: Record<string, unknown> = {}) => pipelineScenario(
    [{ id: 'prep', duration_s: 10 }, { id: 'train', duration_s: 50, pool: 'gpu', units: 8 }],
    [['prep', 'train']],
    { cluster: { pools: [{ id: 'gpu', units: 8 }], jobs: jobs as never }, ...top },
    pipeline,
  );
  const big = (step: number) => ({ id: 'big', pool: 'gpu', arrival_s: 0, units: 8, steps: 1, step_time_s: step });

  it('a settled decision and the cluster\'s scheduling pass at the same instant both happen', () => {
    // prep fails at 10 s, so train (all_success) is settled upstream_failed at 10 s while `slow`
    // still runs; a job arrives at 10 s too, so the cluster's end-of-instant pass is due then.
    // Both wait for the end of the instant: neither may wait for the other forever.
    const s = pipelineScenario(
      [{ id: 'prep', duration_s: 10, failure_probability: 1 }, { id: 'slow', duration_s: 100 }, { id: 'train', duration_s: 50, pool: 'gpu', units: 8 }],
      [['prep', 'train'], ['slow', 'train']],
      { cluster: { pools: [{ id: 'gpu', units: 8 }], jobs: [{ id: 'job', pool: 'gpu', arrival_s: 10, units: 8, steps: 1, step_time_s: 30 }] } },
    );
    const doc = simulateAll(s);
    expect(doc.pipeline!.tasks!.train!.upstream_failed!.mean).toBe(1);
    expect(doc.cluster!.jobs!.completed).toBe(1);
    expect(doc.truncated).toBeUndefined();
  });

  it('a task waits for the units a training job holds', () => {
    const doc = simulateAll(scenario([big(100)]));
    const p = doc.pipeline!;
    expect(p.runs).toBe(1);
    expect(p.makespan_s!.mean!.mean).toBe(150);
    expect(p.tasks!.train!.pool_wait_s!.mean).toBe(90);
    expect(p.analytic.critical_path_s).toBe(60);
    expect(doc.cluster!.jobs!.completed).toBe(1);
    expect(doc.not_simulated).toBeUndefined();
  });

  it('run k starts at k × run_interval_s and queues behind the earlier runs', () => {
    const doc = simulateAll(scenario([big(100)], {}, { runs: 3, run_interval_s: 20 }));
    const p = doc.pipeline!;
    expect(p.runs).toBe(3);
    // train: run 0 100–150, run 1 150–200, run 2 200–250; runs start at 0, 20, 40.
    expect(p.makespan_s!.mean!.mean).toBe((150 + 180 + 210) / 3);
    expect(p.makespan_s!.p99!.mean).toBe(210);
    expect(p.tasks!.train!.pool_wait_s!.mean).toBe((90 + 120 + 150) / 3);
  });

  it('the simulation goes on past horizon_s until the last run is final; jobs stop at the horizon', () => {
    const doc = simulateAll(scenario([big(1000)], { horizon_s: 100 }));
    expect(doc.pipeline!.runs).toBe(1);
    expect(doc.pipeline!.makespan_s!.mean!.mean).toBe(150); // granted when the job stops at 100
    expect(doc.cluster!.jobs!.completed).toBe(0);
    expect(doc.cluster!.jobs!.submitted).toBe(1);
  });

  it('runs of a replication default to horizon_s / runs apart', () => {
    const s = scenario([], { horizon_s: 300, replications: 1 }, { runs: 3 });
    const o = runReplication(s, 0);
    expect(o.pipeline!.runs).toBe(3);
    // 100 s apart, 60 s each: no overlap, no waiting.
    expect(o.pipeline!.tasks[1]!.pool_wait_sum).toBe(0);
    expect(o.pipeline!.makespan_s.p99).toBe(60);
  });

  it('is deterministic and independent of the worker split', () => {
    const s = scenario([big(100), { id: 'gen', pool: 'gpu', arrival_s: 5, units: 4, steps: 3, step_time_s: { dist: 'exponential', mean: 20 } }], { replications: 3, horizon_s: 400 }, { runs: 7 });
    const a = JSON.stringify(simulateAll(s));
    const outcomes = [2, 0, 1].map((i) => runReplication(s, i));
    expect(JSON.stringify(mergeReplications(s, outcomes, { sha256: 'test', wallMs: 0 }))).toBe(a);
  });
});
