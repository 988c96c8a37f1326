// The serving figures of a result document, per service: what was offered and configured, the
// simulated statistics beside their closed forms (Erlang C, Pollaczek–Khinchine, no-queueing
// latency), and the analytic figures of a service that was not simulated.
import type { AnalyticOnlyService, ServiceResult } from '../result/types';
import { figureRows, type Figure, type FigureDef } from './figure';

/** A service's result and what the scenario says about it (budget, SLO percentile). */
export interface ServiceEntity {
  svc: ServiceResult | AnalyticOnlyService;
  /** From the scenario; undefined when the report has no scenario for it. */
  budgetMs?: number | null;
  sloPercentile?: number;
}

export function isSimulatedService(s: unknown): s is ServiceResult {
  return typeof s === 'object' && s !== null && 'latency_ms' in s;
}

type Sim = { svc: ServiceResult };
const ec = (e: Sim) => e.svc.analytic.erlang_c;

export const SERVICE_CONFIGURED: FigureDef<ServiceEntity>[] = [
  { key: 'offered_rps', label: 'Offered load', unit: 'rps', analytic: (e) => e.svc.offered_rps },
  { key: 'latency_budget_ms', label: 'Latency budget', unit: 'ms', analytic: (e) => (e.sloPercentile === undefined ? undefined : e.budgetMs) },
  { key: 'slo_percentile', label: 'SLO percentile', unit: 'percentile', analytic: (e) => e.sloPercentile },
];

export const SERVICE_SIMULATED: FigureDef<Sim>[] = [
  { key: 'requests', label: 'Requests (total, all replications)', unit: 'count', value: (e) => e.svc.requests },
  { key: 'completed', label: 'Completed (total)', unit: 'count', value: (e) => e.svc.completed },
  { key: 'rejected', label: 'Rejected (total)', unit: 'count', value: (e) => e.svc.rejected },
  { key: 'timed_out', label: 'Timed out (total)', unit: 'count', value: (e) => e.svc.timed_out },
  { key: 'throughput_rps', label: 'Throughput', unit: 'rps', stat: (e) => e.svc.throughput_rps },
  { key: 'latency_ms.mean', label: 'Latency, mean (analytic: no queueing)', unit: 'ms', stat: (e) => e.svc.latency_ms.mean, analytic: (e) => e.svc.analytic.total_latency_ms },
  { key: 'latency_ms.p50', label: 'Latency p50', unit: 'ms', stat: (e) => e.svc.latency_ms.p50 },
  { key: 'latency_ms.p95', label: 'Latency p95', unit: 'ms', stat: (e) => e.svc.latency_ms.p95 },
  { key: 'latency_ms.p99', label: 'Latency p99', unit: 'ms', stat: (e) => e.svc.latency_ms.p99 },
  { key: 'latency_ms.p999', label: 'Latency p99.9', unit: 'ms', stat: (e) => e.svc.latency_ms.p999 },
  { key: 'latency_ms.max', label: 'Latency, max', unit: 'ms', stat: (e) => e.svc.latency_ms.max },
  { key: 'latency_at_slo_ms', label: 'Latency at the SLO percentile', unit: 'ms', stat: (e) => e.svc.latency_at_slo_ms },
  { key: 'headroom_ms', label: 'Headroom (budget − latency at SLO; analytic: margin)', unit: 'ms', stat: (e) => e.svc.headroom_ms, analytic: (e) => e.svc.analytic.latency_margin_ms },
  { key: 'slo_attainment', label: 'SLO attainment', unit: 'fraction', stat: (e) => e.svc.slo_attainment },
  {
    key: 'wait_ms.mean', label: (e) => `Queue wait, mean${ec(e) ? ' (Erlang C)' : e.svc.analytic.pk ? ' (Pollaczek–Khinchine)' : ''}`, unit: 'ms',
    stat: (e) => e.svc.wait_ms.mean, analytic: (e) => ec(e)?.mean_wait_ms ?? e.svc.analytic.pk?.mean_wait_ms,
  },
  { key: 'wait_ms.p99', label: (e) => `Queue wait p99${ec(e) ? ' (Erlang C)' : ''}`, unit: 'ms', stat: (e) => e.svc.wait_ms.p99, analytic: (e) => ec(e)?.p99_wait_ms },
  { key: 'wait_probability', label: (e) => `P(wait)${ec(e) ? ' (Erlang C)' : ''}`, unit: 'fraction', stat: (e) => e.svc.wait_probability, analytic: (e) => ec(e)?.p_wait },
  { key: 'utilization', label: 'Utilization', unit: 'fraction', stat: (e) => e.svc.utilization, analytic: (e) => e.svc.analytic.utilization },
  { key: 'mean_in_system', label: 'Requests in system, mean', unit: '', stat: (e) => e.svc.mean_in_system },
  { key: 'mean_replicas', label: 'Replicas serving, mean', unit: 'replicas', stat: (e) => e.svc.mean_replicas },
  { key: 'mean_batch_size', label: 'Batch size, mean', unit: '', stat: (e) => e.svc.mean_batch_size },
  { key: 'replica_hours', label: 'Replica-hours', unit: 'replica-hours', stat: (e) => e.svc.replica_hours },
  { key: 'cost', label: 'Cost', unit: 'cost', stat: (e) => e.svc.cost },
  { key: 'replica_failures', label: 'Replica failures', unit: 'count', value: (e) => e.svc.replica_failures },
  { key: 'requeued', label: 'Requests re-queued', unit: 'count', value: (e) => e.svc.requeued },
  { key: 'stable', label: 'Stable', unit: 'flag', value: (e) => (e.svc.stable ? 1 : 0) },
  ...(['feature', 'queue', 'service', 'network', 'postprocess'] as const).map((k): FigureDef<Sim> => (
    { key: `components_ms.${k}`, label: `Latency component: ${k}`, unit: 'ms', stat: (e) => e.svc.components_ms[k] })),
];

