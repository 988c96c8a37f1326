// A sharded `solve --service` (docs/cli.md#shards-and-merge). The search's next count depends on
// the last one's figures, so no shard can know in advance which counts it will try: each shard
// simulates its share of every count the search may try (solveSearchRange: the estimate to the
// top of the range), and the merge runs the same search over the merged figures, taking each
// count's from the parts instead of simulating it. The counts it never visits are discarded: a
// sharded solve does more work than one machine's, spread over many. Its document holds no
// wall-clock field, so it is the single-machine document byte for byte.
import { solveSearchRange, type ServiceResult } from '../../../simulation';
import { mergeCase } from '../runs/simulate';
import type { PoolCase } from '../runs/run-pool';
import { prepareServiceSolve, searchReplicas, SolveInputError, type PreparedSolve, type ServiceSolve } from '../tools/solve';
import { sha256OfScenario } from '../traces/scenario-source';
import { PartError, type LoadedPart, type PartSource } from './part-format';
import { partVariant } from './part-inputs';
import { gatherUnits } from './shard-run';

/** The most counts a sharded solve simulates (each at every replication): past it, shard a sweep instead. */
export const MAX_SHARDED_SOLVE_COUNTS = 1000;

export interface SolveCases {
  counts: number[];
  cases: (PoolCase & { sha256: string })[];
}

/** Every count the search may try, as the cases whose replications are the shards' units. */
export function solveCases(p: PreparedSolve): SolveCases {
  const { estimate, top } = solveSearchRange(p.svc, p.offered, p.tokens);
  const n = top - estimate + 1;
  if (n > MAX_SHARDED_SOLVE_COUNTS) {
    throw new SolveInputError('--shard', `a sharded solve simulates every count the search may try, here ${estimate} to ${top} (${n} counts), more than ${MAX_SHARDED_SOLVE_COUNTS}: shard a sweep over the counts you expect instead (--set serving.services[…].replicas=FROM:TO), or solve on one machine`);
  }
  const counts = Array.from({ length: n }, (_, k) => estimate + k);
  const cases = counts.map((c) => {
    const scenario = p.candidate(c);
    return { scenario, inputs: p.inputs, sha256: sha256OfScenario(scenario as unknown as Record<string, unknown>) };
  });
  return { counts, cases };
}

/** The solve's document from its parts: the search over each count's merged figures. */
export async function mergeSolveParts(parts: readonly LoadedPart[], src: PartSource, seed: number | undefined): Promise<ServiceSolve> {
  const { args } = parts[0]!.part;
  const file = parts[0]!.file;
  if (typeof args.service !== 'string') throw new PartError(file, 'args.service: expected the --service id');
  const replications = args.replications === undefined ? undefined : Number(args.replications);
  const v = partVariant(src, [], { seed });
  const p = prepareServiceSolve(v.scenario, v.inputs, args.service, replications);
  const { counts, cases } = solveCases(p);
  const g = gatherUnits(parts, cases);
  const id = args.service;
  return searchReplicas(p, async (n) => {
    const k = counts.indexOf(n);
    if (k < 0) throw new PartError('merge', `the search asked for ${n} replicas, outside the counts the shards simulated`);
    return mergeCase(cases[k]!, g.outcomes[k]!, g.wallMs[k]!).serving![id] as ServiceResult;
  });
}
