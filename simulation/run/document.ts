// The parts of a result document shared by `run` and `analyze`: header, summary and the
// analytic blocks. Keys are inserted in one fixed order so JSON.stringify is byte-stable.
import { clusterAnalytic } from '../analytic/cluster';
import { pipelineAnalytic } from '../analytic/pipeline';
import { analyticSummary } from '../analytic/summary';
import { RESULT_FORMAT, type ResultDocument } from '../result/types';
import type { Scenario } from '../scenario/schema';
import { traceRate } from '../serving/arrivals';
import { ENGINE_VERSION } from '../version';
import type { HostInputs } from './types';

/**
 * Offered rates of trace-driven services, from the trace data the host supplied: requests ÷
 * span × scale. A trace whose requests all share one instant has no span (the hosts refuse such
 * files); its rate is then taken as requests ÷ horizon_s, so no figure is ever NaN.
 */
export function traceRates(s: Scenario, inputs: HostInputs = {}): Map<string, number> {
  const rates = new Map<string, number>();
  for (const svc of s.serving?.services ?? []) {
    if (svc.arrivals.process !== 'trace') continue;
    const times = inputs.traces?.[svc.id];
    const r = traceRate(times, svc.arrivals.scale);
    if (r !== null) rates.set(svc.id, r);
    else if (times && times.length > 0) rates.set(svc.id, times.length / s.horizon_s);
  }
  return rates;
}

export function documentHeader(s: Scenario, sha256: string, events: number, wallMs: number, inputs?: HostInputs): ResultDocument {
  return {
    format: RESULT_FORMAT,
    scenario: { name: s.name, sha256 },
    engine: { version: ENGINE_VERSION, events, wall_ms: wallMs },
    seed: s.seed,
    replications: s.replications,
    horizon_s: s.horizon_s,
    warmup_s: s.warmup_s,
    summary: analyticSummary(s, traceRates(s, inputs), inputs?.traceTokens),
  };
}

/** Adds the pipeline and cluster analytic blocks (their simulated figures come later). */
export function addAnalyticSections(doc: ResultDocument, s: Scenario): void {
  if (s.pipeline) doc.pipeline = { analytic: pipelineAnalytic(s.pipeline) };
  if (s.cluster) doc.cluster = { analytic: clusterAnalytic(s.cluster) };
}
