// The jobs of one replication: explicit `jobs[]`, then the trace the host read, then the
// synthetic `job_generator` jobs, in that order (the order breaks scheduling ties). A job carries
// its scheduling keys and the state of its current run; pipeline tasks that hold pool units are
// the same record with `hold` set (no steps).
import { distMean } from '../random/dist-mean';
import { deriveStream } from '../random/rng';
import { compileDist } from '../random/samplers';
import type { Dist } from '../scenario/dist-schema';
import type { ClusterSpec } from '../scenario/schema';
import { SegmentTotals } from './segment';
import type { StepSampler } from './step-sampler';
import type { JobInput } from './types';

export const PENDING = 0, WAITING = 1, RUNNING = 2, DONE = 3, STOPPED = 4;

export class ClusterJob {
  state = PENDING;
  /** Workers held: units plus backup workers. */
  workers: number;
  /** Steps kept by the last checkpoint (or completed). */
  done = 0;
  firstStart = Number.NaN;
  completion = Number.NaN;
  /** Start of the current run (allocation), its restart overhead end, its expected end. */
  runStart = Number.NaN;
  restartEnd = Number.NaN;
  expectedEnd = Number.NaN;
  /** The next run is a restart (after a failure or a preemption). */
  restartPending = false;
  /** Bumped whenever a scheduled segment event becomes stale. */
  gen = 0;
  /** Placement of the current run: node indices (within the pool) and units on each. */
  nodes: number[] = [];
  counts: number[] = [];
  sampler: StepSampler | null = null;
  allReduce = 0;
  /** Current segment: compute start, compute end, end including the checkpoint write. */
  segStart = 0;
  segComputeEnd = 0;
  segEnd = 0;
  segSteps = 0;
  readonly seg = new SegmentTotals();
  /** Pipeline task holds: called when the units are granted. */
  onGranted: ((t: number) => void) | null = null;

  constructor(
    readonly index: number,
    readonly id: string,
    readonly pool: number,
    readonly arrival: number,
    readonly units: number,
    readonly steps: number,
    readonly dist: Dist,
    /** mean(step_time_s). */
    readonly meanStep: number,
    readonly priority: number,
    /** Position in jobs[] / the trace / generation order (holds: after every job). */
    readonly order: number,
    /** steps × mean(step_time_s); for a hold, the duration its requester expects. */
    readonly expected: number,
    readonly hold = false,
  ) {
    this.workers = units;
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
    jobs.push(new ClusterJob(jobs.length, id, pool, arrival, units, steps, dist, mean, priority, jobs.length, steps * mean));
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
