// The simulated optimum checkpoint interval beside Young/Daly's √(2 · MTBF_job · C): the cluster
// section is simulated with `checkpoint_interval_s` = factor × the Young/Daly interval for each
// factor, on the same seeds (common random numbers), and the interval with the highest goodput
// (kept step time ÷ allocated job time) is the simulated optimum.
import { nodesSpanned, youngDaly } from '../analytic/cluster';
import { distMean } from '../random/dist-mean';
import type { Stat } from '../result/types';
import type { HostInputs } from '../run/types';
import type { Scenario } from '../scenario/schema';
import { NON_NEGATIVE, SHARE, statOf } from '../stats/stat';
import { runClusterReplication } from './run';

export const DEFAULT_FACTORS = [0.25, 0.5, 0.71, 1, 1.41, 2, 4];

export interface CheckpointPoint {
  factor: number;
  interval_s: number;
  goodput: Stat | null;
  jct_s: Stat | null;
  lost: Stat | null;
  checkpoint: Stat | null;
}

export interface CheckpointSweep {
  /** Nodes of the job size the interval is computed for (median over the scenario's jobs). */
  nodes: number;
  mtbf_job_s: number;
  checkpoint_cost_s: number;
  young_daly_interval_s: number;
  points: CheckpointPoint[];
  /** The interval with the highest mean goodput. */
  best: { factor: number; interval_s: number };
}

/** Median nodes spanned by the scenario's jobs (explicit, traced, and the generator's mean size). */
function typicalNodes(s: Scenario, inputs: HostInputs): number {
  const c = s.cluster;
  if (!c) return 1;
  const sizes: { pool: string; units: number }[] = c.jobs.map((j) => ({ pool: j.pool, units: j.units }));
  for (const j of inputs.jobs?.['cluster.job_trace'] ?? []) sizes.push({ pool: c.job_trace?.pool ?? '', units: j.units });
  if (c.job_generator) sizes.push({ pool: c.job_generator.pool, units: Math.max(1, Math.round(distMean(c.job_generator.units))) });
  const nodes = sizes.flatMap((j) => {
    const p = c.pools.find((q) => q.id === j.pool);
    return p ? [nodesSpanned(p, Math.min(j.units, p.units), c.scheduler.placement)] : [];
  }).sort((a, b) => a - b);
  return nodes.length > 0 ? (nodes[(nodes.length - 1) >> 1] as number) : 1;
}

/** The point with the highest mean goodput (the first of equals, so the order of `points` decides ties). */
export function bestPoint(points: readonly CheckpointPoint[]): CheckpointPoint {
  let best = points[0] as CheckpointPoint;
  for (const p of points) if ((p.goodput?.mean ?? -Infinity) > (best.goodput?.mean ?? -Infinity)) best = p;
  return best;
}

export function checkpointSweep(s: Scenario, factors: readonly number[] = DEFAULT_FACTORS, inputs: HostInputs = {}): CheckpointSweep {
  const f = s.cluster?.failures;
  if (!f) throw new Error('cluster.failures: a checkpoint sweep needs node failures (node_mtbf_s) and a checkpoint cost');
  const cost = distMean(f.checkpoint_cost_s);
  const nodes = typicalNodes(s, inputs);
  const mtbfJob = f.node_mtbf_s / nodes;
  const yd = youngDaly(mtbfJob, cost);
  if (yd === null) throw new Error('cluster.failures.checkpoint_cost_s: the Young/Daly interval needs a checkpoint cost > 0');
  const points = factors.map((factor): CheckpointPoint => {
    const interval = factor * yd;
    const variant: Scenario = { ...s, cluster: { ...(s.cluster as NonNullable<Scenario['cluster']>), failures: { ...f, checkpoint_interval_s: interval } } };
    const reps = Array.from({ length: s.replications }, (_, i) => runClusterReplication(variant, i, {}, inputs).figures);
    return {
      factor,
      interval_s: interval,
      goodput: statOf(reps.map((r) => r.goodput), SHARE),
      jct_s: statOf(reps.map((r) => r.jct_s.mean), NON_NEGATIVE),
      lost: statOf(reps.map((r) => r.allocation.lost), SHARE),
      checkpoint: statOf(reps.map((r) => r.allocation.checkpoint), SHARE),
    };
  });
  const best = bestPoint(points);
  return {
    nodes,
    mtbf_job_s: mtbfJob,
    checkpoint_cost_s: cost,
    young_daly_interval_s: yd,
    points,
    best: { factor: best.factor, interval_s: best.interval_s },
  };
}
