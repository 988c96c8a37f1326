// The GPU cluster of one replication on a shared simulator whose clock is in seconds.
//
// Events are few by construction: a job is advanced by a whole segment per event — all its steps
// up to its next checkpoint (or its completion) are drawn at once, exactly (step-sampler.ts), and
// one event fires when the segment's checkpoint is written. A failure or a preemption in between
// throws the segment away (work since the last checkpoint is lost), so nothing inside a segment
// ever needs an event. Other events: arrivals, node failures and repairs, the horizon, and the
// end-of-instant scheduling pass (instant.ts).
//
// Pipeline tasks contend for the same pools through `hold` / `release` (see docs/cluster.md).
import { tag, tagGeneration, tagIndex } from '../engine/generation-tag';
import type { Simulator } from '../engine/simulator';
import { deriveStream, type Rng } from '../random/rng';
import { compileDist, type Sampler } from '../random/samplers';
import type { ClusterSpec } from '../scenario/schema';
import { PipelineHold, type HoldRequest } from './hold';
import { EndOfInstant } from './instant';
import {
  allReduceTime, buildJobs, DONE, RUNNING, STOPPED, WAITING, type ClusterJob,
} from './jobs';
import { CAT_LOST, CAT_RESTART, ClusterLedger } from './ledger';
import { NodeFailures } from './node-failures';
import { PoolState, type Placement, type PoolEntry } from './pool-state';
import { decide, enqueue, type Policy, type SchedulerOps } from './scheduler';
import { drawSegment } from './segment';
import { stepSampler } from './step-sampler';
import type { ClusterObservation, ClusterOptions, ClusterReplication, JobRecord } from './types';

export type { HoldRequest } from './hold';
export type { ClusterObservation, ClusterOptions, JobRecord } from './types';

export class ClusterModel {
  readonly instant: EndOfInstant;
  private readonly pools: PoolState[];
  private readonly poolIndex = new Map<string, number>();
  private readonly jobs: ClusterJob[];
  private readonly arrivals: ClusterJob[];
  private nextArrival = 0;
  private readonly holds: PipelineHold[] = [];
  private readonly ledger: ClusterLedger;
  private readonly policy: Policy;
  private readonly ops: SchedulerOps;
  private readonly ckptInterval: number;
  private readonly ckptCost: Sampler;
  private readonly overhead: number;
  private readonly slowdown: number;
  private readonly backups: number;
  private readonly blacklist: boolean;
  private readonly jobRngs: (Rng | undefined)[];
  private readonly failures: NodeFailures;
  private readonly dirty: Uint8Array;
  private stopped = false;

  constructor(private readonly sim: Simulator, private readonly spec: ClusterSpec, private readonly opts: ClusterOptions) {
    this.instant = new EndOfInstant(sim);
    this.pools = spec.pools.map((p, i) => new PoolState(i, p));
    this.pools.forEach((p) => this.poolIndex.set(p.id, p.index));
    this.dirty = new Uint8Array(this.pools.length);
    const st = spec.stragglers;
    const slowRng = deriveStream(opts.seed, opts.replication, 'cluster/slow-nodes');
    for (const p of this.pools) for (let i = 0; i < p.nodeCount; i++) p.slow[i] = slowRng.next() < st.slow_node_probability ? 1 : 0;
    this.slowdown = st.slowdown;
    this.backups = st.mitigation === 'backup_workers' ? st.backup_workers : 0;
    this.blacklist = st.mitigation === 'blacklist';
    this.jobs = buildJobs(spec, {
      pools: this.poolIndex, poolUnits: this.pools.map((p) => p.units), trace: opts.trace,
      seed: opts.seed, replication: opts.replication,
    });
    for (const j of this.jobs) {
      const cap = (this.pools[j.pool] as PoolState).units;
      if (j.units > cap) throw new Error(`cluster: job ${j.id} needs ${j.units} units; pool "${(this.pools[j.pool] as PoolState).id}" has ${cap}`);
      j.workers = j.units + Math.min(this.backups, cap - j.units);
    }
    this.jobRngs = new Array<Rng | undefined>(this.jobs.length);
    this.arrivals = [...this.jobs].sort((a, b) => a.arrival - b.arrival || a.order - b.order);
    this.policy = spec.scheduler.policy as Policy;
    const f = spec.failures;
    this.ckptInterval = f?.checkpoint_interval_s ?? Infinity;
    this.ckptCost = compileDist(f?.checkpoint_cost_s ?? { dist: 'fixed', value: 0 }, deriveStream(opts.seed, opts.replication, 'cluster/checkpoints'));
    this.overhead = f?.restart_overhead_s ?? 0;
    this.failures = new NodeFailures(this.pools, f, opts.seed, opts.replication);
    this.ledger = new ClusterLedger(this.pools, opts.warmup, opts.horizon, opts.grid ?? false);
    // Event kinds, named in a zero-time loop error.
    sim.label(this.onArrival, 'cluster/arrival');
    sim.label(this.onSegment, (payload) => `cluster/segment end of job ${this.jobs[tagIndex(payload, this.jobs.length)]?.id ?? '?'}`);
    sim.label(this.onFailure, 'cluster/node failure');
    sim.label(this.onRepair, 'cluster/node repair');
    sim.label(this.onHorizon, 'cluster/horizon');
    this.ops = {
      now: 0,
      policy: this.policy,
      preemption: spec.scheduler.preemption,
      start: (job) => this.startRun(job),
      evict: (job) => this.interrupt(job, 'evict'),
      expectedRun: (job) => (job.hold ? job.expected : (job.restartPending ? this.overhead : 0) + (job.steps - job.done) * job.meanStep),
    };
  }

