// The `cluster` block of the result document: what the merge of replications produces and what
// the analytic view computes. Types only, and a leaf: nothing here imports the models.
import type { MaybeStat } from './stat';

/** Shares of the allocated unit-time of jobs within the measured window (they sum to ≈ 1). */
export interface AllocationShares {
  compute: number | null;
  all_reduce: number | null;
  barrier_wait: number | null;
  checkpoint: number | null;
  restart: number | null;
  lost: number | null;
}

export interface PoolSeries {
  /** Per bucket: mean share of units allocated / busy, and mean number of waiting jobs. */
  allocated: number[];
  busy: number[];
  queued: number[];
}

export interface OccupancyRow {
  pool: string;
  /** First node (0-based, within the pool) and number of nodes in this row. */
  first_node: number;
  nodes: number;
  /** Persistently slow nodes among them. */
  slow_nodes: number;
}

/** Per-node occupancy heatmap (one replication): rows × buckets, values in [0, 1]. */
export interface OccupancyGrid {
  bucket_s: number;
  rows: OccupancyRow[];
  /** Share of the row's units allocated, per bucket. */
  allocated: number[][];
  /** Share of the row's units down (failed, under repair), per bucket. */
  down: number[][];
}

export interface PoolAnalytic {
  allocated_utilization: number | null;
  utilization_target: number | null;
  over_target: boolean | null;
}

export interface JobAnalytic {
  /** Workers held (units plus backup workers). */
  workers: number;
  /** Nodes the job spans under the scenario's placement when the pool is empty. */
  nodes: number;
  /** E[step] = E[barrier] + all-reduce, without slow nodes; null if the integral diverges. */
  expected_step_s: number | null;
  /** Compute per GPU held (workers and backups) up to the barrier ÷ E[step]: at most 1 (docs/cluster.md). */
  parallel_efficiency: number | null;
  /** steps × E[step]: the run time without queueing, failures or slow nodes. */
  expected_run_s: number | null;
  young_daly_interval_s: number | null;
}

export interface CheckpointAnalytic {
  node_mtbf_s: number;
  /** mean(checkpoint_cost_s). */
  checkpoint_cost_s: number;
  checkpoint_interval_s: number | null;
  /** √(2 · MTBF_job · C) for a job spanning `nodes` nodes (MTBF_job = node MTBF ÷ nodes). */
  young_daly: { nodes: number; mtbf_job_s: number; interval_s: number | null }[];
}

export interface ClusterAnalytic {
  pools: Record<string, PoolAnalytic>;
  /** Explicit jobs (the first MAX_ANALYTIC_JOBS). */
  jobs?: Record<string, JobAnalytic>;
  checkpoint?: CheckpointAnalytic;
}

/** One entry of a distribution: the per-replication nearest-rank percentile at probability q, merged. */
export interface QuantileStat {
  q: number;
  value: MaybeStat;
}

export interface ClusterResult {
  pools: Record<string, { utilization: MaybeStat; busy_utilization: MaybeStat; utilization_target: number | null; over_target: boolean | null }>;
  jobs: {
    submitted: number;
    completed: number;
    unfinished: number;
    jct_s: { mean: MaybeStat; p50: MaybeStat; p95: MaybeStat; p99: MaybeStat; quantiles: QuantileStat[] };
    queue_delay_s: { mean: MaybeStat; p95: MaybeStat; quantiles: QuantileStat[] };
    step_time_s: { mean: MaybeStat };
    parallel_efficiency: MaybeStat;
    straggler_wait_fraction: MaybeStat;
    sync_slowdown: MaybeStat;
    goodput: MaybeStat;
  };
  makespan_s: MaybeStat;
  events: { node_failures: number; preemptions: number; restarts: number };
  allocation: Record<keyof AllocationShares, MaybeStat>;
  series: { bucket_s: number; pools: Record<string, PoolSeries> };
  occupancy?: OccupancyGrid;
  analytic: ClusterAnalytic;
}
