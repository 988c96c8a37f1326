// What a solve says in words: the question it answered, its answer, and — when no count meets
// the target — why, as `headroom solve` says it (electron/cli/format-serving.ts, format-whatif.ts):
// for a service whose largest count barely queues yet misses, the service time and components
// alone exceed the budget; for a pool, the solver's own reason. Pure.
import type { MaybeStat, PoolSolveResult, SolveResult } from '../../../simulation';
import type { NumberText, Unit } from '../../../simulation/present';
import { percentileName } from '../../../simulation/present';

export type AnySolve = ({ target: 'service'; reason?: string | null } & SolveResult) | ({ target: 'pool' } & PoolSolveResult);

/** "TTFT p99 ≤ 1,000 ms and TPOT p99 ≤ 50 ms": an `llm` service's two SLOs, as its solve judges them. */
export function llmSloText(t: NumberText, slo: NonNullable<SolveResult['llm_slo']>): string {
  return `TTFT ${percentileName(slo.ttft_percentile)} ≤ ${t.number(slo.ttft_ms)} ms and TPOT ${percentileName(slo.tpot_percentile)} ≤ ${t.number(slo.tpot_ms)} ms`;
}

export function solveQuestion(t: NumberText, s: AnySolve): string {
  if (s.target === 'service' && s.llm_slo) return `The fewest replicas of ${s.service} whose ${llmSloText(t, s.llm_slo)}, at the upper ends of their 95% CIs`;
  if (s.target === 'service') {
    return `The fewest replicas of ${s.service} whose ${percentileName(s.slo_percentile)} latency is ≤ ${t.number(s.latency_budget_ms)} ms at the upper end of its 95% CI`;
  }
  return `The fewest units of pool ${s.pool} whose jobs' p${t.number(s.percentile)} queueing delay is ≤ ${t.number(s.max_queue_delay_s)} s at the upper end of its 95% CI`;
}

export function solveSearch(s: AnySolve): string {
  const reps = `${s.replications} replication${s.replications === 1 ? '' : 's'} per count`;
  if (s.target === 'service' && s.llm_slo) return `${reps}; searched by doubling from the roofline's estimate, ${s.estimate} (fewest replicas below 100% utilization), up to ${s.search_max}.`;
  if (s.target === 'service') return `${reps}; searched from the analytic estimate, ${s.estimate} (fewest replicas below 100% utilization), up to ${s.search_max}.`;
  return `${reps}; searched from ${s.search_min} units (the largest job) to ${s.search_max} (every job at once).`;
}

/** The answer as a count, or null when nothing in the range meets the target. */
export function solveAnswer(s: AnySolve): number | null {
  return s.target === 'service' ? s.replicas : s.units;
}

export function answerText(s: AnySolve): string {
  const n = solveAnswer(s);
  if (s.target === 'service') return n === null ? `No replica count from ${s.estimate} to ${s.search_max} meets the SLO${s.llm_slo ? 's' : ''}.` : `Answer: ${n} replica${n === 1 ? '' : 's'}.`;
  return n === null ? 'No unit count meets the target.' : `Answer: ${n} units.`;
}

/** Why nothing meets the target, or null (there is an answer, or no more to say). */
export function noAnswerReason(t: NumberText, s: AnySolve): string | null {
  if (solveAnswer(s) !== null) return null;
  if (s.target === 'pool') return s.reason === null ? null : `${s.reason.charAt(0).toUpperCase()}${s.reason.slice(1)}.`;
  // The backend's reason (simulation/present/solve-reason.ts); solves kept before it existed fall back to the evidence.
  if (s.reason) return `${s.reason.charAt(0).toUpperCase()}${s.reason.slice(1)}.`;
  if (s.llm_slo) return null; // its evidence, TTFT and TPOT by count, says where it falls short
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

export interface EvidenceRow {
  n: number;
  /** The figures judged, in the order of the table's `figures` columns. */
  figures: MaybeStat[];
  utilization: MaybeStat;
  cost: number | null;
  /** A service's count is stable or not; a pool's has no such column (null). */
  stable: boolean | null;
  meets: boolean;
}

export interface EvidenceTable {
  /** The count's column: "Replicas" or "Units", and its CSV name. */
  count: { head: string; key: string };
  /** The judged figures' columns: their heads, CSV names and unit. */
  figures: { head: string; key: string; unit: Unit }[];
  meetsHead: string;
  hasStable: boolean;
  rows: EvidenceRow[];
}

/**
 * A solve's evidence as one table for the app and every report: each count with the figure(s) it
 * was judged by — a service's latency at its SLO percentile, an `llm` service's TTFT and TPOT at
 * theirs, a pool's queueing delay — its utilization, cost, stability and whether it met the target.
 */
export function evidenceTable(s: AnySolve): EvidenceTable {
  if (s.target === 'pool') {
    return {
      count: { head: 'Units', key: 'units' },
      figures: [{ head: `Queueing delay p${s.percentile}`, key: 'queue_delay_s', unit: 's' }],
      meetsHead: 'Meets the target',
      hasStable: false,
      rows: s.evidence.map((c) => ({ n: c.units, figures: [c.queue_delay_s], utilization: c.utilization, cost: c.cost_per_hour, stable: null, meets: c.meets })),
    };
  }
  const slo = s.llm_slo;
  const figures = slo
    ? [
        { head: `TTFT ${percentileName(slo.ttft_percentile)}`, key: 'ttft_at_slo_ms', unit: 'ms' as const },
        { head: `TPOT ${percentileName(slo.tpot_percentile)}`, key: 'tpot_at_slo_ms', unit: 'ms' as const },
      ]
    : [{ head: `Latency ${percentileName(s.slo_percentile)}`, key: 'latency_at_slo_ms', unit: 'ms' as const }];
  return {
    count: { head: 'Replicas', key: 'replicas' },
    figures,
    meetsHead: slo ? 'Meets both SLOs' : 'Meets the SLO',
    hasStable: true,
    rows: s.evidence.map((c) => ({
      n: c.replicas,
      figures: slo ? [c.ttft_at_slo_ms ?? null, c.tpot_at_slo_ms ?? null] : [c.latency_at_slo_ms],
      utilization: c.utilization, cost: c.cost_per_hour, stable: c.stable, meets: c.meets,
    })),
  };
}
