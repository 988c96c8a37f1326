// Plain-data types of the cluster model: what the host hands in (trace jobs) and what one
// replication reports (structured-cloneable, so a worker thread can post it). null marks a figure
// over an empty set, never NaN.

/** One job read from a trace by the host (`HostInputs.jobs`, keyed by the scenario path). */
export interface JobInput {
  id: string;
  arrival_s: number;
  /** Workers (GPUs) the job holds; gang-scheduled. */
  units: number;
  steps: number;
  /** Compute time of one worker for one step (fixed). */
  step_time_s: number;
  priority: number;
}

/**
 * The probabilities at which `jobs.jct_s.quantiles` and `jobs.queue_delay_s.quantiles` are given,
 * as percents (exact integers, so p50/p95/p99 are the very same nearest-rank computation).
 */
export const CLUSTER_QUANTILE_PERCENTS = [1, 5, 10, 25, 50, 75, 90, 95, 99] as const;

export type { AllocationShares, OccupancyGrid, OccupancyRow, PoolSeries } from '../result/cluster';
import type { AllocationShares, OccupancyGrid, PoolSeries } from '../result/cluster';

/** The scenario path under which the host supplies the jobs of `cluster.job_trace`. */
export const JOB_TRACE_KEY = 'cluster.job_trace';

export interface PoolReplication {
  /** Time-average share of the pool's units allocated (jobs and pipeline tasks). */
  utilization: number | null;
  /** Time-average share doing useful work: compute and all-reduce of kept steps, task holds. */
  busy_utilization: number | null;
}

export interface ClusterReplication {
  submitted: number;
  completed: number;
  /** Submitted but not completed at the horizon (waiting or running). */
  unfinished: number;
  node_failures: number;
  preemptions: number;
  /** Runs restarted after a failure or a preemption. */
  restarts: number;
  jct_s: { mean: number | null; p50: number | null; p95: number | null; p99: number | null };
  queue_delay_s: { mean: number | null; p95: number | null };
  /** Nearest-rank percentiles at CLUSTER_QUANTILES (same order; null when no job completed / started). */
  jct_quantiles: (number | null)[];
  queue_delay_quantiles: (number | null)[];
  step_time_s: { mean: number | null };
  parallel_efficiency: number | null;
  straggler_wait_fraction: number | null;
  sync_slowdown: number | null;
  goodput: number | null;
  makespan_s: number | null;
  pools: Record<string, PoolReplication>;
  allocation: AllocationShares;
  series: { bucket_s: number; pools: Record<string, PoolSeries> };
  occupancy?: OccupancyGrid;
}

/** How the host runs one replication of the cluster model. */
export interface ClusterOptions {
  seed: number;
  replication: number;
  warmup: number;
  horizon: number;
  /** Jobs of `cluster.job_trace`, read by the host. */
  trace?: readonly JobInput[];
  /** Record the per-node occupancy grid (one replication is enough for a heatmap). */
  grid?: boolean;
  /** Check the allocation invariants after every change (tests). */
  audit?: boolean;
  /** Called on every state change (tests, debugging). */
  observe?: (e: ClusterObservation) => void;
}

export interface ClusterObservation {
  t: number;
  kind: 'arrive' | 'start' | 'checkpoint' | 'complete' | 'evict' | 'fail' | 'repair' | 'stop';
  pool: string;
  job?: string;
  node?: number;
}

export interface JobRecord {
  id: string;
  pool: string;
  arrival: number;
  firstStart: number | null;
  completion: number | null;
  stepsKept: number;
}
