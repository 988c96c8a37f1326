// The token-level figures of an `llm` serving service (docs/llm-serving.md, "Result"): TTFT and
// TPOT statistics against their SLOs, goodput, token throughput, the replica's utilizations and
// batch, and the roofline's figures (`analytic.llm`) beside the simulated ones where they
// predict the same thing. Keys are document paths within the service, as in ./figures-serving.ts.
// Token rates and token counts have no unit of the catalogue: their labels say "tokens".
import type { LlmAnalytic, LlmLatencyStats, LlmServiceResult, MaybeStat, ServiceResult } from '../result/types';
import { meetsLlmSlos } from '../serving/solve';
import { figureRows, type Figure, type FigureDef } from './figure';

/** The SLOs of the service's `llm` block, from the scenario (the result does not carry them). */
export interface LlmSlo {
  ttft_ms: number;
  ttft_percentile: number;
  tpot_ms: number;
  tpot_percentile: number;
}

/** An `llm` service's result, its roofline figures, and its SLOs when the scenario is known. */
export interface LlmEntity {
  svc: ServiceResult;
  llm: LlmServiceResult;
  analytic: LlmAnalytic | undefined;
  slo?: LlmSlo;
}

/** The entity of a service's result, or null when it is not an `llm` service. */
export function llmEntity(svc: ServiceResult | { analytic: { llm?: LlmAnalytic } }, slo?: LlmSlo): LlmEntity | null {
  if (!('llm' in svc) || !svc.llm) return null;
  return { svc: svc as ServiceResult, llm: svc.llm, analytic: svc.analytic.llm, slo };
}

/** The statistics a latency row may have, in table order. */
export const LLM_LATENCY_STATS = ['mean', 'p50', 'p90', 'p95', 'p99', 'max'] as const satisfies readonly (keyof LlmLatencyStats)[];
export type LlmLatencyStat = (typeof LLM_LATENCY_STATS)[number];

const STAT_NAMES: Record<LlmLatencyStat, string> = { mean: 'mean', p50: 'p50', p90: 'p90', p95: 'p95', p99: 'p99', max: 'max' };

/** "TTFT p99", "TPOT, mean (analytic: alone on a replica)". */
function latencyDefs(kind: 'ttft' | 'tpot'): FigureDef<LlmEntity>[] {
  const name = kind.toUpperCase();
  const alone = kind === 'ttft' ? 'TTFT, mean (analytic: the prefill alone on a replica)' : 'TPOT, mean (analytic: decoding alone, batch 1)';
  return LLM_LATENCY_STATS.map((k): FigureDef<LlmEntity> => ({
    key: `llm.${kind}_ms.${k}`,
    label: k === 'mean' ? alone : k === 'max' ? `${name}, max` : `${name} ${STAT_NAMES[k]}`,
    short: `${name} ${STAT_NAMES[k]}`,
    unit: 'ms',
    stat: (e) => e.llm[`${kind}_ms`][k],
    analytic: k === 'mean' ? (e) => (kind === 'ttft' ? e.analytic?.ttft_unloaded_ms : e.analytic?.tpot_unloaded_ms) : undefined,
  }));
}

const pct = (p: number | undefined) => (p === undefined ? 'its SLO percentile' : `p${String(+p.toFixed(3))}`);

/** TTFT and TPOT statistics. */
export const LLM_LATENCY: FigureDef<LlmEntity>[] = [...latencyDefs('ttft'), ...latencyDefs('tpot')];