  start(): void {
    this.scheduleArrival();
    for (let g = 0; g < this.failures.count; g++) this.sim.schedule(this.failures.nextFailure(g), this.onFailure, g);
    this.sim.scheduleAt(this.opts.horizon, this.onHorizon);
  }

  // ---- pipeline tasks: hold units of a pool, then release them ----

  /** Queues a request for `units` of pool `poolId`; returns a ticket for `release`. */
  hold(poolId: string, req: HoldRequest): number {
    const p = this.poolIndex.get(poolId);
    if (p === undefined) throw new Error(`cluster: unknown pool "${poolId}"`);
    const pool = this.pools[p] as PoolState;
    if (req.units > pool.units) throw new Error(`cluster: ${req.units} units do not fit in pool "${poolId}" (${pool.units})`);
    const ticket = this.holds.length;
    const hold = new PipelineHold(ticket, p, this.sim.now, req);
    this.holds.push(hold);
    this.submit(hold);
    return ticket;
  }

  /** Releases a granted hold, or withdraws one still waiting. */
  release(ticket: number): void {
    const hold = this.holds[ticket];
    if (!hold || hold.state === DONE) throw new Error(`cluster: no active hold ${ticket}`);
    const pool = this.pools[hold.pool] as PoolState;
    if (hold.state === WAITING) {
      pool.waiting.splice(pool.waiting.indexOf(hold), 1);
      this.ledger.waitingChanged(pool, this.sim.now, -1);
    } else {
      this.ledger.holdBusy(hold.pool, hold.runStart, this.sim.now, hold.workers);
      this.releaseUnits(hold);
      this.markDirty(pool);
    }
    hold.state = DONE;
  }

  // ---- events ----

  private scheduleArrival(): void {
    const next = this.arrivals[this.nextArrival];
    if (next && next.arrival <= this.opts.horizon) this.sim.scheduleAt(next.arrival, this.onArrival);
  }

  private readonly onArrival = (): void => {
    const now = this.sim.now;
    while (this.nextArrival < this.arrivals.length && (this.arrivals[this.nextArrival] as ClusterJob).arrival <= now) {
      const job = this.arrivals[this.nextArrival++] as ClusterJob;
      this.ledger.submitted++;
      this.submit(job);
    }
    this.scheduleArrival();
  };

  private submit(job: PoolEntry): void {
    const pool = this.pools[job.pool] as PoolState;
    job.state = WAITING;
    enqueue(this.policy, pool.waiting, job);
    this.ledger.waitingChanged(pool, this.sim.now, 1);
    this.observe('arrive', pool, job);
    this.markDirty(pool);
  }

  private readonly onSegment = (payload: number): void => {
    const n = this.jobs.length;
    const index = tagIndex(payload, n);
    const job = this.jobs[index] as ClusterJob;
    if (job.state !== RUNNING || job.gen !== tagGeneration(payload, index, n)) return; // preempted or failed meanwhile
    const now = this.sim.now;
    this.ledger.commit(job, job.arrival >= this.opts.warmup, now);
    job.done += job.segSteps;
    if (job.done >= job.steps) {
      this.complete(job);
      return;
    }
    this.observe('checkpoint', this.pools[job.pool] as PoolState, job);
    this.plan(job, now);
  };

