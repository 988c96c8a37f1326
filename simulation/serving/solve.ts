// The capacity solver (cli-and-results.md, `solve`): the fewest replicas for which a service
// meets its SLO with confidence — the upper end of the Student-t 95% CI of the latency at
// `slo_percentile` is ≤ `latency_budget_ms`. The search covers [estimate, 4 × estimate], where
// the estimate is the analytic figure (the fewest replicas whose utilization is below 1; fewer
// cannot drain the queue): the estimate itself first, then 4 × estimate, then bisection between
// the largest count that failed and the smallest that met. Pure: the host supplies `evaluate`,
// which simulates the service at a replica count (the CLI over worker threads; the UI later).
// An `llm` service (docs/llm-serving.md) meets its SLOs when the upper ends of the CIs of TTFT and
// TPOT at their percentiles are both within them (its latency budget is not judged), and its
// search doubles from the estimate (estimate, 2×, 4×, … up to 64 × estimate) before bisecting:
// the roofline's estimate is for the mean rate, and bursts of long prompts may need many times it.
import type { MaybeStat, ServiceResult } from '../result/types';
import type { TraceTokenColumns } from '../run/types';
import { MAX_REPLICAS } from '../scenario/limits';
import type { ServiceSpec } from '../scenario/schema';
import { stableReplicas } from './analytic';

export interface SolveCandidate {
  replicas: number;
  latency_at_slo_ms: MaybeStat;
  utilization: MaybeStat;
  meets: boolean;
  /** replicas × cost_per_replica_hour, null without a cost. */
  cost_per_hour: number | null;
  stable: boolean;
  /** An `llm` service's TTFT and TPOT at their SLO percentiles, which `meets` judges. */
  ttft_at_slo_ms?: MaybeStat;
  tpot_at_slo_ms?: MaybeStat;
}

/** An `llm` service's SLOs (its `llm.slo`), in a solve's result. */
export interface LlmSolveSlo {
  ttft_ms: number;
  ttft_percentile: number;
  tpot_ms: number;
  tpot_percentile: number;
}

/** How far an `llm` service's search may go: this many times the estimate (at most MAX_REPLICAS). */
export const LLM_SEARCH_FACTOR = 64;

export interface SolveResult {
  service: string;
  /** The fewest replicas meeting the SLO in the range searched, or null. */
  replicas: number | null;
  /** Every count simulated, by replica count. */
  evidence: SolveCandidate[];
  slo_percentile: number;
  latency_budget_ms: number;
  /** Replications per candidate. */
  replications: number;
  /** The analytic estimate the search starts from, and the top of the range (4 × estimate; 64 × for an `llm` service). */
  estimate: number;
  search_max: number;
  /** An `llm` service's SLOs, judged instead of `latency_budget_ms`; absent for other services. */
  llm_slo?: LlmSolveSlo;
}

/** Replications per candidate: max(scenario replications, 10), unless given explicitly. */
export function solveReplications(scenarioReplications: number, explicit?: number): number {
  return explicit ?? Math.max(scenarioReplications, 10);
}

/**
 * Why a service cannot be solved, or null. `tokens`: an `llm` service's trace token columns, when
 * its lengths name them (the roofline's estimate needs their moments).
 */
export function solveRefusal(svc: ServiceSpec, offeredRps: number, tokens?: TraceTokenColumns): string | null {
  if (svc.autoscaling) return 'solve varies a fixed replica count; this service has autoscaling (sweep autoscaling.max_replicas instead)';
  if (!Number.isFinite(offeredRps) || !(offeredRps > 0)) return 'the offered rate of this service is unknown';
  const estimate = stableReplicas(svc, offeredRps, tokens);
  if (estimate === null) return 'the analytic estimate of this service is unknown (its token columns were not read)';
  if (estimate > MAX_REPLICAS) return `the analytic estimate, ${estimate} replicas, is more than a service may have (${MAX_REPLICAS}); raise concurrency or lower the rate`;
  return null;
}

