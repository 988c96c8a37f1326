// Cross-field rules of a service's `llm` block (docs/llm-serving.md, "Validation"): what the
// token-level model replaces or does not support, the model's shape, and vLLM's own start-up
// checks (the token budget and the KV cache must hold one longest sequence).
import { distMean } from '../random/dist-mean';
import { distSecondMoment } from '../random/dist-moments';
import { llmCost } from '../serving/llm/roofline';
import { showBound } from './fields';
import { MAX_LLM_TOKENS } from './limits';
import { isTraceColumn } from './llm-schema';
import type { ServiceSpec } from './schema';

type Add = (rest: (string | number)[], message: string) => void;

/** Largest E[X²] of a token-length Dist (1e24 tokens²: a mean of 1e9 with a cv of 1000). */
const MAX_TOKENS_SQUARED = 1e24;

/** Service fields the `llm` block replaces, and request-level features it does not model. */
const REPLACED = ['service_time_ms', 'batching'] as const;
const UNSUPPORTED = ['queue_limit', 'timeout_ms', 'autoscaling', 'replica_failures'] as const;

export function llmIssues(svc: ServiceSpec, add: Add): void {
  const llm = svc.llm;
  if (!llm) return;
  for (const f of REPLACED) {
    if (svc[f] !== undefined) add([f], 'must be absent with llm: the llm block models the service time at token level');
  }
  for (const f of UNSUPPORTED) {
    if (svc[f] !== undefined) add([f], 'is not supported with llm (the token-level model has no such feature yet); remove it or the llm block');
  }
  if (svc.concurrency !== 1) {
    add(['concurrency'], `must be 1 with llm (got ${svc.concurrency}): llm.scheduler.max_num_seqs sets how many sequences a replica runs`);
  }

  const m = llm.model, hw = llm.hardware, sch = llm.scheduler;
  if (m.hidden_dim % m.num_heads !== 0) add(['llm', 'model', 'hidden_dim'], `must be a multiple of num_heads (${m.num_heads}, got ${m.hidden_dim})`);
  if (m.num_kv_heads > m.num_heads || m.num_heads % m.num_kv_heads !== 0) {
    add(['llm', 'model', 'num_kv_heads'], `must divide num_heads (${m.num_heads}, got ${m.num_kv_heads})`);
  }
  if (m.num_heads % hw.gpus_per_replica !== 0) {
    add(['llm', 'hardware', 'gpus_per_replica'], `must divide model.num_heads (${m.num_heads}, got ${hw.gpus_per_replica}): tensor parallelism splits the attention heads over the GPUs`);
  }
  const budget = sch.max_num_batched_tokens as number;
  // vLLM's SchedulerConfig checks, in its words' sense.
  if (budget < sch.max_num_seqs) {
    add(['llm', 'scheduler', 'max_num_batched_tokens'], `must be at least max_num_seqs (${sch.max_num_seqs}, got ${budget}), or some running sequences could never get their token`);
  }
  if (!sch.enable_chunked_prefill && budget < m.max_seq_len) {
    add(['llm', 'scheduler', 'max_num_batched_tokens'], `must be at least model.max_seq_len (${m.max_seq_len}, got ${budget}) without chunked prefill, or a long prompt could never be scheduled; raise it or set enable_chunked_prefill to true`);
  }
  const cost = llmCost(llm);
  const need = Math.ceil(m.max_seq_len / sch.block_size);
  if (cost.blocks < need) {
    const perGpu = cost.kvBytesPerToken / hw.gpus_per_replica;
    add(['llm', 'hardware', 'kv_cache_bytes'],
      `holds ${cost.blocks * sch.block_size} tokens per replica (${perGpu} bytes per token per GPU, blocks of ${sch.block_size}), fewer than one sequence of model.max_seq_len (${m.max_seq_len}) needs (${need * sch.block_size}); raise it or lower max_seq_len`);
  }

  for (const f of ['prompt_tokens', 'output_tokens'] as const) {
    const t = llm[f];
    if (isTraceColumn(t)) {
      if (svc.arrivals.process !== 'trace') add(['llm', f, 'column'], `needs trace arrivals (arrivals.process is "${svc.arrivals.process}"); give a distribution instead`);
    } else if (!(distMean(t) <= MAX_LLM_TOKENS && distSecondMoment(t) <= MAX_TOKENS_SQUARED)) {
      // Bounded so that the analytic figures (attention FLOPs grow with E[p²]) stay finite.
      add(['llm', f], `must have a mean of at most ${showBound(MAX_LLM_TOKENS)} tokens and a finite E[X²] of at most ${showBound(MAX_TOKENS_SQUARED)} (a pareto needs alpha > 2)`);
    }
  }
}
