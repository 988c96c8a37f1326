// Analytic view of the cluster: each pool's allocation snapshot against its target.
import type { ClusterSpec } from '../scenario/schema';

export interface PoolAnalytic {
  allocated_utilization: number | null;
  utilization_target: number | null;
  over_target: boolean | null;
}

export function clusterAnalytic(c: ClusterSpec): { pools: Record<string, PoolAnalytic> } {
  const pools: Record<string, PoolAnalytic> = {};
  for (const p of c.pools) {
    const util = p.allocated_units === undefined ? null : p.allocated_units / p.units;
    const target = p.utilization_target ?? null;
    pools[p.id] = {
      allocated_utilization: util,
      utilization_target: target,
      over_target: util === null || target === null ? null : util > target,
    };
  }
  return { pools };
}
