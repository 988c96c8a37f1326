// The cluster figures of a result document: per pool (target, allocated and busy utilization
// beside the allocation snapshot), the jobs (completion time, queueing delay, step time beside
// E[step], stragglers, goodput), the cluster's makespan, failures and allocation shares, each
// explicit job's barrier order statistics, and the Young/Daly checkpoint intervals.
import { aggregateAnalyticJobs, type JobAnalytic, type PoolAnalytic } from '../analytic/cluster';
import type { ResultDocument } from '../result/types';
import { figureRows, type Figure, type FigureDef } from './figure';

type Cluster = NonNullable<ResultDocument['cluster']>;
type PoolResult = NonNullable<Cluster['pools']>[string];
type Jobs = NonNullable<Cluster['jobs']>;
type Checkpoint = NonNullable<Cluster['analytic']['checkpoint']>;

export const POOL_FIGURES: FigureDef<{ a: PoolAnalytic; p: PoolResult | undefined }>[] = [
  { key: 'utilization_target', label: 'Utilization target', short: 'Target', unit: 'fraction', analytic: (e) => e.p?.utilization_target ?? e.a.utilization_target },
  { key: 'utilization', label: 'Allocated utilization (analytic: snapshot)', short: 'Allocated', unit: 'fraction', stat: (e) => (e.p ? e.p.utilization : undefined), analytic: (e) => e.a.allocated_utilization },
  { key: 'analytic.allocated_utilization', label: 'Allocated utilization (snapshot)', short: 'Snapshot', unit: 'fraction', analytic: (e) => (e.p ? undefined : e.a.allocated_utilization) },
  { key: 'busy_utilization', label: 'Busy utilization (useful work)', short: 'Busy', unit: 'fraction', stat: (e) => e.p?.busy_utilization },
];

type JobsEntity = { j: Jobs; agg: ReturnType<typeof aggregateAnalyticJobs> };

export const JOBS_FIGURES: FigureDef<JobsEntity>[] = [
  { key: 'submitted', label: 'Jobs submitted (total, all replications)', unit: 'count', value: (e) => e.j.submitted },
  { key: 'completed', label: 'Jobs completed (total)', unit: 'count', value: (e) => e.j.completed },
  { key: 'unfinished', label: 'Jobs unfinished at the horizon (total)', unit: 'count', value: (e) => e.j.unfinished },
  { key: 'jct_s.mean', label: 'Job completion time, mean', unit: 's', stat: (e) => e.j.jct_s.mean },
  { key: 'jct_s.p50', label: 'Job completion time p50', unit: 's', stat: (e) => e.j.jct_s.p50 },
  { key: 'jct_s.p95', label: 'Job completion time p95', unit: 's', stat: (e) => e.j.jct_s.p95 },
  { key: 'jct_s.p99', label: 'Job completion time p99', unit: 's', stat: (e) => e.j.jct_s.p99 },
  { key: 'queue_delay_s.mean', label: 'Queueing delay, mean', unit: 's', stat: (e) => e.j.queue_delay_s.mean },
  { key: 'queue_delay_s.p95', label: 'Queueing delay p95', unit: 's', stat: (e) => e.j.queue_delay_s.p95 },
  { key: 'step_time_s.mean', label: 'Step time, mean (analytic: E[step], explicit jobs)', unit: 's', stat: (e) => e.j.step_time_s.mean, analytic: (e) => e.agg.expectedStepS },
  { key: 'parallel_efficiency', label: 'Parallel efficiency (analytic: no slow nodes)', unit: 'fraction', stat: (e) => e.j.parallel_efficiency, analytic: (e) => e.agg.parallelEfficiency },
  { key: 'straggler_wait_fraction', label: 'Straggler (barrier) wait fraction', unit: 'fraction', stat: (e) => e.j.straggler_wait_fraction },
  { key: 'sync_slowdown', label: 'Synchronization slowdown', unit: 'ratio', stat: (e) => e.j.sync_slowdown },
  { key: 'goodput', label: 'Goodput', unit: 'fraction', stat: (e) => e.j.goodput },
];

