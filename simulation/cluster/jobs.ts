// The jobs of one replication: explicit `jobs[]`, then the trace the host read, then the
// synthetic `job_generator` jobs, in that order (the order breaks scheduling ties). A job carries
// its scheduling keys (claim.ts) and the state of its current run.
import { distMean } from '../random/dist-mean';
import { deriveStream } from '../random/rng';
import { compileDist } from '../random/samplers';
import type { Dist } from '../scenario/dist-schema';
import type { ClusterSpec } from '../scenario/schema';
import { PoolClaim } from './claim';
import { SegmentTotals } from './segment';
import type { StepSampler } from './step-sampler';
import type { JobInput } from './types';

export { DONE, PENDING, RUNNING, STOPPED, WAITING } from './claim';

export class ClusterJob extends PoolClaim {
  readonly hold = false;
  /** Steps kept by the last checkpoint (or completed). */
  done = 0;
  completion = Number.NaN;
  /** End of the current run's restart overhead. */
  restartEnd = Number.NaN;
  /** The next run is a restart (after a failure or a preemption). */
  restartPending = false;
  /** Bumped whenever a scheduled segment event becomes stale. */
  gen = 0;
  sampler: StepSampler | null = null;
  allReduce = 0;
  /** Current segment: compute start, compute end, end including the checkpoint write. */
  segStart = 0;
  segComputeEnd = 0;
  segEnd = 0;
  segSteps = 0;
  readonly seg = new SegmentTotals();

  constructor(
    /** Position in the replication's jobs[] (its random stream and event tags). */
    readonly index: number,
    id: string,
    pool: number,
    arrival: number,
    units: number,
    readonly steps: number,
    readonly dist: Dist,
    /** mean(step_time_s). */
    readonly meanStep: number,
    priority: number,
  ) {
    // Jobs sort by their position; expected = steps × mean(step_time_s).
    super(id, pool, arrival, units, priority, index, steps * meanStep);
  }
}

export interface JobSources {
  pools: ReadonlyMap<string, number>;
  poolUnits: readonly number[];
  trace?: readonly JobInput[];
  seed: number;
  replication: number;
}

export function buildJobs(spec: ClusterSpec, src: JobSources): ClusterJob[] {
  const jobs: ClusterJob[] = [];
  const poolOf = (id: string) => {
    const p = src.pools.get(id);
    if (p === undefined) throw new Error(`cluster: unknown pool "${id}"`);
    return p;
  };
  const add = (id: string, pool: number, arrival: number, units: number, steps: number, dist: Dist, priority: number) => {
    const mean = distMean(dist);
    jobs.push(new ClusterJob(jobs.length, id, pool, arrival, units, steps, dist, mean, priority));
  };
  for (const j of spec.jobs) add(j.id, poolOf(j.pool), j.arrival_s, j.units, j.steps, j.step_time_s, j.priority);
  if (spec.job_trace) {
    if (!src.trace) throw new Error('cluster.job_trace.path: the trace file was not loaded by the host');
    const pool = poolOf(spec.job_trace.pool);
    for (const j of src.trace) {
      add(j.id, pool, j.arrival_s, j.units, j.steps, { dist: 'fixed', value: j.step_time_s }, j.priority);
    }
  }
  const g = spec.job_generator;
  if (g && g.count > 0) {
    const pool = poolOf(g.pool);
    const cap = src.poolUnits[pool] as number;
    const stream = (name: string) => deriveStream(src.seed, src.replication, `cluster/generator/${name}`);
    const gap = compileDist(g.interarrival_s, stream('interarrival'));
    const units = compileDist(g.units, stream('units'));
    const steps = compileDist(g.steps, stream('steps'));
    let t = 0;
    for (let i = 0; i < g.count; i++) {
      t += gap();
      // Counts are rounded to the nearest integer ≥ 1; units are capped at the pool's size.
      const u = Math.min(cap, Math.max(1, Math.round(units())));
      add(`gen-${i}`, pool, t, u, Math.max(1, Math.round(steps())), g.step_time_s, 0);
    }
  }
  return jobs;
}

/** Ring all-reduce time of one step for n workers (0 without `communication` or for n = 1). */
export function allReduceTime(comm: ClusterSpec['communication'], n: number): number {
  if (!comm || n <= 1) return 0;
  const bytes = comm.gradient_mb * 1e6;
  const transfer = ((2 * (n - 1)) / n) * ((bytes * 8) / (comm.bandwidth_gbps * 1e9));
  return transfer + 2 * (n - 1) * (comm.latency_ms / 1000);
}
