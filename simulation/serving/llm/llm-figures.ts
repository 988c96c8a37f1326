// What one replication reports about an LLM service beyond the request-level figures every
// service has (../figures.ts): plain numbers, null where the underlying set was empty.

export interface LlmPercentiles {
  mean: number | null;
  p50: number | null;
  p90: number | null;
  p95: number | null;
  p99: number | null;
  max: number | null;
}

export interface LlmReplication {
  /** Time to first token and time per output token (ms) of the measured completed requests. */
  ttft_ms: LlmPercentiles;
  ttft_at_slo_ms: number | null;
  tpot_ms: LlmPercentiles;
  tpot_at_slo_ms: number | null;
  /** Shares of the measured requests (completed or rejected) meeting each SLO, and both. */
  ttft_attainment: number | null;
  tpot_attainment: number | null;
  slo_attainment: number | null;
  /** Completions in the window that met both SLOs ÷ the window (s). */
  goodput_rps: number | null;
  /** Prompt tokens whose prefill completed, and output tokens generated, in the window ÷ the window (s). */
  input_tokens_per_s: number | null;
  output_tokens_per_s: number | null;
  /** Time-averages over the window and the replicas. */
  kv_cache_utilization: number | null;
  flop_utilization: number | null;
  bandwidth_utilization: number | null;
  /** Time-average sequences in the running set, over all replicas (Little's L). */
  mean_running_seqs: number | null;
  /** Mean time a measured request spent in the running set (Little's W; stints between preemptions summed). */
  time_in_batch_ms: number | null;
  /** Per iteration started in the window: sequences and tokens in its batch. */
  mean_batch_seqs: number | null;
  mean_batch_tokens: number | null;
  /** Counts over the whole replication. */
  iterations: number;
  preemptions: number;
  /** Prompt tokens and output tokens of the completed requests (each counted once). */
  prompt_tokens: number;
  output_tokens: number;
  /** Tokens run through the model by all iterations (recomputation included), and those recomputed after a preemption. */
  processed_tokens: number;
  recomputed_tokens: number;
}
