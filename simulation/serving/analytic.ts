// The analytic block of one service: the seed table's figures, utilization, and the exact
// queueing formulas where the service fits them (Erlang C for M/M/c, P–K for M/G/1).
import { mmcWait, pkMeanWait } from '../analytic/erlang';
import { offeredRate } from '../analytic/offered-rate';
import { perReplicaRps, requiredReplicas, serviceExtrasMs, serviceMeanServiceMs } from '../analytic/summary';
import { distSecondMoment } from '../random/dist-moments';
import type { ServiceAnalytic } from '../result/types';
import type { ServiceSpec } from '../scenario/schema';

/** Offered rate in rps; NaN for a trace whose rate the host did not supply. */
export function serviceOfferedRps(svc: ServiceSpec, traceRate?: number | null): number {
  return offeredRate(svc.arrivals, traceRate ?? undefined) ?? Number.NaN;
}

/** Slots that bound capacity: replicas × concurrency, at max_replicas when autoscaling. */
export function capacitySlots(svc: ServiceSpec): number {
  return (svc.autoscaling ? svc.autoscaling.max_replicas : svc.replicas) * svc.concurrency;
}

/** The spec's capacity test: offered × mean service ≥ slots × (1 − 1e−9). */
export function overloaded(svc: ServiceSpec, offeredRps: number): boolean {
  return (offeredRps * serviceMeanServiceMs(svc)) / 1000 >= capacitySlots(svc) * (1 - 1e-9);
}

/** No feature that breaks the textbook queue: batching, autoscaling, limits, failures. */
function plainQueue(svc: ServiceSpec): boolean {
  return !svc.batching && !svc.autoscaling && svc.queue_limit === undefined &&
    svc.timeout_ms === undefined && !svc.replica_failures && svc.arrivals.process === 'poisson';
}

export function serviceAnalytic(svc: ServiceSpec, offeredRps: number): ServiceAnalytic {
  const meanS = serviceMeanServiceMs(svc);
  const total = meanS + serviceExtrasMs(svc);
  const slots = capacitySlots(svc);
  const out: ServiceAnalytic = {
    required_replicas: requiredReplicas(offeredRps, perReplicaRps(svc)),
    total_latency_ms: total,
    latency_margin_ms: svc.latency_budget_ms - total,
    utilization: (offeredRps * meanS) / 1000 / slots,
  };
  if (!plainQueue(svc) || overloaded(svc, offeredRps) || !svc.service_time_ms) return out;
  if (svc.service_time_ms.dist === 'exponential') out.erlang_c = mmcWait(offeredRps, meanS, slots);
  if (slots === 1) {
    const m2 = distSecondMoment(svc.service_time_ms);
    if (Number.isFinite(m2)) out.pk = { mean_wait_ms: pkMeanWait(offeredRps, meanS, m2) };
  }
  return out;
}
