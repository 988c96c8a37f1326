// `headroom analyze`: the analytic figures only, no simulation (instant).
import type { ResultDocument } from '../result/types';
import type { Scenario } from '../scenario/schema';
import { serviceAnalytic, serviceOfferedRps } from '../serving/analytic';
import { assertServingSupported } from '../serving/support';
import { addAnalyticSections, documentHeader, traceRates } from './document';
import type { HostInputs } from './types';

export function analyzeScenario(scenario: Scenario, meta: { sha256: string }, inputs?: HostInputs): ResultDocument {
  // A trace's offered rate comes from its file: without the data there is nothing to show.
  assertServingSupported(scenario, inputs);
  const doc = documentHeader(scenario, meta.sha256, 0, 0, inputs);
  addAnalyticSections(doc, scenario);
  if (scenario.serving) {
    const rates = traceRates(scenario, inputs);
    doc.serving = {};
    for (const svc of scenario.serving.services) {
      const offered = serviceOfferedRps(svc, rates.get(svc.id));
      doc.serving[svc.id] = { offered_rps: offered, analytic: serviceAnalytic(svc, offered, inputs?.traceTokens?.[svc.id]) };
    }
  }
  return doc;
}