  private readonly onFailure = (g: number): void => {
    if (this.stopped) return; // after the horizon, nodes no longer fail
    const pool = this.pools[this.failures.poolOf[g] as number] as PoolState;
    const i = this.failures.nodeOf[g] as number;
    const now = this.sim.now;
    pool.up[i] = 0;
    pool.freeUp -= pool.free[i] as number;
    this.ledger.nodeFailures++;
    this.ledger.nodeDown(pool, i, now, true);
    this.observe('fail', pool, undefined, i);
    for (const entry of [...(pool.nodeJobs[i] as PoolEntry[])]) if (!entry.hold) this.interrupt(entry, 'fail');
    this.sim.schedule(this.failures.repairTime(g), this.onRepair, g);
    this.markDirty(pool);
  };

  private readonly onRepair = (g: number): void => {
    const pool = this.pools[this.failures.poolOf[g] as number] as PoolState;
    const i = this.failures.nodeOf[g] as number;
    pool.up[i] = 1;
    pool.freeUp += pool.free[i] as number;
    this.ledger.nodeDown(pool, i, this.sim.now, false);
    this.observe('repair', pool, undefined, i);
    if (!this.stopped) this.sim.schedule(this.failures.nextFailure(g), this.onFailure, g);
    this.markDirty(pool);
  };

  private readonly onHorizon = (): void => {
    this.instant.request(this.stop);
  };

  private markDirty(pool: PoolState): void {
    this.dirty[pool.index] = 1;
    this.instant.request(this.decideAll);
  }

  private readonly decideAll = (): void => {
    this.ops.now = this.sim.now;
    for (const pool of this.pools) {
      if (this.dirty[pool.index] === 0) continue;
      this.dirty[pool.index] = 0;
      decide(pool, this.ops);
    }
  };

  // ---- runs and segments ----

  private startRun(job: PoolEntry): void {
    const pool = this.pools[job.pool] as PoolState;
    const now = this.sim.now;
    this.ledger.waitingChanged(pool, now, -1);
    const { nodes, counts } = pool.place(job.workers, this.spec.scheduler.placement as Placement, this.blacklist);
    let slowWorkers = 0;
    for (let k = 0; k < nodes.length; k++) {
      const i = nodes[k] as number, c = counts[k] as number;
      pool.free[i] = (pool.free[i] as number) - c;
      (pool.nodeJobs[i] as PoolEntry[]).push(job);
      this.ledger.allocate(pool, i, now, c);
      if (pool.slow[i] === 1) {
        slowWorkers += c;
        if (this.blacklist) pool.blacklisted[i] = 1;
      }
    }
    pool.freeUp -= job.workers;
    pool.running.push(job);
    job.nodes = nodes;
    job.counts = counts;
    job.state = RUNNING;
    job.runStart = now;
    if (Number.isNaN(job.firstStart)) {
      job.firstStart = now;
      if (!job.hold && job.arrival >= this.opts.warmup) this.ledger.queueDelay.record(now - job.arrival);
    }
    this.observe('start', pool, job);
    this.audit(pool);
    if (job.hold) {
      job.expectedEnd = now + job.expected;
      job.onGranted(now);
      return;
    }
    const rng = this.jobRngs[job.index] ?? (this.jobRngs[job.index] = deriveStream(this.opts.seed, this.opts.replication, `cluster/steps/${job.index}`));
    job.sampler = stepSampler(job.dist, job.workers - slowWorkers, slowWorkers, this.slowdown, job.workers - job.units + 1, rng);
    job.allReduce = allReduceTime(this.spec.communication, job.units);
    let overhead = 0;
    if (job.restartPending) {
      job.restartPending = false;
      this.ledger.restarts++;
      overhead = this.overhead;
    }
    job.restartEnd = now + overhead;
    this.ledger.interval(job.pool, CAT_RESTART, now, now + overhead, job.workers);
    job.expectedEnd = now + overhead + (job.steps - job.done) * job.meanStep;
    this.plan(job, now + overhead);
  }

  /** Draws the job's next segment from t0 and schedules one event at its end, checkpoint write included. */
  private plan(job: ClusterJob, t0: number): void {
    const horizon = this.opts.horizon;
    const remaining = job.steps - job.done;
    const { t, k } = drawSegment(job, t0, this.opts.warmup, horizon, this.ckptInterval);
    job.segStart = t0;
    job.segComputeEnd = t;
    job.segSteps = k;
    job.gen++;
    if (t > horizon || (k < remaining && t >= horizon)) {
      job.segEnd = Infinity; // the horizon comes first: no event
      return;
    }
    // No checkpoint after the segment that completes the job, even one that also reaches the
    // interval: the final output is not a checkpoint (docs/cluster.md).
    job.segEnd = job.done + k < job.steps ? t + this.ckptCost() : t;
    if (job.segEnd <= horizon) this.sim.scheduleAt(job.segEnd, this.onSegment, tag(job.gen, job.index, this.jobs.length));
  }

