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

/** The simulated figures of the `pipeline` block (the analytic block sits beside them). */
export interface PipelineSimulated {
  runs: number;
  success_rate: MaybeStat;
  dag_run_success_rate: MaybeStat;
  makespan_s: { mean: MaybeStat; p50: MaybeStat; p95: MaybeStat; p99: MaybeStat };
  tasks: Record<string, PipelineTaskResult>;
  critical_path: string[];
}
