// The pipeline block of a run: success against ∏(1 − p), makespan against the critical path,
// the DAG with failure propagation, the sampled runs over time (a Gantt chart whose picked run
// also colours the DAG while the playback cursor is set), and how every task ended. The DAG's edges come from the
// scenario in the editor (the result holds figures, not structure); edges naming tasks the run
// does not know are dropped, and the run's header already says when the editor has moved on.
import { useMemo, useState } from 'react';
import type { ResultDocument } from '../../../electron/common/contract';
import { figureIndex, type Figure } from '../../../simulation/present';
import { pipelineFigures } from '../../../simulation/present';
import { formatNumber } from '../../format/numbers';
import { useAppStore } from '../../store';
import { ComparisonTable } from '../ComparisonTable';
import { meanCell } from '../figure-rows';
import { pipelineComparisonRows, TASK_COLUMNS } from './pipeline-rows';
import { PipelineSummaryCharts, TaskStatesChart } from '../../charts/pipeline/PipelineCharts';
import { MAX_DRAWN_TASKS, PipelineDag } from './PipelineDag';
import { SampledRunsGantt } from './SampledRuns';
import { topologicalOrder } from '../../charts/pipeline/gantt';

const EMPTY_EDGES: [string, string][] = [];

function TaskTable({ ids, figs }: { ids: string[]; figs: readonly Figure[] }) {
  const at = figureIndex(figs);
  return (
    <div className="table-scroll">
      <table className="data-table task-table" aria-label="How each task ended over the runs">
        <thead>
          <tr>
            <th scope="col">Task</th>
            {TASK_COLUMNS.map((d) => (
              <th key={d.key} scope="col" className="num" title={typeof d.label === 'string' && d.label !== d.short ? d.label : undefined}>{d.short ?? d.label as string}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {ids.map((id) => (
            <tr key={id}>
              <th scope="row"><code>{id}</code></th>
              {TASK_COLUMNS.map((d) => <td key={d.key} className="num">{meanCell(at('pipeline', id, d.key))}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function PipelineResults({ result }: { result: ResultDocument }) {
  const edges = useAppStore((s) => s.lastValid?.pipeline?.edges ?? EMPTY_EDGES);
  const playbackT = useAppStore((s) => s.playbackT);
  const [picked, setPicked] = useState(0);
  const p = result.pipeline;
  const samples = p?.sample_runs;
  const taskResults = p?.tasks;
  const order = useMemo(() => (taskResults ? topologicalOrder(Object.keys(taskResults), edges) : []), [taskResults, edges]);
  if (!p?.tasks) return null;
  const tasks = p.tasks;
  const ids = Object.keys(tasks);
  const figs = pipelineFigures(p);
  const run = samples && samples.length > 0 ? samples[Math.min(picked, samples.length - 1)] : undefined;
  return (
    <section className="card pipeline-results" aria-labelledby="pipeline-compare">
      <h3 id="pipeline-compare">Pipeline — {formatNumber(p.runs ?? 0, 0)} runs</h3>
      <ComparisonTable rows={pipelineComparisonRows(figs)} labelledBy="pipeline-compare" />
      <PipelineSummaryCharts pipeline={p} />
      {ids.length <= MAX_DRAWN_TASKS
        ? <PipelineDag ids={ids} edges={edges as [string, string][]} tasks={tasks} criticalPath={p.critical_path ?? []} atS={playbackT} sampleRun={run ?? null} />
        : <p className="card-note">The DAG has {ids.length} tasks, too many to draw legibly; the table lists every task.</p>}
      {samples && samples.length > 0 && (
        <SampledRunsGantt runs={samples} selected={Math.min(picked, samples.length - 1)} onSelect={setPicked} order={order} cursorS={playbackT} />
      )}
      <TaskStatesChart tasks={tasks} />
      <TaskTable ids={ids} figs={figs} />
    </section>
  );
}
