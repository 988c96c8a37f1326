// One service on a shared simulator whose clock is in milliseconds. Request path: arrival →
// feature → waiting line → slot (service, or a batch) → network → postprocess. Only the slot is
// a shared resource. A request's statistics are recorded when its slot completes (a replica
// failure may send it back to the line before that), from the (arrival, join) pair kept with
// its slot; nothing is allocated per request.
//
// Rules (scenario-format.md, `serving`): FCFS over `replicas × concurrency` identical slots;
// `queue_limit` rejects an arrival that finds that many waiting (unless it starts at once);
// `timeout_ms` drops a request still waiting that long after its arrival; with `batching` a
// batch of min(waiting, max_batch) starts on a free slot when max_batch wait or the oldest has
// waited max_wait_ms, and takes base + per_item × size; `replica_failures` strike serving
// replicas (exponential time to failure), whose in-flight requests go back to the head of the
// line in join order; `autoscaling` re-evaluates the replica count every interval_s (see
// ./autoscale.ts; replica events live in ./replica-events.ts). Arrivals, autoscaling and failures stop at the horizon; requests in the
// system are then served to completion.
import { tag, tagGeneration, tagIndex } from '../engine/generation-tag';
import type { Simulator } from '../engine/simulator';
import { deriveStream } from '../random/rng';
import { compileDist, type Sampler } from '../random/samplers';
import type { Dist } from '../scenario/dist-schema';
import type { ServiceSpec } from '../scenario/schema';
import { arrivalClock, type ArrivalClock } from './arrivals';
import type { ServiceReplication } from './figures';
import { ReplicaPool, UP } from './replica-pool';
import { BucketCounts, bucketWidthS, StateClock } from './series';
import { ReplicaEvents } from './replica-events';
import { ServiceTally } from './service-tally';
import { WaitQueue } from './wait-queue';

export interface ServiceWindow {
  seed: number;
  replication: number;
  warmupMs: number;
  horizonMs: number;
  /** Width of the chart buckets in ms (default: bucketWidthS of the horizon). */
  bucketMs?: number;
  trace?: ArrayLike<number>;
  maxWaiting?: number;
  /**
   * false forces the general path even where the plain one applies (tests compare the two,
   * which must give byte-identical figures).
   */
  plainPath?: boolean;
}

const ZERO: Dist = { dist: 'fixed', value: 0 };

export class ServiceModel {
  private readonly clock: StateClock;
  private readonly counts: BucketCounts;
  private readonly pool: ReplicaPool;
  private readonly queue: WaitQueue;
  private readonly nextArrival: ArrivalClock;
  private readonly drawService: Sampler;
  private readonly drawFeature: Sampler;
  private readonly drawNetwork: Sampler;
  private readonly drawPost: Sampler;
  /** Fixed feature delay (ms), or NaN when it is random and needs a join event per request. */
  private readonly fixedFeature: number;
  private readonly conc: number;
  private readonly batching: boolean;
  private readonly maxBatch: number;
  private readonly maxWait: number;
  private readonly batchBase: number;
  private readonly batchPerItem: number;
  private readonly timeout: number;
  private readonly limit: number;
  private readonly warmup: number;
  private readonly horizon: number;
  private readonly slotSpace: number;
  /** Failures, restarts, cold starts and autoscaling (replica-events.ts). */
  private readonly replicas: ReplicaEvents;
  /**
   * No batching, failures, timeouts or autoscaling: every replica stays UP, a slot holds one
   * request and slot generations never change, so completions skip those checks (the common
   * M/M/c-like case, and the hot path of the engine benchmark).
   */
  private readonly plain: boolean;

  private pendingArrival = 0;
  private batchTimerAt = Infinity;

  /** What the replication counts and measures (service-tally.ts). */
  private readonly tally: ServiceTally;

