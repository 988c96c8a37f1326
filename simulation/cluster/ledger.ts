// Statistics of one cluster replication, streamed: histograms for JCT and queue delay, sums for
// step figures, per-pool unit-time by category inside the measured window [warmup, horizon],
// and fixed-size buckets for the charts. Memory does not grow with the number of steps.
//
// Allocated unit-time of jobs falls into: compute (each worker's own compute in kept steps),
// all_reduce, barrier_wait (waiting for the slowest worker), checkpoint (writing), restart
// (restart overhead), lost (work since the last checkpoint, thrown away by a failure or a
// preemption). Busy = compute + all-reduce of kept steps (+ pipeline task holds).
import { Histogram } from '../stats/histogram';
import { TimeWeighted } from '../stats/time-weighted';
import { Buckets, Levels, overlap } from './buckets';
import type { ClusterJob } from './jobs';
import type { PoolState } from './pool-state';
import { CLUSTER_QUANTILE_PERCENTS, type AllocationShares, type ClusterReplication, type OccupancyGrid } from './types';

export const CAT_COMPUTE = 0, CAT_AR = 1, CAT_WAIT = 2, CAT_CKPT = 3, CAT_RESTART = 4, CAT_LOST = 5, CAT_HOLD = 6;
const CATS = 7;

export const SERIES_BUCKETS = 96;
export const GRID_BUCKETS = 96;
export const GRID_MAX_ROWS = 128;

export class ClusterLedger {
  submitted = 0;
  completed = 0;
  nodeFailures = 0;
  preemptions = 0;
  restarts = 0;
  makespan: number | null = null;
  readonly jct = new Histogram();
  readonly queueDelay = new Histogram();
  /** Steps of measured jobs (whole steps ending by the horizon). */
  private steps = 0;
  private stepTime = 0;
  private stepAlloc = 0;
  private stepBusy = 0;
  private stepBarrier = 0;
  private stepMeanWorker = 0;
  private stepMax = 0;
  private readonly cats: Float64Array;
  private readonly allocated: TimeWeighted[];
  private readonly allocUnits: Float64Array;
  /** Series rows per pool: 3p allocated units, 3p + 1 busy units, 3p + 2 waiting entries. */
  readonly series: Buckets;
  private readonly seriesLevels: Levels;
  /** Grid rows: r allocated units, rows + r down units. */
  readonly grid: Buckets | null;
  private readonly gridLevels: Levels | null;
  private readonly gridRowUnits: number[] = [];
  private readonly gridRows: OccupancyGrid['rows'] = [];

  constructor(private readonly pools: readonly PoolState[], private readonly warmup: number, private readonly horizon: number, grid: boolean) {
    this.cats = new Float64Array(pools.length * CATS);
    this.allocated = pools.map(() => new TimeWeighted(warmup, horizon));
    this.allocUnits = new Float64Array(pools.length);
    this.series = new Buckets(pools.length * 3, SERIES_BUCKETS, horizon);
    this.seriesLevels = new Levels(this.series);
    if (!grid) { this.grid = null; this.gridLevels = null; return; }
    const nodes = pools.reduce((s, p) => s + p.nodeCount, 0);
    const per = Math.max(1, Math.ceil(nodes / GRID_MAX_ROWS));
    for (const p of pools) {
      for (let first = 0; first < p.nodeCount; first += per) {
        const count = Math.min(per, p.nodeCount - first);
        for (let i = first; i < first + count; i++) p.gridRow[i] = this.gridRows.length;
        let slow = 0;
        for (let i = first; i < first + count; i++) slow += p.slow[i] as number;
        this.gridRows.push({ pool: p.id, first_node: first, nodes: count, slow_nodes: slow });
        this.gridRowUnits.push(count * p.perNode);
      }
    }
    this.grid = new Buckets(2 * this.gridRows.length, GRID_BUCKETS, horizon);
    this.gridLevels = new Levels(this.grid);
  }

  /** Adds units × |[a, b] ∩ window| to a category (sign −1 takes it back). */
  interval(pool: number, cat: number, a: number, b: number, units: number, sign = 1): void {
    const x = overlap(a, b, this.warmup, this.horizon);
    if (x > 0) this.cats[pool * CATS + cat] = (this.cats[pool * CATS + cat] as number) + sign * units * x;
  }

  /** Allocation of `delta` units on node `node` of `pool` at time t. */
  allocate(pool: PoolState, node: number, t: number, delta: number): void {
    const p = pool.index;
    this.allocUnits[p] = (this.allocUnits[p] as number) + delta;
    (this.allocated[p] as TimeWeighted).set(t, this.allocUnits[p] as number);
    this.seriesLevels.change(3 * p, t, delta);
    this.gridLevels?.change(pool.gridRow[node] as number, t, delta);
  }

  nodeDown(pool: PoolState, node: number, t: number, down: boolean): void {
    this.gridLevels?.change(this.gridRows.length + (pool.gridRow[node] as number), t, down ? pool.perNode : -pool.perNode);
  }

  waitingChanged(pool: PoolState, t: number, delta: number): void {
    this.seriesLevels.change(3 * pool.index + 2, t, delta);
  }

