// "Analytic beside simulated" for the cluster: pool utilization against the allocation
// snapshot, step time and parallel efficiency against E[step] = m·H_n; then the simulated job
// and failure figures, and the Young/Daly checkpoint intervals.
import type { ClusterAnalytic } from '../../../simulation';
import { FIGURE_COLUMNS, YOUNG_DALY_FIGURES } from '../../../simulation/present';
import { formatDurationS } from '../../charts/cluster/duration-unit';
import { jobRows, poolRows, simulatedJobRows, youngDalyRows } from './cluster-rows';
import type { SimulatedCluster } from './cluster-result';
import { FigureTable } from '../FigureTable';

interface Props {
  analytic: ClusterAnalytic;
  /** null: the section was not simulated (analytic only). */
  simulated: SimulatedCluster | null;
}

export function ClusterComparison({ analytic, simulated }: Props) {
  const sim = simulated !== null;
  const rows = [...poolRows(analytic, simulated), ...jobRows(analytic, simulated)];
  return (
    <section className="card compare cluster-compare" aria-labelledby="cluster-compare-heading">
      <h4 id="cluster-compare-heading">
        Analytic vs simulated — GPU cluster{!sim && <span className="tag">analytic only (not simulated)</span>}
      </h4>
      <table className="data-table" aria-labelledby="cluster-compare-heading">
        <thead>
          <tr>
            <th scope="col">{FIGURE_COLUMNS.label}</th>
            <th scope="col" className="num">{FIGURE_COLUMNS.analytic}</th>
            {sim && <th scope="col" className="num">{FIGURE_COLUMNS.simulated}</th>}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} className={r.over ? 'over' : undefined}>
              <th scope="row">{r.label}</th>
              <td className="num">
                {r.analytic}
                {r.analyticNote && <span className="cell-note">{r.analyticNote}</span>}
              </td>
              {sim && (
                <td className="num">
                  {r.simulated}
                  {r.simulatedNote && <span className="cell-note">{r.simulatedNote}</span>}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="card-note">
        Analytic step time and efficiency: the scenario’s explicit jobs, no slow nodes, no queueing (E[step] = E[slowest worker] + all-reduce; m·H_n for exponential steps), weighted by GPU time.
        Simulated: every measured job, with stragglers, failures and checkpoints.
      </p>
    </section>
  );
}

export function SimulatedJobFigures({ simulated }: { simulated: SimulatedCluster }) {
  return (
    <section className="card cluster-figures" aria-labelledby="cluster-figures-heading">
      <h4 id="cluster-figures-heading">Jobs, stragglers and failures (simulated)</h4>
      <FigureTable
        labelledBy="cluster-figures-heading"
        columns={[FIGURE_COLUMNS.label, FIGURE_COLUMNS.simulated]}
        rows={simulatedJobRows(simulated).map((r) => ({ key: r.key, head: r.label, cells: [r.value] }))}
      />
      <p className="card-note">Counts are totals over all replications.</p>
    </section>
  );
}

export function YoungDalyTable({ analytic }: { analytic: ClusterAnalytic }) {
  const c = analytic.checkpoint;
  if (!c) return null;
  return (
    <section className="card cluster-checkpoint" aria-labelledby="cluster-checkpoint-heading">
      <h4 id="cluster-checkpoint-heading">Checkpoint interval: Young/Daly</h4>
      <p className="card-note">
        √(2 · job MTBF · C) with node MTBF {formatDurationS(c.node_mtbf_s)} and checkpoint cost C = {formatDurationS(c.checkpoint_cost_s)};
        configured interval: <strong>{c.checkpoint_interval_s === null ? 'none' : formatDurationS(c.checkpoint_interval_s)}</strong>.
      </p>
      <table className="data-table" aria-labelledby="cluster-checkpoint-heading">
        <thead>
          <tr>
            {YOUNG_DALY_FIGURES.map((d, i) => <th key={d.key} scope="col" className={i === 0 ? undefined : 'num'}>{d.short}</th>)}
          </tr>
        </thead>
        <tbody>
          {youngDalyRows(analytic).map((r) => (
            <tr key={r.nodes}>
              <th scope="row">{r.nodes} node{r.nodes === 1 ? '' : 's'}</th>
              <td className="num">{r.mtbf}</td>
              <td className="num">{r.interval}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
