// Streamed log-bucketed histogram (HDR-style) for non-negative values such as latencies.
// A value's bucket is its float64 exponent plus the top 10 mantissa bits, read straight from
// the bit pattern: 1024 buckets per power of two, so a bucket spans < 0.1% of its values and
// its representative (the midpoint, clamped to the smallest and largest value the bucket
// actually saw) is within 0.05% of any value in it. A bucket that saw one distinct value
// reports it exactly, so a fixed latency comes back exactly. Memory: pages of 1024 buckets
// allocated only for the powers of two that occur.

const SUB_BITS = 10;
const SUB = 1 << SUB_BITS;
const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
// Little-endian hosts keep the sign/exponent word second; check once.
const HI = (() => { f64[0] = 1; return u32[1] === 0x3ff00000 ? 1 : 0; })();

interface Page {
  count: Float64Array;
  lo: Float64Array;
  hi: Float64Array;
}

export class Histogram {
  /** Number of values recorded. */
  count = 0;
  /** Running mean (a value recorded n times gives exactly that value, unlike sum / n). */
  private runningMean = 0;
  min = Infinity;
  max = -Infinity;
  private zeros = 0;
  private readonly pages: (Page | undefined)[] = new Array<Page | undefined>(2048).fill(undefined);

  record(v: number): void {
    this.count++;
    this.runningMean += (v - this.runningMean) / this.count;
    if (v < this.min) this.min = v;
    if (v > this.max) this.max = v;
    if (!(v > 0)) { this.zeros++; return; }
    f64[0] = v;
    const word = u32[HI] as number;
    const exp = word >>> 20;
    const sub = (word >>> (20 - SUB_BITS)) & (SUB - 1);
    const page = this.pages[exp] ?? this.newPage(exp);
    const c = page.count[sub] as number;
    if (c === 0) { page.lo[sub] = v; page.hi[sub] = v; }
    else if (v < (page.lo[sub] as number)) page.lo[sub] = v;
    else if (v > (page.hi[sub] as number)) page.hi[sub] = v;
    page.count[sub] = c + 1;
  }

  mean(): number | null {
    return this.count > 0 ? this.runningMean : null;
  }

  /**
   * Nearest-rank percentile `p` in (0, 100]: the smallest recorded x with at least ⌈p·n/100⌉
   * values ≤ x, within 0.05% relative error. null when empty.
   */
  percentile(p: number): number | null {
    if (this.count === 0) return null;
    const rank = nearestRank(p, this.count);
    if (rank >= this.count) return this.max;
    let seen = this.zeros;
    if (seen >= rank) return this.min; // values ≤ 0 share one bucket
    for (let e = 0; e < 2048; e++) {
      const page = this.pages[e];
      if (!page) continue;
      for (let s = 0; s < SUB; s++) {
        const c = page.count[s] as number;
        if (c === 0) continue;
        seen += c;
        if (seen >= rank) return representative(e, s, page.lo[s] as number, page.hi[s] as number);
      }
    }
    return this.max;
  }

  private newPage(exp: number): Page {
    const page = { count: new Float64Array(SUB), lo: new Float64Array(SUB), hi: new Float64Array(SUB) };
    this.pages[exp] = page;
    return page;
  }
}

/** ⌈p·n/100⌉ (at least 1), ignoring float noise such as 99.9·1000/100 = 999.0000000000001. */
export function nearestRank(p: number, n: number): number {
  const r = (p * n) / 100;
  const near = Math.round(r);
  const rank = Math.abs(r - near) <= 1e-9 * Math.max(1, r) ? near : Math.ceil(r);
  return Math.min(n, Math.max(1, rank));
}

function representative(exp: number, sub: number, lo: number, hi: number): number {
  if (lo === hi) return lo;
  const lower = bucketStart(exp, sub);
  const upper = bucketStart(exp, sub + 1);
  const mid = (lower + upper) / 2;
  return mid < lo ? lo : mid > hi ? hi : mid;
}

function bucketStart(exp: number, sub: number): number {
  // sub may be SUB (the start of the next power of two).
  if (exp === 0) return (sub / SUB) * 2 ** -1022; // subnormals
  return 2 ** (exp - 1023) * (1 + sub / SUB);
}
