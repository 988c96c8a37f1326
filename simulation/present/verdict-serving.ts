// The serving verdict of one service: stable or not; the SLO met at its percentile with 95%
// confidence or not (the upper end of the CI of latency_at_slo_ms within the budget, as `solve`
// judges); why, with solve's reasoning (saturation, queueing, or the service time and latency
// components alone); and what fixes it (the analytic stable count, solve's answer or a pointer to
// it, or no count at all when the service time's own percentile plus the components exceed it).
import { serviceMeanServiceMs } from '../analytic/summary';
import { constantValue } from '../cluster/dist-tail';
import type { MaybeStat, ResultDocument, ServiceResult } from '../result/types';
import type { ServiceSpec } from '../scenario/schema';
import { capacitySlots, overloaded, replicaAvailability, stableReplicas } from '../serving/analytic';
import { solveRefusal, type SolveResult } from '../serving/solve';
import { distMin, distQuantile } from './dist-quantile';
import { traceReplayNote } from './trace-replay-note';
import { costNote, type VerdictText } from './verdict-text';
import type { Verdict, VerdictTone } from './verdicts';

export type SloJudgement = 'met' | 'missed' | 'undecided' | 'unmeasured';

/** Met with confidence: CI upper ≤ budget; missed with confidence: CI lower > budget. */
export function judgeSlo(at: MaybeStat, budgetMs: number): SloJudgement {
  if (!at) return 'unmeasured';
  if (at.ci95[1] <= budgetMs) return 'met';
  if (at.ci95[0] > budgetMs) return 'missed';
  return 'undecided';
}

/** The latency no replica count can go below at the SLO percentile. */
export interface LatencyFloor {
  /** The service time's own quantile at the SLO percentile. */
  serviceMs: number;
  /** The latency components' least values, summed (their sum when all are fixed). */
  componentsMs: number;
  componentsFixed: boolean;
  hasComponents: boolean;
}

/**
 * Latency ≥ service time + components for every request, so its p-th percentile is at least the
 * service time's p-th percentile plus the components' least values. Null with batching (a
 * request's model time depends on its batch, not on one distribution).
 */
export function latencyFloor(spec: ServiceSpec): LatencyFloor | null {
  if (spec.batching || !spec.service_time_ms) return null;
  const q = distQuantile(spec.service_time_ms, spec.slo_percentile / 100);
  if (!q) return null;
  const l = spec.latency_ms;
  const comps = [l.feature, l.network, l.postprocess].filter((d) => d !== undefined);
  return {
    serviceMs: q.value,
    componentsMs: comps.reduce((sum, d) => sum + distMin(d), 0),
    componentsFixed: comps.every((d) => constantValue(d) !== null),
    hasComponents: comps.length > 0,
  };
}

/** Cost per hour: replicas × cost per replica-hour, or the simulated cost per measured hour with autoscaling. */
export function serviceCostPerHour(doc: ResultDocument, spec: ServiceSpec, svc: ServiceResult): number | null {
  const rate = spec.cost_per_replica_hour;
  if (rate === undefined) return null;
  if (!spec.autoscaling) return spec.replicas * rate;
  const hours = (doc.horizon_s - doc.warmup_s) / 3600;
  return svc.cost && hours > 0 ? svc.cost.mean / hours : null;
}

export function floorText(x: VerdictText, f: LatencyFloor, p: string): string {
  const own = `the service time's own ${p} (${x.ms(f.serviceMs)})`;
  if (!f.hasComponents || (f.componentsMs === 0 && f.componentsFixed)) return own;
  return `${own} plus the ${f.componentsFixed ? 'fixed components' : 'latency components at their least'} (${x.ms(f.componentsMs)})`;
}

/** What left a queue at the end when the mean load is within capacity. */
function unsteadyCause(spec: ServiceSpec, x: VerdictText, capacityRps: number): string {
  const a = spec.arrivals;
  if (a.process === 'bursty' && a.burst_rate_rps > capacityRps) return `bursts of ${x.rps(a.burst_rate_rps)} exceed it`;
  if (a.process === 'diurnal' && a.mean_rps * a.peak_to_mean > capacityRps) return `the daily peak of ${x.rps(a.mean_rps * a.peak_to_mean)} exceeds it`;
  if (spec.replica_failures) return 'replica failures cut it';
  return 'the load varies faster than the queue drains';
}

