// Analytic view of the cluster: each pool's allocation snapshot against its target (the seed
// table), the expected step time of explicit jobs (m·H_n for exponential steps; E[max] of the
// workers otherwise, no slow nodes), their parallel efficiency over every GPU held, and the
// Young/Daly checkpoint interval √(2·MTBF_job·C).
import { expectedComputeToBarrier, expectedOrderStat } from '../cluster/expected-step';
import { allReduceTime } from '../cluster/jobs';
import { unitsPerNode } from '../cluster/pool-state';
import { distMean } from '../random/dist-mean';
import type { CheckpointAnalytic, ClusterAnalytic, JobAnalytic, PoolAnalytic } from '../result/cluster';
import type { Dist } from '../scenario/dist-schema';
import type { ClusterSpec, PoolSpec } from '../scenario/schema';

export type { CheckpointAnalytic, ClusterAnalytic, JobAnalytic, PoolAnalytic } from '../result/cluster';

export const MAX_ANALYTIC_JOBS = 100;

/** Young/Daly: √(2 · MTBF_job · C); null without a checkpoint cost. */
export function youngDaly(mtbfJob: number, cost: number): number | null {
  return cost > 0 ? Math.sqrt(2 * mtbfJob * cost) : null;
}

/** Nodes a job of `workers` units spans in an empty pool. */
export function nodesSpanned(p: PoolSpec, workers: number, placement: ClusterSpec['scheduler']['placement']): number {
  const per = unitsPerNode(p);
  return placement === 'spread' ? Math.min(workers, p.units / per) : Math.ceil(workers / per);
}

/**
 * Parallel efficiency over every GPU the job holds, backups included: expected compute ÷
 * (workers × E[step]) = E[min(X, barrier)] ÷ E[step], the simulated figure's definition (Σ worker
 * compute ÷ Σ workers × step time). Without backups it is mean ÷ E[step]. Mathematically ≤ 1;
 * the min only absorbs integration error for a nearly constant step time.
 */
function efficiency(d: Dist, workers: number, units: number, step: number | null): number | null {
  if (step === null || step === 0) return null;
  const compute = workers === units ? distMean(d) : expectedComputeToBarrier(d, workers, units);
  return compute === null ? null : Math.min(1, compute / step);
}

export function clusterAnalytic(c: ClusterSpec): ClusterAnalytic {
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
  const out: ClusterAnalytic = { pools };
  const f = c.failures;
  const cost = f ? distMean(f.checkpoint_cost_s) : 0;
  if (c.jobs.length > 0) {
    const jobs: Record<string, JobAnalytic> = {};
    const backups = c.stragglers.mitigation === 'backup_workers' ? c.stragglers.backup_workers : 0;
    for (const j of c.jobs.slice(0, MAX_ANALYTIC_JOBS)) {
      const pool = c.pools.find((p) => p.id === j.pool);
      if (!pool) continue;
      const workers = j.units + Math.min(backups, pool.units - j.units);
      const barrier = expectedOrderStat(j.step_time_s, workers, workers - j.units + 1);
      const step = barrier === null ? null : barrier + allReduceTime(c.communication, j.units);
      const nodes = nodesSpanned(pool, workers, c.scheduler.placement);
      jobs[j.id] = {
        workers,
        nodes,
        expected_step_s: step,
        parallel_efficiency: efficiency(j.step_time_s, workers, j.units, step),
        expected_run_s: step === null ? null : j.steps * step,
        young_daly_interval_s: f ? youngDaly(f.node_mtbf_s / nodes, cost) : null,
      };
    }
    out.jobs = jobs;
  }
  if (f) {
    const maxNodes = Math.max(...c.pools.map((p) => p.units / unitsPerNode(p)));
    const young_daly: CheckpointAnalytic['young_daly'] = [];
    for (let k = 1; ; k *= 2) {
      const nodes = Math.min(k, maxNodes);
      young_daly.push({ nodes, mtbf_job_s: f.node_mtbf_s / nodes, interval_s: youngDaly(f.node_mtbf_s / nodes, cost) });
      if (nodes >= maxNodes) break;
    }
    out.checkpoint = {
      node_mtbf_s: f.node_mtbf_s,
      checkpoint_cost_s: cost,
      checkpoint_interval_s: f.checkpoint_interval_s ?? null,
      young_daly,
    };
  }
  return out;
}

/** The explicit jobs' analytic figures folded into one, comparable with the simulated aggregate. */
export interface AnalyticJobsAggregate {
  jobs: number;
  /** Σ steps·E[step] ÷ Σ steps: the mean step time the formula expects (no slow nodes). */
  expectedStepS: number | null;
  /**
   * Σ workers·run·efficiency ÷ Σ workers·run: the formula's efficiency weighted like the
   * simulated one (worker compute ÷ worker allocated step time).
   */
  parallelEfficiency: number | null;
  minEfficiency: number | null;
  maxEfficiency: number | null;
}

export function aggregateAnalyticJobs(jobs: Record<string, JobAnalytic> | undefined): AnalyticJobsAggregate {
  const list = Object.values(jobs ?? {}).filter((j) => j.expected_step_s !== null && j.expected_run_s !== null && j.expected_step_s > 0);
  let steps = 0, run = 0, weighted = 0, weight = 0;
  let min: number | null = null, max: number | null = null;
  for (const j of list) {
    const r = j.expected_run_s as number;
    steps += r / (j.expected_step_s as number);
    run += r;
    if (j.parallel_efficiency !== null) {
      weighted += j.workers * r * j.parallel_efficiency;
      weight += j.workers * r;
      min = min === null ? j.parallel_efficiency : Math.min(min, j.parallel_efficiency);
      max = max === null ? j.parallel_efficiency : Math.max(max, j.parallel_efficiency);
    }
  }
  return {
    jobs: list.length,
    expectedStepS: steps > 0 ? run / steps : null,
    parallelEfficiency: weight > 0 ? weighted / weight : null,
    minEfficiency: min,
    maxEfficiency: max,
  };
}
