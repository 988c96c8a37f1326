// The `headroom.result/v1` document (docs/result-format.md). Counts are plain
// integers; every other statistic is a `Stat` (mean over replications + Student-t 95% CI),
// or null when computed over an empty set.

import type { ClusterAnalytic, ClusterResult } from './cluster';
import type { LlmAnalytic, LlmServiceResult } from './llm';
import type { PipelineSimulated } from './pipeline';
import type { MaybeStat } from './stat';

export const RESULT_FORMAT = 'headroom.result/v1';

export type { MaybeStat, Stat } from './stat';
export type { LlmAnalytic, LlmLatencyStats, LlmServiceResult } from './llm';

export interface Summary {
  pipeline_total_duration_minutes?: number;
  pipeline_reliability?: number;
  mean_compute_utilization?: number;
  share_compute_pools_over_target?: number;
  serving_required_replicas?: number;
  serving_total_latency_ms?: number;
  serving_latency_margin_ms?: number;
  /** An `llm` services[0]: the roofline's figures (result-format.md, "summary"). */
  serving_llm_prefill_ms_per_1k_tokens?: number;
  serving_llm_decode_ms_per_token_batch_1?: number;
  serving_llm_decode_ms_per_token_at_max_num_seqs?: number;
  serving_llm_max_sustainable_rps?: number;
  infrastructure_readiness_score?: number;
}

export interface ErlangCFigures {
  p_wait: number;
  mean_wait_ms: number;
  p99_wait_ms: number;
}

export interface ServiceAnalytic {
  required_replicas: number;
  total_latency_ms: number;
  latency_margin_ms: number;
  utilization: number;
  erlang_c?: ErlangCFigures;
  pk?: { mean_wait_ms: number };
  /**
   * The fewest replicas whose implied utilization is below 1 (capacity reduced by the
   * availability when replicas fail): where `headroom solve` starts.
   */
  stable_replicas?: number;
  /** Share of time a replica serves when it fails: mtbf ÷ (mtbf + mean restart). */
  availability?: number;
  /** `replicas × cost_per_replica_hour` (present when the cost is given). */
  cost_per_hour?: number;
  /** The utilization each replica count implies, around the estimate (Erlang C where M/M/c). */
  by_replicas?: ReplicaCountAnalytic[];
  /** An `llm` service: the roofline's figures (./llm.ts). */
  llm?: LlmAnalytic;
}

export interface ReplicaCountAnalytic {
  replicas: number;
  utilization: number;
  erlang_c?: ErlangCFigures;
  cost_per_hour?: number;
}

/**
 * A service's figures over time, in fixed buckets over [0, horizon_s): bucket k covers
 * [k·bucket_s, (k+1)·bucket_s) (the last one may be shorter), warm-up included. Each entry is a
 * mean over replications with its 95% CI, null where no replication had data; the counts are
 * totals over all replications, like the service's own counts.
 */
export interface ServiceSeries {
  bucket_s: number;
  /** Latency percentiles of the requests that arrived in the bucket. */
  latency_p50_ms: MaybeStat[];
  latency_p95_ms: MaybeStat[];
  latency_p99_ms: MaybeStat[];
  /** Completions in the bucket ÷ its length. */
  throughput_rps: MaybeStat[];
  /** Time-average requests waiting for a slot. */
  queue_length: MaybeStat[];
  /** Time-average busy slots (a batch occupies one). */
  busy_slots: MaybeStat[];
  /** Time-average replicas serving (cold-starting and restarting replicas excluded). */
  replicas: MaybeStat[];
  rejected: number[];
  timed_out: number[];
}

export interface ServiceResult {
  offered_rps: number;
  /**
   * Trace arrivals only: how the replications drew them (scenario `arrivals.replay`). With
   * "same" every replication replays the same trace, so the CIs cover service-time noise only.
   */
  trace_replay?: 'same' | 'block_bootstrap' | 'shifted_windows';
  throughput_rps: MaybeStat;
  requests: number;
  completed: number;
  rejected: number;
  timed_out: number;
  latency_ms: { mean: MaybeStat; p50: MaybeStat; p95: MaybeStat; p99: MaybeStat; p999: MaybeStat; max: MaybeStat };
  /** Latency at the service's `slo_percentile` (equals p99 with the default). */
  latency_at_slo_ms: MaybeStat;
  wait_ms: { mean: MaybeStat; p99: MaybeStat };
  utilization: MaybeStat;
  mean_in_system: MaybeStat;
  slo_attainment: MaybeStat;
  headroom_ms: MaybeStat;
  stable: boolean;
  /** Mean component latencies (ms) for the budget breakdown chart. */
  components_ms: { feature: MaybeStat; queue: MaybeStat; service: MaybeStat; network: MaybeStat; postprocess: MaybeStat };
  analytic: ServiceAnalytic;
  /** Share of measured completed requests that waited for a slot (Erlang C's P(wait)). */
  wait_probability?: MaybeStat;
  /** Time-average replicas serving over the measured window. */
  mean_replicas?: MaybeStat;
  /** Replica-hours paid for over the measured window (cold starts, restarts, draining included). */
  replica_hours?: MaybeStat;
  /** replica_hours × cost_per_replica_hour (present when the cost is given). */
  cost?: MaybeStat;
  /** With replica_failures: failures and requests sent back to the queue (totals, like counts). */
  replica_failures?: number;
  requeued?: number;
  /** With batching: mean size of the batches started in the measured window. */
  mean_batch_size?: MaybeStat;
  series?: ServiceSeries;
  /** An `llm` service: token-level figures (./llm.ts), after `series`. */
  llm?: LlmServiceResult;
}

export interface AnalyticOnlyService {
  offered_rps: number;
  analytic: ServiceAnalytic;
}

export interface PipelineAnalytic {
  reliability: number;
  reliability_with_retries: number;
  total_duration_s: number;
  critical_path_s: number;
  critical_path: string[];
  /** Structural blast radius per task id (docs/pipeline.md); omitted for very large DAGs. */
  blast_radius?: Record<string, number | null>;
}

export interface ResultDocument {
  format: typeof RESULT_FORMAT;
  scenario: { name: string; sha256: string };
  engine: { version: string; events: number; wall_ms: number };
  seed: number;
  replications: number;
  horizon_s: number;
  warmup_s: number;
  summary: Summary;
  /** Sections present in the scenario whose model does not exist yet (CLARIFICATIONS.md). */
  not_simulated?: string[];
  truncated?: { reason: string };
  /** `analyze`: the analytic block only; `run`: the simulated figures too (../pipeline/merge.ts). */
  pipeline?: { analytic: PipelineAnalytic } & Partial<PipelineSimulated>;
  /** `analyze`: the analytic block only; `run`: the simulated figures too (../cluster/merge.ts). */
  cluster?: { analytic: ClusterAnalytic } & Partial<Omit<ClusterResult, 'analytic'>>;
  serving?: Record<string, ServiceResult | AnalyticOnlyService>;
}
