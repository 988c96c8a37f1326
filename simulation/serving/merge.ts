// Replications of one service → its entry in the result document. Every statistic is merged
// with `statOf` (mean over replications and Student-t 95% CI; null over an empty set); counts
// are totals. Keys are inserted in one fixed order so the JSON is byte-stable.
import type { MaybeStat, ServiceResult, ServiceSeries } from '../result/types';
import type { TraceTokenColumns } from '../run/types';
import type { ServiceSpec } from '../scenario/schema';
import { ANY, NON_NEGATIVE, SHARE, statOf, type StatRange } from '../stats/stat';
import { overloaded, serviceAnalytic } from './analytic';
import type { ServiceReplication } from './figures';
import { mergeLlm } from './llm/llm-merge';
import type { ReplicationSeries } from './series';
import { traceReplayMethod } from './trace-replay';

/** More than this share of measured arrivals still waiting at the horizon flags instability. */
const STILL_WAITING_LIMIT = 0.01;

/** `tokens`: an `llm` service's trace token columns, when its lengths name them (for the analytic figures). */
export function mergeService(svc: ServiceSpec, reps: readonly ServiceReplication[], offered: number, bucketS: number, tokens?: TraceTokenColumns): ServiceResult {
  const stat = (pick: (r: ServiceReplication) => number | null, range: StatRange = NON_NEGATIVE) => statOf(reps.map(pick), range);
  const total = (pick: (r: ServiceReplication) => number) => reps.reduce((sum, r) => sum + pick(r), 0);
  const stillWaiting = statOf(reps.map((r) =>
    r.waiting_at_horizon === null || r.measured_arrivals === 0 ? null : r.waiting_at_horizon / r.measured_arrivals), SHARE);
  const out: ServiceResult = {
    offered_rps: offered,
    throughput_rps: stat((r) => r.throughput_rps),
    requests: total((r) => r.requests),
    completed: total((r) => r.completed),
    rejected: total((r) => r.rejected),
    timed_out: total((r) => r.timed_out),
    latency_ms: {
      mean: stat((r) => r.latency_ms.mean),
      p50: stat((r) => r.latency_ms.p50),
      p95: stat((r) => r.latency_ms.p95),
      p99: stat((r) => r.latency_ms.p99),
      p999: stat((r) => r.latency_ms.p999),
      max: stat((r) => r.latency_ms.max),
    },
    latency_at_slo_ms: stat((r) => r.latency_at_slo_ms),
    wait_ms: { mean: stat((r) => r.wait_ms.mean), p99: stat((r) => r.wait_ms.p99) },
    utilization: stat((r) => r.utilization, SHARE),
    mean_in_system: stat((r) => r.mean_in_system),
    slo_attainment: stat((r) => r.slo_attainment, SHARE),
    headroom_ms: stat((r) => r.headroom_ms, ANY),
    stable: !overloaded(svc, offered, tokens) && !(stillWaiting !== null && stillWaiting.mean > STILL_WAITING_LIMIT),
    components_ms: {
      feature: stat((r) => r.components_ms.feature),
      queue: stat((r) => r.components_ms.queue),
      service: stat((r) => r.components_ms.service),
      network: stat((r) => r.components_ms.network),
      postprocess: stat((r) => r.components_ms.postprocess),
    },
    analytic: serviceAnalytic(svc, offered, tokens),
    wait_probability: stat((r) => r.wait_probability, SHARE),
    mean_replicas: stat((r) => r.mean_replicas),
    replica_hours: stat((r) => r.replica_hours),
  };
  const replay = traceReplayMethod(svc.arrivals);
  if (replay !== null) out.trace_replay = replay;
  const price = svc.cost_per_replica_hour;
  if (price !== undefined) out.cost = stat((r) => (r.replica_hours === null ? null : r.replica_hours * price));
  if (svc.replica_failures) {
    out.replica_failures = total((r) => r.replica_failures);
    out.requeued = total((r) => r.requeued);
  }
  if (svc.batching) out.mean_batch_size = stat((r) => r.mean_batch_size);
  out.series = mergeSeries(reps.map((r) => r.series), bucketS);
  if (svc.llm) out.llm = mergeLlm(svc.llm, reps.flatMap((r) => (r.llm ? [r.llm] : [])));
  return out;
}

function mergeSeries(reps: readonly ReplicationSeries[], bucketS: number): ServiceSeries {
  const n = reps[0]?.throughput_rps.length ?? 0;
  const stats = (pick: (r: ReplicationSeries) => readonly (number | null)[]): MaybeStat[] =>
    Array.from({ length: n }, (_, k) => statOf(reps.map((r) => pick(r)[k]), NON_NEGATIVE));
  const totals = (pick: (r: ReplicationSeries) => readonly number[]): number[] =>
    Array.from({ length: n }, (_, k) => reps.reduce((sum, r) => sum + (pick(r)[k] as number), 0));
  return {
    bucket_s: bucketS,
    latency_p50_ms: stats((r) => r.latency_p50_ms),
    latency_p95_ms: stats((r) => r.latency_p95_ms),
    latency_p99_ms: stats((r) => r.latency_p99_ms),
    throughput_rps: stats((r) => r.throughput_rps),
    queue_length: stats((r) => r.queue_length),
    busy_slots: stats((r) => r.busy_slots),
    replicas: stats((r) => r.replicas),
    rejected: totals((r) => r.rejected),
    timed_out: totals((r) => r.timed_out),
  };
}