export const SERVICE_ANALYTIC_ONLY: FigureDef<ServiceEntity>[] = [
  { key: 'analytic.utilization', label: 'Utilization', unit: 'fraction', analytic: (e) => e.svc.analytic.utilization },
  { key: 'analytic.total_latency_ms', label: 'Total latency (no queueing)', unit: 'ms', analytic: (e) => e.svc.analytic.total_latency_ms },
  { key: 'analytic.latency_margin_ms', label: 'Latency margin', unit: 'ms', analytic: (e) => e.svc.analytic.latency_margin_ms },
  { key: 'analytic.erlang_c.mean_wait_ms', label: 'Queue wait, mean (Erlang C)', unit: 'ms', analytic: (e) => e.svc.analytic.erlang_c?.mean_wait_ms },
  { key: 'analytic.erlang_c.p_wait', label: 'P(wait) (Erlang C)', unit: 'fraction', analytic: (e) => e.svc.analytic.erlang_c?.p_wait },
];

export const SERVICE_ANALYTIC: FigureDef<ServiceEntity>[] = [
  { key: 'analytic.required_replicas', label: 'Required replicas (analytic)', unit: 'replicas', analytic: (e) => e.svc.analytic.required_replicas },
  { key: 'analytic.stable_replicas', label: 'Fewest replicas below 100% utilization', unit: 'replicas', analytic: (e) => e.svc.analytic.stable_replicas },
  { key: 'analytic.availability', label: 'Replica availability', unit: 'fraction', analytic: (e) => e.svc.analytic.availability },
  { key: 'analytic.cost_per_hour', label: 'Cost per hour', unit: 'cost', analytic: (e) => e.svc.analytic.cost_per_hour },
];

/** Every figure of one service, in document order. */
export function serviceFigures(id: string, e: ServiceEntity): Figure[] {
  const rows = figureRows(SERVICE_CONFIGURED, e, 'serving', id);
  const svc = e.svc;
  if (isSimulatedService(svc)) rows.push(...figureRows(SERVICE_SIMULATED, { svc }, 'serving', id));
  else rows.push(...figureRows(SERVICE_ANALYTIC_ONLY, e, 'serving', id));
  rows.push(...figureRows(SERVICE_ANALYTIC, e, 'serving', id));
  for (const row of svc.analytic.by_replicas ?? []) {
    const n = row.replicas;
    rows.push(...figureRows<typeof row>([
      { key: `analytic.by_replicas.${n}.utilization`, label: `Utilization at ${n} replicas`, unit: 'fraction', analytic: (r) => r.utilization },
      { key: `analytic.by_replicas.${n}.erlang_c.mean_wait_ms`, label: `Queue wait, mean at ${n} replicas (Erlang C)`, unit: 'ms', analytic: (r) => r.erlang_c?.mean_wait_ms },
    ], row, 'serving', id));
  }
  return rows;
}
