// The numeric inputs of a scenario that a sweep, a sensitivity run or a slider may vary: every
// number in the scenario JSON except the run's own controls (seed, replications, horizon,
// warm-up), the targets a result is judged against, costs, and readiness scores. Paths are
// spelled as validation messages spell them (`serving.services[0].replicas`).

export interface NumericInput {
  path: string;
  segments: (string | number)[];
  value: number;
  /** The schema takes only integers here (replicas, units, steps, …). */
  integer: boolean;
  /** The smallest value the schema accepts here, when it is a bound a variation can hit. */
  min: number | null;
  /** The largest value (probabilities stop at 1). */
  max: number | null;
}

/** Fields the schema declares as integers (simulation/scenario/schema.ts). */
const INTEGER_KEYS = new Set([
  'retries', 'units', 'runs', 'units_per_node', 'steps', 'count', 'backup_workers', 'replicas',
  'concurrency', 'queue_limit', 'max_batch', 'min_replicas', 'max_replicas',
  // An `llm` service's (simulation/scenario/llm-schema.ts).
  'gpus_per_replica', 'num_layers', 'hidden_dim', 'num_heads', 'num_kv_heads', 'max_seq_len',
  'max_num_batched_tokens', 'max_num_seqs', 'block_size',
]);
const ZERO_MIN_INTEGERS = new Set(['retries', 'queue_limit', 'count']);

/**
 * Not inputs of the model: run controls, targets (an `llm` service's SLOs too), costs,
 * coordinates and labels (a trace's column, by index), and how a trace is sampled across
 * replications (block_s, shift_s: they shape the CI, not the system).
 */
const NOT_INPUTS = new Set([
  'seed', 'replications', 'horizon_s', 'warmup_s', 'latency_budget_ms', 'slo_percentile',
  'ttft_ms', 'tpot_ms', 'ttft_percentile', 'tpot_percentile',
  'utilization_target', 'cost_per_replica_hour', 'cost_per_unit_hour', 'allocated_units',
  'score', 'time_column', 'column', 'arrival_s', 'bucket_s', 'block_s', 'shift_s',
]);
const NOT_SECTIONS = new Set(['readiness', 'format']);

function isProbability(key: string): boolean {
  return key.endsWith('probability') || key === 'p' || key.endsWith('_fraction');
}

export function formatSegments(segments: readonly (string | number)[]): string {
  return segments.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
}

export function numericInputs(raw: unknown): NumericInput[] {
  const out: NumericInput[] = [];
  const walk = (node: unknown, segments: (string | number)[]) => {
    if (Array.isArray(node)) {
      node.forEach((v, i) => walk(v, [...segments, i]));
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    for (const [key, v] of Object.entries(node as Record<string, unknown>)) {
      if (segments.length === 0 && NOT_SECTIONS.has(key)) continue;
      if (NOT_INPUTS.has(key)) continue;
      const here = [...segments, key];
      if (typeof v === 'number' && Number.isFinite(v)) {
        const integer = INTEGER_KEYS.has(key);
        out.push({
          path: formatSegments(here),
          segments: here,
          value: v,
          integer,
          min: integer ? (ZERO_MIN_INTEGERS.has(key) ? 0 : 1) : 0,
          max: isProbability(key) ? 1 : null,
        });
      } else {
        walk(v, here);
      }
    }
  };
  walk(raw, []);
  return out;
}

/**
 * The value `factor` × the input's, kept valid: integers rounded and moved at least one step,
 * both kept within the schema's bounds. Null when no such value differs from the input's.
 */
export function scaledValue(input: NumericInput, factor: number): number | null {
  let v = input.value * factor;
  if (input.integer) {
    v = Math.round(v);
    if (v === input.value) v += factor > 1 ? 1 : -1;
  } else {
    v = Number(v.toPrecision(12));
  }
  if (input.min !== null && v < input.min) v = input.min;
  if (input.max !== null && v > input.max) v = input.max;
  return v === input.value ? null : v;
}
