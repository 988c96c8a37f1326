// Replications of an LLM service → its `llm` block in the result document: statistics merged
// with `statOf` (mean and Student-t 95% CI), counts totalled; keys in one fixed order.
import type { LlmLatencyStats, LlmServiceResult } from '../../result/llm';
import type { LlmSpec } from '../../scenario/llm-schema';
import { ANY, NON_NEGATIVE, SHARE, statOf, type StatRange } from '../../stats/stat';
import type { LlmPercentiles, LlmReplication } from './llm-figures';

export function mergeLlm(llm: LlmSpec, reps: readonly LlmReplication[]): LlmServiceResult {
  const stat = (pick: (r: LlmReplication) => number | null, range: StatRange = NON_NEGATIVE) => statOf(reps.map(pick), range);
  const total = (pick: (r: LlmReplication) => number) => reps.reduce((sum, r) => sum + pick(r), 0);
  const latency = (pick: (r: LlmReplication) => LlmPercentiles): LlmLatencyStats => ({
    mean: stat((r) => pick(r).mean),
    p50: stat((r) => pick(r).p50),
    p90: stat((r) => pick(r).p90),
    p95: stat((r) => pick(r).p95),
    p99: stat((r) => pick(r).p99),
    max: stat((r) => pick(r).max),
  });
  const headroom = (budget: number, at: number | null) => (at === null ? null : budget - at);
  return {
    ttft_ms: latency((r) => r.ttft_ms),
    ttft_at_slo_ms: stat((r) => r.ttft_at_slo_ms),
    ttft_headroom_ms: stat((r) => headroom(llm.slo.ttft_ms, r.ttft_at_slo_ms), ANY),
    tpot_ms: latency((r) => r.tpot_ms),
    tpot_at_slo_ms: stat((r) => r.tpot_at_slo_ms),
    tpot_headroom_ms: stat((r) => headroom(llm.slo.tpot_ms, r.tpot_at_slo_ms), ANY),
    ttft_attainment: stat((r) => r.ttft_attainment, SHARE),
    tpot_attainment: stat((r) => r.tpot_attainment, SHARE),
    slo_attainment: stat((r) => r.slo_attainment, SHARE),
    goodput_rps: stat((r) => r.goodput_rps),
    input_tokens_per_s: stat((r) => r.input_tokens_per_s),
    output_tokens_per_s: stat((r) => r.output_tokens_per_s),
    kv_cache_utilization: stat((r) => r.kv_cache_utilization, SHARE),
    flop_utilization: stat((r) => r.flop_utilization, SHARE),
    bandwidth_utilization: stat((r) => r.bandwidth_utilization, SHARE),
    mean_running_seqs: stat((r) => r.mean_running_seqs),
    time_in_batch_ms: stat((r) => r.time_in_batch_ms),
    mean_batch_seqs: stat((r) => r.mean_batch_seqs),
    mean_batch_tokens: stat((r) => r.mean_batch_tokens),
    iterations: total((r) => r.iterations),
    preemptions: total((r) => r.preemptions),
    prompt_tokens: total((r) => r.prompt_tokens),
    output_tokens: total((r) => r.output_tokens),
    processed_tokens: total((r) => r.processed_tokens),
    recomputed_tokens: total((r) => r.recomputed_tokens),
  };
}
