// One service as a c-slot FCFS queue (c = replicas × concurrency) on a shared simulator whose
// clock is in milliseconds. Request path: arrival → feature → queue → slot (service) → network
// → postprocess. Only the slot is a shared resource, so a request's whole latency is known when
// it takes a slot: its statistics are recorded then, and a completion event only has to free
// the slot. The per-request state is two numbers in the waiting line; nothing is allocated
// per request. Identical slots make FCFS a counter of free slots plus that line.
import type { Simulator } from '../engine/simulator';
import { compileDist, type Sampler } from '../random/samplers';
import { deriveStream } from '../random/rng';
import type { Dist } from '../scenario/dist-schema';
import type { ServiceSpec } from '../scenario/schema';
import { Histogram } from '../stats/histogram';
import { TimeWeighted } from '../stats/time-weighted';
import { arrivalClock, type ArrivalClock } from './arrivals';
import type { ServiceReplication } from './figures';
import { WaitQueue } from './wait-queue';

export interface ServiceWindow {
  seed: number;
  replication: number;
  warmupMs: number;
  horizonMs: number;
  trace?: ArrayLike<number>;
  maxWaiting?: number;
}

const ZERO: Dist = { dist: 'fixed', value: 0 };

export class ServiceModel {
  private readonly slots: number;
  private free: number;
  private readonly queue: WaitQueue;
  private readonly nextArrival: ArrivalClock;
  private readonly drawService: Sampler;
  private readonly drawFeature: Sampler;
  private readonly drawNetwork: Sampler;
  private readonly drawPost: Sampler;
  /** Fixed feature delay (ms), or NaN when it is random and needs a join event per request. */
  private readonly fixedFeature: number;
  private readonly limit: number;
  private readonly warmup: number;
  private readonly horizon: number;
  private readonly budget: number;

  private pendingArrival = 0;
  private requests = 0;
  private rejected = 0;
  private completed = 0;
  private measuredArrivals = 0;
  private measuredRejected = 0;
  private withinBudget = 0;
  private waitedCount = 0;
  private windowCompletions = 0;
  private waitingAtHorizon: number | null = null;
  private inSystem = 0;
  private readonly latency = new Histogram();
  private readonly wait = new Histogram();
  private readonly busy: TimeWeighted;
  private readonly system: TimeWeighted;
  private sums = { feature: 0, service: 0, network: 0, postprocess: 0 };

  constructor(private readonly sim: Simulator, private readonly spec: ServiceSpec, w: ServiceWindow) {
    const stream = (name: string) => deriveStream(w.seed, w.replication, `serving/${spec.id}/${name}`);
    if (!spec.service_time_ms) throw new Error(`service ${spec.id}: service_time_ms is required (batching is not simulated yet)`);
    this.slots = spec.replicas * spec.concurrency;
    this.free = this.slots;
    this.queue = new WaitQueue(w.maxWaiting);
    this.nextArrival = arrivalClock(spec.arrivals, stream('arrivals'), w.trace);
    this.drawService = compileDist(spec.service_time_ms, stream('service'));
    const feature = spec.latency_ms.feature ?? ZERO;
    this.drawFeature = compileDist(feature, stream('feature'));
    this.drawNetwork = compileDist(spec.latency_ms.network ?? ZERO, stream('network'));
    this.drawPost = compileDist(spec.latency_ms.postprocess ?? ZERO, stream('postprocess'));
    this.fixedFeature = feature.dist === 'fixed' ? feature.value : Number.NaN;
    this.limit = spec.queue_limit ?? Infinity;
    this.warmup = w.warmupMs;
    this.horizon = w.horizonMs;
    this.budget = spec.latency_budget_ms;
    this.busy = new TimeWeighted(w.warmupMs, w.horizonMs);
    this.system = new TimeWeighted(w.warmupMs, w.horizonMs);
  }

