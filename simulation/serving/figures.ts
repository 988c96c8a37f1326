// What one replication reports for one service: plain numbers (structured-cloneable, so a
// worker can post it), null where the underlying set was empty.
import type { LlmReplication } from './llm/llm-figures';
import type { ReplicationSeries } from './series';

export interface ServiceReplication {
  /** Counts over the whole replication, warm-up included. */
  requests: number;
  completed: number;
  rejected: number;
  timed_out: number;
  /** Arrivals in [warmup_s, horizon_s). */
  measured_arrivals: number;
  /** Measured arrivals still waiting for a slot at horizon_s (null if the run stopped before). */
  waiting_at_horizon: number | null;
  throughput_rps: number | null;
  latency_ms: { mean: number | null; p50: number | null; p95: number | null; p99: number | null; p999: number | null; max: number | null };
  latency_at_slo_ms: number | null;
  wait_ms: { mean: number | null; p99: number | null };
  /** Share of measured requests that waited for a slot (Erlang C's P(wait) for M/M/c). */
  wait_probability: number | null;
  utilization: number | null;
  mean_in_system: number | null;
  slo_attainment: number | null;
  headroom_ms: number | null;
  components_ms: { feature: number | null; queue: number | null; service: number | null; network: number | null; postprocess: number | null };
  /** Time-average replicas serving over the measured window. */
  mean_replicas: number | null;
  /** Replica-hours paid for over the measured window (cold starts, restarts and draining included). */
  replica_hours: number | null;
  /** Replica failures and the requests they sent back to the queue (whole replication). */
  replica_failures: number;
  requeued: number;
  /** Mean batch size of the measured requests' batches (1 without batching). */
  mean_batch_size: number | null;
  series: ReplicationSeries;
  /** An `llm` service's token-level figures (./llm/llm-figures.ts). */
  llm?: LlmReplication;
}