  constructor(private readonly sim: Simulator, private readonly spec: ServiceSpec, w: ServiceWindow) {
    const stream = (name: string) => deriveStream(w.seed, w.replication, `serving/${spec.id}/${name}`);
    const b = spec.batching;
    if (!spec.service_time_ms && !b) throw new Error(`service ${spec.id}: service_time_ms is required unless batching is set`);
    this.conc = spec.concurrency;
    this.batching = b !== undefined;
    this.maxBatch = b ? b.max_batch : 1;
    this.maxWait = b ? b.max_wait_ms : 0;
    this.batchBase = b ? b.batch_time_ms.base : 0;
    this.batchPerItem = b ? b.batch_time_ms.per_item : 0;
    this.timeout = spec.timeout_ms ?? Infinity;
    this.limit = spec.queue_limit ?? Infinity;
    this.warmup = w.warmupMs;
    this.horizon = w.horizonMs;
    // A trace's resampling (arrivals.replay) draws from a stream of its own, so it shifts no other.
    const replay = spec.arrivals.process === 'trace' ? { replication: w.replication, rng: stream('replay'), horizonMs: w.horizonMs } : undefined;
    this.nextArrival = arrivalClock(spec.arrivals, stream('arrivals'), w.trace, replay);
    this.drawService = compileDist(spec.service_time_ms ?? ZERO, stream('service'));
    const feature = spec.latency_ms.feature ?? ZERO;
    this.drawFeature = compileDist(feature, stream('feature'));
    this.drawNetwork = compileDist(spec.latency_ms.network ?? ZERO, stream('network'));
    this.drawPost = compileDist(spec.latency_ms.postprocess ?? ZERO, stream('postprocess'));
    this.fixedFeature = feature.dist === 'fixed' ? feature.value : Number.NaN;
    const f = spec.replica_failures;
    const repSpace = spec.autoscaling ? spec.autoscaling.max_replicas : spec.replicas;
    const bucketMs = w.bucketMs ?? bucketWidthS(w.horizonMs / 1000) * 1000;
    this.clock = new StateClock(w.warmupMs, w.horizonMs, bucketMs);
    this.counts = new BucketCounts(w.horizonMs, bucketMs);
    this.tally = new ServiceTally(this.counts, w.warmupMs, w.horizonMs, spec.latency_budget_ms, bucketMs);
    this.pool = new ReplicaPool(this.conc, this.maxBatch, repSpace, spec.replicas, this.clock);
    this.slotSpace = this.pool.slotSpace;
    this.queue = new WaitQueue(w.maxWaiting);
    this.plain = (w.plainPath ?? true) && !b && !f && !spec.autoscaling && this.timeout === Infinity;
    this.replicas = new ReplicaEvents({
      sim, pool: this.pool, clock: this.clock, tally: this.tally,
      requeue: (arr, join, now) => this.requeue(arr, join, now),
      dispatch: (now) => this.dispatch(now),
    }, spec, stream, this.horizon);
  }

  start(): void {
    this.replicas.start(this.spec.replicas, (this.spec.autoscaling?.interval_s ?? Infinity) * 1000);
    this.sim.scheduleAt(this.horizon, this.onHorizon);
    this.scheduleNextArrival();
  }

  // ---- arrivals and the waiting line ----

  /**
   * Arrivals before the horizon only. With a fixed feature delay the arrival event is simply
   * shifted to the join time (order is kept), saving one event per request.
   */
  private scheduleNextArrival(): void {
    const a = this.nextArrival();
    if (!(a < this.horizon)) return;
    this.pendingArrival = a;
    const f = this.fixedFeature;
    this.sim.scheduleAt(f === f ? a + f : a, this.onArrival);
  }

  private readonly onArrival = (): void => {
    const a = this.pendingArrival;
    this.scheduleNextArrival();
    this.tally.arrival(a);
    const f = this.fixedFeature;
    if (f === f) this.join(a);
    else this.sim.schedule(this.drawFeature(), this.onJoin, a);
  };

  private readonly onJoin = (a: number): void => {
    this.join(a);
  };

