// `headroom solve --pool` and the app's cluster Solve: the fewest units in a pool for which its
// jobs' queueing delay at a percentile stays under a target with confidence
// (simulation/whatif/cluster-solve.ts). A candidate is the scenario with only that pool's jobs
// on only that pool — other pools do not share units with it — simulated over worker threads.
import {
  poolDemand, queueDelayAt, QUEUE_DELAY_PERCENTILES, solvePoolUnits,
  type HostInputs, type PoolEvaluation, type PoolSolveResult, type PoolSolveSpec, type ResultDocument, type Scenario,
} from '../../../simulation';
import { JOB_TRACE_KEY } from '../../../simulation';
import type { PoolOptions } from '../runs/run-pool';
import { simulate } from '../runs/simulate';
import type { Variant } from './variant';

export class PoolSolveInputError extends Error {
  constructor(readonly path: string, message: string) {
    super(message);
  }
}

export interface PoolSolveOptions extends Omit<PoolOptions, 'onProgress'> {
  maxQueueDelayS: number;
  percentile?: number;
  replications?: number;
  onCandidate?: (units: number) => void;
  onProgress?: PoolOptions['onProgress'];
}

export function findPool(scenario: Scenario, id: string): number {
  const pools = scenario.cluster?.pools ?? [];
  const i = pools.findIndex((p) => p.id === id);
  if (i < 0) {
    const known = pools.map((p) => p.id);
    throw new PoolSolveInputError('--pool', `no pool "${id}" in the scenario${known.length > 0 ? ` (pools: ${known.join(', ')})` : ' (it has no cluster section)'}`);
  }
  return i;
}

/** A pool solve made ready: the search's spec, the pool's jobs' demand, and each count's scenario. */
export interface PreparedPoolSolve {
  id: string;
  percentile: number;
  spec: PoolSolveSpec;
  /** The largest job's request and the sum of all (a job trace's too): the range comes from them. */
  demand: { largest: number; total: number };
  inputs: HostInputs;
  /** The scenario a count is simulated as: only this pool and its jobs, with `units` units. */
  candidate: (units: number) => Scenario;
}

/**
 * `demand` (a merge of shards): the pool's demand as the shards found it, when the job trace it
 * comes from is not at hand; otherwise it is computed from the scenario and its inputs.
 */
export function preparePoolSolve(v: Variant, id: string, options: Pick<PoolSolveOptions, 'maxQueueDelayS' | 'percentile' | 'replications'>, demand?: { largest: number; total: number }): PreparedPoolSolve {
  const scenario = v.scenario;
  const i = findPool(scenario, id);
  const cluster = scenario.cluster!;
  const pool = cluster.pools[i]!;
  const percentile = options.percentile ?? 95;
  if (!(QUEUE_DELAY_PERCENTILES as readonly number[]).includes(percentile)) {
    throw new PoolSolveInputError('--percentile', `must be one of ${QUEUE_DELAY_PERCENTILES.join(', ')} (the percentiles of queueing delay a result keeps; got ${percentile})`);
  }
  if (!(options.maxQueueDelayS >= 0) || !Number.isFinite(options.maxQueueDelayS)) {
    throw new PoolSolveInputError('--max-queue-delay-s', `must be a number ≥ 0 (got ${options.maxQueueDelayS})`);
  }
  const trace = cluster.job_trace?.pool === id ? v.inputs.jobs?.[JOB_TRACE_KEY] : undefined;
  let found = demand;
  if (!found) {
    const d = poolDemand(cluster, id, scenario.seed, trace);
    if (d.jobs === 0) throw new PoolSolveInputError(`cluster.pools[${i}]`, `no job runs on pool "${id}", so its queueing delay is not defined`);
    found = d;
  }
  const replications = options.replications ?? Math.max(scenario.replications, 10);
  // Only this pool and its jobs: the other pools' jobs never wait for its units.
  const only: Scenario = {
    ...scenario,
    replications,
    cluster: {
      ...cluster,
      pools: [pool],
      jobs: cluster.jobs.filter((j) => j.pool === id),
      ...(cluster.job_trace && cluster.job_trace.pool !== id ? { job_trace: undefined } : {}),
      ...(cluster.job_generator && cluster.job_generator.pool !== id ? { job_generator: undefined } : {}),
    },
  };
  delete only.serving;
  delete only.pipeline;
  return {
    id,
    percentile,
    spec: {
      pool: id,
      step: pool.units_per_node ?? 1,
      largestJob: found.largest,
      totalRequested: found.total,
      costPerUnitHour: pool.cost_per_unit_hour ?? null,
      percentile,
      maxQueueDelayS: options.maxQueueDelayS,
      replications,
    },
    demand: { largest: found.largest, total: found.total },
    inputs: trace ? v.inputs : { ...v.inputs, jobs: undefined },
    candidate: (units) => ({ ...only, cluster: { ...only.cluster!, pools: [{ ...pool, units, allocated_units: undefined }] } }),
  };
}

/** What the search judges a count by, from the count's result document. */
export function poolEvaluation(p: PreparedPoolSolve, result: ResultDocument): PoolEvaluation {
  const c = result.cluster;
  if (!c?.jobs || !c.pools) throw new Error('the cluster section was not simulated');
  return { queue_delay_s: queueDelayAt(c.jobs, p.percentile), utilization: c.pools[p.id]?.utilization ?? null };
}

export async function solvePool(v: Variant, id: string, options: PoolSolveOptions): Promise<PoolSolveResult> {
  const p = preparePoolSolve(v, id, options);
  return solvePoolUnits(p.spec, async (units) => {
    options.onCandidate?.(units);
    const { result } = await simulate(p.candidate(units), '', options, p.inputs);
    if (!result) throw new Error('the solve was cancelled');
    return poolEvaluation(p, result);
  });
}
