// Fixed-size time buckets for a service's charts, and the clock that integrates its
// piecewise-constant state (waiting, in service, busy slots, replicas) over time. Memory is fixed
// by the number of buckets, never by the number of requests.
//
// Latency percentiles per bucket come from a coarse log histogram (64 bins per power of two,
// so a bin spans < 1.1% and its midpoint is within 0.55% of any value in it, clamped to the
// bucket's smallest and largest value), which is plenty for a chart; the service's headline
// percentiles use the exact-to-0.05% histogram of simulation/stats.
import { nearestRank } from '../stats/histogram';

/** At most this many buckets over the horizon. */
export const MAX_BUCKETS = 60;

/** The smallest "nice" width (1, 2, 3, 5 or 6 × 10^k seconds) giving at most MAX_BUCKETS buckets. */
export function bucketWidthS(horizonS: number): number {
  const raw = horizonS / MAX_BUCKETS;
  let p = 10 ** Math.floor(Math.log10(raw));
  for (;;) {
    for (const m of [1, 2, 3, 5, 6]) {
      const w = Number((m * p).toPrecision(12));
      if (horizonS / w <= MAX_BUCKETS * (1 + 1e-12)) return w;
    }
    p *= 10;
  }
}

/** Number of buckets of width `widthS` covering [0, horizonS). */
export function bucketCount(horizonS: number, widthS: number): number {
  return Math.max(1, Math.ceil(horizonS / widthS - 1e-9));
}

/** Per-replication series: one value per bucket (null where the bucket had no requests). */
export interface ReplicationSeries {
  latency_p50_ms: (number | null)[];
  latency_p95_ms: (number | null)[];
  latency_p99_ms: (number | null)[];
  throughput_rps: number[];
  queue_length: number[];
  busy_slots: number[];
  replicas: number[];
  rejected: number[];
  timed_out: number[];
}

const SUB_BITS = 6;
const MIN_EXP = 1023 - 10; // 2^-10 ms ≈ 1 µs; smaller values share the first bin
const MAX_EXP = 1023 + 30; // 2^30 ms ≈ 12 days; larger values share the last bin
const BINS = (MAX_EXP - MIN_EXP) << SUB_BITS;
const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
const HI = (() => { f64[0] = 1; return u32[1] === 0x3ff00000 ? 1 : 0; })();

/**
 * The state of one service over time: the quantities are set by the model right after it calls
 * `advance(now)`, and the clock integrates them over the measured window, over each bucket, and
 * (busy slots only) from t = 0 for the autoscaler.
 */
export class StateClock {
  /** Requests waiting for a slot. */
  waiting = 0;
  /** Requests in a slot. */
  inService = 0;
  /** Busy slots (a batch occupies one). */
  busy = 0;
  /** Slots that can serve: those of serving replicas, plus busy ones of draining replicas. */
  slots = 0;
  /** Replicas serving or draining. */
  ready = 0;
  /** Replicas paid for: cold-starting, serving, restarting or draining. */
  billed = 0;

  /** ∫ busy dt from t = 0. */
  busyIntegral = 0;
  /** Integrals over the measured window. */
  winBusy = 0;
  winInSystem = 0;
  winSlots = 0;
  winReady = 0;
  winBilled = 0;

  readonly n: number;
  private readonly width: number;
  private readonly queueArea: Float64Array;
  private readonly busyArea: Float64Array;
  private readonly readyArea: Float64Array;
  private last = 0;
  private bucket = 0;

  constructor(private readonly from: number, private readonly to: number, widthMs: number) {
    this.width = widthMs;
    this.n = bucketCount(to, widthMs);
    this.queueArea = new Float64Array(this.n);
    this.busyArea = new Float64Array(this.n);
    this.readyArea = new Float64Array(this.n);
  }

  get lastTime(): number {
    return this.last;
  }

