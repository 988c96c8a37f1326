// Each task's state in a sampled pipeline run at one instant of the run's own time (seconds from
// its start), for the DAG coloured as of the playback cursor. Before its trigger rule decided a
// task is waiting; from then until it became final it is running (whatever segment it is in: the
// gate, an attempt, a retry wait or a wait for pool units, given as `segment`); from its finish
// on, it is in its final state. A task that did not run becomes final at its trigger moment. Pure.
import type { PipelineSampleRun, PipelineTaskSegment } from '../../../simulation';
import { instantText } from '../time/time-series';
import { STATE_LABELS } from './task-states';

export const MOMENT_STATES = ['waiting', 'running', 'success', 'failed', 'upstream_failed', 'skipped'] as const;
export type MomentState = (typeof MOMENT_STATES)[number];

/** The final states are named as in the DAG's end-state view. */
export const MOMENT_LABELS: Record<MomentState, string> = { waiting: 'waiting', running: 'running', ...STATE_LABELS };

export interface TaskMoment {
  state: MomentState;
  /** While running: the segment holding the instant (null otherwise). */
  segment: PipelineTaskSegment['kind'] | null;
  /** Attempts started by then. */
  attempt: number;
}

/** Every task's state at `t` seconds into `run`, by task id. */
export function taskStateAt(run: PipelineSampleRun, t: number): Record<string, TaskMoment> {
  const out: Record<string, TaskMoment> = {};
  for (const k of run.tasks) {
    const attempt = k.segments.filter((s) => s.kind === 'attempt' && s.start_s <= t).length;
    if (t >= k.finish_s) out[k.id] = { state: k.state, segment: null, attempt };
    else if (t < k.trigger_s) out[k.id] = { state: 'waiting', segment: null, attempt: 0 };
    else {
      const seg = k.segments.find((s) => s.start_s <= t && t < s.end_s);
      out[k.id] = { state: 'running', segment: seg?.kind ?? null, attempt };
    }
  }
  return out;
}

/** A task's moment in a few words: "attempt 2", "retry wait", "waiting for units", "failed". */
export function momentText(m: TaskMoment): string {
  if (m.state !== 'running') return MOMENT_LABELS[m.state];
  switch (m.segment) {
    case 'attempt': return `attempt ${m.attempt}`;
    case 'gate': return 'awaiting approval';
    case 'pool_wait': return 'waiting for units';
    case 'retry_wait': return `retry wait after ${m.attempt}`;
    default: return 'running';
  }
}

/** "At 2 h 10 min in run 1: running train_model (attempt 2); 5 final, 7 waiting; failed: —". */
export function momentSummary(run: PipelineSampleRun, t: number, moments: Record<string, TaskMoment>): string {
  const ids = run.tasks.map((k) => k.id);
  const of = (state: MomentState) => ids.filter((id) => moments[id]?.state === state);
  const running = of('running').map((id) => `${id} (${momentText(moments[id]!)})`);
  const failed = of('failed');
  const final = ids.length - running.length - of('waiting').length;
  return `At ${instantText(t)} in run ${run.index + 1}: ${running.length > 0 ? `running ${running.join(', ')}` : 'nothing running'}; ` +
    `${final} of ${ids.length} tasks final${failed.length > 0 ? `, failed ${failed.join(', ')}` : ''}.`;
}
