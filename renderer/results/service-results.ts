// Helpers over a result's `serving` block: simulated vs analytic-only services, and the budget.
import type { AnalyticOnlyService, ResultDocument, ServiceResult } from '../../simulation';

export function isSimulated(svc: ServiceResult | AnalyticOnlyService): svc is ServiceResult {
  return 'latency_ms' in svc;
}

export function serviceEntries(result: ResultDocument): [string, ServiceResult | AnalyticOnlyService][] {
  return Object.entries(result.serving ?? {});
}

export { budgetMs } from '../charts/service-budget';
