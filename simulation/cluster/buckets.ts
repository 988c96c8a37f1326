// Fixed-size time buckets over [0, span] for the bounded charts (per-pool series, per-node
// heatmap): memory is rows × buckets whatever the number of jobs or events.

/** Length of [a, b] ∩ [lo, hi]. */
export function overlap(a: number, b: number, lo: number, hi: number): number {
  const x = (b < hi ? b : hi) - (a > lo ? a : lo);
  return x > 0 ? x : 0;
}

export class Buckets {
  readonly width: number;
  /** rows × count areas (value × seconds). */
  readonly area: Float64Array;

  constructor(readonly rows: number, readonly count: number, readonly span: number) {
    this.width = span / count;
    this.area = new Float64Array(rows * count);
  }

  /** Adds `rate` over [a, b] (clipped to [0, span]) to row `row`. */
  add(row: number, a: number, b: number, rate: number): void {
    if (rate === 0) return;
    const lo = a > 0 ? a : 0, hi = b < this.span ? b : this.span;
    if (!(hi > lo)) return;
    const w = this.width, base = row * this.count;
    let i = Math.min(this.count - 1, Math.floor(lo / w));
    let t = lo;
    while (t < hi && i < this.count) {
      const end = i === this.count - 1 ? hi : Math.min(hi, (i + 1) * w);
      if (end > t) this.area[base + i] = (this.area[base + i] as number) + rate * (end - t);
      t = end;
      i++;
    }
  }

  /** Row `row` as averages per bucket, divided by `scale` and rounded to 4 decimals. */
  averages(row: number, scale: number): number[] {
    const out: number[] = [];
    const base = row * this.count;
    for (let i = 0; i < this.count; i++) out.push(round4((this.area[base + i] as number) / (this.width * scale)));
    return out;
  }
}

/** Piecewise-constant levels per row (allocated units, waiting jobs), integrated into buckets. */
export class Levels {
  private readonly value: Float64Array;
  private readonly last: Float64Array;

  constructor(readonly buckets: Buckets) {
    this.value = new Float64Array(buckets.rows);
    this.last = new Float64Array(buckets.rows);
  }

  /** Changes row `row` by `delta` at time t (t never decreases per row). */
  change(row: number, t: number, delta: number): void {
    this.flush(row, t);
    this.value[row] = (this.value[row] as number) + delta;
  }

  flush(row: number, t: number): void {
    const last = this.last[row] as number;
    if (t > last) {
      this.buckets.add(row, last, t, this.value[row] as number);
      this.last[row] = t;
    }
  }

  flushAll(t: number): void {
    for (let r = 0; r < this.buckets.rows; r++) this.flush(r, t);
  }
}

export function round4(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}
