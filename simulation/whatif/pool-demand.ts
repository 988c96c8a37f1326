// What a pool's jobs ask for, to bound the cluster solver's search: the largest single request
// (fewer units cannot run that job) and the sum (with that many no job waits for another).
// Read from the first replication's jobs, generated ones included.
import { buildJobs } from '../cluster/jobs';
import type { JobInput } from '../cluster/types';
import type { ClusterSpec } from '../scenario/schema';

export interface PoolDemand {
  jobs: number;
  largest: number;
  total: number;
}

export function poolDemand(spec: ClusterSpec, poolId: string, seed: number, trace?: readonly JobInput[]): PoolDemand {
  const pools = new Map(spec.pools.map((p, i) => [p.id, i]));
  const index = pools.get(poolId);
  if (index === undefined) throw new Error(`cluster: unknown pool "${poolId}"`);
  const jobs = buildJobs(spec, { pools, poolUnits: spec.pools.map((p) => p.units), trace, seed, replication: 0 });
  let largest = 0, total = 0, n = 0;
  for (const j of jobs) {
    if (j.pool !== index) continue;
    n++;
    largest = Math.max(largest, j.units);
    total += j.units;
  }
  return { jobs: n, largest, total };
}
