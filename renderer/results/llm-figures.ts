// What the app's LLM panel shows for an `llm` service, read from the figure catalogue
// (simulation/present/figures-llm.ts and the request-level figures): a table of TTFT, TPOT and
// end-to-end latency statistics with their SLOs, headrooms and attainments, then throughput and
// utilizations, then the roofline's figures beside the simulated ones. Pure.
import type { Scenario, ServiceResult } from '../../simulation';
import { DASH, llmEntity, llmServiceFigures, percentileName, serviceFigures, valueText, type Figure, type LlmSlo } from '../../simulation/present';
import { APP_NUMBERS } from '../format/numbers';
import { figureRowTexts, simulatedCell, type FigureRowText } from './figure-rows';
import { budgetMs } from './service-results';

/** The latency table's columns after the row heading. */
export const LLM_LATENCY_COLUMNS = ['TTFT', 'TPOT', 'End-to-end latency'] as const;

export interface LlmLatencyRow {
  key: string;
  label: string;
  /** TTFT, TPOT and end-to-end cells. */
  cells: [string, string, string];
  /** A row that compares with the SLO (the SLO itself, at the percentile, headroom, attainment). */
  slo: boolean;
  /** Per cell: the SLO is missed (a negative headroom). */
  missed: [boolean, boolean, boolean];
}

export interface LlmPanel {
  latency: LlmLatencyRow[];
  /** Goodput, throughput, tokens per second, utilizations and the batch. */
  throughput: FigureRowText[];
  /** The roofline's figures of a replica, beside the simulated means where they predict them. */
  roofline: FigureRowText[];
  /** Requests, completions, rejections (prompts longer than max_seq_len) and preemptions, in words. */
  counts: { requests: number; completed: number; rejected: number; preemptions: number; recomputed: number };
}

/** The SLOs and budget of the service in the scenario that ran, if known. */
export interface LlmSettings {
  slo?: LlmSlo;
  budgetMs: number | null;
  sloPercentile?: number;
}

/** The settings of service `id` in `scenario` (the version that ran). */
export function llmSettings(scenario: Scenario | null | undefined, id: string, svc: ServiceResult): LlmSettings {
  const spec = scenario?.serving?.services.find((s) => s.id === id);
  return {
    slo: spec?.llm?.slo,
    budgetMs: spec ? spec.latency_budget_ms : budgetMs(svc.analytic),
    sloPercentile: spec?.slo_percentile,
  };
}

export const LLM_THROUGHPUT_KEYS = [
  'offered_rps', 'throughput_rps', 'llm.goodput_rps', 'analytic.llm.max_sustainable_rps', 'llm.input_tokens_per_s', 'llm.output_tokens_per_s',
  'llm.kv_cache_utilization', 'llm.flop_utilization', 'llm.bandwidth_utilization', 'llm.mean_running_seqs', 'llm.mean_batch_seqs',
  'llm.mean_batch_tokens', 'llm.time_in_batch_ms',
] as const;

export const LLM_ROOFLINE_KEYS = [
  'llm.ttft_ms.mean', 'llm.tpot_ms.mean', 'analytic.llm.decode_ms_per_token_at_max_num_seqs', 'analytic.llm.prefill_ms_per_1k_tokens',
  'analytic.llm.per_replica_max_rps', 'analytic.llm.kv_cache_tokens', 'analytic.llm.decode_context_tokens',
] as const;

const cell = (f: Figure | undefined): string => (f ? simulatedCell(f) : DASH);

/** "500 ms at p99". */
function target(ms: number | null | undefined, percentile: number | undefined): string {
  if (ms === null || ms === undefined) return DASH;
  const v = valueText(APP_NUMBERS, ms, 'ms');
  return percentile === undefined ? v : `${v} at ${percentileName(percentile)}`;
}

/** The panel of an `llm` service's result; null for a request-level service. */
export function llmPanel(id: string, svc: ServiceResult, settings: LlmSettings): LlmPanel | null {
  const e = llmEntity(svc, settings.slo);
  if (!e) return null;
  const figs = [
    ...serviceFigures(id, { svc, budgetMs: settings.budgetMs, sloPercentile: settings.sloPercentile }),
    ...llmServiceFigures(id, e),
  ];
  const byKey = new Map(figs.map((f) => [f.metric, f]));
  const get = (k: string) => byKey.get(k);
  const row = (key: string, label: string, keys: [string | null, string | null, string | null], slo = false): LlmLatencyRow => ({
    key, label, slo, cells: keys.map((k) => (k === null ? DASH : cell(get(k)))) as [string, string, string], missed: [false, false, false],
  });
  const negative = (k: string) => { const m = get(k)?.mean; return typeof m === 'number' && m < 0; };
  const slo = settings.slo;
  const latency: LlmLatencyRow[] = [
    row('mean', 'Mean', ['llm.ttft_ms.mean', 'llm.tpot_ms.mean', 'latency_ms.mean']),
    row('p50', 'p50', ['llm.ttft_ms.p50', 'llm.tpot_ms.p50', 'latency_ms.p50']),
    row('p90', 'p90', ['llm.ttft_ms.p90', 'llm.tpot_ms.p90', null]),
    row('p95', 'p95', ['llm.ttft_ms.p95', 'llm.tpot_ms.p95', 'latency_ms.p95']),
    row('p99', 'p99', ['llm.ttft_ms.p99', 'llm.tpot_ms.p99', 'latency_ms.p99']),
    row('p999', 'p99.9', [null, null, 'latency_ms.p999']),
    row('max', 'Max', ['llm.ttft_ms.max', 'llm.tpot_ms.max', 'latency_ms.max']),
    {
      key: 'target', label: 'SLO', slo: true,
      cells: [target(slo?.ttft_ms, slo?.ttft_percentile), target(slo?.tpot_ms, slo?.tpot_percentile), `${target(settings.budgetMs, settings.sloPercentile)} (budget)`],
      missed: [false, false, false],
    },
    row('at-slo', 'At the SLO percentile', ['llm.ttft_at_slo_ms', 'llm.tpot_at_slo_ms', 'latency_at_slo_ms'], true),
    {
      ...row('headroom', 'Headroom', ['llm.ttft_headroom_ms', 'llm.tpot_headroom_ms', 'headroom_ms'], true),
      missed: [negative('llm.ttft_headroom_ms'), negative('llm.tpot_headroom_ms'), negative('headroom_ms')],
    },
    row('attainment', 'Attainment', ['llm.ttft_attainment', 'llm.tpot_attainment', 'slo_attainment'], true),
  ];
  const throughput = figureRowTexts(figs, ['llm.slo_attainment', ...LLM_THROUGHPUT_KEYS]);
  return {
    latency,
    throughput,
    roofline: figureRowTexts(figs, LLM_ROOFLINE_KEYS),
    counts: { requests: svc.requests, completed: svc.completed, rejected: svc.rejected, preemptions: e.llm.preemptions, recomputed: e.llm.recomputed_tokens },
  };
}