  private join(a: number): void {
    const now = this.sim.now;
    const q = this.queue, pool = this.pool;
    if (pool.freeSlots > 0 && q.live === 0 && this.maxBatch === 1) {
      this.clock.advance(now);
      this.startOne(pool.takeSlot(), a, now);
      return;
    }
    const startsNow = pool.freeSlots > 0 &&
      (q.live + 1 >= this.maxBatch || (q.live === 0 ? this.maxWait <= 0 : now - q.headJoin >= this.maxWait));
    if (!startsNow && q.live >= this.limit) {
      this.tally.rejection(a, now);
      return;
    }
    this.clock.advance(now);
    if (!q.push(a, now)) { this.sim.halt('max_queue'); return; }
    this.clock.waiting++;
    const p = q.lastIndex;
    if (pool.freeSlots > 0) this.dispatch(now);
    if (this.timeout < Infinity && q.arrivalAt(p) === a) this.sim.scheduleAt(Math.max(a + this.timeout, now), this.onTimeout, p);
  }

  /** Starts batches on free slots while the line allows (FCFS). */
  private dispatch(now: number): void {
    const q = this.queue, pool = this.pool, mb = this.maxBatch;
    while (pool.freeSlots > 0 && q.live > 0) {
      let size = 1;
      if (mb > 1) {
        const live = q.live;
        if (live >= mb) size = mb;
        else {
          const due = q.headJoin + this.maxWait;
          if (due > now) { this.armBatchTimer(due); return; }
          size = live;
        }
      }
      this.clock.advance(now);
      this.startFromQueue(pool.takeSlot(), size, now, false);
    }
  }

  private armBatchTimer(due: number): void {
    if (this.batchTimerAt <= due) return; // an earlier timer is pending and will re-arm
    this.batchTimerAt = due;
    this.sim.scheduleAt(due, this.onBatchTimer);
  }

  private readonly onBatchTimer = (): void => {
    const now = this.sim.now;
    if (now >= this.batchTimerAt) this.batchTimerAt = Infinity;
    this.dispatch(now);
  };

  private readonly onTimeout = (p: number): void => {
    const q = this.queue;
    const a = q.arrivalAt(p);
    const now = this.sim.now;
    if (!(a + this.timeout <= now)) return; // served, or the index now names a later request
    this.clock.advance(now);
    q.remove(p);
    this.clock.waiting--;
    this.dropTimedOut(a, now);
  };

  private dropTimedOut(a: number, now: number): void {
    this.tally.timeout(a, now);
  }

  // ---- slots ----

  private serviceTime(size: number): number {
    return this.batching ? this.batchBase + this.batchPerItem * size : this.drawService();
  }

  /** A request that did not wait takes slot s. */
  private startOne(s: number, a: number, now: number): void {
    const pool = this.pool, i = s * this.maxBatch;
    pool.memArrival[i] = a;
    pool.memJoin[i] = now;
    const service = this.serviceTime(1);
    pool.occupy(s, 1, now, service);
    this.scheduleCompletion(s, service);
  }

  /** The first `size` waiting requests take slot s (`reuse`: s just completed its batch). */
  private startFromQueue(s: number, size: number, now: number, reuse: boolean): void {
    const q = this.queue, pool = this.pool;
    const base = s * this.maxBatch;
    const arr = pool.memArrival, join = pool.memJoin;
    for (let i = 0; i < size; i++) {
      q.shift();
      arr[base + i] = q.shiftedArrival;
      join[base + i] = q.shiftedJoin;
    }
    this.clock.waiting -= size;
    const service = this.serviceTime(size);
    if (reuse) pool.reuse(s, size, now, service);
    else pool.occupy(s, size, now, service);
    this.scheduleCompletion(s, service);
  }

  private scheduleCompletion(s: number, service: number): void {
    if (this.plain) this.sim.schedule(service, this.onCompletePlain, s);
    else this.sim.schedule(service, this.onComplete, tag(this.pool.slotGen[s] as number, s, this.slotSpace));
  }

