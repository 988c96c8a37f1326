// The pipeline of one replication when no task holds pool units: `runs` independent executions,
// each from t = 0 until every task is final (the horizon does not bound them; the event cap
// does). Each run draws every task's course (TaskDraws) and evaluates the DAG in topological
// order (evaluate.ts): no event heap, nothing allocated per run.
//
// Events are counted as the event-driven model would process them — one per run start, gate
// decision, attempt end and retry wait — so the event cap and the events figure mean the same in
// both models. Caps, cancel and progress are checked between runs (every RUN_CHUNK runs for the
// wall clock, cancel and progress); the event cap stops before a run once it is reached.
import type { PipelineSampleRun } from '../result/pipeline';
import type { RunControl, StopReason } from '../run/types';
import type { PipelineSpec } from '../scenario/schema';
import { emptyPlan, TaskDraws, type AttemptPlan } from './attempts';
import { PipelineCollector } from './collector';
import { compileDag, type Dag } from './dag';
import { evaluateRun, RunRecord } from './evaluate';
import { planSegments, runTrace } from './segments';
import type { PipelineReplication } from './types';

const RUN_CHUNK = 256;
const DEFAULT_MAX_EVENTS = 1e9;

export interface PipelineRunOutcome {
  figures: PipelineReplication;
  events: number;
  stopped?: StopReason;
  /** The first `sample` runs task by task (DirectOptions.sample). */
  samples?: PipelineSampleRun[];
}

export interface DirectOptions {
  seed: number;
  replication: number;
  runs: number;
  dag?: Dag;
  /** Trace the first `sample` runs with their segments (default 0). */
  sample?: number;
}

export function runPipelineDirect(spec: PipelineSpec, opts: DirectOptions, control: RunControl = {}): PipelineRunOutcome {
  const dag = opts.dag ?? compileDag(spec);
  const n = dag.n;
  const runs = new DirectRuns(spec, dag, opts.seed, opts.replication);
  const collector = new PipelineCollector(dag);
  const gateEvent = Uint8Array.from(spec.tasks.map((t) => (typeof t.gate === 'object' ? 1 : 0)));
  const maxEvents = control.maxEvents ?? DEFAULT_MAX_EVENTS;
  const clock = control.now;
  const wallStart = clock ? clock() : 0;
  const wallLimit = clock && control.maxWallMs !== undefined ? wallStart + control.maxWallMs : Infinity;
  let events = 0;
  let stopped: StopReason | undefined;
  const sample = Math.min(opts.sample ?? 0, opts.runs);
  const plans = sample > 0 ? Array.from({ length: n }, emptyPlan) : undefined;
  const samples: PipelineSampleRun[] = [];
  for (let r = 0; r < opts.runs; r++) {
    if (events >= maxEvents) { stopped = 'max_events'; break; }
    if (r > 0 && r % RUN_CHUNK === 0) {
      if (control.isCancelled?.()) { stopped = 'cancelled'; break; }
      if (wallLimit !== Infinity && (clock as () => number)() >= wallLimit) { stopped = 'max_wall_s'; break; }
      if (control.onProgress) report(control, r / opts.runs, events, wallStart);
    }
    const rec = r < sample ? runs.next(r, plans) : runs.next(r);
    if (r < sample) samples.push(runTrace(dag, rec, (plans as AttemptPlan[]).map((p, t) => (rec.ran[t] === 1 ? planSegments(p, rec.decision[t]!, rec.t0) : null))));
    collector.addRun(rec);
    let ev = 1;
    for (let t = 0; t < n; t++) {
      if (rec.ran[t] === 0) continue;
      const a = rec.attempts[t]!;
      ev += gateEvent[t]! + (a > 0 ? 2 * a - 1 : 0);
    }
    events += ev;
  }
  const out: PipelineRunOutcome = { figures: collector.figures(opts.runs), events };
  if (stopped) out.stopped = stopped;
  if (sample > 0) out.samples = samples;
  return out;
}

/**
 * The runs of one replication, one after another: each draws every task's course in task order
 * and evaluates the DAG into the one RunRecord it returns (reused: read it before the next run).
 */
export class DirectRuns {
  private readonly draws: TaskDraws;
  private readonly elapsed: Float64Array;
  private readonly ok: Uint8Array;
  private readonly attempts: Int32Array;
  private readonly rec: RunRecord;

  constructor(spec: PipelineSpec, private readonly dag: Dag, seed: number, replication: number) {
    const n = dag.n;
    this.draws = new TaskDraws(spec, seed, replication);
    this.elapsed = new Float64Array(n);
    this.ok = new Uint8Array(n);
    this.attempts = new Int32Array(n);
    this.rec = new RunRecord(n);
  }

  /** `plans` (one per task, refilled): also keep each task's drawn course — the same draws — for traces. */
  next(index: number, plans?: AttemptPlan[]): RunRecord {
    const { dag, draws, elapsed, ok, attempts, rec } = this;
    for (let t = 0, n = dag.n; t < n; t++) {
      if (plans) {
        const plan = plans[t]!;
        plan.gate = 0; plan.rejected = false; plan.times.length = 0; plan.delays.length = 0; plan.ok = false;
        draws.draw(t, plan);
      } else draws.draw(t);
      elapsed[t] = draws.elapsed;
      ok[t] = draws.ok ? 1 : 0;
      attempts[t] = draws.attempts;
    }
    rec.index = index;
    evaluateRun(dag, elapsed, ok, attempts, rec);
    return rec;
  }
}

function report(control: RunControl, fraction: number, events: number, wallStart: number): void {
  const onProgress = control.onProgress as NonNullable<RunControl['onProgress']>;
  const clock = control.now;
  if (!clock) { onProgress({ fraction, events }); return; }
  const elapsed = clock() - wallStart;
  onProgress({
    fraction,
    events,
    eventsPerSec: elapsed > 0 ? (events / elapsed) * 1000 : 0,
    etaMs: fraction > 0 ? (elapsed * (1 - fraction)) / fraction : null,
  });
}