const verb = (n: number, one: string, many: string) => (n === 1 ? one : many);

export function servingVerdict(doc: ResultDocument, id: string, svc: ServiceResult, spec: ServiceSpec, x: VerdictText, solve?: SolveResult): Verdict {
  const p = x.p(spec.slo_percentile);
  const budget = spec.latency_budget_ms;
  const slo = `${p} ≤ ${x.ms(budget)}`;
  const at = svc.latency_at_slo_ms;
  const judged = judgeSlo(at, budget);
  const offered = svc.offered_rps;
  // The analytic utilization (offered × mean ÷ slots) says whether it saturates; the simulated one what the queue saw.
  const util = svc.analytic.utilization;
  const simUtil = svc.utilization?.mean ?? util;
  const meanS = serviceMeanServiceMs(spec);
  const capacityRps = (capacitySlots(spec) * replicaAvailability(spec) * 1000) / meanS;
  const stableN = stableReplicas(spec, offered);
  const floor = latencyFloor(spec);
  const floorMs = floor ? floor.serviceMs + floor.componentsMs : null;
  const impossible = floorMs !== null && floorMs > budget;
  const rate = spec.cost_per_replica_hour;
  const costOf = (n: number) => (rate === undefined ? null : n * rate);
  const replicasText = spec.autoscaling ? `up to ${x.plural(spec.autoscaling.max_replicas, 'replica')}` : x.plural(spec.replicas, 'replica');
  const pStat = `${p} ${x.stat(at, 'ms')}`;
  const waitP99 = svc.wait_ms.p99?.mean ?? 0;
  const why: string[] = [];
  const fix: string[] = [];
  let tone: VerdictTone, status: string, headline: string;

  const saturated = overloaded(spec, offered);
  if (!svc.stable) {
    tone = 'bad';
    status = 'Unstable';
    headline = saturated ? `${replicasText} run at ${x.pct(util)} utilization: the queue never drains` : 'The queue had not drained when the run ended';
    why.push(saturated
      ? `Saturation: ${x.rps(offered)} offered, and ${replicasText} × ${x.plural(spec.concurrency, 'slot')} at ${x.ms(meanS)} mean service time serve at most ${x.rps(capacityRps)}`
      : `Capacity (${x.rps(capacityRps)}) exceeds the ${x.rps(offered)} offered on average, but ${unsteadyCause(spec, x, capacityRps)}`);
    why.push(`Waits grow for as long as the run lasts, so the ${pStat} is not a steady-state figure`);
  } else if (judged === 'unmeasured') {
    tone = 'warn';
    status = 'No data';
    headline = `No request completed in the measured window, so the ${p} latency is unknown`;
  } else if (judged === 'met') {
    tone = 'good';
    status = 'Met';
    headline = `${pStat} is within the ${x.ms(budget)} budget with 95% confidence`;
    why.push(`${x.ms(budget - at!.ci95[1])} of headroom at the upper end of the 95% CI, at ${x.pct(simUtil)} utilization`);
  } else {
    tone = judged === 'missed' ? 'bad' : 'warn';
    status = judged === 'missed' ? 'Missed' : 'Undecided';
    headline = judged === 'missed'
      ? `${pStat} is over the ${x.ms(budget)} budget with 95% confidence`
      : `The 95% CI of the ${pStat}, straddles the ${x.ms(budget)} budget`;
  }

  if (svc.stable && (judged === 'missed' || judged === 'undecided')) {
    const over = Math.max(at!.mean - budget, at!.ci95[1] - budget);
    const waits = `requests wait ${x.ms(waitP99)} at the p99, at ${x.pct(simUtil)} utilization`;
    const bursts = spec.arrivals.process === 'poisson' ? '' : ` (${spec.arrivals.process} arrivals come in bursts and peaks)`;
    if (impossible) {
      why.push(`Before any queueing, ${floorText(x, floor!, p)} take ${x.ms(floorMs!)}: over the ${x.ms(budget)} budget`);
      why.push(`Queueing adds little: ${waits}`);
    } else if (waitP99 >= over) {
      why.push(`Queueing: ${waits}${bursts}; more replicas shorten the wait`);
    } else {
      why.push(`Little of it is queueing (${waits}): the service time and latency components alone take the ${p} past the budget, so more replicas help little`);
      if (!floor) why.push(`The service time's ${p} is not known in closed form ${spec.batching ? 'with batching' : 'here'}, so no bound is given`);
    }
  } else if (!svc.stable && impossible) {
    why.push(`Even without a queue, ${floorText(x, floor!, p)} take ${x.ms(floorMs!)}: over the ${x.ms(budget)} budget`);
  }

  // What fixes it: first a stable count, then the SLO.
  const short = stableN !== null && (saturated || (spec.autoscaling ? spec.autoscaling.max_replicas : spec.replicas) < stableN);
  if (short) {
    fix.push(spec.autoscaling
      ? `${x.id('autoscaling.max_replicas')} of ${x.n(stableN!)} makes it stable`
      : `${x.plural(stableN!, 'replica')} ${verb(stableN!, 'makes', 'make')} it stable${costNote(x, costOf(stableN!))}`);
  } else if (!svc.stable) {
    fix.push('More replicas, or autoscaling, absorb the peaks');
  }
  if (judged !== 'met' || !svc.stable) {
    if (judged === 'undecided' && svc.stable) fix.push(`More replications (now ${x.n(doc.replications)}) narrow the 95% CI enough to decide`);
    fix.push(...sloFix(spec, x, slo, p, offered, impossible ? floor : null, solve?.service === id ? solve : undefined, costOf));
  } else if (solve?.service === id && solve.replicas !== null && solve.replicas < spec.replicas && !spec.autoscaling) {
    fix.push(`${x.plural(solve.replicas, 'replica')} also ${verb(solve.replicas, 'meets', 'meet')} ${slo} with 95% confidence${costNote(x, costOf(solve.replicas))}`);
  }

  const replayNote = traceReplayNote(svc, x.id);
  if (replayNote) why.push(replayNote);
  if (doc.truncated) why.push(`Partial result: the run stopped early (${doc.truncated.reason})`);
  return { layer: 'serving', subject: id, tone, status, headline, why, fix, costPerHour: serviceCostPerHour(doc, spec, svc) };
}

