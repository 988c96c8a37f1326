// The analytic figures of each explicit job: workers, nodes spanned, E[step] (m·H_n for
// exponential steps), data-parallel efficiency, run time without queueing, Young/Daly interval.
import type { JobAnalytic } from '../../../simulation/analytic/cluster';
import { formatNumber, formatPercent } from '../../format/numbers';
import { formatDurationS } from '../../charts/cluster/duration-unit';

const SHOWN = 12;

function JobRow({ id, j }: { id: string; j: JobAnalytic }) {
  return (
    <tr>
      <th scope="row"><code>{id}</code></th>
      <td className="num">{formatNumber(j.workers, 0)}</td>
      <td className="num">{formatNumber(j.nodes, 0)}</td>
      <td className="num">{j.expected_step_s === null ? '—' : `${formatNumber(j.expected_step_s)} s`}</td>
      <td className="num">{j.parallel_efficiency === null ? '—' : formatPercent(j.parallel_efficiency)}</td>
      <td className="num">{j.expected_run_s === null ? '—' : formatDurationS(j.expected_run_s)}</td>
      <td className="num">{j.young_daly_interval_s === null ? '—' : formatDurationS(j.young_daly_interval_s)}</td>
    </tr>
  );
}

function JobTable({ entries, label }: { entries: [string, JobAnalytic][]; label: string }) {
  return (
    <table className="data-table" aria-label={label}>
      <thead>
        <tr>
          <th scope="col">Job</th>
          <th scope="col" className="num">GPUs</th>
          <th scope="col" className="num">Nodes</th>
          <th scope="col" className="num">E[step]</th>
          <th scope="col" className="num">Efficiency</th>
          <th scope="col" className="num">Run, no queue</th>
          <th scope="col" className="num">Young/Daly</th>
        </tr>
      </thead>
      <tbody>
        {entries.map(([id, j]) => <JobRow key={id} id={id} j={j} />)}
      </tbody>
    </table>
  );
}

export function AnalyticJobsTable({ jobs }: { jobs: Record<string, JobAnalytic> }) {
  const entries = Object.entries(jobs);
  if (entries.length === 0) return null;
  return (
    <section className="card cluster-jobs" aria-labelledby="cluster-jobs-heading">
      <h4 id="cluster-jobs-heading">Analytic step time per job</h4>
      <p className="card-note">E[step] = expected slowest of the job’s workers + all-reduce, without slow nodes; efficiency = mean step ÷ E[step] (1/H_n for exponential steps).</p>
      <JobTable entries={entries.slice(0, SHOWN)} label="Analytic figures per job" />
      {entries.length > SHOWN && (
        <details className="more-jobs">
          <summary>{formatNumber(entries.length - SHOWN, 0)} more jobs</summary>
          <JobTable entries={entries.slice(SHOWN)} label="Analytic figures per job, continued" />
        </details>
      )}
    </section>
  );
}
