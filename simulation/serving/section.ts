// The serving section of one replication: every service on one simulator whose clock is in
// milliseconds (every serving Dist is in ms), each on its own random streams. A service with an
// `llm` block runs the token-level model (./llm/), any other the request-level one.
import type { Simulator } from '../engine/simulator';
import type { HostInputs } from '../run/types';
import type { Scenario } from '../scenario/schema';
import type { ServiceReplication } from './figures';
import { LlmServiceModel } from './llm/llm-service-model';
import { bucketWidthS } from './series';
import { ServiceModel } from './service-model';
import { assertServingSupported } from './support';

/** Starts every service; the returned function collects their figures once the run ended. */
export function startServing(sim: Simulator, scenario: Scenario, index: number, inputs: HostInputs): () => Record<string, ServiceReplication> {
  const serving = scenario.serving;
  if (!serving) return () => ({});
  assertServingSupported(scenario, inputs);
  const horizonMs = scenario.horizon_s * 1000;
  const bucketMs = bucketWidthS(scenario.horizon_s) * 1000;
  const models = serving.services.map((svc) => {
    const window = {
      seed: scenario.seed,
      replication: index,
      warmupMs: scenario.warmup_s * 1000,
      horizonMs,
      bucketMs,
      trace: inputs.traces?.[svc.id],
    };
    const model = svc.llm ? new LlmServiceModel(sim, svc, { ...window, tokens: inputs.traceTokens?.[svc.id] }) : new ServiceModel(sim, svc, window);
    model.start();
    return [svc.id, model] as const;
  });
  return () => {
    const out: Record<string, ServiceReplication> = {};
    for (const [id, model] of models) out[id] = model.figures();
    return out;
  };
}