function sloFix(spec: ServiceSpec, x: VerdictText, slo: string, p: string, offered: number, floor: LatencyFloor | null, solve: SolveResult | undefined, costOf: (n: number) => number | null): string[] {
  if (floor) {
    return [`No replica count meets ${slo}, because ${floorText(x, floor, p)} exceed the budget: shorten the service time or a component, or revisit the budget`];
  }
  if (solve) {
    if (solve.replicas !== null) return [`${x.plural(solve.replicas, 'replica')} ${verb(solve.replicas, 'meets', 'meet')} ${slo} with 95% confidence${costNote(x, costOf(solve.replicas))}`];
    const last = solve.evidence.at(-1);
    const flat = last?.utilization && last.latency_at_slo_ms && last.utilization.mean <= 0.5 && last.latency_at_slo_ms.mean > solve.latency_budget_ms;
    return [`No count from ${x.n(solve.estimate)} to ${x.n(solve.search_max)} replicas meets ${slo} with 95% confidence${flat ? `: at ${x.n(last.replicas)} (utilization ${x.pct(last.utilization!.mean)}) there is little queueing, so the service time and latency components alone exceed the budget` : ''}`];
  }
  if (spec.autoscaling) return [`Sweep ${x.id('autoscaling.max_replicas')} to find a ceiling that meets ${slo} with 95% confidence`];
  if (solveRefusal(spec, offered)) return [];
  return [`Solve finds the fewest replicas that meet ${slo} with 95% confidence`];
}
