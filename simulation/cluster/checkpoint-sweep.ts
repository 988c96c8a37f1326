// The simulated optimum checkpoint interval beside Young/Daly's √(2 · MTBF_job · C): the cluster
// section is simulated with `checkpoint_interval_s` = factor × the Young/Daly interval for each
// factor, on the same seeds (common random numbers), and the interval with the highest goodput
// (kept step time ÷ allocated job time) is the simulated optimum. Its units are interval ×
// replication (`checkpointSample`): the host runs them on worker threads or shards and rebuilds
// the points with `checkpointSweepOf`, as `checkpointSweep` does on one thread.
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

/** What every interval of the sweep is a multiple of: the Young/Daly interval for the typical job. */
export interface CheckpointBasis {
  nodes: number;
  mtbf_job_s: number;
  checkpoint_cost_s: number;
  young_daly_interval_s: number;
}

/**
 * One unit of the sweep: the figures it takes from one replication at one interval, and the
 * engine's event count. A unit depends only on (scenario, interval, replication index), so the
 * sweep can be spread over threads and machines and put back together by `checkpointSweepOf`.
 */
export interface CheckpointSample {
  index: number;
  events: number;
  goodput: number | null;
  jct_s: number | null;
  lost: number | null;
  checkpoint: number | null;
}

/** The basis for jobs spanning `nodes` nodes (the sweep's `typicalNodes`). */
export function checkpointBasisForNodes(s: Scenario, nodes: number): CheckpointBasis {
  const f = s.cluster?.failures;
  if (!f) throw new Error('cluster.failures: a checkpoint sweep needs node failures (node_mtbf_s) and a checkpoint cost');
  const cost = distMean(f.checkpoint_cost_s);
  const mtbfJob = f.node_mtbf_s / nodes;
  const yd = youngDaly(mtbfJob, cost);
  if (yd === null) throw new Error('cluster.failures.checkpoint_cost_s: the Young/Daly interval needs a checkpoint cost > 0');
  return { nodes, mtbf_job_s: mtbfJob, checkpoint_cost_s: cost, young_daly_interval_s: yd };
}

export function checkpointBasis(s: Scenario, inputs: HostInputs = {}): CheckpointBasis {
  return checkpointBasisForNodes(s, typicalNodes(s, inputs));
}

/** The interval simulated for `factor`, and the scenario with it. */
export function checkpointInterval(basis: CheckpointBasis, factor: number): number {
  return factor * basis.young_daly_interval_s;
}

export function checkpointVariant(s: Scenario, interval: number): Scenario {
  const f = s.cluster?.failures;
  if (!f) throw new Error('cluster.failures: a checkpoint sweep needs node failures (node_mtbf_s) and a checkpoint cost');
  return { ...s, cluster: { ...(s.cluster as NonNullable<Scenario['cluster']>), failures: { ...f, checkpoint_interval_s: interval } } };
}

/** Replication `index` of an interval's scenario (`checkpointVariant`), as a unit of the sweep. */
export function checkpointSample(variant: Scenario, index: number, inputs: HostInputs = {}): CheckpointSample {
  const run = runClusterReplication(variant, index, {}, inputs);
  const r = run.figures;
  return { index, events: run.events, goodput: r.goodput, jct_s: r.jct_s.mean, lost: r.allocation.lost, checkpoint: r.allocation.checkpoint };
}

/** An interval's point from its units, in replication order. */
export function checkpointPoint(factor: number, interval: number, samples: readonly CheckpointSample[]): CheckpointPoint {
  return {
    factor,
    interval_s: interval,
    goodput: statOf(samples.map((r) => r.goodput), SHARE),
    jct_s: statOf(samples.map((r) => r.jct_s), NON_NEGATIVE),
    lost: statOf(samples.map((r) => r.lost), SHARE),
    checkpoint: statOf(samples.map((r) => r.checkpoint), SHARE),
  };
}

/** The sweep from every interval's units (`samples[i]`: factor i's, in replication order). */
export function checkpointSweepOf(basis: CheckpointBasis, factors: readonly number[], samples: readonly (readonly CheckpointSample[])[]): CheckpointSweep {
  const points = factors.map((factor, i) => checkpointPoint(factor, checkpointInterval(basis, factor), samples[i] ?? []));
  const best = bestPoint(points);
  return {
    nodes: basis.nodes,
    mtbf_job_s: basis.mtbf_job_s,
    checkpoint_cost_s: basis.checkpoint_cost_s,
    young_daly_interval_s: basis.young_daly_interval_s,
    points,
    best: { factor: best.factor, interval_s: best.interval_s },
  };
}

/** The whole sweep on this thread (the host spreads the same units over threads and shards). */
export function checkpointSweep(s: Scenario, factors: readonly number[] = DEFAULT_FACTORS, inputs: HostInputs = {}): CheckpointSweep {
  const basis = checkpointBasis(s, inputs);
  const samples = factors.map((factor) => {
    const variant = checkpointVariant(s, checkpointInterval(basis, factor));
    return Array.from({ length: s.replications }, (_, i) => checkpointSample(variant, i, inputs));
  });
  return checkpointSweepOf(basis, factors, samples);
}
