// `headroom analyze`: the analytic figures only, no simulation (instant).
import type { ResultDocument } from '../result/types';
import type { Scenario } from '../scenario/schema';
import { serviceAnalytic, serviceOfferedRps } from '../serving/analytic';
import { addAnalyticSections, documentHeader, traceRates } from './document';
import type { HostInputs } from './types';

export function analyzeScenario(scenario: Scenario, meta: { sha256: string }, inputs?: HostInputs): ResultDocument {
  const doc = documentHeader(scenario, meta.sha256, 0, 0, inputs);
  addAnalyticSections(doc, scenario);
  if (scenario.serving) {
    const rates = traceRates(scenario, inputs);
    doc.serving = {};
    for (const svc of scenario.serving.services) {
      const offered = serviceOfferedRps(svc, rates.get(svc.id));
      doc.serving[svc.id] = { offered_rps: offered, analytic: serviceAnalytic(svc, offered) };
    }
  }
  return doc;
}
