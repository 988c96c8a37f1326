// Replications → the simulated part of the result document's `pipeline` block. Every figure is
// computed within each replication and then merged into a mean with its Student-t 95% interval
// (null when no replication had data for it); `runs` is a total. Replications must come sorted
// by index (mergeReplications does), so the document is byte-identical whatever the threads.
import type { PipelineSampleRun } from '../result/pipeline';
import type { MaybeStat, ResultDocument } from '../result/types';
import type { PipelineSpec, Scenario } from '../scenario/schema';
import { NON_NEGATIVE, SHARE, statOf, type StatRange } from '../stats/stat';
import { compileDag, type Dag } from './dag';
import type { PipelineReplication, PipelineSimulated, PipelineTaskReplication, PipelineTaskResult } from './types';

export function mergePipeline(spec: PipelineSpec, reps: readonly PipelineReplication[], dag: Dag = compileDag(spec)): PipelineSimulated {
  const ratio = (num: (r: PipelineReplication) => number) => statOf(reps.map((r) => (r.runs > 0 ? num(r) / r.runs : null)), SHARE);
  const tasks: Record<string, PipelineTaskResult> = {};
  spec.tasks.forEach((task, t) => {
    const per = (pick: (x: PipelineTaskReplication, r: PipelineReplication) => number | null, range: StatRange = SHARE): MaybeStat =>
      statOf(reps.map((r) => (r.tasks[t] ? pick(r.tasks[t] as PipelineTaskReplication, r) : null)), range);
    const frac = (x: number, r: PipelineReplication) => (r.runs > 0 ? x / r.runs : null);
    const result: PipelineTaskResult = {
      success: per((x, r) => frac(x.success, r)),
      failed: per((x, r) => frac(x.failed, r)),
      upstream_failed: per((x, r) => frac(x.upstream_failed, r)),
      skipped: per((x, r) => frac(x.skipped, r)),
      attempts_mean: per((x) => (x.ran > 0 ? x.attempts / x.ran : null), NON_NEGATIVE),
      criticality: per((x, r) => frac(x.critical, r)),
      blast_radius: per((x) => (x.blast_runs > 0 ? x.blast_sum / x.blast_runs : null), NON_NEGATIVE),
    };
    if (task.pool !== undefined) result.pool_wait_s = per((x) => (x.pool_waits > 0 ? x.pool_wait_sum / x.pool_waits : null), NON_NEGATIVE);
    tasks[task.id] = result;
  });
  return {
    runs: reps.reduce((sum, r) => sum + r.runs, 0),
    success_rate: ratio((r) => r.succeeded),
    dag_run_success_rate: ratio((r) => r.dag_succeeded),
    makespan_s: {
      mean: statOf(reps.map((r) => r.makespan_s.mean), NON_NEGATIVE),
      p50: statOf(reps.map((r) => r.makespan_s.p50), NON_NEGATIVE),
      p95: statOf(reps.map((r) => r.makespan_s.p95), NON_NEGATIVE),
      p99: statOf(reps.map((r) => r.makespan_s.p99), NON_NEGATIVE),
    },
    tasks,
    critical_path: modalCriticalPath(dag, reps),
  };
}

/**
 * The critical path most runs share, rebuilt from counts summed over replications: start at the
 * task at which realised critical paths most often ended, then repeatedly step to the upstream
 * through which they most often reached the current task, stopping where more paths started
 * there than came through any one upstream. Ties go to the lower task index (and to stopping).
 */
export function modalCriticalPath(dag: Dag, reps: readonly Pick<PipelineReplication, 'paths'>[]): string[] {
  const n = dag.n;
  const end = new Float64Array(n), start = new Float64Array(n), via = new Float64Array(dag.predList.length);
  for (const r of reps) {
    r.paths.end.forEach((c, t) => { end[t]! += c; });
    r.paths.start.forEach((c, t) => { start[t]! += c; });
    r.paths.via.forEach((c, e) => { via[e]! += c; });
  }
  let t = -1, best = 0;
  for (let i = 0; i < n; i++) if (end[i]! > best) { best = end[i]!; t = i; }
  const path: string[] = [];
  while (t !== -1) {
    path.unshift(dag.ids[t] as string);
    let next = -1, most = start[t]!;
    for (let e = dag.predStart[t]!; e < dag.predStart[t + 1]!; e++) {
      if (via[e]! > most) { most = via[e]!; next = dag.predList[e]!; }
    }
    t = next;
  }
  return path;
}

/**
 * Fills the document's `pipeline` block (its analytic part is already there) from the
 * replications; `sample_runs` (after `analytic`) from the one that traced them (replication 0).
 */
export function mergePipelineSection(
  doc: ResultDocument, scenario: Scenario, sorted: readonly { pipeline?: PipelineReplication; pipelineSamples?: PipelineSampleRun[] }[],
): void {
  if (!scenario.pipeline || !doc.pipeline) return;
  const reps = sorted.flatMap((o) => (o.pipeline ? [o.pipeline] : []));
  doc.pipeline = { ...mergePipeline(scenario.pipeline, reps), analytic: doc.pipeline.analytic };
  const samples = sorted.find((o) => o.pipelineSamples)?.pipelineSamples;
  if (samples) doc.pipeline.sample_runs = samples;
}
