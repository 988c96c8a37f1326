// The analytic figures of each explicit job: workers, nodes spanned, E[step] (m·H_n for
// exponential steps), data-parallel efficiency, run time without queueing, Young/Daly interval.
import type { JobAnalytic } from '../../../simulation';
import { valueText } from '../../../simulation/present';
import { JOB_ANALYTIC_FIGURES } from '../../../simulation/present';
import { APP_NUMBERS, formatNumber } from '../../format/numbers';

const SHOWN = 12;

/** The catalogue's per-job analytic figures, one column each, headed by their short labels. */
function JobTable({ entries, label }: { entries: [string, JobAnalytic][]; label: string }) {
  return (
    <table className="data-table" aria-label={label}>
      <thead>
        <tr>
          <th scope="col">Job</th>
          {JOB_ANALYTIC_FIGURES.map((d) => <th key={d.key} scope="col" className="num">{d.short ?? (d.label as string)}</th>)}
        </tr>
      </thead>
      <tbody>
        {entries.map(([id, j]) => (
          <tr key={id}>
            <th scope="row"><code>{id}</code></th>
            {JOB_ANALYTIC_FIGURES.map((d) => <td key={d.key} className="num">{valueText(APP_NUMBERS, d.analytic?.(j), d.unit)}</td>)}
          </tr>
        ))}
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
