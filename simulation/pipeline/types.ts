// Plain-data types of the pipeline model: task states, what one replication reports (counts and
// sums, structured-cloneable so a worker thread can post it) and the simulated part of the
// result document's `pipeline` block (docs/pipeline.md defines every figure).
export type { PipelineSimulated, PipelineTaskResult } from '../result/pipeline';

/** Task states. NONE: not final yet. */
export const NONE = 0, SUCCESS = 1, FAILED = 2, UPSTREAM_FAILED = 3, SKIPPED = 4;
export type TaskState = typeof SUCCESS | typeof FAILED | typeof UPSTREAM_FAILED | typeof SKIPPED;
export const STATE_NAMES = ['none', 'success', 'failed', 'upstream_failed', 'skipped'] as const;

/** One task over the runs of one replication (counts over ended runs). */
export interface PipelineTaskReplication {
  success: number;
  failed: number;
  upstream_failed: number;
  skipped: number;
  /** Runs in which the task ran (its trigger rule let it start) and its attempts in them. */
  ran: number;
  attempts: number;
  /** Runs in which the task lies on the realised critical path. */
  critical: number;
  /** Runs in which the task ended `failed`, and the sum over them of its blast (see docs). */
  blast_runs: number;
  blast_sum: number;
  /** Attempts that waited for pool units, and the sum of their waits (pool tasks only). */
  pool_waits: number;
  pool_wait_sum: number;
}

/** Counts from which the modal critical path is rebuilt after merging (docs/pipeline.md). */
export interface CriticalPathCounts {
  /** Per task: runs whose realised critical path ends at it (it was final last). */
  end: number[];
  /** Per task: runs whose realised critical path starts at it. */
  start: number[];
  /** Per edge (in the compiled DAG's predecessor order): runs whose path used it. */
  via: number[];
}

export interface PipelineReplication {
  /** Runs assigned to this replication (⌊runs/R⌋, plus one if index < runs mod R). */
  planned: number;
  /** Runs that ended (every task final); fewer than planned only when a cap stopped the run. */
  runs: number;
  /** Runs in which every task ended `success`. */
  succeeded: number;
  /** Runs in which every leaf ended `success` or `skipped` (Airflow's DAG run success). */
  dag_succeeded: number;
  makespan_s: { mean: number | null; p50: number | null; p95: number | null; p99: number | null };
  /** In `tasks[]` order. */
  tasks: PipelineTaskReplication[];
  paths: CriticalPathCounts;
}
