// The one-sentence answers at the top of a report, one per section, shared by the HTML report
// and the Markdown memo: "p99 latency 187 ms [183, 191] against a 200 ms budget: 13 ms
// headroom; 9 replicas at 79% utilization".
import type { ResultDocument, ServiceResult } from '../../../simulation';
import type { LlmSlo } from '../../../simulation/present';
import { meanText, num, pct, plural, statText, withUnit } from './format';
import { isSimulatedService } from './metrics';
import { percentileName, type ScenarioInfo } from './scenario-info';

/**
 * How an id from the scenario (service, pool, task) is written into a headline: as it is for
 * the HTML report, which escapes the whole sentence, or escaped for the Markdown memo.
 */
export type IdText = (id: string) => string;
const asIs: IdText = (id) => id;

export function partialNotice(doc: ResultDocument): string | null {
  return doc.truncated ? `PARTIAL RESULT: the run stopped early (${doc.truncated.reason}); the figures cover the simulated part only.` : null;
}

export function notSimulatedNotice(doc: ResultDocument): string | null {
  const ns = doc.not_simulated ?? [];
  if (ns.length === 0) return null;
  return `Not simulated yet: ${ns.join(' and ')} (analytic figures only).`;
}

export function servingHeadline(doc: ResultDocument, id: string, info: ScenarioInfo, idText: IdText = asIs): string {
  const svc = doc.serving?.[id];
  if (!svc) return '';
  const a = svc.analytic;
  const sInfo = info.services[id];
  const budget = sInfo?.budgetMs ?? null;
  const analytic = `The analytic table says ${plural(a.required_replicas, 'replica')} at ${pct(a.utilization)} utilization and ${num(a.total_latency_ms)} ms total latency (${num(a.latency_margin_ms)} ms margin).`;
  if (!isSimulatedService(svc)) return `${idText(id)}: not simulated. ${analytic}`;
  if (svc.llm) return llmHeadline(svc, id, sInfo?.llmSlo, idText);
  const p = percentileName(sInfo?.sloPercentile ?? 99);
  const at = svc.latency_at_slo_ms;
  const parts: string[] = [];
  if (at) {
    let s = `${p} latency ${statText(at, 'ms')}`;
    if (budget !== null) {
      const h = svc.headroom_ms?.mean ?? budget - at.mean;
      s += ` against a ${num(budget)} ms budget: ${h >= 0 ? `${num(h)} ms headroom` : `over budget by ${num(-h)} ms`}`;
    }
    parts.push(s);
  } else {
    parts.push(`no request latency was measured${budget === null ? '' : ` (budget ${num(budget)} ms)`}`);
  }
  const reps = svc.mean_replicas;
  const repText = reps ? (reps.ci95[0] === reps.ci95[1] && Number.isInteger(reps.mean) ? plural(reps.mean, 'replica') : `${meanText(reps, '')} replicas on average`) : null;
  if (svc.utilization) parts.push(`${repText ? `${repText} at ` : ''}${meanText(svc.utilization, 'fraction')} utilization`);
  let out = `${idText(id)}: ${parts.join('; ')}`;
  if (svc.slo_attainment) out += ` (SLO met by ${meanText(svc.slo_attainment, 'fraction')} of requests)`;
  out += '.';
  if (!svc.stable) out += ' UNSTABLE: the offered load reaches capacity or the queue did not drain.';
  return `${out} ${analytic}`;
}

/**
 * An `llm` service in TTFT and TPOT terms: "code_llm: TTFT p99 3,388 ms [2,427, 4,348] against a
 * 1,000 ms SLO; TPOT p99 31.7 ms [31.6, 31.7] against 50 ms; goodput … The roofline says …".
 */