/** The SLOs (configured), the latencies at their percentiles, the headrooms and attainments, goodput. */
export const LLM_SLO: FigureDef<LlmEntity>[] = [
  { key: 'llm.slo.ttft_ms', label: (e) => `TTFT SLO (at ${pct(e.slo?.ttft_percentile)})`, short: 'TTFT SLO', unit: 'ms', analytic: (e) => e.slo?.ttft_ms },
  { key: 'llm.ttft_at_slo_ms', label: (e) => `TTFT at ${pct(e.slo?.ttft_percentile)}`, unit: 'ms', stat: (e) => e.llm.ttft_at_slo_ms },
  { key: 'llm.ttft_headroom_ms', label: 'TTFT headroom (SLO − TTFT at its percentile)', short: 'TTFT headroom', unit: 'ms', stat: (e) => e.llm.ttft_headroom_ms },
  { key: 'llm.ttft_attainment', label: 'TTFT SLO attainment', unit: 'fraction', stat: (e) => e.llm.ttft_attainment },
  { key: 'llm.slo.tpot_ms', label: (e) => `TPOT SLO (at ${pct(e.slo?.tpot_percentile)})`, short: 'TPOT SLO', unit: 'ms', analytic: (e) => e.slo?.tpot_ms },
  { key: 'llm.tpot_at_slo_ms', label: (e) => `TPOT at ${pct(e.slo?.tpot_percentile)}`, unit: 'ms', stat: (e) => e.llm.tpot_at_slo_ms },
  { key: 'llm.tpot_headroom_ms', label: 'TPOT headroom (SLO − TPOT at its percentile)', short: 'TPOT headroom', unit: 'ms', stat: (e) => e.llm.tpot_headroom_ms },
  { key: 'llm.tpot_attainment', label: 'TPOT SLO attainment', unit: 'fraction', stat: (e) => e.llm.tpot_attainment },
  { key: 'llm.slo_attainment', label: 'SLO attainment (TTFT and TPOT)', short: 'SLO attainment', unit: 'fraction', stat: (e) => e.llm.slo_attainment },
  { key: 'llm.goodput_rps', label: 'Goodput (completions meeting both SLOs)', short: 'Goodput', unit: 'rps', stat: (e) => e.llm.goodput_rps },
];

/** Token throughput beside the roofline's ceiling. */
export const LLM_THROUGHPUT: FigureDef<LlmEntity>[] = [
  { key: 'llm.input_tokens_per_s', label: 'Prompt tokens per second (prefilled)', short: 'Prompt tokens/s', unit: '', stat: (e) => e.llm.input_tokens_per_s },
  {
    key: 'llm.output_tokens_per_s', label: 'Output tokens per second (analytic: the ceiling)', short: 'Output tokens/s', unit: '',
    stat: (e) => e.llm.output_tokens_per_s, analytic: (e) => e.analytic?.max_output_tokens_per_s,
  },
  {
    key: 'analytic.llm.max_sustainable_rps', label: (e) => `Max sustainable rate (roofline${e.analytic ? `, ${e.analytic.bound}-bound` : ''})`, short: 'Max sustainable rate',
    unit: 'rps', analytic: (e) => e.analytic?.max_sustainable_rps,
  },
  { key: 'analytic.llm.per_replica_max_rps', label: 'Max rate per replica (roofline)', short: 'Max rate per replica', unit: 'rps', analytic: (e) => e.analytic?.per_replica_max_rps },
];

/** How much of the replicas the run used, and its batches. */
export const LLM_UTILIZATION: FigureDef<LlmEntity>[] = [
  { key: 'llm.kv_cache_utilization', label: 'KV cache utilization', short: 'KV cache', unit: 'fraction', stat: (e) => e.llm.kv_cache_utilization },
  { key: 'llm.flop_utilization', label: 'FLOP utilization (of compute)', short: 'FLOP', unit: 'fraction', stat: (e) => e.llm.flop_utilization },
  { key: 'llm.bandwidth_utilization', label: 'Memory bandwidth utilization', short: 'Bandwidth', unit: 'fraction', stat: (e) => e.llm.bandwidth_utilization },
  { key: 'llm.mean_running_seqs', label: 'Sequences running, mean (all replicas)', short: 'Sequences running', unit: '', stat: (e) => e.llm.mean_running_seqs },
  {
    key: 'llm.mean_batch_seqs', label: 'Sequences per iteration, mean (analytic: at saturation, per replica)', short: 'Sequences per iteration', unit: '',
    stat: (e) => e.llm.mean_batch_seqs, analytic: (e) => e.analytic?.saturation_batch,
  },
  { key: 'llm.mean_batch_tokens', label: 'Tokens per iteration, mean', short: 'Tokens per iteration', unit: '', stat: (e) => e.llm.mean_batch_tokens },
  { key: 'llm.time_in_batch_ms', label: 'Time in the batch per request, mean', short: 'Time in batch', unit: 'ms', stat: (e) => e.llm.time_in_batch_ms },
  { key: 'llm.preemptions', label: 'Preemptions (total, all replications)', short: 'Preemptions', unit: 'count', value: (e) => e.llm.preemptions },
  { key: 'llm.iterations', label: 'Iterations (total)', short: 'Iterations', unit: 'count', value: (e) => e.llm.iterations },
  { key: 'llm.prompt_tokens', label: 'Prompt tokens of completed requests (total)', short: 'Prompt tokens', unit: 'count', value: (e) => e.llm.prompt_tokens },
  { key: 'llm.output_tokens', label: 'Output tokens of completed requests (total)', short: 'Output tokens', unit: 'count', value: (e) => e.llm.output_tokens },
  { key: 'llm.processed_tokens', label: 'Tokens run through the model (total)', short: 'Tokens processed', unit: 'count', value: (e) => e.llm.processed_tokens },
  { key: 'llm.recomputed_tokens', label: 'Tokens recomputed after preemptions (total)', short: 'Tokens recomputed', unit: 'count', value: (e) => e.llm.recomputed_tokens },
];

