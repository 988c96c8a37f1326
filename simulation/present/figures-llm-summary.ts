// The token-level figures a summary of an `llm` service shows — the CLI's text and the HTML and
// Markdown reports list the same rows: TTFT and TPOT (mean, p50, p99 with their CIs), the SLOs
// with headroom and attainment, goodput, token throughput beside the roofline's ceiling, how much
// of the replicas the run used, preemptions, and the roofline's iteration times. The end-to-end
// latency and requests/s are the request-level rows every service has (./figures-serving.ts).
// The full list is ./figures-llm.ts (the CSV and the app).
import type { Figure } from './figure';
import { llmServiceFigures, type LlmEntity } from './figures-llm';

const SUMMARY_KEYS = [
  'llm.ttft_ms.mean', 'llm.ttft_ms.p50', 'llm.ttft_ms.p99',
  'llm.tpot_ms.mean', 'llm.tpot_ms.p50', 'llm.tpot_ms.p99',
  'llm.slo.ttft_ms', 'llm.ttft_at_slo_ms', 'llm.ttft_headroom_ms', 'llm.ttft_attainment',
  'llm.slo.tpot_ms', 'llm.tpot_at_slo_ms', 'llm.tpot_headroom_ms', 'llm.tpot_attainment',
  'llm.slo_attainment', 'llm.goodput_rps',
  'llm.input_tokens_per_s', 'llm.output_tokens_per_s', 'analytic.llm.max_sustainable_rps', 'analytic.llm.per_replica_max_rps',
  'llm.kv_cache_utilization', 'llm.flop_utilization', 'llm.bandwidth_utilization', 'llm.mean_batch_seqs', 'llm.preemptions',
  'analytic.llm.prefill_ms_per_1k_tokens', 'analytic.llm.decode_ms_per_token_batch_1', 'analytic.llm.decode_ms_per_token_at_max_num_seqs',
] as const;

/** The latency rows already shown as p50 or p99: the "at the SLO percentile" row would repeat one. */
const SHOWN_PERCENTILES = [50, 99];

/** The summary's rows of one `llm` service, in this order (rows the document lacks are left out). */
export function llmSummaryFigures(id: string, e: LlmEntity): Figure[] {
  const all = new Map(llmServiceFigures(id, e).map((f) => [f.metric, f]));
  const repeats = new Set<string>();
  if (e.slo && SHOWN_PERCENTILES.includes(e.slo.ttft_percentile)) repeats.add('llm.ttft_at_slo_ms');
  if (e.slo && SHOWN_PERCENTILES.includes(e.slo.tpot_percentile)) repeats.add('llm.tpot_at_slo_ms');
  return SUMMARY_KEYS.flatMap((k) => (repeats.has(k) ? [] : all.get(k) ?? []));
}
