// The simulated figures of the `pipeline` block of the result document. Types only, a leaf.
import type { MaybeStat } from './stat';

export interface PipelineTaskResult {
  success: MaybeStat;
  failed: MaybeStat;
  upstream_failed: MaybeStat;
  skipped: MaybeStat;
  attempts_mean: MaybeStat;
  criticality: MaybeStat;
  blast_radius: MaybeStat;
  /** Tasks with a pool only: mean wait for the units per attempt. */
  pool_wait_s?: MaybeStat;
}

/** One stretch of a task's time in a sampled run (docs/pipeline.md, "Sampled runs"). */
export interface PipelineTaskSegment {
  /** gate: approval delay; attempt: an attempt running; retry_wait: between attempts; pool_wait: request to grant. */
  kind: 'gate' | 'attempt' | 'retry_wait' | 'pool_wait';
  /** Seconds from the run's start. */
  start_s: number;
  end_s: number;
  /** Attempts: whether it failed (failure draw or timeout). Gates: `true` when the gate rejected the task. */
  failed?: boolean;
}

/** One task in a sampled run. */
export interface PipelineSampleTask {
  id: string;
  state: 'success' | 'failed' | 'upstream_failed' | 'skipped';
  /** When the trigger rule decided (run start for roots and `always`), relative to the run start. */
  trigger_s: number;
  /** When the task became final, relative to the run start. */
  finish_s: number;
  attempts: number;
  /** True when a one_* rule fired on a satisfying upstream before waiting for the others. */
  early: boolean;
  /** In time order; empty for a task that did not run. */
  segments: PipelineTaskSegment[];
}

/** One run of replication 0, task by task (the `pipeline.sample_runs` extension). */
export interface PipelineSampleRun {
  /** Run index within the replication (0-based). */
  index: number;
  /** When the run started, in the replication's simulated time (k × run_interval_s with pools, else 0). */
  start_s: number;
  makespan_s: number;
  /** In `pipeline.tasks[]` order. */
  tasks: PipelineSampleTask[];
}

/** The simulated figures of the `pipeline` block (the analytic block sits beside them). */
export interface PipelineSimulated {
  runs: number;
  success_rate: MaybeStat;
  dag_run_success_rate: MaybeStat;
  makespan_s: { mean: MaybeStat; p50: MaybeStat; p95: MaybeStat; p99: MaybeStat };
  tasks: Record<string, PipelineTaskResult>;
  critical_path: string[];
  /** Extension: the first runs of replication 0 (docs/pipeline.md, "Sampled runs"); after `analytic` in the document. */
  sample_runs?: PipelineSampleRun[];
}
