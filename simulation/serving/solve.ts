// The capacity solver (cli-and-results.md, `solve`): the fewest replicas for which a service
// meets its SLO with confidence — the upper end of the Student-t 95% CI of the latency at
// `slo_percentile` is ≤ `latency_budget_ms`. The search covers [estimate, 4 × estimate], where
// the estimate is the analytic figure (the fewest replicas whose utilization is below 1; fewer
// cannot drain the queue): the estimate itself first, then 4 × estimate, then bisection between
// the largest count that failed and the smallest that met. Pure: the host supplies `evaluate`,
// which simulates the service at a replica count (the CLI over worker threads; the UI later).
import type { MaybeStat, ServiceResult } from '../result/types';
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
}

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
  /** The analytic estimate the search starts from, and the top of the range (4 × estimate). */
  estimate: number;
  search_max: number;
}

/** Replications per candidate: max(scenario replications, 10), unless given explicitly. */
export function solveReplications(scenarioReplications: number, explicit?: number): number {
  return explicit ?? Math.max(scenarioReplications, 10);
}

/** Why a service cannot be solved, or null. */
export function solveRefusal(svc: ServiceSpec, offeredRps: number): string | null {
  if (svc.autoscaling) return 'solve varies a fixed replica count; this service has autoscaling (sweep autoscaling.max_replicas instead)';
  if (!Number.isFinite(offeredRps) || !(offeredRps > 0)) return 'the offered rate of this service is unknown';
  const estimate = stableReplicas(svc, offeredRps) as number;
  if (estimate > MAX_REPLICAS) return `the analytic estimate, ${estimate} replicas, is more than a service may have (${MAX_REPLICAS}); raise concurrency or lower the rate`;
  return null;
}

export function meetsSlo(svc: ServiceSpec, r: ServiceResult): boolean {
  const p = r.latency_at_slo_ms;
  return p !== null && p.ci95[1] <= svc.latency_budget_ms;
}

export async function solveReplicas(
  svc: ServiceSpec,
  offeredRps: number,
  replications: number,
  evaluate: (replicas: number) => Promise<ServiceResult>,
): Promise<SolveResult> {
  const refusal = solveRefusal(svc, offeredRps);
  if (refusal) throw new Error(refusal);
  const estimate = stableReplicas(svc, offeredRps) as number;
  // Candidates stay within the schema's bound, like any scenario the engine is given.
  const top = Math.min(4 * estimate, MAX_REPLICAS);
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
    evidence.set(n, c);
    return c.meets;
  };
  let answer: number | null = null;
  if (await meets(estimate)) answer = estimate;
  else if (top > estimate && await meets(top)) {
    let lo = estimate, hi = top;
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (await meets(mid)) hi = mid;
      else lo = mid;
    }
    answer = hi;
  }
  return {
    service: svc.id,
    replicas: answer,
    evidence: [...evidence.values()].sort((a, b) => a.replicas - b.replicas),
    slo_percentile: svc.slo_percentile,
    latency_budget_ms: svc.latency_budget_ms,
    replications,
    estimate,
    search_max: top,
  };
}
