// Shared builders for the validation suite: scenarios from a few numbers, and runs of all
// replications merged into the result document, as the backend does.
import { mergeReplications, runReplication, validateScenario, type ResultDocument, type Scenario, type ServiceResult } from '../../simulation';
import type { ScenarioInput } from '../../simulation/scenario/schema';
import type { ReplicationOutcome } from '../../simulation/run/replication';

type ServiceInput = NonNullable<ScenarioInput['serving']>['services'][number];

export function servingScenario(service: Partial<ServiceInput>, top: Partial<ScenarioInput> = {}): Scenario {
  const parsed = validateScenario({
    format: 'headroom.scenario/v1',
    name: 'validation',
    ...top,
    serving: {
      services: [{
        id: 's',
        arrivals: { process: 'poisson', rate_rps: 100 },
        replicas: 1,
        service_time_ms: { dist: 'exponential', mean: 10 },
        latency_budget_ms: 1000,
        ...service,
      }],
    },
  });
  if (!parsed.ok) throw new Error(parsed.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
  return parsed.scenario;
}

export function simulate(s: Scenario): { doc: ResultDocument; outcomes: ReplicationOutcome[]; svc: ServiceResult } {
  const outcomes = Array.from({ length: s.replications }, (_, i) => runReplication(s, i));
  const doc = mergeReplications(s, outcomes, { sha256: 'test', wallMs: 0 });
  const first = s.serving!.services[0]!.id;
  return { doc, outcomes, svc: doc.serving![first] as ServiceResult };
}

export const relErr = (got: number, want: number) => Math.abs(got / want - 1);

/** Mean over replications of a per-replication figure of service `id`. */
export function meanOf(outcomes: readonly ReplicationOutcome[], pick: (o: ReplicationOutcome) => number | null): number {
  const xs = outcomes.map(pick).filter((x): x is number => x !== null);
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}

/**
 * Little's law residual for the queue + slot part of the path:
 * |L / (X · (W + S)) − 1|, with L = mean_in_system, X = throughput, W and S in seconds.
 */
export function littleResidual(svc: ServiceResult): number {
  const l = svc.mean_in_system!.mean;
  const x = svc.throughput_rps!.mean;
  const w = svc.wait_ms.mean!.mean / 1000, sv = svc.components_ms.service!.mean / 1000;
  return Math.abs(l / (x * (w + sv)) - 1);
}
