// A sharded `solve` (docs/cli.md#shards-and-merge), of a service's replicas or a pool's units.
// The search's next count depends on the last one's figures, so no shard can know in advance
// which counts it will try: each shard simulates its share of every count the search may try
// (solveSearchRange: the estimate to the top of the range; poolSearchRange: the largest job to
// every job at once, in node steps), and the merge runs the same search over the merged
// figures, taking each count's from the parts instead of simulating it. The counts it never
// visits are discarded: a sharded solve does more work than one machine's, spread over many.
// Its document holds no wall-clock field, so it is the single-machine document byte for byte.
import { poolSearchRange, solvePoolUnits, solveSearchRange, type PoolSolveResult, type Scenario, type ServiceResult } from '../../../simulation';
import { mergeCase } from '../runs/simulate';
import type { PoolCase } from '../runs/run-pool';
import { prepareServiceSolve, searchReplicas, SolveInputError, type PreparedSolve, type ServiceSolve } from '../tools/solve';
import { sha256OfScenario } from '../traces/scenario-source';
import { poolEvaluation, preparePoolSolve, PoolSolveInputError, type PreparedPoolSolve } from '../whatif/pool-solve';
import { PartError, type LoadedPart, type PartSource } from './part-format';
import { partVariant } from './part-inputs';
import { gatherUnits } from './shard-run';

/** The most counts a sharded solve simulates (each at every replication): past it, shard a sweep instead. */
export const MAX_SHARDED_SOLVE_COUNTS = 1000;

export interface SolveCases {
  counts: number[];
  cases: (PoolCase & { sha256: string })[];
}

function casesOf(counts: number[], candidate: (n: number) => PoolCase['scenario'], inputs: PoolCase['inputs']): SolveCases {
  const cases = counts.map((c) => {
    const scenario = candidate(c);
    return { scenario, inputs, sha256: sha256OfScenario(scenario as unknown as Record<string, unknown>) };
  });
  return { counts, cases };
}

const tooMany = (what: string, n: number, field: string) =>
  `a sharded solve simulates every count the search may try, here ${what} (${n} counts), more than ${MAX_SHARDED_SOLVE_COUNTS}: shard a sweep over the counts you expect instead (--set ${field}=FROM:TO), or solve on one machine`;

/** Every replica count the search may try, as the cases whose replications are the shards' units. */
export function solveCases(p: PreparedSolve): SolveCases {
  const { estimate, top } = solveSearchRange(p.svc, p.offered, p.tokens);
  const n = top - estimate + 1;
  if (n > MAX_SHARDED_SOLVE_COUNTS) throw new SolveInputError('--shard', tooMany(`${estimate} to ${top} replicas`, n, 'serving.services[…].replicas'));
  return casesOf(Array.from({ length: n }, (_, k) => estimate + k), p.candidate, p.inputs);
}

/** Every unit count a pool solve may try (node steps), as cases. */
export function poolSolveCases(p: PreparedPoolSolve): SolveCases {
  const { step, lo, top } = poolSearchRange(p.spec);
  const n = (top - lo) / step + 1;
  if (n > MAX_SHARDED_SOLVE_COUNTS) throw new PoolSolveInputError('--shard', tooMany(`${lo} to ${top} units in steps of ${step}`, n, 'cluster.pools[…].units'));
  return casesOf(Array.from({ length: n }, (_, k) => lo + k * step), p.candidate, p.inputs);
}

/** Each count's merged result, for the search to take instead of simulating it. */
function mergedCounts(parts: readonly LoadedPart[], { counts, cases }: SolveCases) {
  const g = gatherUnits(parts, cases);
  return (n: number) => {
    const k = counts.indexOf(n);
    if (k < 0) throw new PartError('merge', `the search asked for a count of ${n}, outside the counts the shards simulated`);
    return mergeCase(cases[k]!, g.outcomes[k]!, g.wallMs[k]!);
  };
}

/** The solve's document from its parts (the search over each count's merged figures), and the scenario it solved. */
export async function mergeSolveParts(parts: readonly LoadedPart[], src: PartSource, seed: number | undefined): Promise<{ doc: ServiceSolve | PoolSolveResult; scenario: Scenario }> {
  const { args, plan } = parts[0]!.part;
  const file = parts[0]!.file;
  const v = partVariant(src, [], { seed });
  if (typeof args.pool === 'string') {
    const demand = plan as { largest?: unknown; total?: unknown } | undefined;
    if (typeof demand?.largest !== 'number' || typeof demand.total !== 'number') throw new PartError(file, 'plan: expected the pool\'s demand { largest, total }');
    const p = preparePoolSolve(v, args.pool, {
      maxQueueDelayS: Number(args.max_queue_delay_s),
      percentile: args.percentile === undefined ? undefined : Number(args.percentile),
      replications: args.replications === undefined ? undefined : Number(args.replications),
    }, { largest: demand.largest, total: demand.total });
    const result = mergedCounts(parts, poolSolveCases(p));
    return { doc: await solvePoolUnits(p.spec, async (units) => poolEvaluation(p, result(units))), scenario: v.scenario };
  }
  if (typeof args.service !== 'string') throw new PartError(file, 'args.service: expected the --service id');
  const replications = args.replications === undefined ? undefined : Number(args.replications);
  const p = prepareServiceSolve(v.scenario, v.inputs, args.service, replications);
  const result = mergedCounts(parts, solveCases(p));
  const id = args.service;
  return { doc: await searchReplicas(p, async (n) => result(n).serving![id] as ServiceResult), scenario: v.scenario };
}
