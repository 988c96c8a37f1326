// The `cluster` block of a result document as the renderer reads it: simulated (`run`) or
// analytic only (`analyze`, or a run that did not simulate the section), and the analytic
// per-job figures folded into one figure comparable with the simulated aggregate. Pure.
import type { JobAnalytic } from '../../../simulation/analytic/cluster';
import type { ClusterResult } from '../../../simulation/cluster/merge';
import type { ResultDocument } from '../../../simulation/result/types';

export type ClusterBlock = NonNullable<ResultDocument['cluster']>;
export type SimulatedCluster = ClusterResult;

/** A block with the simulated figures (pools, jobs, allocation, series). */
export function isSimulatedCluster(c: ClusterBlock | undefined): c is ClusterBlock & SimulatedCluster {
  return !!c && c.pools !== undefined && c.jobs !== undefined && c.allocation !== undefined && c.series !== undefined && c.events !== undefined;
}

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