  advance(t: number): void {
    const last = this.last;
    if (!(t > last)) return;
    this.busyIntegral += this.busy * (t - last);
    const to = this.to;
    const a = last > this.from ? last : this.from;
    const b = t < to ? t : to;
    if (b > a) {
      const d = b - a;
      this.winBusy += this.busy * d;
      this.winInSystem += (this.waiting + this.inService) * d;
      this.winSlots += this.slots * d;
      this.winReady += this.ready * d;
      this.winBilled += this.billed * d;
    }
    if (last < to) {
      const w = this.width;
      let s = last, k = this.bucket;
      while (s < b) {
        const edge = (k + 1) * w;
        const e = edge < b ? edge : b;
        const d = e - s;
        this.queueArea[k]! += this.waiting * d;
        this.busyArea[k]! += this.busy * d;
        this.readyArea[k]! += this.ready * d;
        s = e;
        if (e === edge && k < this.n - 1) k++;
      }
      this.bucket = k;
    }
    this.last = t;
  }

  /** Time-average of each bucket, over the part of it simulated up to `end`. */
  averages(end: number): { queue: number[]; busy: number[]; ready: number[] } {
    const out = { queue: [] as number[], busy: [] as number[], ready: [] as number[] };
    for (let k = 0; k < this.n; k++) {
      const span = Math.min(end, this.to, (k + 1) * this.width) - k * this.width;
      const avg = (area: Float64Array) => (span > 0 ? (area[k] as number) / span : 0);
      out.queue.push(avg(this.queueArea));
      out.busy.push(avg(this.busyArea));
      out.ready.push(avg(this.readyArea));
    }
    return out;
  }
}

/** Per-bucket counts and coarse latency histograms (by arrival time). */
export class BucketCounts {
  readonly n: number;
  readonly completions: Float64Array;
  readonly rejected: Float64Array;
  readonly timedOut: Float64Array;
  private readonly bins: Uint32Array;
  private readonly count: Float64Array;
  private readonly zeros: Float64Array;
  private readonly min: Float64Array;
  private readonly max: Float64Array;
  private readonly inv: number;

  constructor(private readonly horizon: number, private readonly width: number) {
    const n = (this.n = bucketCount(horizon, width));
    this.inv = 1 / width;
    this.completions = new Float64Array(n);
    this.rejected = new Float64Array(n);
    this.timedOut = new Float64Array(n);
    this.bins = new Uint32Array(n * BINS);
    this.count = new Float64Array(n);
    this.zeros = new Float64Array(n);
    this.min = new Float64Array(n).fill(Infinity);
    this.max = new Float64Array(n).fill(-Infinity);
  }

  /** Bucket of time t, or −1 at or after the horizon. */
  index(t: number): number {
    if (!(t < this.horizon)) return -1;
    const k = Math.floor(t * this.inv);
    return k < this.n ? k : this.n - 1;
  }

  recordLatency(arrival: number, v: number): void {
    const k = this.index(arrival);
    if (k < 0) return;
    this.count[k]!++;
    if (v < (this.min[k] as number)) this.min[k] = v;
    if (v > (this.max[k] as number)) this.max[k] = v;
    if (!(v > 0)) { this.zeros[k]!++; return; }
    f64[0] = v;
    let bin = ((u32[HI] as number) >>> (20 - SUB_BITS)) - (MIN_EXP << SUB_BITS);
    if (bin < 0) bin = 0; else if (bin >= BINS) bin = BINS - 1;
    this.bins[k * BINS + bin]!++;
  }

  /** Nearest-rank percentile p of bucket k (null when it saw no request). */
  percentile(k: number, p: number): number | null {
    const n = this.count[k] as number;
    if (n === 0) return null;
    const lo = this.min[k] as number, hi = this.max[k] as number;
    if (lo === hi) return lo;
    const rank = nearestRank(p, n);
    if (rank >= n) return hi;
    let seen = this.zeros[k] as number;
    if (seen >= rank) return lo;
    const base = k * BINS, bins = this.bins;
    for (let b = 0; b < BINS; b++) {
      seen += bins[base + b] as number;
      if (seen >= rank) {
        const exp = (b >>> SUB_BITS) + MIN_EXP, sub = b & ((1 << SUB_BITS) - 1);
        const scale = 2 ** (exp - 1023);
        const mid = scale * (1 + (sub + 0.5) / (1 << SUB_BITS));
        return mid < lo ? lo : mid > hi ? hi : mid;
      }
    }
    return hi;
  }
}
