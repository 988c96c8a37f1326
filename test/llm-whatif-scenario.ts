// The LLM service the what-if tests analyse (the report test and the app's e2e): a 1e9-parameter
// model on one GPU (test/validation/llm-helpers.ts) at 60 requests/s, busy enough that one
// replica misses its SLOs and two meet them; SLOs at percentiles other than 99, so a table
// that names them shows it read the scenario's.
export const LLM_WHATIF_SERVICE = 'chat';
export const LLM_WHATIF_SLO = { ttft_ms: 150, ttft_percentile: 95, tpot_ms: 12, tpot_percentile: 90 };

export function llmWhatIfScenario(name: string) {
  return {
    format: 'headroom.scenario/v1',
    name,
    seed: 3,
    replications: 2,
    horizon_s: 60,
    serving: {
      services: [{
        id: LLM_WHATIF_SERVICE,
        arrivals: { process: 'poisson', rate_rps: 60 },
        replicas: 1,
        latency_budget_ms: 60_000,
        cost_per_replica_hour: 4,
        llm: {
          hardware: { compute_flops: 1e14, memory_bandwidth: 1e12, kv_cache_bytes: 4e9, bytes_per_param: 2 },
          model: { num_parameters: 1e9, num_layers: 16, hidden_dim: 2048, num_heads: 16, num_kv_heads: 16, max_seq_len: 4096 },
          scheduler: { max_num_batched_tokens: 1024 },
          prompt_tokens: { dist: 'lognormal', mean: 500, cv: 0.8 },
          output_tokens: { dist: 'lognormal', mean: 50, cv: 0.8 },
          slo: LLM_WHATIF_SLO,
        },
      }],
    },
  };
}
