// The `cluster` block of a result document as the renderer reads it: simulated (`run`) or
// analytic only (`analyze`, or a run that did not simulate the section), and the analytic
// per-job figures folded into one figure comparable with the simulated aggregate
// (simulation/analytic/cluster.ts, shared with the reports). Pure.
import type { ClusterResult } from '../../../simulation';
import type { ResultDocument } from '../../../simulation';

export type ClusterBlock = NonNullable<ResultDocument['cluster']>;
export type SimulatedCluster = ClusterResult;

/** A block with the simulated figures (pools, jobs, allocation, series). */
export function isSimulatedCluster(c: ClusterBlock | undefined): c is ClusterBlock & SimulatedCluster {
  return !!c && c.pools !== undefined && c.jobs !== undefined && c.allocation !== undefined && c.series !== undefined && c.events !== undefined;
}

export { aggregateAnalyticJobs, type AnalyticJobsAggregate } from '../../../simulation';