/**
 * An `llm` service meets both its SLOs with 95% confidence: the upper ends of the CIs of TTFT and
 * TPOT at their percentiles within them. No request of two tokens or more: no TPOT to miss
 * (one-token outputs meet it, as in vLLM's goodput), if any request completed. An SLO or a time
 * not known (null: a sweep recovers the SLOs from its results) never meets. The one judgement of
 * solve, the sweeps (app and CLI) and the reports.
 */
export function meetsLlmSlos(r: ServiceResult, slo: { ttft_ms: number | null; tpot_ms: number | null }): boolean {
  const ttft = r.llm?.ttft_at_slo_ms ?? null, tpot = r.llm?.tpot_at_slo_ms ?? null;
  if (ttft === null || slo.ttft_ms === null || ttft.ci95[1] > slo.ttft_ms) return false;
  return tpot === null ? r.completed > 0 : slo.tpot_ms !== null && tpot.ci95[1] <= slo.tpot_ms;
}

/** Met with 95% confidence: the CI's upper end within the budget (an `llm` service: within both its TTFT and TPOT SLOs). */
export function meetsSlo(svc: ServiceSpec, r: ServiceResult): boolean {
  if (svc.llm) return meetsLlmSlos(r, svc.llm.slo);
  const p = r.latency_at_slo_ms;
  return p !== null && p.ci95[1] <= svc.latency_budget_ms;
}

/**
 * The counts the search may try: from the analytic estimate to the top (4 × estimate; 64 × for an
 * `llm` service), within the schema's bound like any scenario the engine is given. Every count a
 * search visits is in it, whatever the figures (a sharded solve simulates them all).
 */
export function solveSearchRange(svc: ServiceSpec, offeredRps: number, tokens?: TraceTokenColumns): { estimate: number; top: number } {
  const refusal = solveRefusal(svc, offeredRps, tokens);
  if (refusal) throw new Error(refusal);
  const estimate = stableReplicas(svc, offeredRps, tokens) as number;
  return { estimate, top: Math.min((svc.llm ? LLM_SEARCH_FACTOR : 4) * estimate, MAX_REPLICAS) };
}

export async function solveReplicas(
  svc: ServiceSpec,
  offeredRps: number,
  replications: number,
  evaluate: (replicas: number) => Promise<ServiceResult>,
  tokens?: TraceTokenColumns,
): Promise<SolveResult> {
  const { estimate, top } = solveSearchRange(svc, offeredRps, tokens);
  // After a count that fails: the top at once, or (llm) twice the count, up to the top.
  const next = (n: number) => (svc.llm ? Math.min(2 * n, top) : top);
  const evidence = new Map<number, SolveCandidate>();
  const meets = async (n: number): Promise<boolean> => {
    const r = await evaluate(n);
    const c: SolveCandidate = {
      replicas: n,
      latency_at_slo_ms: r.latency_at_slo_ms,
      utilization: r.utilization,
      meets: meetsSlo(svc, r),
      cost_per_hour: svc.cost_per_replica_hour === undefined ? null : n * svc.cost_per_replica_hour,
      stable: r.stable,
    };
    if (svc.llm) {
      c.ttft_at_slo_ms = r.llm?.ttft_at_slo_ms ?? null;
      c.tpot_at_slo_ms = r.llm?.tpot_at_slo_ms ?? null;
    }
    evidence.set(n, c);
    return c.meets;
  };
  let answer: number | null = null;
  let lo = estimate;
  if (await meets(estimate)) answer = estimate;
  else {
    while (lo < top) {
      const n = next(lo);
      if (await meets(n)) {
        let hi = n;
        while (hi - lo > 1) {
          const mid = Math.floor((lo + hi) / 2);
          if (await meets(mid)) hi = mid;
          else lo = mid;
        }
        answer = hi;
        break;
      }
      lo = n;
    }
  }
  const out: SolveResult = {
    service: svc.id,
    replicas: answer,
    evidence: [...evidence.values()].sort((a, b) => a.replicas - b.replicas),
    slo_percentile: svc.slo_percentile,
    latency_budget_ms: svc.latency_budget_ms,
    replications,
    estimate,
    search_max: top,
  };
  if (svc.llm) out.llm_slo = { ...svc.llm.slo };
  return out;
}
