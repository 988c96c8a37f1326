// The `llm` blocks of a serving service's result (docs/llm-serving.md, "Result"): simulated
// token-level figures under `serving.<id>.llm`, the roofline's figures under
// `serving.<id>.analytic.llm`.
import type { MaybeStat } from './stat';

export interface LlmLatencyStats {
  mean: MaybeStat;
  p50: MaybeStat;
  p90: MaybeStat;
  p95: MaybeStat;
  p99: MaybeStat;
  max: MaybeStat;
}

export interface LlmServiceResult {
  /** Time to first token (ms): from joining the replica's line to the first output token. */
  ttft_ms: LlmLatencyStats;
  /** TTFT at `slo.ttft_percentile`, and `slo.ttft_ms` − that (negative: missed). */
  ttft_at_slo_ms: MaybeStat;
  ttft_headroom_ms: MaybeStat;
  /** Time per output token (ms): (last − first token) ÷ (output tokens − 1), requests of two tokens or more. */
  tpot_ms: LlmLatencyStats;
  tpot_at_slo_ms: MaybeStat;
  tpot_headroom_ms: MaybeStat;
  /** Shares of the measured requests (completed or rejected) meeting the TTFT SLO, the TPOT SLO, both. */
  ttft_attainment: MaybeStat;
  tpot_attainment: MaybeStat;
  slo_attainment: MaybeStat;
  /** Completions in the window meeting both SLOs, per second. */
  goodput_rps: MaybeStat;
  input_tokens_per_s: MaybeStat;
  output_tokens_per_s: MaybeStat;
  kv_cache_utilization: MaybeStat;
  flop_utilization: MaybeStat;
  bandwidth_utilization: MaybeStat;
  /** Time-average sequences running (all replicas), and a request's mean time running: Little's L and W. */
  mean_running_seqs: MaybeStat;
  time_in_batch_ms: MaybeStat;
  mean_batch_seqs: MaybeStat;
  mean_batch_tokens: MaybeStat;
  /** Counts, totals over the replications. */
  iterations: number;
  preemptions: number;
  prompt_tokens: number;
  output_tokens: number;
  processed_tokens: number;
  recomputed_tokens: number;
}

export interface LlmAnalytic {
  /** Weights (bytes), KV bytes per token (whole replica), KV blocks and tokens one replica holds. */
  weight_bytes: number;
  kv_bytes_per_token: number;
  kv_cache_blocks: number;
  kv_cache_tokens: number;
  /** One prefill of 1,000 tokens alone on a replica (ms). */
  prefill_ms_per_1k_tokens: number;
  /** Mean tokens cached during a decode step (mean prompt + (mean output − 2) ÷ 2), at which the decode times are taken. */
  decode_context_tokens: number;
  /** A decode iteration (one token per sequence) with 1 and with max_num_seqs sequences (ms). */
  decode_ms_per_token_batch_1: number;
  decode_ms_per_token_at_max_num_seqs: number;
  /** Unloaded TTFT (a mean prompt's prefill, alone) and TPOT (decode at batch 1), ms. */
  ttft_unloaded_ms: number;
  tpot_unloaded_ms: number;
  /** Sequences per replica at saturation: max_num_seqs, or fewer when the KV cache cannot hold them. */
  saturation_batch: number;
  /** The roofline's throughput ceiling at saturation, per replica and for the service (requests/s, output tokens/s). */
  per_replica_max_rps: number;
  max_sustainable_rps: number;
  max_output_tokens_per_s: number;
  /** Which roof the ceiling hits: "compute" (FLOPs) or "memory" (bandwidth). */
  bound: 'compute' | 'memory';
}