export const CLUSTER_FIGURES: FigureDef<Cluster>[] = [
  { key: 'makespan_s', label: 'Makespan (last job completion)', unit: 's', stat: (c) => c.makespan_s },
  { key: 'events.node_failures', label: 'Node failures (total, all replications)', unit: 'count', value: (c) => c.events?.node_failures },
  { key: 'events.preemptions', label: 'Preemptions (total)', unit: 'count', value: (c) => c.events?.preemptions },
  { key: 'events.restarts', label: 'Restarts (total)', unit: 'count', value: (c) => c.events?.restarts },
];

export const JOB_ANALYTIC_FIGURES: FigureDef<JobAnalytic>[] = [
  { key: 'analytic.workers', label: 'Workers', unit: 'count', analytic: (j) => j.workers },
  { key: 'analytic.nodes', label: 'Nodes spanned', short: 'Nodes', unit: 'count', analytic: (j) => j.nodes },
  { key: 'analytic.expected_step_s', label: 'Expected step time', short: 'Expected step', unit: 's', analytic: (j) => j.expected_step_s },
  { key: 'analytic.parallel_efficiency', label: 'Parallel efficiency (analytic)', short: 'Parallel efficiency', unit: 'fraction', analytic: (j) => j.parallel_efficiency },
  { key: 'analytic.expected_run_s', label: 'Run time without queueing or failures', short: 'Run time (no queueing)', unit: 's', analytic: (j) => j.expected_run_s },
  { key: 'analytic.young_daly_interval_s', label: 'Young/Daly checkpoint interval', short: 'Young/Daly interval', unit: 's', analytic: (j) => j.young_daly_interval_s },
];

export const CHECKPOINT_FIGURES: FigureDef<Checkpoint>[] = [
  { key: 'analytic.node_mtbf_s', label: 'Node MTBF', unit: 's', analytic: (c) => c.node_mtbf_s },
  { key: 'analytic.checkpoint_cost_s', label: 'Checkpoint cost, mean', unit: 's', analytic: (c) => c.checkpoint_cost_s },
  { key: 'analytic.checkpoint_interval_s', label: 'Configured checkpoint interval', unit: 's', analytic: (c) => c.checkpoint_interval_s },
];

/** Every cluster figure of the document, in document order. */
export function clusterFigures(c: Cluster): Figure[] {
  const an = c.analytic;
  const rows: Figure[] = [];
  for (const [id, a] of Object.entries(an.pools)) rows.push(...figureRows(POOL_FIGURES, { a, p: c.pools?.[id] }, 'cluster', id));
  const j = c.jobs;
  if (j) {
    rows.push(...figureRows(JOBS_FIGURES, { j, agg: aggregateAnalyticJobs(an.jobs) }, 'cluster', 'jobs'));
    for (const [name, d] of [['jct_s', 'Job completion time'], ['queue_delay_s', 'Queueing delay']] as const) {
      for (const q of j[name].quantiles ?? []) {
        rows.push(...figureRows([{ key: `${name}.quantile_${q.q}`, label: `${d}, quantile ${q.q}`, unit: 's', stat: () => q.value }], null, 'cluster', 'jobs'));
      }
    }
  }
  rows.push(...figureRows(CLUSTER_FIGURES, c, 'cluster', ''));
  for (const [key, s] of Object.entries(c.allocation ?? {})) {
    rows.push(...figureRows([{ key: `allocation.${key}`, label: `Allocated time: ${key.replace('_', '-')}`, unit: 'fraction', stat: () => s }], null, 'cluster', ''));
  }
  for (const [id, ja] of Object.entries(an.jobs ?? {})) rows.push(...figureRows(JOB_ANALYTIC_FIGURES, ja, 'cluster', id));
  const ck = an.checkpoint;
  if (ck) {
    rows.push(...figureRows(CHECKPOINT_FIGURES, ck, 'cluster', 'checkpoint'));
    for (const y of ck.young_daly) {
      rows.push(...figureRows([{ key: `analytic.young_daly.nodes_${y.nodes}.interval_s`, label: `Young/Daly interval, ${y.nodes}-node job`, unit: 's', analytic: () => y.interval_s }], null, 'cluster', 'checkpoint'));
    }
  }
  return rows;
}