  /** Credits a job's segment: its steps up to the horizon and its checkpoint write up to `until`. */
  commit(job: ClusterJob, measured: boolean, until: number): void {
    const seg = job.seg, p = job.pool, base = p * CATS, n = job.workers;
    const cats = this.cats;
    cats[base + CAT_COMPUTE] = (cats[base + CAT_COMPUTE] as number) + seg.windowCompute;
    cats[base + CAT_AR] = (cats[base + CAT_AR] as number) + seg.windowAllReduce;
    cats[base + CAT_WAIT] = (cats[base + CAT_WAIT] as number) + seg.windowBarrierWait;
    this.interval(p, CAT_CKPT, job.segComputeEnd, Math.min(job.segEnd, until), n);
    const end = Math.min(job.segComputeEnd, this.horizon);
    if (end > job.segStart) this.series.add(3 * p + 1, job.segStart, end, seg.seriesBusy / (end - job.segStart));
    if (!measured) return;
    this.steps += seg.steps;
    this.stepTime += seg.stepTime;
    this.stepAlloc += n * seg.stepTime;
    this.stepBusy += seg.workerCompute;
    this.stepBarrier += n * seg.slowestCompute - seg.workerCompute;
    this.stepMeanWorker += seg.workerCompute / n;
    this.stepMax += seg.slowestCompute;
  }

  /** Busy unit-time of a pipeline task hold over [a, b]. */
  holdBusy(pool: number, a: number, b: number, units: number): void {
    this.interval(pool, CAT_HOLD, a, b, units);
    this.series.add(3 * pool + 1, a, b, units);
  }

  figures(end: number): ClusterReplication {
    const span = Math.min(end, this.horizon) - this.warmup;
    this.seriesLevels.flushAll(Math.min(end, this.horizon));
    this.gridLevels?.flushAll(Math.min(end, this.horizon));
    const pools: ClusterReplication['pools'] = {};
    const series: ClusterReplication['series'] = { bucket_s: this.series.width, pools: {} };
    const total = new Float64Array(CATS);
    let jobAlloc = 0;
    for (const pool of this.pools) {
      const p = pool.index;
      const alloc = (this.allocated[p] as TimeWeighted).average(end);
      const c = (k: number) => this.cats[p * CATS + k] as number;
      for (let k = 0; k < CATS; k++) total[k] = (total[k] as number) + c(k);
      if (alloc !== null) jobAlloc += alloc * span - c(CAT_HOLD);
      pools[pool.id] = {
        utilization: alloc === null ? null : alloc / pool.units,
        busy_utilization: span > 0 ? (c(CAT_COMPUTE) + c(CAT_AR) + c(CAT_HOLD)) / (pool.units * span) : null,
      };
      series.pools[pool.id] = {
        allocated: this.series.averages(3 * p, pool.units),
        busy: this.series.averages(3 * p + 1, pool.units),
        queued: this.series.averages(3 * p + 2, 1),
      };
    }
    const share = (k: number): number | null => (jobAlloc > 0 ? (total[k] as number) / jobAlloc : null);
    const allocation: AllocationShares = {
      compute: share(CAT_COMPUTE), all_reduce: share(CAT_AR), barrier_wait: share(CAT_WAIT),
      checkpoint: share(CAT_CKPT), restart: share(CAT_RESTART), lost: share(CAT_LOST),
    };
    const kept = (total[CAT_COMPUTE] as number) + (total[CAT_AR] as number) + (total[CAT_WAIT] as number);
    const h = this.jct, q = this.queueDelay;
    const out: ClusterReplication = {
      submitted: this.submitted,
      completed: this.completed,
      unfinished: this.submitted - this.completed,
      node_failures: this.nodeFailures,
      preemptions: this.preemptions,
      restarts: this.restarts,
      jct_s: { mean: h.mean(), p50: h.percentile(50), p95: h.percentile(95), p99: h.percentile(99) },
      queue_delay_s: { mean: q.mean(), p95: q.percentile(95) },
      jct_quantiles: CLUSTER_QUANTILE_PERCENTS.map((p) => h.percentile(p)),
      queue_delay_quantiles: CLUSTER_QUANTILE_PERCENTS.map((p) => q.percentile(p)),
      step_time_s: { mean: this.steps > 0 ? this.stepTime / this.steps : null },
      parallel_efficiency: this.stepAlloc > 0 ? this.stepBusy / this.stepAlloc : null,
      straggler_wait_fraction: this.stepAlloc > 0 ? this.stepBarrier / this.stepAlloc : null,
      sync_slowdown: this.stepMeanWorker > 0 ? this.stepMax / this.stepMeanWorker : null,
      goodput: jobAlloc > 0 ? kept / jobAlloc : null,
      makespan_s: this.makespan,
      pools,
      allocation,
      series,
    };
    if (this.grid) out.occupancy = this.occupancy();
    return out;
  }

  private occupancy(): OccupancyGrid {
    const g = this.grid as Buckets;
    const rows = this.gridRows.length;
    return {
      bucket_s: g.width,
      rows: this.gridRows,
      allocated: this.gridRows.map((_, r) => g.averages(r, this.gridRowUnits[r] as number)),
      down: this.gridRows.map((_, r) => g.averages(rows + r, this.gridRowUnits[r] as number)),
    };
  }
}
