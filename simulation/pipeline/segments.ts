// The stretches of a task's time in one run (gate, attempts, retry waits, pool waits), for
// traces and the sampled runs of the result document. Built from the task's drawn course
// (AttemptPlan) and its trigger moment; tasks holding pool units add the request, grant and end
// times the event-driven model saw. Boundaries are summed in the order TaskDraws sums `elapsed`
// (and the event-driven model sums base + rel), so the last segment ends at exactly the task's
// finish time and the direct and event-driven traces agree bit for bit without contention.
import type { PipelineSampleRun, PipelineSampleTask, PipelineTaskSegment } from '../result/pipeline';
import type { AttemptPlan } from './attempts';
import type { Dag } from './dag';
import type { RunRecord } from './evaluate';
import { STATE_NAMES } from './types';

/** Sampled runs in the result: at most this many runs of replication 0… */
export const SAMPLE_RUNS = 5;
/** …for DAGs of at most this many tasks… */
export const SAMPLE_MAX_TASKS = 200;
/** …and as many of them as hold at most this many segments together (retries are unbounded). */
export const SAMPLE_MAX_SEGMENTS = 5_000;

/** Segments of a task that ran from `at` without waiting for units; times relative to `t0`. */
export function planSegments(plan: AttemptPlan, at: number, t0: number): PipelineTaskSegment[] {
  const out: PipelineTaskSegment[] = [];
  let el = 0;
  if (plan.gate > 0 || plan.rejected) {
    el = plan.gate;
    out.push(plan.rejected ? seg('gate', at, at + el, t0, true) : seg('gate', at, at + el, t0));
    if (plan.rejected) return out;
  }
  const last = plan.times.length - 1;
  for (let i = 0; i <= last; i++) {
    const start = el;
    el += plan.times[i]!;
    out.push(seg('attempt', at + start, at + el, t0, i < last || !plan.ok));
    if (i < last) {
      const from = el;
      el += plan.delays[i]!;
      out.push(seg('retry_wait', at + from, at + el, t0));
    }
  }
  return out;
}

/**
 * Segments of a task that held pool units: `marks` holds, per attempt, the request, grant and
 * end times (absolute); the gate ran from `at` until the first request (or the task's finish
 * when it rejected).
 */
export function pooledSegments(plan: AttemptPlan, at: number, finish: number, marks: readonly number[], t0: number): PipelineTaskSegment[] {
  const out: PipelineTaskSegment[] = [];
  if (plan.rejected) return [seg('gate', at, finish, t0, true)];
  if (plan.gate > 0) out.push(seg('gate', at, marks[0]!, t0));
  const last = plan.times.length - 1;
  for (let i = 0; i <= last; i++) {
    const req = marks[3 * i]!, grant = marks[3 * i + 1]!, end = marks[3 * i + 2]!;
    if (i > 0) out.push(seg('retry_wait', marks[3 * i - 1]!, req, t0));
    if (grant > req) out.push(seg('pool_wait', req, grant, t0));
    out.push(seg('attempt', grant, end, t0, i < last || !plan.ok));
  }
  return out;
}

function seg(kind: PipelineTaskSegment['kind'], start: number, end: number, t0: number, failed?: boolean): PipelineTaskSegment {
  const s: PipelineTaskSegment = { kind, start_s: start - t0, end_s: end - t0 };
  if (failed !== undefined) s.failed = failed;
  return s;
}

/** A finished run as a trace; `segments[t]` null for a task that did not run. */
export function runTrace(dag: Dag, rec: RunRecord, segments: readonly (PipelineTaskSegment[] | null)[]): PipelineSampleRun {
  const tasks: PipelineSampleTask[] = dag.ids.map((id, t) => ({
    id,
    state: STATE_NAMES[rec.state[t]!] as PipelineSampleTask['state'],
    trigger_s: rec.decision[t]! - rec.t0,
    finish_s: rec.finish[t]! - rec.t0,
    attempts: rec.attempts[t]!,
    early: rec.early[t] === 1,
    segments: rec.ran[t] === 1 ? (segments[t] ?? []) : [],
  }));
  let makespan = 0;
  for (const k of tasks) if (k.finish_s > makespan) makespan = k.finish_s;
  return { index: rec.index, start_s: rec.t0, makespan_s: makespan, tasks };
}

/** Runs for the result's `sample_runs`: in index order, while they hold ≤ SAMPLE_MAX_SEGMENTS segments together. */
export function boundedSample(runs: readonly PipelineSampleRun[]): PipelineSampleRun[] {
  const sorted = [...runs].sort((a, b) => a.index - b.index);
  const out: PipelineSampleRun[] = [];
  let total = 0;
  for (const r of sorted) {
    total += r.tasks.reduce((sum, k) => sum + k.segments.length, 0);
    if (total > SAMPLE_MAX_SEGMENTS) break;
    out.push(r);
  }
  return out;
}
