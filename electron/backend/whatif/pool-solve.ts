// `headroom solve --pool` and the app's cluster Solve: the fewest units in a pool for which its
// jobs' queueing delay at a percentile stays under a target with confidence
// (simulation/whatif/cluster-solve.ts). A candidate is the scenario with only that pool's jobs
// on only that pool — other pools do not share units with it — simulated over worker threads.
import {
  poolDemand, queueDelayAt, QUEUE_DELAY_PERCENTILES, solvePoolUnits, type PoolSolveResult, type Scenario,
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

export async function solvePool(v: Variant, id: string, options: PoolSolveOptions): Promise<PoolSolveResult> {
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
  const demand = poolDemand(cluster, id, scenario.seed, trace);
  if (demand.jobs === 0) throw new PoolSolveInputError(`cluster.pools[${i}]`, `no job runs on pool "${id}", so its queueing delay is not defined`);
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
  const inputs = trace ? v.inputs : { ...v.inputs, jobs: undefined };
  return solvePoolUnits({
    pool: id,
    step: pool.units_per_node ?? 1,
    largestJob: demand.largest,
    totalRequested: demand.total,
    costPerUnitHour: pool.cost_per_unit_hour ?? null,
    percentile,
    maxQueueDelayS: options.maxQueueDelayS,
    replications,
  }, async (units) => {
    options.onCandidate?.(units);
    const candidate: Scenario = { ...only, cluster: { ...only.cluster!, pools: [{ ...pool, units, allocated_units: undefined }] } };
    const { result } = await simulate(candidate, '', options, inputs);
    if (!result) throw new Error('the solve was cancelled');
    const c = result.cluster;
    if (!c?.jobs || !c.pools) throw new Error('the cluster section was not simulated');
    return { queue_delay_s: queueDelayAt(c.jobs, percentile), utilization: c.pools[id]?.utilization ?? null };
  });
}