  /** `onComplete` on the plain path: the payload is the slot, which holds one request. */
  private readonly onCompletePlain = (s: number): void => {
    const now = this.sim.now, pool = this.pool;
    this.clock.advance(now);
    const start = pool.slotStart[s] as number;
    this.finish(pool.memArrival[s] as number, pool.memJoin[s] as number, start, pool.slotService[s] as number);
    this.tally.completion(now, start, 1);
    const q = this.queue;
    if (q.live === 0) { pool.release(s); return; }
    // The head of the line takes the slot (startFromQueue for one request, reusing the slot).
    q.shift();
    pool.memArrival[s] = q.shiftedArrival;
    pool.memJoin[s] = q.shiftedJoin;
    this.clock.waiting--;
    const service = this.drawService();
    pool.reuse(s, 1, now, service);
    this.sim.schedule(service, this.onCompletePlain, s);
  };

  private readonly onComplete = (payload: number): void => {
    const space = this.slotSpace, pool = this.pool;
    const s = tagIndex(payload, space);
    if (tagGeneration(payload, s, space) !== pool.slotGen[s]) return; // its replica failed meanwhile
    const now = this.sim.now;
    this.clock.advance(now);
    const size = pool.slotSize[s] as number;
    const start = pool.slotStart[s] as number, service = pool.slotService[s] as number;
    const base = s * this.maxBatch;
    for (let i = 0; i < size; i++) this.finish(pool.memArrival[base + i] as number, pool.memJoin[base + i] as number, start, service);
    this.tally.completion(now, start, size);
    const q = this.queue;
    if (this.maxBatch === 1 && q.live > 0 && pool.state[(s / this.conc) | 0] === UP) {
      this.startFromQueue(s, 1, now, true);
      return;
    }
    pool.release(s);
    if (q.live > 0 && pool.freeSlots > 0) this.dispatch(now);
  };

  /** Records one completed request (arrived `a`, joined the line at `j`, slot from `start`). */
  private finish(a: number, j: number, start: number, service: number): void {
    const net = this.drawNetwork();
    const post = this.drawPost();
    const ff = this.fixedFeature;
    this.tally.request(a, ff === ff ? ff : j - a, start - j, service, net, post);
  }

  // ---- requests a failed replica was serving ----

  /** Puts interrupted requests back at the head of the line, earliest joined first. */
  requeue(arr: number[], join: number[], now: number): void {
    const n = arr.length;
    const order = Array.from({ length: n }, (_, i) => i);
    order.sort((x, y) => (join[x] as number) - (join[y] as number) || (arr[x] as number) - (arr[y] as number) || x - y);
    const q = this.queue;
    for (let k = n - 1; k >= 0; k--) {
      const i = order[k] as number;
      const a = arr[i] as number;
      if (a + this.timeout <= now) { this.dropTimedOut(a, now); continue; }
      if (!q.unshift(a, join[i] as number)) { this.sim.halt('max_queue'); return; }
      this.clock.waiting++;
      this.tally.requeued++;
      if (this.timeout < Infinity) this.sim.scheduleAt(a + this.timeout, this.onTimeout, q.lastIndex);
    }
  }

  private readonly onHorizon = (): void => {
    this.clock.advance(this.horizon);
    this.tally.waitingAtHorizon = this.queue.countArrivedSince(this.warmup);
  };

  /** Replica r fails now (tests: a failure at a chosen moment). */
  failReplica(r: number): void {
    this.replicas.fail(r);
  }

  /** Allocated waiting-line entries (memory tests). */
  get queueCapacity(): number {
    return this.queue.capacity;
  }

  /** The figures of this replication (call once the run has ended). */
  figures(): ServiceReplication {
    const end = Math.min(this.sim.now, this.horizon);
    this.clock.advance(end);
    return this.tally.figures(this.spec, this.clock, end, this.batching);
  }
}
