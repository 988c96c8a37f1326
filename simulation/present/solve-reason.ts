// Why the serving solver found no replica count, in the verdicts' words: the service time's
// own percentile plus the components exceed the budget (no count can help), or the largest
// count tried barely queues and still misses, or the range simply ended. An `llm` service: the
// largest count meets TTFT but not TPOT (replicas shorten waits more than decode iterations), or the
// range ended.
import type { ServiceSpec } from '../scenario/schema';
import type { SolveResult } from '../serving/solve';
import { EN_US } from './numbers';
import { floorText, latencyFloor } from './verdict-serving';
import { llmSloText } from './verdict-llm';
import { verdictText, type VerdictText } from './verdict-text';

export function solveReason(spec: ServiceSpec, r: SolveResult): string | null {
  if (r.replicas !== null) return null;
  const x = verdictText(EN_US);
  if (spec.llm) return llmReason(spec.llm, r, x);
  const p = x.p(r.slo_percentile);
  const floor = latencyFloor(spec);
  if (floor && floor.serviceMs + floor.componentsMs > r.latency_budget_ms) {
    const what = floorText(x, floor, p);
    return `no replica count can meet it: ${what} already ${what.includes(' plus ') ? 'exceed' : 'exceeds'} the ${x.ms(r.latency_budget_ms)} budget before any queueing`;
  }
  const last = r.evidence.at(-1);
  if (last?.latency_at_slo_ms && last.utilization && last.utilization.mean <= 0.5 && last.latency_at_slo_ms.mean > r.latency_budget_ms) {
    return `at ${x.plural(last.replicas, 'replica')} (utilization ${x.pct(last.utilization.mean)}) there is little queueing, yet the ${p} is ${x.ms(last.latency_at_slo_ms.mean)}: the service time and latency components alone exceed the budget at this percentile`;
  }
  return `no count from ${r.estimate} to ${r.search_max} replicas meets ${p} ≤ ${x.ms(r.latency_budget_ms)} with 95% confidence`;
}

function llmReason(llm: NonNullable<ServiceSpec['llm']>, r: SolveResult, x: VerdictText): string {
  const last = r.evidence.at(-1);
  const s = llm.slo;
  if (last?.ttft_at_slo_ms && last.tpot_at_slo_ms && last.ttft_at_slo_ms.ci95[1] <= s.ttft_ms && last.tpot_at_slo_ms.ci95[1] > s.tpot_ms) {
    return `at ${x.plural(last.replicas, 'replica')} TTFT ${x.p(s.ttft_percentile)} holds (${x.stat(last.ttft_at_slo_ms, 'ms')}) but TPOT ${x.p(s.tpot_percentile)} is ${x.stat(last.tpot_at_slo_ms, 'ms')}, over ${x.ms(s.tpot_ms)}: more replicas shorten the waits more than the iterations a decode runs in, which a smaller max_num_batched_tokens or max_num_seqs shortens`;
  }
  return `no count from ${r.estimate} to ${r.search_max} replicas meets ${llmSloText(x, llm)} with 95% confidence`;
}
