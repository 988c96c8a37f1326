// The pipeline figures of a result document: success rates beside ∏(1 − p) with and without
// retries, the makespan beside the critical path, and each task's final states, attempts,
// criticality and blast radius.
import type { PipelineTaskResult } from '../pipeline/types';
import type { ResultDocument } from '../result/types';
import { figureRows, type Figure, type FigureDef } from './figure';

type Pipeline = NonNullable<ResultDocument['pipeline']>;

export const PIPELINE_FIGURES: FigureDef<Pipeline>[] = [
  { key: 'runs', label: 'Runs', unit: 'count', value: (p) => p.runs },
  {
    key: 'success_rate', label: 'Success rate (analytic: ∏(1 − p^(r+1)))', unit: 'fraction',
    stat: (p) => p.success_rate, analytic: (p) => (p.success_rate === undefined ? undefined : p.analytic.reliability_with_retries),
  },
  { key: 'dag_run_success_rate', label: 'DAG-run success rate (Airflow)', unit: 'fraction', stat: (p) => p.dag_run_success_rate },
  { key: 'analytic.reliability', label: 'Reliability ∏(1 − p), no retries', unit: 'fraction', analytic: (p) => p.analytic.reliability },
  { key: 'analytic.reliability_with_retries', label: 'Reliability with retries ∏(1 − p^(r+1))', unit: 'fraction', analytic: (p) => p.analytic.reliability_with_retries },
  { key: 'makespan_s.mean', label: 'Makespan, mean (analytic: critical path)', unit: 's', stat: (p) => p.makespan_s?.mean, analytic: (p) => p.analytic.critical_path_s },
  { key: 'makespan_s.p50', label: 'Makespan p50', unit: 's', stat: (p) => p.makespan_s?.p50 },
  { key: 'makespan_s.p95', label: 'Makespan p95', unit: 's', stat: (p) => p.makespan_s?.p95 },
  { key: 'makespan_s.p99', label: 'Makespan p99', unit: 's', stat: (p) => p.makespan_s?.p99 },
  { key: 'analytic.critical_path_s', label: 'Critical path (CPM on mean durations)', unit: 's', analytic: (p) => p.analytic.critical_path_s },
  { key: 'analytic.total_duration_s', label: 'Total duration (Σ mean task durations)', unit: 's', analytic: (p) => p.analytic.total_duration_s },
];

export const TASK_FIGURES: FigureDef<{ t: PipelineTaskResult; blast: number | null | undefined }>[] = [
  { key: 'success', label: 'Success', unit: 'fraction', stat: (e) => e.t.success },
  { key: 'failed', label: 'Failed', unit: 'fraction', stat: (e) => e.t.failed },
  { key: 'upstream_failed', label: 'Upstream failed', unit: 'fraction', stat: (e) => e.t.upstream_failed },
  { key: 'skipped', label: 'Skipped', unit: 'fraction', stat: (e) => e.t.skipped },
  { key: 'attempts_mean', label: 'Attempts per run', short: 'Attempts', unit: 'attempts', stat: (e) => e.t.attempts_mean },
  { key: 'criticality', label: 'Criticality (share of runs on the critical path)', short: 'Criticality', unit: 'fraction', stat: (e) => e.t.criticality },
  { key: 'blast_radius', label: 'Blast radius (analytic: structural)', short: 'Blast radius', unit: 'tasks', stat: (e) => e.t.blast_radius, analytic: (e) => e.blast },
  { key: 'pool_wait_s', label: 'Pool wait per attempt', short: 'Pool wait', unit: 's', stat: (e) => e.t.pool_wait_s },
];

export const TASK_ANALYTIC_FIGURES: FigureDef<number | null | undefined>[] = [
  { key: 'analytic.blast_radius', label: 'Blast radius (structural)', short: 'Blast radius (analytic)', unit: 'tasks', analytic: (b) => b },
];

/** Every pipeline figure of the document, in document order. */
export function pipelineFigures(p: Pipeline): Figure[] {
  const rows = figureRows(PIPELINE_FIGURES, p, 'pipeline', '');
  const blast = p.analytic.blast_radius;
  for (const id of Object.keys(p.tasks ?? blast ?? {})) {
    const t = p.tasks?.[id];
    rows.push(...(t ? figureRows(TASK_FIGURES, { t, blast: blast?.[id] }, 'pipeline', id) : figureRows(TASK_ANALYTIC_FIGURES, blast?.[id], 'pipeline', id)));
  }
  return rows;
}
