// What a solve says in words: the question it answered, its answer, and — when no count meets
// the target — why, as `headroom solve` says it (electron/cli/format-serving.ts, format-whatif.ts):
// for a service whose largest count barely queues yet misses, the service time and components
// alone exceed the budget; for a pool, the solver's own reason. Pure.
import type { PoolSolveResult, SolveResult } from '../../../simulation';
import type { NumberText } from '../../../simulation/present';
import { percentileName } from '../../../simulation/present';

export type AnySolve = ({ target: 'service'; reason?: string | null } & SolveResult) | ({ target: 'pool' } & PoolSolveResult);

export function solveQuestion(t: NumberText, s: AnySolve): string {
  if (s.target === 'service') {
    return `The fewest replicas of ${s.service} whose ${percentileName(s.slo_percentile)} latency is ≤ ${t.number(s.latency_budget_ms)} ms at the upper end of its 95% CI`;
  }
  return `The fewest units of pool ${s.pool} whose jobs' p${t.number(s.percentile)} queueing delay is ≤ ${t.number(s.max_queue_delay_s)} s at the upper end of its 95% CI`;
}

export function solveSearch(s: AnySolve): string {
  const reps = `${s.replications} replication${s.replications === 1 ? '' : 's'} per count`;
  if (s.target === 'service') return `${reps}; searched from the analytic estimate, ${s.estimate} (fewest replicas below 100% utilization), up to ${s.search_max}.`;
  return `${reps}; searched from ${s.search_min} units (the largest job) to ${s.search_max} (every job at once).`;
}

/** The answer as a count, or null when nothing in the range meets the target. */
export function solveAnswer(s: AnySolve): number | null {
  return s.target === 'service' ? s.replicas : s.units;
}

export function answerText(s: AnySolve): string {
  const n = solveAnswer(s);
  if (s.target === 'service') return n === null ? `No replica count from ${s.estimate} to ${s.search_max} meets the SLO.` : `Answer: ${n} replica${n === 1 ? '' : 's'}.`;
  return n === null ? 'No unit count meets the target.' : `Answer: ${n} units.`;
}

/** Why nothing meets the target, or null (there is an answer, or no more to say). */
export function noAnswerReason(t: NumberText, s: AnySolve): string | null {
  if (solveAnswer(s) !== null) return null;
  if (s.target === 'pool') return s.reason === null ? null : `${s.reason.charAt(0).toUpperCase()}${s.reason.slice(1)}.`;
  // The backend's reason (simulation/present/solve-reason.ts); solves kept before it existed fall back to the evidence.
  if (s.reason) return `${s.reason.charAt(0).toUpperCase()}${s.reason.slice(1)}.`;
  const last = s.evidence.at(-1);
  if (!last?.latency_at_slo_ms || !last.utilization) return `Even ${s.search_max} replicas (four times the estimate) do not bring the latency under the budget at the upper end of its CI.`;
  if (last.utilization.mean > 0.5 || last.latency_at_slo_ms.mean <= s.latency_budget_ms) {
    const l = last.latency_at_slo_ms;
    const at = `At ${last.replicas} replicas, the most searched, the ${percentileName(s.slo_percentile)} latency is ${t.number(l.mean)} ms [${t.number(l.ci95[0])}, ${t.number(l.ci95[1])}]`;
    return l.mean > s.latency_budget_ms
      ? `${at}, over the ${t.number(s.latency_budget_ms)} ms budget.`
      : `${at}: its CI still reaches over the ${t.number(s.latency_budget_ms)} ms budget. More replications narrow the CI.`;
  }
  return `At ${last.replicas} replicas (utilization ${t.number(last.utilization.mean * 100, 1)}%) there is little queueing, yet the latency is ${t.number(last.latency_at_slo_ms.mean)} ms: the service time and latency components alone exceed the budget at this percentile, so more replicas cannot help — shorten the service time or a component, or revisit the budget.`;
}