function llmHeadline(svc: ServiceResult, id: string, slo: LlmSlo | undefined, idText: IdText): string {
  const l = svc.llm!;
  const a = svc.analytic.llm;
  const part = (name: string, at: ServiceResult['latency_at_slo_ms'], sloMs: number | undefined, p: number | undefined) => {
    if (!at) return `no ${name} was measured`;
    const head = `${name} ${percentileName(p ?? 99)} ${statText(at, 'ms')}`;
    return sloMs === undefined ? head : `${head} against a ${num(sloMs)} ms SLO${at.mean > sloMs ? ` (over by ${num(at.mean - sloMs)} ms)` : ''}`;
  };
  const parts = [
    part('TTFT', l.ttft_at_slo_ms, slo?.ttft_ms, slo?.ttft_percentile),
    part('TPOT', l.tpot_at_slo_ms, slo?.tpot_ms, slo?.tpot_percentile),
  ];
  if (l.slo_attainment) parts.push(`both met by ${meanText(l.slo_attainment, 'fraction')} of requests, goodput ${meanText(l.goodput_rps, 'rps')} of ${meanText(svc.throughput_rps, 'rps')}`);
  if (l.flop_utilization && l.bandwidth_utilization) parts.push(`the replicas use ${meanText(l.flop_utilization, 'fraction')} of their FLOP/s and ${meanText(l.bandwidth_utilization, 'fraction')} of their memory bandwidth`);
  let out = `${idText(id)}: ${parts.join('; ')}.`;
  if (!svc.stable) out += ' UNSTABLE: the offered load reaches capacity or the waiting lines did not drain.';
  if (a) out += ` The roofline says a replica sustains ${withUnit(a.per_replica_max_rps, 'rps')} (${a.bound}-bound; ${withUnit(a.max_sustainable_rps, 'rps')} in all, ${pct(svc.analytic.utilization)} of it offered); a 1,000-token prefill takes ${withUnit(a.prefill_ms_per_1k_tokens, 'ms')} and a decode step ${withUnit(a.decode_ms_per_token_batch_1, 'ms')} alone.`;
  return out;
}

export function clusterHeadline(doc: ResultDocument, idText: IdText = asIs): string {
  const c = doc.cluster;
  if (!c) return '';
  const s = doc.summary;
  const snapshot = s.mean_compute_utilization === undefined ? '' : `The allocation snapshot puts mean compute utilization at ${pct(s.mean_compute_utilization)}${s.share_compute_pools_over_target === undefined ? '' : `, with ${pct(s.share_compute_pools_over_target)} of pools over target`}.`;
  const j = c.jobs;
  if (!j || !c.pools) return `Cluster: analytic figures only. ${snapshot}`.trim();
  if (j.submitted === 0) return `Cluster: no jobs were submitted in the simulation, so simulated utilization is idle. ${snapshot}`.trim();
  const over = Object.entries(c.pools).filter(([, p]) => p.over_target).map(([id]) => idText(id));
  const pools = Object.entries(c.pools).map(([id, p]) => `${idText(id)} ${meanText(p.utilization, 'fraction')} allocated${p.utilization_target === null ? '' : ` (target ${pct(p.utilization_target)})`}`).join(', ');
  const parts = [
    `Cluster: ${pools}`,
    `${plural(j.completed, 'job')} of ${num(j.submitted)} completed (totals over ${plural(doc.replications, 'replication')}); job completion time ${statText(j.jct_s.mean, 's')}, queueing delay ${statText(j.queue_delay_s.mean, 's')}`,
  ];
  if (j.straggler_wait_fraction) parts.push(`stragglers take ${meanText(j.straggler_wait_fraction, 'fraction')} of worker time at barriers`);
  let out = `${parts.join('; ')}.`;
  if (over.length > 0) out += ` Over target: ${over.join(', ')}.`;
  return out;
}

export function pipelineHeadline(doc: ResultDocument, idText: IdText = asIs): string {
  const p = doc.pipeline;
  if (!p) return '';
  const a = p.analytic;
  if (!p.success_rate) return `Pipeline: analytic reliability ∏(1−p) ${pct(a.reliability)}, critical path ${withUnit(a.critical_path_s, 's')}.`;
  const retries = Math.abs(a.reliability_with_retries - a.reliability) > 1e-12;
  let out = `Pipeline: success rate ${statText(p.success_rate, 'fraction')} over ${num(p.runs ?? 0)} runs against ${pct(a.reliability)} from ∏(1−p)${retries ? ` (${pct(a.reliability_with_retries)} with retries)` : ''}`;
  if (p.makespan_s?.p95) out += `; makespan p95 ${statText(p.makespan_s.p95, 's')} against a critical path of ${withUnit(a.critical_path_s, 's')}`;
  const worst = Object.entries(p.tasks ?? {}).filter(([, t]) => t.failed).sort((x, y) => (y[1].failed!.mean - x[1].failed!.mean) || x[0].localeCompare(y[0]))[0];
  if (worst && worst[1].failed!.mean > 0) out += `; ${idText(worst[0])} fails most often (${meanText(worst[1].failed, 'fraction')} of runs)`;
  return `${out}.`;
}

/** Every headline of the document, in section order (serving, cluster, pipeline). */
export function headlines(doc: ResultDocument, info: ScenarioInfo, idText: IdText = asIs): string[] {
  return [
    ...Object.keys(doc.serving ?? {}).map((id) => servingHeadline(doc, id, info, idText)),
    clusterHeadline(doc, idText),
    pipelineHeadline(doc, idText),
  ].filter((s) => s !== '');
}
