// Replication outcomes → the `headroom.result/v1` document. Outcomes are sorted by index first,
// so the document is byte-identical whatever order the workers finished in. Each simulated
// section merges its own part (serving: ../serving/merge.ts).
import { mergeClusterSection } from '../cluster/merge';
import { mergePipelineSection } from '../pipeline/merge';
import type { ResultDocument } from '../result/types';
import type { Scenario } from '../scenario/schema';
import { serviceOfferedRps } from '../serving/analytic';
import type { ServiceReplication } from '../serving/figures';
import { mergeService } from '../serving/merge';
import { bucketWidthS } from '../serving/series';
import { addAnalyticSections, documentHeader, traceRates } from './document';
import type { ReplicationOutcome } from './replication';
import type { HostInputs } from './types';

/** Sections whose model does not exist yet (CLARIFICATIONS.md: listed, not simulated). */
const SIMULATED = new Set(['serving', 'cluster', 'pipeline']);

export function mergeReplications(
  scenario: Scenario,
  outcomes: readonly ReplicationOutcome[],
  meta: { sha256: string; wallMs: number },
  inputs?: HostInputs,
): ResultDocument {
  const sorted = [...outcomes].sort((a, b) => a.index - b.index);
  const events = sorted.reduce((sum, o) => sum + o.events, 0);
  const doc = documentHeader(scenario, meta.sha256, events, meta.wallMs, inputs);
  const notSimulated = (['pipeline', 'cluster', 'serving'] as const).filter((k) => scenario[k] && !SIMULATED.has(k));
  if (notSimulated.length > 0) doc.not_simulated = notSimulated;
  const stopped = sorted.find((o) => o.stopped);
  if (stopped?.stopped) doc.truncated = { reason: stopped.stopped };
  addAnalyticSections(doc, scenario);
  mergeServing(doc, scenario, sorted, inputs);
  mergeClusterSection(doc, scenario, sorted);
  mergePipelineSection(doc, scenario, sorted);
  return doc;
}

function mergeServing(doc: ResultDocument, scenario: Scenario, sorted: readonly ReplicationOutcome[], inputs?: HostInputs): void {
  if (!scenario.serving) return;
  const rates = traceRates(scenario, inputs);
  const bucketS = bucketWidthS(scenario.horizon_s);
  doc.serving = {};
  for (const svc of scenario.serving.services) {
    const reps = sorted.flatMap((o) => (o.serving[svc.id] ? [o.serving[svc.id] as ServiceReplication] : []));
    doc.serving[svc.id] = mergeService(svc, reps, serviceOfferedRps(svc, rates.get(svc.id)), bucketS, inputs?.traceTokens?.[svc.id]);
  }
}
