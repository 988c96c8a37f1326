// Which pipeline figures the app shows, by catalogue key (simulation/present/figures-pipeline.ts):
// the run's figures beside their formulas, and the task table's columns. Pure.
import type { Figure } from '../../../simulation/present';
import { TASK_FIGURES } from '../../../simulation/present';
import { figureRowTexts, type FigureRowText } from '../figure-rows';

export const PIPELINE_COMPARISON_KEYS = [
  'success_rate', 'dag_run_success_rate', 'analytic.reliability', 'makespan_s.mean', 'makespan_s.p50', 'makespan_s.p95', 'makespan_s.p99', 'analytic.critical_path_s',
] as const;

/** The task table's columns, headed by the figures' short labels (pool waits only in the reports). */
export const TASK_COLUMNS = TASK_FIGURES.filter((d) => d.key !== 'pool_wait_s');

export function pipelineComparisonRows(figs: readonly Figure[]): FigureRowText[] {
  return figureRowTexts(figs.filter((f) => f.entity === ''), PIPELINE_COMPARISON_KEYS);
}
