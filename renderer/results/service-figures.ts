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

/** The card's rows; `sloPercentile` null (not in the editor's scenario) leaves out the SLO rows. */
export function serviceComparisonRows(id: string, svc: ServiceResult | AnalyticOnlyService, sloPercentile: number | null, simulated: boolean): FigureRowText[] {
  const figs = serviceFigures(id, { svc, budgetMs: budgetMs(svc.analytic), sloPercentile: sloPercentile ?? undefined });
  return figureRowTexts(figs, simulated ? SERVICE_COMPARISON_KEYS : ANALYTIC_SERVICE_KEYS);
}
