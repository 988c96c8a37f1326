// A service's model in the serving form: request level (a service time per request) or an LLM at
// token level (docs/llm-serving.md). What the "Model" choice writes, as one edit each
// way; a token length's source (a distribution, or a column of the arrival trace); and the
// human-scale reading of the hardware's large numbers for the fields' hints. Pure.
import type { FieldEdit } from '../text-edit';
import type { JsonPath } from '../json-path';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export type ServiceModel = 'request' | 'llm';

export const SERVICE_MODEL_LABELS: Record<ServiceModel, string> = {
  request: 'Request level (a service time per request)',
  llm: 'LLM, token level (prompt and output tokens on a model and GPUs)',
};

export function serviceModelOf(service: unknown): ServiceModel {
  return isObject(service) && service.llm !== undefined ? 'llm' : 'request';
}

/** The service fields an `llm` block refuses (simulation/scenario/llm-rules.ts): removed when switching to it. */
export const LLM_REFUSED_KEYS = ['service_time_ms', 'concurrency', 'batching', 'queue_limit', 'timeout_ms', 'autoscaling', 'replica_failures'] as const;

/** An LLM's end-to-end latency budget when the service had a request-level one below it: a whole response takes seconds. */
export const LLM_BUDGET_MS = 30_000;

/**
 * An 8B model (Llama 3 8B's shape: 32 layers of 4,096, 32 heads, 8 KV heads) on one H100-class
 * GPU with achievable figures (about 60% of the datasheet's 989 TFLOP/s, 85% of its 3.35 TB/s)
 * and 40 GB of KV cache; vLLM's scheduler defaults; 1,000-token prompts, 200-token outputs; a
 * TTFT SLO of 500 ms and a TPOT SLO of 50 ms (docs/llm-serving.md).
 */
export function llmStarter(): Record<string, unknown> {
  return {
    hardware: { compute_flops: 6e14, memory_bandwidth: 2.8e12, kv_cache_bytes: 4e10, bytes_per_param: 2 },
    model: { num_parameters: 8.03e9, num_layers: 32, hidden_dim: 4096, num_heads: 32, num_kv_heads: 8, max_seq_len: 8192 },
    scheduler: { max_num_seqs: 256, enable_chunked_prefill: true },
    prompt_tokens: { dist: 'lognormal', mean: 1000, cv: 0.6 },
    output_tokens: { dist: 'exponential', mean: 200 },
    slo: { ttft_ms: 500, tpot_ms: 50 },
  };
}

/** A request-level service's service time when an LLM service is switched back. */
export const REQUEST_SERVICE_TIME = { dist: 'exponential', mean: 50 } as const;

/**
 * The edits that make the service at `path` (its raw object `service`) request-level or LLM:
 * to LLM, the starter block, the refused fields removed, and a budget below 30 s raised to it;
 * back, the block removed and a service time written if there is none. Undo restores either.
 */
export function modelSwitchEdits(path: JsonPath, service: unknown, to: ServiceModel): FieldEdit[] {
  const svc = isObject(service) ? service : {};
  if (serviceModelOf(svc) === to) return [];
  if (to === 'llm') {
    const budget = svc.latency_budget_ms;
    return [
      ...LLM_REFUSED_KEYS.filter((k) => svc[k] !== undefined).map((k): FieldEdit => ({ path: [...path, k], value: undefined })),
      ...(typeof budget === 'number' && budget >= LLM_BUDGET_MS ? [] : [{ path: [...path, 'latency_budget_ms'], value: LLM_BUDGET_MS }]),
      { path: [...path, 'llm'], value: llmStarter() },
    ];
  }
  return [
    { path: [...path, 'llm'], value: undefined },
    ...(svc.service_time_ms === undefined && svc.batching === undefined ? [{ path: [...path, 'service_time_ms'], value: { ...REQUEST_SERVICE_TIME } }] : []),
  ];
}

export type TokenField = 'prompt_tokens' | 'output_tokens';
export type TokenSource = 'dist' | 'column';

/** The column names of the Azure LLM inference traces, the intended use of token columns. */
export const DEFAULT_TOKEN_COLUMNS: Record<TokenField, string> = { prompt_tokens: 'ContextTokens', output_tokens: 'GeneratedTokens' };

export function tokenSourceOf(raw: unknown): TokenSource {
  return isObject(raw) && 'column' in raw ? 'column' : 'dist';
}

/** What choosing a source writes: the trace's column by its usual name, or the starter's distribution. */
export function tokenLengthFor(field: TokenField, source: TokenSource): unknown {
  if (source === 'column') return { column: DEFAULT_TOKEN_COLUMNS[field] };
  return structuredClone(llmStarter()[field]);
}

/** vLLM's token budget when none is given (simulation/scenario/llm-schema.ts), from the raw scheduler and model. */
export function defaultBatchedTokens(scheduler: unknown, model: unknown): number | null {
  const s = isObject(scheduler) ? scheduler : {};
  const m = isObject(model) ? model : {};
  const seqs = s.max_num_seqs === undefined ? 256 : s.max_num_seqs;
  const chunked = s.enable_chunked_prefill === undefined ? true : s.enable_chunked_prefill;
  if (typeof seqs !== 'number' || typeof chunked !== 'boolean') return null;
  if (chunked) return Math.max(2048, seqs);
  return typeof m.max_seq_len === 'number' ? Math.max(2048, seqs, m.max_seq_len) : null;
}

const PREFIXES: readonly [number, string][] = [[1e15, 'P'], [1e12, 'T'], [1e9, 'G'], [1e6, 'M'], [1e3, 'k']];

/** A large number with an SI prefix and unit, three significant digits: "600 TFLOP/s", "2.8 TB/s", "40 GB"; null if not a positive number. */
export function siText(value: unknown, unit: string): string | null {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) return null;
  const [size, prefix] = PREFIXES.find(([s]) => value >= s) ?? [1, ''];
  return `${Number((value / size).toPrecision(3))} ${prefix}${unit}`;
}

/** A parameter count as people say it: "8.03 billion", "70 billion", "350 million". */
export function countText(value: unknown): string | null {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) return null;
  if (value >= 1e12) return `${Number((value / 1e12).toPrecision(3))} trillion`;
  if (value >= 1e9) return `${Number((value / 1e9).toPrecision(3))} billion`;
  if (value >= 1e6) return `${Number((value / 1e6).toPrecision(3))} million`;
  return null;
}
