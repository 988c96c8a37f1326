// Shared builders for the validation suite: scenarios from a few numbers, and runs of all
// replications merged into the result document, as the backend does.
import { mergeReplications, runReplication, validateScenario, type ResultDocument, type Scenario, type ServiceResult } from '../../simulation';
import type { ScenarioInput } from '../../simulation/scenario/schema';
import { logGamma } from '../../simulation/random/special';
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

/**
 * Runs every replication and merges them, as the backend does. Little's law is then asserted
 * (within 2%) for every stable service of the run: every validation run checks it.
 */
export function simulate(s: Scenario): { doc: ResultDocument; outcomes: ReplicationOutcome[]; svc: ServiceResult } {
  const outcomes = Array.from({ length: s.replications }, (_, i) => runReplication(s, i));
  const doc = mergeReplications(s, outcomes, { sha256: 'test', wallMs: 0 });
  assertLittleEverywhere(s, doc);
  const first = s.serving!.services[0]!.id;
  return { doc, outcomes, svc: doc.serving![first] as ServiceResult };
}

/** Little's law within `tol` for each service of `doc` where it must hold (see `littleApplies`). */
export function assertLittleEverywhere(s: Scenario, doc: ResultDocument, tol = LITTLE_TOLERANCE): void {
  for (const spec of s.serving?.services ?? []) {
    const svc = doc.serving?.[spec.id] as ServiceResult | undefined;
    if (svc && spec.timeout_ms === undefined && littleApplies(svc)) assertLittle(spec.id, svc, tol);
  }
}

export const LITTLE_TOLERANCE = 0.02;

/**
 * Little's law is asserted on every stable service with completions. Exempt: an unstable
 * service (its queue grows through the window, so the time average L over the window and the
 * waits of its arrivals, served after the horizon, describe different periods), and a service
 * with `timeout_ms` (requests that give up spend time in L but have no W in the figures; the
 * law then needs their time in system, which the result does not carry).
 */
export function littleApplies(svc: ServiceResult): boolean {
  return svc.stable && svc.mean_in_system !== null && svc.throughput_rps !== null && svc.throughput_rps.mean > 0 &&
    svc.wait_ms.mean !== null && svc.components_ms.service !== null;
}

export function assertLittle(id: string, svc: ServiceResult, tol = LITTLE_TOLERANCE): void {
  const r = littleResidual(svc);
  if (!(r < tol)) {
    throw new Error(`Little's law fails for service ${id}: residual ${r.toFixed(4)} ≥ ${tol} ` +
      `(L = ${svc.mean_in_system!.mean}, X = ${svc.throughput_rps!.mean} rps, W = ${svc.wait_ms.mean!.mean} ms, S = ${svc.components_ms.service!.mean} ms)`);
  }
}

/**
 * Erlang C, P(wait) for load `a` on `c` servers, straight from its definition in log space: the
 * tests' own formula, independent of the engine's Erlang B recursion.
 */
export function erlangCDirect(c: number, a: number): number {
  const logTerm = (k: number) => k * Math.log(a) - logGamma(k + 1);
  const top = logTerm(c) - Math.log(1 - a / c);
  const terms = [...Array.from({ length: c }, (_, k) => logTerm(k)), top];
  const m = Math.max(...terms);
  return Math.exp(top - m) / terms.reduce((sum, t) => sum + Math.exp(t - m), 0);
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