  start(): void {
    this.sim.scheduleAt(this.horizon, this.onHorizon);
    this.scheduleNextArrival();
  }

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
    this.requests++;
    if (a >= this.warmup) this.measuredArrivals++;
    const f = this.fixedFeature;
    if (f === f) this.join(a, f);
    else this.sim.schedule(this.drawFeature(), this.onJoin, a);
  };

  private readonly onJoin = (a: number): void => {
    this.join(a, this.sim.now - a);
  };

  private join(a: number, feature: number): void {
    const now = this.sim.now;
    if (this.free > 0) {
      this.system.set(now, ++this.inSystem);
      this.free--;
      this.busy.set(now, this.slots - this.free);
      this.begin(a, feature, now, now);
    } else if (this.queue.length >= this.limit) {
      this.rejected++;
      if (a >= this.warmup) this.measuredRejected++;
    } else {
      this.system.set(now, ++this.inSystem);
      if (!this.queue.push(a, feature)) this.sim.halt('max_queue');
    }
  }

  /** Request (arrived `a`, joined the line at `joined`) takes a slot at `now`. */
  private begin(a: number, feature: number, joined: number, now: number): void {
    const s = this.drawService();
    const net = this.drawNetwork();
    const post = this.drawPost();
    this.sim.schedule(s, this.onComplete);
    if (a < this.warmup) return;
    const waited = now - joined;
    // Summed component by component, so fixed components give a bit-identical latency.
    const latency = feature + waited + s + net + post;
    this.latency.record(latency);
    this.wait.record(waited);
    if (latency <= this.budget) this.withinBudget++;
    if (waited > 0) this.waitedCount++;
    const sums = this.sums;
    sums.feature += feature; sums.service += s; sums.network += net; sums.postprocess += post;
  }

  private readonly onComplete = (): void => {
    const now = this.sim.now;
    this.completed++;
    if (now >= this.warmup && now <= this.horizon) this.windowCompletions++;
    this.system.set(now, --this.inSystem);
    if (this.queue.length > 0) {
      const q = this.queue;
      q.shift();
      const a = q.shiftedArrival, f = q.shiftedFeature;
      this.begin(a, f, a + f, now);
    } else {
      this.free++;
      this.busy.set(now, this.slots - this.free);
    }
  };

  private readonly onHorizon = (): void => {
    this.waitingAtHorizon = this.queue.countArrivedSince(this.warmup);
  };

  /** The figures of this replication (call once the run has ended). */
  figures(): ServiceReplication {
    const end = Math.min(this.sim.now, this.horizon);
    const windowS = (Math.min(end, this.horizon) - this.warmup) / 1000;
    const n = this.latency.count;
    const lat = this.latency;
    const fixedOr = (d: Dist | undefined, sum: number) => (n === 0 ? null : d === undefined ? 0 : d.dist === 'fixed' ? d.value : sum / n);
    const atSlo = lat.percentile(this.spec.slo_percentile);
    const ended = n + this.measuredRejected;
    return {
      requests: this.requests,
      completed: this.completed,
      rejected: this.rejected,
      timed_out: 0,
      measured_arrivals: this.measuredArrivals,
      waiting_at_horizon: this.waitingAtHorizon,
      throughput_rps: windowS > 0 ? this.windowCompletions / windowS : null,
      latency_ms: {
        mean: lat.mean(), p50: lat.percentile(50), p95: lat.percentile(95), p99: lat.percentile(99),
        p999: lat.percentile(99.9), max: n > 0 ? lat.max : null,
      },
      latency_at_slo_ms: atSlo,
      wait_ms: { mean: this.wait.mean(), p99: this.wait.percentile(99) },
      wait_probability: n > 0 ? this.waitedCount / n : null,
      utilization: ratio(this.busy.average(end), this.slots),
      mean_in_system: this.system.average(end),
      slo_attainment: ended > 0 ? this.withinBudget / ended : null,
      headroom_ms: atSlo === null ? null : this.budget - atSlo,
      components_ms: {
        feature: fixedOr(this.spec.latency_ms.feature, this.sums.feature),
        queue: this.wait.mean(),
        service: fixedOr(this.spec.service_time_ms, this.sums.service),
        network: fixedOr(this.spec.latency_ms.network, this.sums.network),
        postprocess: fixedOr(this.spec.latency_ms.postprocess, this.sums.postprocess),
      },
    };
  }
}

function ratio(x: number | null, d: number): number | null {
  return x === null ? null : x / d;
}
