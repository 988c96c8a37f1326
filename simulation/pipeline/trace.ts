// Individual runs, task by task — for tests, examples and timeline (Gantt) views. Uses the same
// draws and evaluation as the Monte Carlo (replication `replication`, its first `runs` runs).
// `eventDriven` evaluates the runs with the event-driven model instead (pooled.ts, runs spaced
// `interval` apart, pools from `port`); without contention both give identical runs.
import { Simulator } from '../engine/simulator';
import type { PipelineSpec } from '../scenario/schema';
import { compileDag } from './dag';
import { DirectRuns } from './direct';
import type { RunRecord } from './evaluate';
import type { PoolPort } from './pool-port';
import { PooledPipeline } from './pooled';
import { STATE_NAMES } from './types';

export interface TaskRunRecord {
  id: string;
  state: 'success' | 'failed' | 'upstream_failed' | 'skipped';
  /** When the trigger rule decided (run start for roots and `always`), relative to the run start. */
  trigger_s: number;
  /** When the task became final, relative to the run start. */
  finish_s: number;
  attempts: number;
  /** True when a one_* rule fired on a satisfying upstream before waiting for the others. */
  early: boolean;
}

export interface RunTrace {
  /** Run index within the replication (run k starts at k × interval in the event-driven model). */
  index: number;
  start_s: number;
  makespan_s: number;
  tasks: TaskRunRecord[];
}

export interface TraceOptions {
  seed: number;
  replication?: number;
  runs: number;
  /** Use the event-driven model: `port` owns the pools (null: no task may use one). */
  eventDriven?: { port: PoolPort | null; interval: number; sim?: Simulator };
}

export function tracePipelineRuns(spec: PipelineSpec, opts: TraceOptions): RunTrace[] {
  const dag = compileDag(spec);
  const out: RunTrace[] = [];
  const toTrace = (rec: RunRecord): RunTrace => {
    const tasks = dag.ids.map((id, t) => ({
      id,
      state: STATE_NAMES[rec.state[t]!] as TaskRunRecord['state'],
      trigger_s: rec.decision[t]! - rec.t0,
      finish_s: rec.finish[t]! - rec.t0,
      attempts: rec.attempts[t]!,
      early: rec.early[t] === 1,
    }));
    return { index: rec.index, start_s: rec.t0, makespan_s: Math.max(...tasks.map((t) => t.finish_s)), tasks };
  };
  const replication = opts.replication ?? 0;
  if (opts.eventDriven) {
    const sim = opts.eventDriven.sim ?? new Simulator();
    const model = new PooledPipeline(sim, spec, opts.eventDriven.port, {
      seed: opts.seed, replication, runs: opts.runs, interval: opts.eventDriven.interval, dag,
    });
    model.onRunEnd = (rec) => out.push(toTrace(rec));
    model.start();
    sim.run(Infinity);
    return out.sort((a, b) => a.index - b.index);
  }
  const runs = new DirectRuns(spec, dag, opts.seed, replication);
  for (let r = 0; r < opts.runs; r++) out.push(toTrace(runs.next(r)));
  return out;
}
