// Shared builders for the LLM-serving validation tests: a small dense model on one GPU whose
// iteration times are easy to reason about (weights 2 GB at 1 TB/s: 2 ms per iteration's
// weight read), and scenarios around it.
import type { ScenarioInput } from '../../simulation/scenario/schema';
import { servingScenario } from './helpers';

type ServiceInput = NonNullable<ScenarioInput['serving']>['services'][number];
type LlmInput = NonNullable<ServiceInput['llm']>;

/** 1e9 parameters in 16 layers of width 2048 (MHA, 16 heads), fp16, on one GPU. */
export function llmBlock(over: {
  hardware?: Partial<LlmInput['hardware']>;
  model?: Partial<LlmInput['model']>;
  scheduler?: LlmInput['scheduler'];
  prompt_tokens?: LlmInput['prompt_tokens'];
  output_tokens?: LlmInput['output_tokens'];
  slo?: Partial<LlmInput['slo']>;
} = {}): LlmInput {
  return {
    hardware: { compute_flops: 1e14, memory_bandwidth: 1e12, kv_cache_bytes: 4e9, bytes_per_param: 2, ...over.hardware },
    model: { num_parameters: 1e9, num_layers: 16, hidden_dim: 2048, num_heads: 16, num_kv_heads: 16, max_seq_len: 4096, ...over.model },
    scheduler: over.scheduler ?? {},
    prompt_tokens: over.prompt_tokens ?? 500,
    output_tokens: over.output_tokens ?? 50,
    slo: { ttft_ms: 500, tpot_ms: 20, ...over.slo },
  };
}

export function llmScenario(llm: LlmInput, service: Partial<ServiceInput> = {}, top: Partial<ScenarioInput> = {}) {
  return servingScenario({ service_time_ms: undefined, latency_budget_ms: 60_000, llm, ...service }, top);
}
