// A service's latency budget as a result document holds it: recovered from the analytic block
// (margin = budget − total), as the result does not repeat it. In the charts' leaf so that the
// sweep series (renderer/charts/whatif) and the HTML report read it from one place.
import type { MaybeStat, ServiceAnalytic, ServiceResult } from '../../simulation';

/** The budget, recovered exactly enough from margin = budget − total (the result does not repeat it). */
export function budgetMs(analytic: ServiceAnalytic): number {
  return Math.round((analytic.total_latency_ms + analytic.latency_margin_ms) * 1e6) / 1e6;
}

/**
 * An `llm` service's TTFT and TPOT SLOs as a result holds them: recovered from headroom = SLO −
 * the time at its percentile, as the budget is (null where the time, so the headroom, is missing).
 */
export function llmSloMs(llm: NonNullable<ServiceResult['llm']>): { ttft_ms: number | null; tpot_ms: number | null } {
  const slo = (at: MaybeStat, headroom: MaybeStat) => (at && headroom ? Math.round((at.mean + headroom.mean) * 1e6) / 1e6 : null);
  return { ttft_ms: slo(llm.ttft_at_slo_ms, llm.ttft_headroom_ms), tpot_ms: slo(llm.tpot_at_slo_ms, llm.tpot_headroom_ms) };
}
