// The cluster solver: the fewest units in a pool for which the pool's jobs wait at most a target
// in queue at a percentile, with confidence — the upper end of the Student-t 95% CI of that
// percentile of queueing delay is ≤ the target. The search runs from the largest job's request
// (fewer cannot run it) to the units every job of the pool together asks for (then no job needs
// to wait for another), in steps of the pool's node size: that end first, then the top, then
// bisection. Pure: the host simulates a candidate and hands back the pool's result.
import type { Stat } from '../result/stat';
import { MAX_UNITS } from '../scenario/limits';

/** Percentiles of queueing delay the result keeps (simulation/cluster/types.ts). */
export const QUEUE_DELAY_PERCENTILES = [1, 5, 10, 25, 50, 75, 90, 95, 99] as const;

export interface PoolCandidate {
  units: number;
  queue_delay_s: Stat | null;
  utilization: Stat | null;
  meets: boolean;
  /** units × cost_per_unit_hour, null without a cost. */
  cost_per_hour: number | null;
}

export interface PoolSolveResult {
  pool: string;
  /** The fewest units meeting the target in the range searched, or null. */
  units: number | null;
  evidence: PoolCandidate[];
  percentile: number;
  max_queue_delay_s: number;
  replications: number;
  search_min: number;
  search_max: number;
  /** Why nothing in the range meets the target (null when something does). */
  reason: string | null;
}

export interface PoolSolveSpec {
  pool: string;
  /** The pool's node size: candidates are multiples of it. */
  step: number;
  /** The largest single request of a job on the pool, and their sum. */
  largestJob: number;
  totalRequested: number;
  costPerUnitHour: number | null;
  percentile: number;
  maxQueueDelayS: number;
  replications: number;
}

export interface PoolEvaluation {
  queue_delay_s: Stat | null;
  utilization: Stat | null;
}

function roundUp(n: number, step: number): number {
  return Math.ceil(n / step) * step;
}

/**
 * The unit counts the search may try: from the largest job's request to every job at once, in
 * node steps. Every count a search visits is one of them, whatever the figures (a sharded solve
 * simulates them all).
 */
export function poolSearchRange(spec: Pick<PoolSolveSpec, 'step' | 'largestJob' | 'totalRequested'>): { step: number; lo: number; top: number } {
  const step = Math.max(1, spec.step);
  const lo = roundUp(Math.max(1, spec.largestJob), step);
  const top = Math.max(lo, Math.min(roundUp(Math.max(spec.totalRequested, 1), step), Math.floor(MAX_UNITS / step) * step));
  return { step, lo, top };
}

export async function solvePoolUnits(spec: PoolSolveSpec, evaluate: (units: number) => Promise<PoolEvaluation>): Promise<PoolSolveResult> {
  const { step, lo: lo0, top } = poolSearchRange(spec);
  const evidence = new Map<number, PoolCandidate>();
  const meets = async (units: number): Promise<boolean> => {
    const r = await evaluate(units);
    const q = r.queue_delay_s;
    const c: PoolCandidate = {
      units,
      queue_delay_s: q,
      utilization: r.utilization,
      // No job waited (or none started): nothing to wait for counts as meeting.
      meets: q === null ? true : q.ci95[1] <= spec.maxQueueDelayS,
      cost_per_hour: spec.costPerUnitHour === null ? null : units * spec.costPerUnitHour,
    };
    evidence.set(units, c);
    return c.meets;
  };
  let answer: number | null = null;
  let reason: string | null = null;
  if (await meets(lo0)) answer = lo0;
  else if (top > lo0 && await meets(top)) {
    let lo = lo0 / step, hi = top / step;
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (await meets(mid * step)) hi = mid;
      else lo = mid;
    }
    answer = hi * step;
  } else {
    reason = top >= roundUp(spec.totalRequested, step)
      ? `even with ${top} units, enough for every job of the pool at once, the p${spec.percentile} queueing delay is over ${spec.maxQueueDelayS} s (at the upper end of its 95% CI): the wait comes from failures, restarts or preemption, not from too few units`
      : `no count up to ${top} units (the most a pool may have) meets it`;
  }
  return {
    pool: spec.pool,
    units: answer,
    evidence: [...evidence.values()].sort((a, b) => a.units - b.units),
    percentile: spec.percentile,
    max_queue_delay_s: spec.maxQueueDelayS,
    replications: spec.replications,
    search_min: lo0,
    search_max: top,
    reason,
  };
}

/** The queueing-delay percentile `p` of a cluster result's jobs (from its quantile list). */
export function queueDelayAt(jobs: { queue_delay_s: { p95: Stat | null; quantiles: { q: number; value: Stat | null }[] } }, p: number): Stat | null {
  if (p === 95) return jobs.queue_delay_s.p95;
  return jobs.queue_delay_s.quantiles.find((x) => Math.abs(x.q - p / 100) < 1e-9)?.value ?? null;
}
