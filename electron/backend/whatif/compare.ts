// `headroom compare` and the app's Compare: two results side by side, figure by figure, with the
// difference and its 95% CI. The CLI simulates both scenarios with the same seed and
// replications (so the comparison is paired); the app compares two stored runs, paired when they
// used the same seed. Each replication's own document comes from its stored outcome.
import {
  COMPARE_FORMAT, compareResults, inputChanges, mergeReplications, type ComparedSide, type CompareDocument, type HostInputs,
  type ReplicationOutcome, type ResultDocument, type Scenario,
} from '../../../simulation';
import { runUnitsInWorkers, type PoolCase, type PoolOptions } from '../runs/run-pool';
import { mergeCase } from '../runs/simulate';
import { unitsOf } from '../shard/units';
import { withJobTraces } from '../traces/job-trace-loader';
import type { Variant } from './variant';

/** One document per replication, so figures can be paired replication by replication. */
export function perReplicationDocs(scenario: Scenario, outcomes: readonly ReplicationOutcome[], inputs?: HostInputs): ResultDocument[] {
  return [...outcomes]
    .sort((x, y) => x.index - y.index)
    .map((o) => mergeReplications({ ...scenario, replications: 1 }, [o], { sha256: '', wallMs: 0 }, inputs));
}

export interface CompareSideInput {
  raw: Record<string, unknown>;
  scenario: Scenario;
  result: ResultDocument;
  outcomes: readonly ReplicationOutcome[];
  inputs?: HostInputs;
  side: ComparedSide;
}

export function compareSides(a: CompareSideInput, b: CompareSideInput): CompareDocument {
  const cmp = compareResults(
    { doc: a.result, seed: a.side.seed, replications: a.result.replications, perReplication: perReplicationDocs(a.scenario, a.outcomes, a.inputs) },
    { doc: b.result, seed: b.side.seed, replications: b.result.replications, perReplication: perReplicationDocs(b.scenario, b.outcomes, b.inputs) },
  );
  const truncated = a.result.truncated ?? b.result.truncated;
  return {
    format: COMPARE_FORMAT,
    a: a.side,
    b: b.side,
    inputs: inputChanges(a.raw, b.raw),
    ...cmp,
    ...(truncated ? { truncated } : {}),
  };
}

export function sideOf(v: Pick<Variant, 'scenario' | 'sha256'>): ComparedSide {
  return { name: v.scenario.name, sha256: v.sha256, seed: v.scenario.seed, replications: v.scenario.replications };
}

/** A comparison's cases: A's replications, then B's (its units, as a shard counts them). */
export function compareCases(a: Variant, b: Variant): (PoolCase & { sha256: string })[] {
  return [a, b].map((v) => ({ scenario: v.scenario, inputs: withJobTraces(v.scenario, v.inputs), sha256: v.sha256 }));
}

/**
 * Simulates both variants (already given the same seed and replications), their replications
 * sharing the worker threads, and compares them.
 */
export async function compareVariants(a: Variant, b: Variant, options: PoolOptions = {}): Promise<CompareDocument | null> {
  const cases = compareCases(a, b);
  const pool = await runUnitsInWorkers(cases, unitsOf(cases), options);
  if (pool.cancelled || pool.outcomes.some((o) => o.length === 0)) return null;
  const stoppedBy = pool.capped ? 'max_wall_s' : null;
  const side = (v: Variant, i: number): CompareSideInput => {
    const outcomes = pool.outcomes[i] as ReplicationOutcome[];
    const short = stoppedBy !== null && outcomes.length < v.scenario.replications ? stoppedBy : null;
    return { raw: v.raw, scenario: v.scenario, result: mergeCase(v, outcomes, pool.caseWallMs[i] as number, short), outcomes, inputs: v.inputs, side: sideOf(v) };
  };
  return compareSides(side(a, 0), side(b, 1));
}
