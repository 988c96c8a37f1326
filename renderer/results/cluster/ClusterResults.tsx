// The GPU cluster's results: utilization vs target, where the allocated time goes, the JCT and
// queueing-delay distributions, each pool over time, the node-occupancy heatmap, and the
// analytic-beside-simulated tables. A block without simulated figures shows the tables only.
import type { ResultDocument } from '../../../simulation';
import { AllocationChart } from '../../charts/cluster/AllocationChart';
import { OccupancyHeatmap } from '../../charts/cluster/OccupancyHeatmap';
import { PoolSeriesChart } from '../../charts/cluster/PoolSeriesChart';
import { QuantileCdfChart } from '../../charts/cluster/QuantileCdfChart';
import { UtilizationChart } from '../../charts/cluster/UtilizationChart';
import { formatNumber } from '../../format/numbers';
import { useAppStore } from '../../store';
import { AnalyticJobsTable } from './AnalyticJobsTable';
import { ClusterComparison, SimulatedJobFigures, YoungDalyTable } from './ClusterComparison';
import { isSimulatedCluster } from './cluster-result';

export function ClusterResults({ result }: { result: ResultDocument }) {
  const cursorS = useAppStore((s) => s.playbackT);
  const c = result.cluster;
  if (!c) return null;
  // A cluster with pools but no jobs (the seed article's snapshot) has nothing to simulate:
  // its charts would only show zeros, so it gets the analytic table and a pointer instead.
  const noJobs = isSimulatedCluster(c) && c.jobs.submitted === 0;
  const simulated = isSimulatedCluster(c) && !noJobs ? c : null;
  const j = simulated?.jobs;
  return (
    <section className="cluster-results" aria-labelledby="cluster-results-heading">
      <div className="cluster-head">
        <h3 id="cluster-results-heading">GPU cluster</h3>
        {simulated && j ? (
          <p className="card-note">
            {formatNumber(Object.keys(simulated.pools).length, 0)} pools · {formatNumber(j.submitted, 0)} jobs submitted, {formatNumber(j.completed, 0)} completed, {formatNumber(j.unfinished, 0)} unfinished at the
            horizon · {formatNumber(simulated.events.node_failures, 0)} node failures, {formatNumber(simulated.events.restarts, 0)} restarts (totals over {formatNumber(result.replications, 0)} replications)
          </p>
        ) : noJobs ? (
          <p className="callout info"><strong>No jobs to simulate:</strong> the cluster section has pools only, so the table shows their allocation snapshot. Add <code>jobs</code>, a <code>job_generator</code> or a <code>job_trace</code> to simulate utilization, stragglers and failures.</p>
        ) : (
          <p className="callout info"><strong>Analytic only:</strong> this result has no simulated cluster figures; the table shows the formulas’ view.</p>
        )}
      </div>
      {simulated && j && (
        <div className="cluster-charts">
          <UtilizationChart pools={simulated.pools} analytic={c.analytic.pools} />
          <AllocationChart allocation={simulated.allocation} />
          <div className="cluster-pair">
            <QuantileCdfChart title="Job-completion time (CDF)" what="Job-completion time" quantiles={j.jct_s.quantiles} />
            <QuantileCdfChart title="Queueing delay (CDF)" what="Queueing delay" quantiles={j.queue_delay_s.quantiles} />
          </div>
          {Object.entries(simulated.series.pools).map(([pool, series]) => (
            <PoolSeriesChart key={pool} pool={pool} series={series} bucketS={simulated.series.bucket_s} horizonS={result.horizon_s} target={simulated.pools[pool]?.utilization_target ?? null} cursorS={cursorS} />
          ))}
          {simulated.occupancy && <OccupancyHeatmap grid={simulated.occupancy} horizonS={result.horizon_s} />}
        </div>
      )}
      <div className="cluster-tables">
        <ClusterComparison analytic={c.analytic} simulated={simulated} />
        {simulated && <SimulatedJobFigures simulated={simulated} />}
        {c.analytic.jobs && <AnalyticJobsTable jobs={c.analytic.jobs} />}
        <YoungDalyTable analytic={c.analytic} />
      </div>
    </section>
  );
}
