// Individual runs, task by task — for tests, examples and timeline (Gantt) views. Uses the same
// draws and evaluation as the Monte Carlo (replication `replication`, its first `runs` runs).
// `eventDriven` evaluates the runs with the event-driven model instead (pooled.ts, runs spaced
// `interval` apart, pools from `port`); without contention both give identical runs, segments
// included (segments.ts).
import { Simulator } from '../engine/simulator';
import type { PipelineSampleRun, PipelineSampleTask } from '../result/pipeline';
import type { PipelineSpec } from '../scenario/schema';
import { emptyPlan } from './attempts';
import { compileDag } from './dag';
import { DirectRuns } from './direct';
import type { PoolPort } from './pool-port';
import { PooledPipeline } from './pooled';
import { planSegments, runTrace } from './segments';

export type { PipelineTaskSegment } from '../result/pipeline';
/** One task of a traced run: state, trigger and finish times, attempts and its segments. */
export type TaskRunRecord = PipelineSampleTask;
export type RunTrace = PipelineSampleRun;

export interface TraceOptions {
  seed: number;
  replication?: number;
  runs: number;
  /** Use the event-driven model: `port` owns the pools (null: no task may use one). */
  eventDriven?: { port: PoolPort | null; interval: number; sim?: Simulator };
}

export function tracePipelineRuns(spec: PipelineSpec, opts: TraceOptions): RunTrace[] {
  const dag = compileDag(spec);
  const replication = opts.replication ?? 0;
  if (opts.eventDriven) {
    const sim = opts.eventDriven.sim ?? new Simulator();
    const model = new PooledPipeline(sim, spec, opts.eventDriven.port, {
      seed: opts.seed, replication, runs: opts.runs, interval: opts.eventDriven.interval, dag, trace: opts.runs,
    });
    model.start();
    sim.run(Infinity);
    return [...model.samples].sort((a, b) => a.index - b.index);
  }
  const out: RunTrace[] = [];
  const runs = new DirectRuns(spec, dag, opts.seed, replication);
  const plans = Array.from({ length: dag.n }, emptyPlan);
  for (let r = 0; r < opts.runs; r++) {
    const rec = runs.next(r, plans);
    out.push(runTrace(dag, rec, plans.map((p, t) => (rec.ran[t] === 1 ? planSegments(p, rec.decision[t]!, rec.t0) : null))));
  }
  return out;
}
