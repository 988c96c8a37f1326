// The seed article's analytic summary: its eight figures in the article's order (and, for an `llm`
// first service, the roofline's four after the serving ones), each with the
// scenario section it is computed from (so a table can say "analytic only" after a run that did
// not simulate that section), and the headings of the tables that list them (the app, the
// reports and `headroom analyze`). Labels carry no unit: the pipeline's duration is in minutes
// in the document, and its value is written in the unit its magnitude suits.
import type { Summary } from '../result/types';
import { figureRow, type Figure, type FigureDef } from './figure';

export interface SummaryFigureDef extends FigureDef<Summary> {
  key: keyof Summary;
  label: string;
  /** The scenario section the figure is computed from; null for the readiness score (all of them). */
  source: 'pipeline' | 'cluster' | 'serving' | null;
}

export const SUMMARY_FIGURES: readonly SummaryFigureDef[] = [
  { key: 'pipeline_total_duration_minutes', label: 'Pipeline total duration (Σ mean task durations)', unit: 'min', source: 'pipeline', analytic: (s) => s.pipeline_total_duration_minutes },
  { key: 'pipeline_reliability', label: 'Pipeline reliability ∏(1 − p)', unit: 'fraction', source: 'pipeline', analytic: (s) => s.pipeline_reliability },
  { key: 'mean_compute_utilization', label: 'Mean compute utilization (allocated ÷ units)', unit: 'fraction', source: 'cluster', analytic: (s) => s.mean_compute_utilization },
  { key: 'share_compute_pools_over_target', label: 'Share of compute pools over target', unit: 'fraction', source: 'cluster', analytic: (s) => s.share_compute_pools_over_target },
  { key: 'serving_required_replicas', label: 'Serving: required replicas ⌈rate ÷ per-replica throughput⌉', unit: 'replicas', source: 'serving', analytic: (s) => s.serving_required_replicas },
  { key: 'serving_total_latency_ms', label: 'Serving: total latency (service + components)', unit: 'ms', source: 'serving', analytic: (s) => s.serving_total_latency_ms },
  { key: 'serving_latency_margin_ms', label: 'Serving: latency margin (budget − total)', unit: 'ms', source: 'serving', analytic: (s) => s.serving_latency_margin_ms },
  { key: 'serving_llm_prefill_ms_per_1k_tokens', label: 'Serving (LLM roofline): prefill of 1,000 tokens', unit: 'ms', source: 'serving', analytic: (s) => s.serving_llm_prefill_ms_per_1k_tokens },
  { key: 'serving_llm_decode_ms_per_token_batch_1', label: 'Serving (LLM roofline): decode step at batch 1', unit: 'ms', source: 'serving', analytic: (s) => s.serving_llm_decode_ms_per_token_batch_1 },
  { key: 'serving_llm_decode_ms_per_token_at_max_num_seqs', label: 'Serving (LLM roofline): decode step at max_num_seqs', unit: 'ms', source: 'serving', analytic: (s) => s.serving_llm_decode_ms_per_token_at_max_num_seqs },
  { key: 'serving_llm_max_sustainable_rps', label: 'Serving (LLM roofline): max sustainable rate, all replicas', unit: 'rps', source: 'serving', analytic: (s) => s.serving_llm_max_sustainable_rps },
  { key: 'infrastructure_readiness_score', label: 'Infrastructure readiness score (mean)', unit: '', source: null, analytic: (s) => s.infrastructure_readiness_score },
];

/** The headings of a summary table: the document key, the label and the value. */
export const SUMMARY_COLUMNS = { key: 'Field', label: 'Figure', value: 'Analytic value' } as const;

/** The summary's figures, in the order of the document's keys (a key the catalogue lacks is its own label). */
export function summaryFigures(summary: Summary): Figure[] {
  const rows: Figure[] = [];
  for (const [key, value] of Object.entries(summary)) {
    if (typeof value !== 'number') continue;
    const def = summaryFigureDef(key);
    const row = def ? figureRow(def, summary, 'summary', '') : null;
    rows.push(row ?? { section: 'summary', entity: '', metric: key, label: key, short: key, unit: '', mean: null, ci95: null, analytic: value });
  }
  return rows;
}

/** The definition of a summary figure, for the table that tags it with its source. */
export function summaryFigureDef(key: string): SummaryFigureDef | undefined {
  return SUMMARY_FIGURES.find((d) => d.key === key);
}

/** The catalogue's label of a summary key (the key itself for one the catalogue lacks). */
export function summaryLabel(key: string): string {
  return summaryFigureDef(key)?.label ?? key;
}
