// `headroom compare` and the app's Compare: two results side by side, figure by figure, with the
// difference and its 95% CI. The CLI simulates both scenarios with the same seed and
// replications (so the comparison is paired); the app compares two stored runs, paired when they
// used the same seed. Each replication's own document comes from its stored outcome.
import {
  COMPARE_FORMAT, compareResults, inputChanges, mergeReplications, type ComparedSide, type CompareDocument, type HostInputs,
  type ReplicationOutcome, type ResultDocument, type Scenario,
} from '../../../simulation';
import type { PoolOptions } from '../runs/run-pool';
import { simulate } from '../runs/simulate';
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

/** Simulates both variants (already given the same seed and replications) and compares them. */
export async function compareVariants(a: Variant, b: Variant, options: PoolOptions = {}): Promise<CompareDocument | null> {
  const ra = await simulate(a.scenario, a.sha256, options, a.inputs);
  if (!ra.result) return null;
  const rb = await simulate(b.scenario, b.sha256, options, b.inputs);
  if (!rb.result) return null;
  const side = (v: Variant): ComparedSide => ({ name: v.scenario.name, sha256: v.sha256, seed: v.scenario.seed, replications: v.scenario.replications });
  return compareSides(
    { raw: a.raw, scenario: a.scenario, result: ra.result, outcomes: ra.outcomes, inputs: a.inputs, side: side(a) },
    { raw: b.raw, scenario: b.scenario, result: rb.result, outcomes: rb.outcomes, inputs: b.inputs, side: side(b) },
  );
}
