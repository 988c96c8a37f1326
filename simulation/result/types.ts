// The `headroom.result/v1` document (../shared/spec/cli-and-results.md). Counts are plain
// integers; every other statistic is a `Stat` (mean over replications + Student-t 95% CI),
// or null when computed over an empty set.

export const RESULT_FORMAT = 'headroom.result/v1';

export interface Stat {
  mean: number;
  ci95: [number, number];
}

export type MaybeStat = Stat | null;

export interface Summary {
  pipeline_total_duration_minutes?: number;
  pipeline_reliability?: number;
  mean_compute_utilization?: number;
  share_compute_pools_over_target?: number;
  serving_required_replicas?: number;
  serving_total_latency_ms?: number;
  serving_latency_margin_ms?: number;
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
}

export interface ServiceResult {
  offered_rps: number;
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
  pipeline?: { analytic: PipelineAnalytic } & Record<string, unknown>;
  cluster?: { analytic: { pools: Record<string, { allocated_utilization: number | null; utilization_target: number | null; over_target: boolean | null }> } } & Record<string, unknown>;
  serving?: Record<string, ServiceResult | AnalyticOnlyService>;
}
