// Which serving figures the app's "analytic vs simulated" card shows, by catalogue key: the load
// and the SLO it is held to, then the simulated figures beside their closed forms. Pure.
import { serviceFigures } from '../../simulation/present';
import type { AnalyticOnlyService, ServiceResult } from '../../simulation';
import { figureRowTexts, type FigureRowText } from './figure-rows';
import { budgetMs } from './service-results';

export const SERVICE_COMPARISON_KEYS = [
  'offered_rps', 'latency_budget_ms', 'slo_percentile', 'throughput_rps', 'utilization', 'latency_at_slo_ms', 'headroom_ms',
  'slo_attainment', 'latency_ms.mean', 'wait_ms.mean', 'wait_ms.p99', 'wait_probability', 'analytic.required_replicas',
] as const;

export const ANALYTIC_SERVICE_KEYS = [
  'offered_rps', 'latency_budget_ms', 'slo_percentile', 'analytic.required_replicas', 'analytic.utilization',
  'analytic.total_latency_ms', 'analytic.latency_margin_ms', 'analytic.erlang_c.mean_wait_ms', 'analytic.erlang_c.p_wait',
] as const;

/**
 * An `llm` service leaves out utilization and P(wait): a replica running one sequence is busy and
 * almost every request waits for the iteration in progress, so both are near 1 whatever the load
 * (docs/llm-serving.md, "Result"); its LLM panel shows the KV cache, FLOP and bandwidth instead.
 */
export const LLM_REQUEST_LEVEL_KEYS = SERVICE_COMPARISON_KEYS.filter((k) => k !== 'utilization' && k !== 'wait_probability');

/** The card's rows; `sloPercentile` null (not in the editor's scenario) leaves out the SLO rows. */
export function serviceComparisonRows(id: string, svc: ServiceResult | AnalyticOnlyService, sloPercentile: number | null, simulated: boolean): FigureRowText[] {
  const figs = serviceFigures(id, { svc, budgetMs: budgetMs(svc.analytic), sloPercentile: sloPercentile ?? undefined });
  const llm = 'llm' in svc && svc.llm !== undefined;
  return figureRowTexts(figs, simulated ? (llm ? LLM_REQUEST_LEVEL_KEYS : SERVICE_COMPARISON_KEYS) : ANALYTIC_SERVICE_KEYS);
}
