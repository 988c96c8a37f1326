// The `llm` block of a serving service (docs/llm-serving.md): token-level LLM serving, instead
// of `service_time_ms`/`batching`. Hardware figures are per GPU; the scheduler's fields keep
// vLLM's names, meanings and defaults. Cross-field rules (divisibility, the KV cache holding one
// longest sequence, vLLM's token-budget rules) are in ./llm-rules.ts.
import { z } from 'zod';
import { distSchema } from './dist-schema';
import { integer, must, showBound, text } from './fields';
import { MAX_LLM_DIM, MAX_LLM_GPUS, MAX_LLM_HARDWARE, MAX_LLM_PARAMETERS, MAX_LLM_SEQS, MAX_LLM_TOKENS } from './limits';

/** A number in [min, max]: the lower bounds keep every derived figure finite (no 1e-300 FLOP/s). */
function between(min: number, max: number) {
  const desc = `a number from ${min} to ${showBound(max)}`;
  return z.number(must(desc)).min(min, must(desc)).max(max, must(desc));
}

const percentile = () =>
  z.number(must('a number > 0 and < 100')).gt(0, must('a number > 0 and < 100')).lt(100, must('a number > 0 and < 100')).default(99);

/** A column of the service's arrival trace, by header name or 0-based index. */
const traceColumn = z.strictObject({
  column: z.union([text(1, 200), integer(0)], must('a header name or a 0-based column index')),
});

/** A request's token count: a Dist (draws rounded, at least 1) or, with trace arrivals, a column. */
export const tokenLengthSchema = z.union([traceColumn, distSchema], {
  error: 'must be a number ≥ 0, a distribution object such as {"dist": "lognormal", "mean": 1000, "cv": 0.5}, or {"column": "ContextTokens"} (trace arrivals)',
});

const hardware = z.strictObject({
  compute_flops: between(1, MAX_LLM_HARDWARE),
  memory_bandwidth: between(1, MAX_LLM_HARDWARE),
  kv_cache_bytes: between(1, MAX_LLM_HARDWARE),
  bytes_per_param: between(0.125, 64),
  gpus_per_replica: integer(1, MAX_LLM_GPUS).default(1),
});

const model = z.strictObject({
  num_parameters: between(1, MAX_LLM_PARAMETERS),
  num_layers: integer(1, MAX_LLM_DIM),
  hidden_dim: integer(1, MAX_LLM_DIM),
  num_heads: integer(1, MAX_LLM_DIM),
  num_kv_heads: integer(1, MAX_LLM_DIM),
  max_seq_len: integer(1, MAX_LLM_TOKENS),
});

export const LLM_POLICIES = ['fcfs'] as const;

const scheduler = z.strictObject({
  /** Absent: vLLM's default, resolved below. */
  max_num_batched_tokens: integer(1, MAX_LLM_TOKENS).optional(),
  max_num_seqs: integer(1, MAX_LLM_SEQS).default(256),
  enable_chunked_prefill: z.boolean(must('true or false')).default(true),
  block_size: integer(1, MAX_LLM_TOKENS).default(16),
  policy: z.enum(LLM_POLICIES, must(`one of ${LLM_POLICIES.join(', ')}`)).default('fcfs'),
});

const slo = z.strictObject({
  ttft_ms: z.number(must('a number > 0')).gt(0, must('a number > 0')),
  ttft_percentile: percentile(),
  tpot_ms: z.number(must('a number > 0')).gt(0, must('a number > 0')),
  tpot_percentile: percentile(),
});

/** vLLM's token budget when none is given: 2048 with chunked prefill, else max(max_seq_len, 2048); never below max_num_seqs. */
export const DEFAULT_BATCHED_TOKENS = 2048;

export const llmSchema = z
  .strictObject({
    hardware,
    model,
    scheduler: scheduler.default({ max_num_seqs: 256, enable_chunked_prefill: true, block_size: 16, policy: 'fcfs' }),
    prompt_tokens: tokenLengthSchema,
    output_tokens: tokenLengthSchema,
    slo,
  })
  .transform((l) => {
    const s = l.scheduler;
    const fallback = Math.max(DEFAULT_BATCHED_TOKENS, s.max_num_seqs, s.enable_chunked_prefill ? 0 : l.model.max_seq_len);
    return { ...l, scheduler: { ...s, max_num_batched_tokens: s.max_num_batched_tokens ?? fallback } };
  });

export type LlmSpec = z.output<typeof llmSchema>;
export type TokenLengthSpec = LlmSpec['prompt_tokens'];
export type TraceColumnRef = Extract<TokenLengthSpec, { column: unknown }>;

export function isTraceColumn(t: TokenLengthSpec): t is TraceColumnRef {
  return 'column' in t;
}