/** The roofline's figures of one replica. */
export const LLM_ANALYTIC: FigureDef<LlmEntity>[] = [
  { key: 'analytic.llm.prefill_ms_per_1k_tokens', label: 'Prefill of 1,000 tokens, alone', short: 'Prefill per 1k tokens', unit: 'ms', analytic: (e) => e.analytic?.prefill_ms_per_1k_tokens },
  { key: 'analytic.llm.decode_ms_per_token_batch_1', label: 'Decode step at batch 1', short: 'Decode at batch 1', unit: 'ms', analytic: (e) => e.analytic?.decode_ms_per_token_batch_1 },
  {
    key: 'analytic.llm.decode_ms_per_token_at_max_num_seqs', label: 'Decode step at max_num_seqs sequences', short: 'Decode at max_num_seqs', unit: 'ms',
    analytic: (e) => e.analytic?.decode_ms_per_token_at_max_num_seqs,
  },
  { key: 'analytic.llm.decode_context_tokens', label: 'Tokens cached at a decode step, mean', short: 'Decode context', unit: '', analytic: (e) => e.analytic?.decode_context_tokens },
  { key: 'analytic.llm.kv_cache_tokens', label: 'KV cache per replica (tokens)', short: 'KV cache tokens', unit: 'count', analytic: (e) => e.analytic?.kv_cache_tokens },
  { key: 'analytic.llm.kv_cache_blocks', label: 'KV cache per replica (blocks)', short: 'KV cache blocks', unit: 'count', analytic: (e) => e.analytic?.kv_cache_blocks },
  { key: 'analytic.llm.kv_bytes_per_token', label: 'KV cache bytes per token (replica)', short: 'KV bytes per token', unit: 'count', analytic: (e) => e.analytic?.kv_bytes_per_token },
  { key: 'analytic.llm.weight_bytes', label: 'Weights per replica (bytes)', short: 'Weight bytes', unit: 'count', analytic: (e) => e.analytic?.weight_bytes },
];

/** Every token-level figure of one `llm` service, in catalogue order. */
export function llmServiceFigures(id: string, e: LlmEntity): Figure[] {
  return figureRows([...LLM_LATENCY, ...LLM_SLO, ...LLM_THROUGHPUT, ...LLM_UTILIZATION, ...LLM_ANALYTIC], e, 'serving', id);
}

/** Whether an `llm` service meets both its SLOs with 95% confidence, as `solve` judges it (meetsLlmSlos). */
export function llmMeetsSlo(e: LlmEntity, slo: { ttft_ms: number | null; tpot_ms: number | null }): boolean {
  return meetsLlmSlos(e.svc, slo);
}

/** The statistic of the latency `kind` ("ttft", "tpot") at `stat`. */
export function llmLatencyStat(e: LlmEntity, kind: 'ttft' | 'tpot', stat: LlmLatencyStat): MaybeStat {
  return e.llm[`${kind}_ms`][stat];
}
