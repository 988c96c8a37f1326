// One replication of a scenario: the simulated sections (serving so far) on their own random
// streams, derived from the scenario seed and the replication index. The outcome is plain data
// so a worker thread can post it; `mergeReplications` turns a set of them into the result.
import { Simulator } from '../engine/simulator';
import type { Scenario } from '../scenario/schema';
import { assertServingSupported } from '../serving/support';
import type { ServiceReplication } from '../serving/figures';
import { ServiceModel } from '../serving/service-model';
import type { HostInputs, RunControl, StopReason } from './types';

export interface ReplicationOutcome {
  /** Replication index (0-based). */
  index: number;
  /** Events processed. */
  events: number;
  /** Present when a cap, a cancel or bounded memory stopped the replication early. */
  stopped?: StopReason;
  /** Per service id; empty when the scenario has no serving section. */
  serving: Record<string, ServiceReplication>;
}

export function runReplication(scenario: Scenario, index: number, control: RunControl = {}, inputs: HostInputs = {}): ReplicationOutcome {
  const outcome: ReplicationOutcome = { index, events: 0, serving: {} };
  if (!scenario.serving) return outcome;
  assertServingSupported(scenario, inputs);
  // Serving runs on a millisecond clock: every serving Dist is in ms.
  const sim = new Simulator();
  const horizonMs = scenario.horizon_s * 1000;
  const models = scenario.serving.services.map((svc) => {
    const model = new ServiceModel(sim, svc, {
      seed: scenario.seed,
      replication: index,
      warmupMs: scenario.warmup_s * 1000,
      horizonMs,
      trace: inputs.traces?.[svc.id],
    });
    model.start();
    return [svc.id, model] as const;
  });
  // Arrivals stop at the horizon; requests still in the system are served to completion.
  const stopped = sim.run(Infinity, control, horizonMs);
  outcome.events = sim.events;
  if (stopped) outcome.stopped = stopped;
  for (const [id, model] of models) outcome.serving[id] = model.figures();
  return outcome;
}
