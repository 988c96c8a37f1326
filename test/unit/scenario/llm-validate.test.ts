// Validation of a service's `llm` block (simulation/scenario/llm-schema.ts, llm-rules.ts): vLLM's
// defaults, and every refusal naming its field with a message that says what to change.
import { describe, expect, it } from 'vitest';
import { ignoredFields, validateScenario } from '../../../simulation';
import { llmBlock } from '../../validation/llm-helpers';

type Raw = Record<string, unknown>;
const scenario = (svc: Raw) => ({
  format: 'headroom.scenario/v1', name: 'llm', serving: { services: [{ id: 's', arrivals: { process: 'poisson', rate_rps: 1 }, replicas: 1, latency_budget_ms: 1000, ...svc }] },
});
const errorsOf = (svc: Raw) => {
  const r = validateScenario(scenario(svc));
  return r.ok ? [] : r.errors.map((e) => `${e.path}: ${e.message}`);
};
const AT = 'serving.services[0]';

describe('llm block', () => {
  it('fills in vLLM\'s scheduler defaults; the token budget depends on chunked prefill', () => {
    const parsed = (svc: Raw) => {
      const r = validateScenario(scenario(svc));
      if (!r.ok) throw new Error(JSON.stringify(r.errors));
      return r.scenario.serving!.services[0]!.llm!;
    };
    const l = parsed({ llm: llmBlock() });
    expect(l.scheduler).toEqual({ max_num_seqs: 256, enable_chunked_prefill: true, block_size: 16, policy: 'fcfs', max_num_batched_tokens: 2048 });
    expect(l.hardware.gpus_per_replica).toBe(1);
    expect(l.slo).toEqual({ ttft_ms: 500, ttft_percentile: 99, tpot_ms: 20, tpot_percentile: 99 });
    expect(l.prompt_tokens).toEqual({ dist: 'fixed', value: 500 });
    expect(parsed({ llm: llmBlock({ scheduler: { enable_chunked_prefill: false } }) }).scheduler.max_num_batched_tokens).toBe(4096); // max_seq_len
    expect(parsed({ llm: llmBlock({ scheduler: { max_num_seqs: 5000 } }) }).scheduler.max_num_batched_tokens).toBe(5000);
    expect(parsed({ llm: llmBlock(), arrivals: { process: 'trace', path: 't.csv' } }).prompt_tokens).toEqual({ dist: 'fixed', value: 500 });
    expect(parsed({ llm: { ...llmBlock(), output_tokens: { column: 3 } }, arrivals: { process: 'trace', path: 't.csv' } }).output_tokens).toEqual({ column: 3 });
  });

  it('refuses unknown fields and bad values at their path', () => {
    const b = llmBlock();
    expect(errorsOf({ llm: { ...b, extra: 1 } })).toEqual([`${AT}.llm.extra: unknown field`]);
    expect(errorsOf({ llm: { ...b, hardware: { ...b.hardware, flops: 1 } } })).toEqual([`${AT}.llm.hardware.flops: unknown field`]);
    expect(errorsOf({ llm: { ...b, model: undefined } })).toEqual([`${AT}.llm.model: is required`]);
    expect(errorsOf({ llm: { ...b, prompt_tokens: { column: 1.5 } } })).toEqual([`${AT}.llm.prompt_tokens.column: must be a header name or a 0-based column index (got 1.5)`]);
    expect(errorsOf({ llm: { ...b, prompt_tokens: { dist: 'exponential', mean: 0 } } })).toEqual([`${AT}.llm.prompt_tokens.mean: must be a number > 0 (got 0)`]);
    expect(errorsOf({ llm: llmBlock({ hardware: { bytes_per_param: 0 } }) })).toEqual([`${AT}.llm.hardware.bytes_per_param: must be a number from 0.125 to 64 (got 0)`]);
    expect(errorsOf({ llm: llmBlock({ scheduler: { policy: 'lifo' as 'fcfs' } }) })).toEqual([`${AT}.llm.scheduler.policy: must be one of fcfs (got "lifo")`]);
    expect(errorsOf({ llm: { ...b, slo: { ttft_ms: 5 } } })).toEqual([`${AT}.llm.slo.tpot_ms: is required`]);
  });

  it('refuses the request-level fields it replaces and the features it does not model', () => {
    expect(errorsOf({ llm: llmBlock(), service_time_ms: 5, concurrency: 4, queue_limit: 10 })).toEqual([
      `${AT}.service_time_ms: must be absent with llm: the llm block models the service time at token level`,
      `${AT}.queue_limit: is not supported with llm (the token-level model has no such feature yet); remove it or the llm block`,
      `${AT}.concurrency: must be 1 with llm (got 4): llm.scheduler.max_num_seqs sets how many sequences a replica runs`,
    ]);
    expect(errorsOf({})).toEqual([`${AT}.service_time_ms: is required (unless batching or llm is set)`]);
  });

  it('checks the model\'s shape and vLLM\'s start-up rules', () => {
    expect(errorsOf({ llm: llmBlock({ model: { hidden_dim: 2050, num_kv_heads: 3 }, hardware: { gpus_per_replica: 3 } }) })).toEqual([
      `${AT}.llm.model.hidden_dim: must be a multiple of num_heads (16, got 2050)`,
      `${AT}.llm.model.num_kv_heads: must divide num_heads (16, got 3)`,
      `${AT}.llm.hardware.gpus_per_replica: must divide model.num_heads (16, got 3): tensor parallelism splits the attention heads over the GPUs`,
    ]);
    expect(errorsOf({ llm: llmBlock({ scheduler: { max_num_batched_tokens: 100, max_num_seqs: 200, enable_chunked_prefill: false } }) })).toEqual([
      `${AT}.llm.scheduler.max_num_batched_tokens: must be at least max_num_seqs (200, got 100), or some running sequences could never get their token`,
      `${AT}.llm.scheduler.max_num_batched_tokens: must be at least model.max_seq_len (4096, got 100) without chunked prefill, or a long prompt could never be scheduled; raise it or set enable_chunked_prefill to true`,
    ]);
    expect(errorsOf({ llm: llmBlock({ hardware: { kv_cache_bytes: 1e8 } }) })).toEqual([
      `${AT}.llm.hardware.kv_cache_bytes: holds 752 tokens per replica (131072 bytes per token per GPU, blocks of 16), fewer than one sequence of model.max_seq_len (4096) needs (4096); raise it or lower max_seq_len`,
    ]);
  });

  it('needs trace arrivals for a column, and token lengths of bounded mean and variance', () => {
    expect(errorsOf({ llm: { ...llmBlock(), prompt_tokens: { column: 'ContextTokens' } } })).toEqual([
      `${AT}.llm.prompt_tokens.column: needs trace arrivals (arrivals.process is "poisson"); give a distribution instead`,
    ]);
    expect(errorsOf({ llm: { ...llmBlock(), output_tokens: { dist: 'pareto', min: 10, alpha: 1.5 } } })).toEqual([
      `${AT}.llm.output_tokens: must have a mean of at most 1e9 tokens and a finite E[X²] of at most 1e24 (a pareto needs alpha > 2)`,
    ]);
    expect(errorsOf({ llm: { ...llmBlock(), prompt_tokens: { dist: 'lognormal', mean: 2e9, cv: 1 } } })).toEqual([
      `${AT}.llm.prompt_tokens: must have a mean of at most 1e9 tokens and a finite E[X²] of at most 1e24 (a pareto needs alpha > 2)`,
    ]);
  });

  it('lists the request-level fields as not used (for the form), never as warnings', () => {
    const r = validateScenario(scenario({ llm: llmBlock() }));
    if (!r.ok) throw new Error('invalid');
    expect(ignoredFields(r.scenario)).toEqual([]);
    expect(ignoredFields(r.scenario, { includeUnset: true }).map((f) => f.path)).toEqual(
      ['service_time_ms', 'concurrency', 'batching', 'queue_limit', 'timeout_ms', 'autoscaling', 'replica_failures'].map((f) => `${AT}.${f}`),
    );
  });
});
