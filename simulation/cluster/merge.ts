// Cluster replications → the `cluster` block of the result document. Counts are totals over the
// replications; every other figure is a Stat (mean and Student-t 95% CI over the replications
// where it is defined; null when it is defined in none). Charts: series are averaged bucket by
// bucket; the occupancy grid is replication 0's (a heatmap of one realization). Keys are inserted
// in one fixed order, so the document is byte-stable.
import type { ClusterAnalytic, ClusterResult, QuantileStat } from '../result/cluster';
import type { ResultDocument } from '../result/types';
import type { ReplicationOutcome } from '../run/replication';
import type { ClusterSpec, Scenario } from '../scenario/schema';
import { NON_NEGATIVE, SHARE, statOf, type StatRange } from '../stats/stat';
import { round4 } from './buckets';
import { CLUSTER_QUANTILE_PERCENTS, type ClusterReplication, type PoolSeries } from './types';

export type { ClusterResult, QuantileStat } from '../result/cluster';

export function mergeCluster(spec: ClusterSpec, reps: readonly ClusterReplication[], analytic: ClusterAnalytic): ClusterResult {
  const stat = (pick: (r: ClusterReplication) => number | null, range: StatRange = NON_NEGATIVE) => statOf(reps.map(pick), range);
  const total = (pick: (r: ClusterReplication) => number) => reps.reduce((s, r) => s + pick(r), 0);
  const quantiles = (pick: (r: ClusterReplication) => readonly (number | null)[]): QuantileStat[] =>
    CLUSTER_QUANTILE_PERCENTS.map((p, i) => ({ q: p / 100, value: stat((r) => pick(r)[i] ?? null) }));
  const pools: ClusterResult['pools'] = {};
  const series: ClusterResult['series'] = { bucket_s: reps[0]?.series.bucket_s ?? 0, pools: {} };
  for (const p of spec.pools) {
    const utilization = stat((r) => r.pools[p.id]?.utilization ?? null, SHARE);
    const target = p.utilization_target ?? null;
    pools[p.id] = {
      utilization,
      busy_utilization: stat((r) => r.pools[p.id]?.busy_utilization ?? null, SHARE),
      utilization_target: target,
      over_target: utilization === null || target === null ? null : utilization.mean > target,
    };
    const rows = reps.flatMap((r) => (r.series.pools[p.id] ? [r.series.pools[p.id] as PoolSeries] : []));
    series.pools[p.id] = {
      allocated: averageSeries(rows.map((s) => s.allocated)),
      busy: averageSeries(rows.map((s) => s.busy)),
      queued: averageSeries(rows.map((s) => s.queued)),
    };
  }
  const out: ClusterResult = {
    pools,
    jobs: {
      submitted: total((r) => r.submitted),
      completed: total((r) => r.completed),
      unfinished: total((r) => r.unfinished),
      jct_s: {
        mean: stat((r) => r.jct_s.mean), p50: stat((r) => r.jct_s.p50), p95: stat((r) => r.jct_s.p95), p99: stat((r) => r.jct_s.p99),
        quantiles: quantiles((r) => r.jct_quantiles),
      },
      queue_delay_s: { mean: stat((r) => r.queue_delay_s.mean), p95: stat((r) => r.queue_delay_s.p95), quantiles: quantiles((r) => r.queue_delay_quantiles) },
      step_time_s: { mean: stat((r) => r.step_time_s.mean) },
      parallel_efficiency: stat((r) => r.parallel_efficiency, SHARE),
      straggler_wait_fraction: stat((r) => r.straggler_wait_fraction, SHARE),
      sync_slowdown: stat((r) => r.sync_slowdown),
      goodput: stat((r) => r.goodput, SHARE),
    },
    makespan_s: stat((r) => r.makespan_s),
    events: { node_failures: total((r) => r.node_failures), preemptions: total((r) => r.preemptions), restarts: total((r) => r.restarts) },
    allocation: {
      compute: stat((r) => r.allocation.compute, SHARE),
      all_reduce: stat((r) => r.allocation.all_reduce, SHARE),
      barrier_wait: stat((r) => r.allocation.barrier_wait, SHARE),
      checkpoint: stat((r) => r.allocation.checkpoint, SHARE),
      restart: stat((r) => r.allocation.restart, SHARE),
      lost: stat((r) => r.allocation.lost, SHARE),
    },
    series,
    analytic,
  };
  const grid = reps[0]?.occupancy;
  if (grid) {
    out.occupancy = grid;
    // Keep `analytic` last, as in the other sections.
    delete (out as Partial<ClusterResult>).analytic;
    out.analytic = analytic;
  }
  return out;
}

/** Replaces the document's analytic-only cluster block by the merged simulated one. */
export function mergeClusterSection(doc: ResultDocument, scenario: Scenario, sorted: readonly ReplicationOutcome[]): void {
  if (!scenario.cluster || !doc.cluster) return;
  const reps = sorted.flatMap((o) => (o.cluster ? [o.cluster] : []));
  doc.cluster = mergeCluster(scenario.cluster, reps, doc.cluster.analytic);
}

function averageSeries(rows: readonly number[][]): number[] {
  const first = rows[0];
  if (!first) return [];
  return first.map((_, i) => round4(rows.reduce((s, r) => s + (r[i] ?? 0), 0) / rows.length));
}
