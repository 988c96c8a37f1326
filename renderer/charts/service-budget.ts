// A service's latency budget as a result document holds it: recovered from the analytic block
// (margin = budget − total), as the result does not repeat it. In the charts' leaf so that the
// sweep series (renderer/charts/whatif) and the HTML report read it from one place.
import type { ServiceAnalytic } from '../../simulation';

/** The budget, recovered exactly enough from margin = budget − total (the result does not repeat it). */
export function budgetMs(analytic: ServiceAnalytic): number {
  return Math.round((analytic.total_latency_ms + analytic.latency_margin_ms) * 1e6) / 1e6;
}
