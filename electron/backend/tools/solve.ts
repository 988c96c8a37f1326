// `headroom solve`: runs the pure solver (simulation/serving/solve.ts) with candidates simulated
// over worker threads. Each candidate is the scenario with only that service (the others, and
// sections other than serving, do not affect it) at a fixed replica count, with its own trace and,
// for an `llm` service, its trace's token columns.
import type { HostInputs, Scenario, ServiceResult, ServiceSpec, TraceTokenColumns } from '../../../simulation';
import { serviceOfferedRps } from '../../../simulation';
import { solveRefusal, solveReplicas, solveReplications, type SolveResult } from '../../../simulation';
import { traceRates } from '../../../simulation';
import { solveReason } from '../../../simulation/present';
import type { PoolOptions } from '../runs/run-pool';
import { simulate } from '../runs/simulate';

export class SolveInputError extends Error {
  constructor(readonly path: string, message: string) {
    super(message);
  }
}

export interface SolveOptions extends Omit<PoolOptions, 'onProgress'> {
  /** Replications per candidate (default max(scenario replications, 10)). */
  replications?: number;
  /** Called before each candidate is simulated. */
  onCandidate?: (replicas: number) => void;
  onProgress?: PoolOptions['onProgress'];
}

/** The index of service `id`, or a SolveInputError listing the ids there are. */
export function findService(scenario: Scenario, id: string): number {
  const services = scenario.serving?.services ?? [];
  const i = services.findIndex((s) => s.id === id);
  if (i < 0) {
    const known = services.map((s) => s.id);
    throw new SolveInputError('--service', `no service "${id}" in the scenario${known.length > 0 ? ` (services: ${known.join(', ')})` : ' (it has no serving section)'}`);
  }
  return i;
}

/** The solver's answer, and why no count meets the SLO when none does (null otherwise). */
export type ServiceSolve = SolveResult & { reason: string | null };

/** A service solve made ready: its service, offered rate, replications per count, and each count's scenario. */
export interface PreparedSolve {
  svc: ServiceSpec;
  offered: number;
  replications: number;
  tokens: TraceTokenColumns | undefined;
  /** The service's own trace and token columns (an `llm` service's lengths may come from them). */
  inputs: HostInputs;
  /** The scenario a count is simulated as: only this service, at `n` replicas. */
  candidate: (n: number) => Scenario;
}

export function prepareServiceSolve(scenario: Scenario, inputs: HostInputs, id: string, replicationsFlag?: number): PreparedSolve {
  const i = findService(scenario, id);
  const svc = scenario.serving!.services[i]!;
  const offered = serviceOfferedRps(svc, traceRates(scenario, inputs).get(svc.id));
  const tokens = inputs.traceTokens?.[id];
  const refusal = solveRefusal(svc, offered, tokens);
  if (refusal) throw new SolveInputError(`serving.services[${i}]`, refusal);
  const replications = solveReplications(scenario.replications, replicationsFlag);
  const only: HostInputs = inputs.traces?.[id] ? { traces: { [id]: inputs.traces[id] } } : {};
  if (tokens) only.traceTokens = { [id]: tokens };
  const candidate = (n: number): Scenario => {
    const c: Scenario = { ...scenario, replications, serving: { services: [{ ...svc, replicas: n }] } };
    delete c.pipeline;
    delete c.cluster;
    return c;
  };
  return { svc, offered, replications, tokens, inputs: only, candidate };
}

/** The search over counts whose figures `evaluate` gives (simulated here, or merged from shards). */
export async function searchReplicas(p: PreparedSolve, evaluate: (n: number) => Promise<ServiceResult>): Promise<ServiceSolve> {
  const result = await solveReplicas(p.svc, p.offered, p.replications, evaluate, p.tokens);
  return { ...result, reason: solveReason(p.svc, result) };
}

export async function solveService(scenario: Scenario, inputs: HostInputs, id: string, options: SolveOptions = {}): Promise<ServiceSolve> {
  const p = prepareServiceSolve(scenario, inputs, id, options.replications);
  return searchReplicas(p, async (n) => {
    options.onCandidate?.(n);
    const { result } = await simulate(p.candidate(n), '', options, p.inputs);
    if (!result) throw new Error('the solve was cancelled');
    return result.serving![id] as ServiceResult;
  });
}
