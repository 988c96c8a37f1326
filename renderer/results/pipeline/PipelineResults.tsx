// The pipeline block of a run: success against ∏(1 − p), makespan against the critical path,
// the DAG with failure propagation, and how every task ended. The DAG's edges come from the
// scenario in the editor (the result holds figures, not structure); edges naming tasks the run
// does not know are dropped, and the run's header already says when the editor has moved on.
import type { ResultDocument } from '../../../electron/common/contract';
import type { PipelineTaskResult } from '../../../simulation/pipeline/types';
import type { MaybeStat } from '../../../simulation/result/types';
import { formatNumber, formatPercent, formatStat, formatStatPercent } from '../../format/numbers';
import { useAppStore } from '../../store';
import { ComparisonTable, type ComparisonRowText } from '../ComparisonTable';
import { PipelineSummaryCharts, TaskStatesChart } from '../../charts/pipeline/PipelineCharts';
import { MAX_DRAWN_TASKS, PipelineDag } from './PipelineDag';

const EMPTY_EDGES: [string, string][] = [];

/** Seconds as minutes (the seed article's unit), keeping the CI. */
function minutes(stat: MaybeStat): string {
  return formatStat(stat, 'min', 1 / 60);
}

function Headline({ p }: { p: NonNullable<ResultDocument['pipeline']> }) {
  const a = p.analytic;
  const rows: ComparisonRowText[] = [
    { label: 'Every task succeeds', analytic: `${formatPercent(a.reliability_with_retries, 2)}${a.reliability_with_retries !== a.reliability ? ` (∏(1 − p) ${formatPercent(a.reliability, 2)} without retries)` : ' = ∏(1 − p)'}`, simulated: formatStatPercent(p.success_rate ?? null) },
    { label: 'DAG run succeeds (every leaf success or skipped)', analytic: '—', simulated: formatStatPercent(p.dag_run_success_rate ?? null) },
    { label: 'Makespan, mean (a failed run ends early)', analytic: '—', simulated: minutes(p.makespan_s?.mean ?? null) },
    { label: 'Makespan, p50', analytic: `${formatNumber(a.critical_path_s / 60)} min critical path (CPM)`, simulated: minutes(p.makespan_s?.p50 ?? null) },
    { label: 'Makespan, p95', analytic: '—', simulated: minutes(p.makespan_s?.p95 ?? null) },
    { label: 'Makespan, p99', analytic: '—', simulated: minutes(p.makespan_s?.p99 ?? null) },
  ];
  return <ComparisonTable rows={rows} labelledBy="pipeline-compare" />;
}

function TaskTable({ ids, tasks }: { ids: string[]; tasks: Record<string, PipelineTaskResult> }) {
  const pct = (s: MaybeStat) => (s ? formatPercent(s.mean) : '—');
  return (
    <div className="table-scroll">
      <table className="data-table task-table" aria-label="How each task ended over the runs">
        <thead>
          <tr>
            <th scope="col">Task</th>
            <th scope="col" className="num">Success</th>
            <th scope="col" className="num">Failed</th>
            <th scope="col" className="num">Upstream failed</th>
            <th scope="col" className="num">Skipped</th>
            <th scope="col" className="num">Attempts</th>
            <th scope="col" className="num">Critical</th>
            <th scope="col" className="num" title="Descendants that did not run, per failure of this task">Blast radius</th>
          </tr>
        </thead>
        <tbody>
          {ids.map((id) => {
            const t = tasks[id];
            return (
              <tr key={id}>
                <th scope="row"><code>{id}</code></th>
                <td className="num">{pct(t?.success ?? null)}</td>
                <td className="num">{pct(t?.failed ?? null)}</td>
                <td className="num">{pct(t?.upstream_failed ?? null)}</td>
                <td className="num">{pct(t?.skipped ?? null)}</td>
                <td className="num">{t?.attempts_mean ? formatNumber(t.attempts_mean.mean, 2) : '—'}</td>
                <td className="num">{pct(t?.criticality ?? null)}</td>
                <td className="num">{t?.blast_radius ? formatNumber(t.blast_radius.mean, 1) : '—'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

export function PipelineResults({ result }: { result: ResultDocument }) {
  const edges = useAppStore((s) => s.lastValid?.pipeline?.edges ?? EMPTY_EDGES);
  const p = result.pipeline;
  if (!p?.tasks) return null;
  const tasks = p.tasks;
  const ids = Object.keys(tasks);
  return (
    <section className="card pipeline-results" aria-labelledby="pipeline-compare">
      <h3 id="pipeline-compare">Pipeline — {formatNumber(p.runs ?? 0, 0)} runs</h3>
      <Headline p={p} />
      <PipelineSummaryCharts pipeline={p} />
      {ids.length <= MAX_DRAWN_TASKS
        ? <PipelineDag ids={ids} edges={edges as [string, string][]} tasks={tasks} criticalPath={p.critical_path ?? []} />
        : <p className="card-note">The DAG has {ids.length} tasks, too many to draw legibly; the table lists every task.</p>}
      <TaskStatesChart tasks={tasks} />
      <TaskTable ids={ids} tasks={tasks} />
    </section>
  );
}
