// Replication outcomes → the `headroom.result/v1` document. Outcomes are sorted by index first,
// so the document is byte-identical whatever order the workers finished in.
import type { ResultDocument, ServiceResult } from '../result/types';
import type { Scenario, ServiceSpec } from '../scenario/schema';
import { overloaded, serviceAnalytic, serviceOfferedRps } from '../serving/analytic';
import type { ServiceReplication } from '../serving/figures';
import { statOf } from '../stats/stat';
import { addAnalyticSections, documentHeader, traceRates } from './document';
import type { ReplicationOutcome } from './replication';
import type { HostInputs } from './types';

/** Sections whose model does not exist yet (CLARIFICATIONS.md: listed, not simulated). */
const SIMULATED = new Set(['serving']);

/** More than this share of measured arrivals still waiting at the horizon flags instability. */
const STILL_WAITING_LIMIT = 0.01;

export function mergeReplications(
  scenario: Scenario,
  outcomes: readonly ReplicationOutcome[],
  meta: { sha256: string; wallMs: number },
  inputs?: HostInputs,
): ResultDocument {
  const sorted = [...outcomes].sort((a, b) => a.index - b.index);
  const events = sorted.reduce((sum, o) => sum + o.events, 0);
  const doc = documentHeader(scenario, meta.sha256, events, meta.wallMs, inputs);
  const notSimulated = (['pipeline', 'cluster', 'serving'] as const).filter((k) => scenario[k] && !SIMULATED.has(k));
  if (notSimulated.length > 0) doc.not_simulated = notSimulated;
  const stopped = sorted.find((o) => o.stopped);
  if (stopped?.stopped) doc.truncated = { reason: stopped.stopped };
  addAnalyticSections(doc, scenario);
  if (scenario.serving) {
    const rates = traceRates(scenario, inputs);
    doc.serving = {};
    for (const svc of scenario.serving.services) {
      const reps = sorted.flatMap((o) => (o.serving[svc.id] ? [o.serving[svc.id] as ServiceReplication] : []));
      doc.serving[svc.id] = mergeService(svc, reps, serviceOfferedRps(svc, rates.get(svc.id)));
    }
  }
  return doc;
}

function mergeService(svc: ServiceSpec, reps: readonly ServiceReplication[], offered: number): ServiceResult {
  const stat = (pick: (r: ServiceReplication) => number | null) => statOf(reps.map(pick));
  const total = (pick: (r: ServiceReplication) => number) => reps.reduce((sum, r) => sum + pick(r), 0);
  const stillWaiting = statOf(reps.map((r) =>
    r.waiting_at_horizon === null || r.measured_arrivals === 0 ? null : r.waiting_at_horizon / r.measured_arrivals));
  return {
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
    utilization: stat((r) => r.utilization),
    mean_in_system: stat((r) => r.mean_in_system),
    slo_attainment: stat((r) => r.slo_attainment),
    headroom_ms: stat((r) => r.headroom_ms),
    stable: !overloaded(svc, offered) && !(stillWaiting !== null && stillWaiting.mean > STILL_WAITING_LIMIT),
    components_ms: {
      feature: stat((r) => r.components_ms.feature),
      queue: stat((r) => r.components_ms.queue),
      service: stat((r) => r.components_ms.service),
      network: stat((r) => r.components_ms.network),
      postprocess: stat((r) => r.components_ms.postprocess),
    },
    analytic: serviceAnalytic(svc, offered),
  };
}