  private complete(job: ClusterJob): void {
    const now = this.sim.now;
    const pool = this.pools[job.pool] as PoolState;
    job.state = DONE;
    job.completion = now;
    this.releaseUnits(job);
    this.ledger.completed++;
    this.ledger.makespan = now;
    if (job.arrival >= this.opts.warmup) this.ledger.jct.record(now - job.arrival);
    this.observe('complete', pool, job);
    this.markDirty(pool);
  }

  /** A failure or a preemption: work since the last checkpoint is lost; back to the queue. */
  private interrupt(job: ClusterJob, why: 'fail' | 'evict'): void {
    const now = this.sim.now;
    const pool = this.pools[job.pool] as PoolState;
    job.gen++;
    if (now < job.restartEnd) this.ledger.interval(job.pool, CAT_RESTART, now, job.restartEnd, job.workers, -1);
    else this.ledger.interval(job.pool, CAT_LOST, job.segStart, now, job.workers);
    this.releaseUnits(job);
    job.state = WAITING;
    job.restartPending = true;
    if (why === 'evict') this.ledger.preemptions++;
    enqueue(this.policy, pool.waiting, job);
    this.ledger.waitingChanged(pool, now, 1);
    this.observe('evict', pool, job);
    if (why === 'fail') this.markDirty(pool);
  }

  private releaseUnits(job: PoolEntry): void {
    const pool = this.pools[job.pool] as PoolState;
    const now = this.sim.now;
    for (let k = 0; k < job.nodes.length; k++) {
      const i = job.nodes[k] as number, c = job.counts[k] as number;
      pool.free[i] = (pool.free[i] as number) + c;
      if (pool.up[i] === 1) pool.freeUp += c;
      const list = pool.nodeJobs[i] as PoolEntry[];
      list.splice(list.indexOf(job), 1);
      this.ledger.allocate(pool, i, now, -c);
    }
    job.nodes = [];
    job.counts = [];
    pool.running.splice(pool.running.indexOf(job), 1);
    this.audit(pool);
  }

  /** The horizon: running jobs are credited up to it and stop; waiting jobs stay unfinished. */
  private readonly stop = (): void => {
    if (this.stopped) return;
    this.stopped = true;
    const now = this.sim.now;
    for (const pool of this.pools) {
      for (const job of [...pool.running]) {
        if (job.hold) continue;
        if (now >= this.opts.horizon && now >= job.segStart) this.ledger.commit(job, job.arrival >= this.opts.warmup, now);
        job.gen++;
        this.releaseUnits(job);
        job.state = STOPPED;
      }
      const jobsWaiting = pool.waiting.filter((j) => !j.hold);
      for (const job of jobsWaiting) job.state = STOPPED;
      if (jobsWaiting.length > 0) {
        pool.waiting.splice(0, pool.waiting.length, ...pool.waiting.filter((j) => j.hold));
        this.ledger.waitingChanged(pool, now, -jobsWaiting.length);
      }
      this.observe('stop', pool);
      // Units the jobs gave back go to pipeline holds still waiting (they outlive the horizon).
      if (pool.waiting.length > 0) this.markDirty(pool);
    }
  };

  /** The figures of this replication (call once the run has ended). */
  figures(): ClusterReplication {
    const end = Math.min(this.sim.now, this.opts.horizon);
    if (!this.stopped) this.stop();
    return this.ledger.figures(end);
  }

  /** Per-job outcome (tests and the reference comparisons). */
  jobRecords(): JobRecord[] {
    return this.jobs.map((j) => ({
      id: j.id,
      pool: (this.pools[j.pool] as PoolState).id,
      arrival: j.arrival,
      firstStart: Number.isNaN(j.firstStart) ? null : j.firstStart,
      completion: Number.isNaN(j.completion) ? null : j.completion,
      stepsKept: j.done,
    }));
  }

  private observe(kind: ClusterObservation['kind'], pool: PoolState, job?: PoolEntry, node?: number): void {
    const o = this.opts.observe;
    if (!o) return;
    const e: ClusterObservation = { t: this.sim.now, kind, pool: pool.id };
    if (job) e.job = job.id;
    if (node !== undefined) e.node = node;
    o(e);
  }

  private audit(pool: PoolState): void {
    if (this.opts.audit) pool.audit();
  }

}
