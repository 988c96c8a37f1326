// The seed article's analytic table (cli-and-results.md, "summary"), exactly as defined there.
import { distMean } from '../random/dist-mean';
import type { TraceTokenColumns } from '../run/types';
import type { Scenario, ServiceSpec } from '../scenario/schema';
import type { Summary } from '../result/types';
import { llmAnalytic, llmCeiling, llmUnloadedMs } from '../serving/llm/llm-analytic';
import { llmCost, prefillMs } from '../serving/llm/roofline';
import { tokenMoments } from '../serving/llm/token-lengths';
import { offeredRate } from './offered-rate';

/**
 * Slot time per request, for capacity (throughput, utilization, replica counts). With batching a
 * full batch's time is shared by its members. An `llm` service has one slot per replica, whose
 * time per request is the inverse of the roofline's ceiling (serving/llm/llm-analytic.ts);
 * `tokens` are its trace's token columns when its lengths name them (NaN without them).
 */
export function serviceMeanServiceMs(svc: ServiceSpec, tokens?: TraceTokenColumns): number {
  if (svc.llm) {
    const m = tokenMoments(svc.llm, tokens);
    return m ? 1000 / llmCeiling(svc.llm, m).rps : Number.NaN;
  }
  const b = svc.batching; // with batching, service_time_ms is not used (scenario-format.md)
  if (b) return (b.batch_time_ms.base + b.batch_time_ms.per_item * b.max_batch) / b.max_batch;
  return svc.service_time_ms ? distMean(svc.service_time_ms) : Number.NaN;
}

/**
 * Model time one request experiences, for latency: its service time, or with batching the
 * whole time of the (full) batch it rides in — every member waits for the batch to finish. An
 * `llm` service: a mean request alone on its replica (prefill, then decodes at batch 1).
 */
export function serviceLatencyMs(svc: ServiceSpec, tokens?: TraceTokenColumns): number {
  if (svc.llm) {
    const m = tokenMoments(svc.llm, tokens);
    return m ? llmUnloadedMs(svc.llm, m) : Number.NaN;
  }
  const b = svc.batching;
  return b ? b.batch_time_ms.base + b.batch_time_ms.per_item * b.max_batch : serviceMeanServiceMs(svc);
}

export function serviceExtrasMs(svc: ServiceSpec): number {
  const l = svc.latency_ms;
  return [l.feature, l.network, l.postprocess].reduce((sum, d) => sum + (d ? distMean(d) : 0), 0);
}

/** Per-replica throughput (rps) = concurrency ÷ mean service time. */
export function perReplicaRps(svc: ServiceSpec, tokens?: TraceTokenColumns): number {
  return svc.concurrency / (serviceMeanServiceMs(svc, tokens) / 1000);
}

/** ⌈offered ÷ per-replica throughput⌉, guarded against float noise such as 8.000000000001. */
export function requiredReplicas(offeredRps: number, perReplica: number): number {
  const ratio = offeredRps / perReplica;
  const rounded = Math.round(ratio);
  return Math.abs(ratio - rounded) < 1e-9 * Math.max(1, ratio) ? rounded : Math.ceil(ratio);
}

export function analyticSummary(
  s: Scenario,
  traceRates: ReadonlyMap<string, number> = new Map(),
  traceTokens: Readonly<Record<string, TraceTokenColumns>> = {},
): Summary {
  const out: Summary = {};
  if (s.pipeline) {
    const total = s.pipeline.tasks.reduce((sum, t) => sum + distMean(t.duration_s), 0);
    out.pipeline_total_duration_minutes = total / 60;
    out.pipeline_reliability = s.pipeline.tasks.reduce((r, t) => r * (1 - t.failure_probability), 1);
  }
  if (s.cluster) {
    const snap = s.cluster.pools.filter((p) => p.allocated_units !== undefined);
    if (snap.length > 0) {
      const util = snap.map((p) => (p.allocated_units as number) / p.units);
      out.mean_compute_utilization = util.reduce((a, b) => a + b, 0) / util.length;
      const withTarget = snap.filter((p) => p.utilization_target !== undefined);
      if (withTarget.length > 0) {
        const over = withTarget.filter((p) => (p.allocated_units as number) / p.units > (p.utilization_target as number));
        out.share_compute_pools_over_target = over.length / withTarget.length;
      }
    }
  }
  const svc = s.serving?.services[0];
  if (svc) {
    const offered = offeredRate(svc.arrivals, traceRates.get(svc.id));
    const tokens = traceTokens[svc.id];
    const total = serviceLatencyMs(svc, tokens) + serviceExtrasMs(svc);
    if (offered !== null) out.serving_required_replicas = requiredReplicas(offered, perReplicaRps(svc, tokens));
    out.serving_total_latency_ms = total;
    out.serving_latency_margin_ms = svc.latency_budget_ms - total;
    if (svc.llm) {
      // The roofline's own rows: a prefill needs no lengths; the rest need the mean lengths
      // (a trace's columns, which only the backend reads).
      out.serving_llm_prefill_ms_per_1k_tokens = prefillMs(llmCost(svc.llm), 1000);
      const m = tokenMoments(svc.llm, tokens);
      if (m) {
        const a = llmAnalytic(svc.llm, svc.replicas, m);
        out.serving_llm_decode_ms_per_token_batch_1 = a.decode_ms_per_token_batch_1;
        out.serving_llm_decode_ms_per_token_at_max_num_seqs = a.decode_ms_per_token_at_max_num_seqs;
        out.serving_llm_max_sustainable_rps = a.max_sustainable_rps;
      }
    }
  }
  if (s.readiness && s.readiness.length > 0) {
    out.infrastructure_readiness_score = s.readiness.reduce((a, r) => a + r.score, 0) / s.readiness.length;
  }
  // A figure whose inputs are absent (a trace's rate or lengths not read) is left out, not NaN.
  for (const [key, value] of Object.entries(out)) if (!Number.isFinite(value)) delete out[key as keyof Summary];
  return out;
}
