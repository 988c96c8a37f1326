// Helpers over a result's `serving` block: simulated vs analytic-only services, and the budget.
import type { AnalyticOnlyService, ResultDocument, ServiceAnalytic, ServiceResult } from '../../simulation';

export function isSimulated(svc: ServiceResult | AnalyticOnlyService): svc is ServiceResult {
  return 'latency_ms' in svc;
}

export function serviceEntries(result: ResultDocument): [string, ServiceResult | AnalyticOnlyService][] {
  return Object.entries(result.serving ?? {});
}

/** The budget, recovered exactly enough from margin = budget − total (the result does not repeat it). */
export function budgetMs(analytic: ServiceAnalytic): number {
  return Math.round((analytic.total_latency_ms + analytic.latency_margin_ms) * 1e6) / 1e6;
}
