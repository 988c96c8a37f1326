// The pipeline figures in the app, each the pure figure at its box's measured width: success
// rate and makespan side by side, and how each task ended.
import type { ResultDocument } from '../../../simulation';
import { measured } from '../measured';
import { MakespanFigure } from './MakespanFigure';
import { SuccessRateFigure } from './SuccessRateFigure';
import { TaskStatesFigure } from './TaskStatesFigure';

export const SuccessRateChart = measured(SuccessRateFigure, 340);
export const MakespanChart = measured(MakespanFigure, 340);
export const TaskStatesChart = measured(TaskStatesFigure);

export function PipelineSummaryCharts({ pipeline: p }: { pipeline: NonNullable<ResultDocument['pipeline']> }) {
  if (!p.success_rate && !p.makespan_s) return null;
  return (
    <div className="pipeline-charts">
      {p.success_rate && (
        <SuccessRateChart successRate={p.success_rate} dagRunSuccessRate={p.dag_run_success_rate ?? null} reliability={p.analytic.reliability} reliabilityWithRetries={p.analytic.reliability_with_retries} />
      )}
      {p.makespan_s && <MakespanChart makespan={p.makespan_s} criticalPathS={p.analytic.critical_path_s} />}
    </div>
  );
}
