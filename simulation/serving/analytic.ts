// The analytic block of one service: the seed table's figures, utilization, the exact queueing
// formulas where the service fits them (Erlang C for M/M/c, P–K for M/G/1), and the utilization
// each replica count implies around the fewest replicas that keep it below 1.
import { mmcWait, pkMeanWait } from '../analytic/erlang';
import { offeredRate } from '../analytic/offered-rate';
import { perReplicaRps, requiredReplicas, serviceExtrasMs, serviceLatencyMs, serviceMeanServiceMs } from '../analytic/summary';
import { distMean } from '../random/dist-mean';
import { distSecondMoment } from '../random/dist-moments';
import type { ReplicaCountAnalytic, ServiceAnalytic } from '../result/types';
import type { TraceTokenColumns } from '../run/types';
import type { ServiceSpec } from '../scenario/schema';
import { llmAnalytic } from './llm/llm-analytic';
import { tokenMoments } from './llm/token-lengths';

/** Offered rate in rps; NaN for a trace whose rate the host did not supply. */
export function serviceOfferedRps(svc: ServiceSpec, traceRate?: number | null): number {
  return offeredRate(svc.arrivals, traceRate ?? undefined) ?? Number.NaN;
}

/** Slots that bound capacity: replicas × concurrency, at max_replicas when autoscaling. */
export function capacitySlots(svc: ServiceSpec): number {
  return (svc.autoscaling ? svc.autoscaling.max_replicas : svc.replicas) * svc.concurrency;
}

/**
 * The spec's capacity test: offered × mean service ≥ slots × (1 − 1e−9). `tokens`: an `llm`
 * service's trace token columns, when its lengths name them (here and below).
 */
export function overloaded(svc: ServiceSpec, offeredRps: number, tokens?: TraceTokenColumns): boolean {
  return (offeredRps * serviceMeanServiceMs(svc, tokens)) / 1000 >= capacitySlots(svc) * (1 - 1e-9);
}

/** Long-run share of time a replica serves: mtbf ÷ (mtbf + mean restart); 1 without failures. */
export function replicaAvailability(svc: ServiceSpec): number {
  const f = svc.replica_failures;
  return f ? f.mtbf_s / (f.mtbf_s + distMean(f.restart_s)) : 1;
}

/**
 * The fewest replicas whose utilization, with capacity scaled by the availability, is below 1
 * (at exactly 1 the queue does not drain, so one more). Null when the offered rate is unknown.
 */
export function stableReplicas(svc: ServiceSpec, offeredRps: number, tokens?: TraceTokenColumns): number | null {
  if (!Number.isFinite(offeredRps)) return null;
  const load = (offeredRps * serviceMeanServiceMs(svc, tokens)) / 1000 / (svc.concurrency * replicaAvailability(svc));
  if (!Number.isFinite(load)) return null;
  const near = Math.round(load);
  const n = Math.abs(load - near) <= 1e-9 * Math.max(1, load) ? near + 1 : Math.ceil(load);
  return Math.max(1, n);
}

/** No feature that breaks the textbook queue: batching, autoscaling, limits, failures, token-level service. */
function plainQueue(svc: ServiceSpec): boolean {
  return !svc.batching && !svc.llm && !svc.autoscaling && svc.queue_limit === undefined &&
    svc.timeout_ms === undefined && !svc.replica_failures && svc.arrivals.process === 'poisson';
}

/** Erlang C figures for `slots` servers, when the service is a stable M/M/c. */
function erlangFor(svc: ServiceSpec, offeredRps: number, slots: number) {
  const meanS = serviceMeanServiceMs(svc);
  if (!plainQueue(svc) || svc.service_time_ms?.dist !== 'exponential') return undefined;
  if ((offeredRps * meanS) / 1000 >= slots * (1 - 1e-9)) return undefined;
  return mmcWait(offeredRps, meanS, slots);
}

export function serviceAnalytic(svc: ServiceSpec, offeredRps: number, tokens?: TraceTokenColumns): ServiceAnalytic {
  const meanS = serviceMeanServiceMs(svc, tokens);
  const total = serviceLatencyMs(svc, tokens) + serviceExtrasMs(svc);
  const slots = capacitySlots(svc);
  const out: ServiceAnalytic = {
    required_replicas: requiredReplicas(offeredRps, perReplicaRps(svc, tokens)),
    total_latency_ms: total,
    latency_margin_ms: svc.latency_budget_ms - total,
    utilization: (offeredRps * meanS) / 1000 / slots,
  };
  const moments = svc.llm ? tokenMoments(svc.llm, tokens) : null;
  if (svc.llm && moments) out.llm = llmAnalytic(svc.llm, svc.replicas, moments);
  const erlang = overloaded(svc, offeredRps, tokens) ? undefined : erlangFor(svc, offeredRps, slots);
  if (erlang) out.erlang_c = erlang;
  if (plainQueue(svc) && slots === 1 && svc.service_time_ms && !overloaded(svc, offeredRps)) {
    const m2 = distSecondMoment(svc.service_time_ms);
    if (Number.isFinite(m2)) out.pk = { mean_wait_ms: pkMeanWait(offeredRps, meanS, m2) };
  }
  const stable = stableReplicas(svc, offeredRps, tokens);
  // Beyond a million replicas the per-count table is meaningless (and n + 1 stops changing n).
  if (stable === null || !(stable <= 1e6)) return out;
  out.stable_replicas = stable;
  if (svc.replica_failures) out.availability = replicaAvailability(svc);
  const cost = svc.cost_per_replica_hour;
  if (cost !== undefined) out.cost_per_hour = svc.replicas * cost;
  out.by_replicas = replicaTable(svc, offeredRps, stable, tokens);
  return out;
}

/** Rows for max(1, stable − 2) … stable + 3 replicas. */
function replicaTable(svc: ServiceSpec, offeredRps: number, stable: number, tokens?: TraceTokenColumns): ReplicaCountAnalytic[] {
  const meanS = serviceMeanServiceMs(svc, tokens);
  const rows: ReplicaCountAnalytic[] = [];
  for (let n = Math.max(1, stable - 2); n <= stable + 3; n++) {
    const slots = n * svc.concurrency;
    const row: ReplicaCountAnalytic = { replicas: n, utilization: (offeredRps * meanS) / 1000 / slots };
    const erlang = erlangFor(svc, offeredRps, slots);
    if (erlang) row.erlang_c = erlang;
    if (svc.cost_per_replica_hour !== undefined) row.cost_per_hour = n * svc.cost_per_replica_hour;
    rows.push(row);
  }
  return rows;
}
