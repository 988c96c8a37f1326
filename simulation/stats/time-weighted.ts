// Time-weighted average of a piecewise-constant quantity (busy slots, requests in system),
// counted only inside the measured window [from, to].

export class TimeWeighted {
  value = 0;
  private last: number;
  private area = 0;

  constructor(private readonly from: number, private readonly to: number, start = 0) {
    this.last = start;
  }

  /** The quantity changes to `value` at time `t` (t never decreases). */
  set(t: number, value: number): void {
    this.advance(t);
    this.value = value;
  }

  /** Accumulates the current value up to time `t`, clipped to the window. */
  advance(t: number): void {
    const a = this.last > this.from ? this.last : this.from;
    const b = t < this.to ? t : this.to;
    if (b > a) this.area += this.value * (b - a);
    this.last = t;
  }

  /** Average over [from, min(to, end)]; null when that span is empty. */
  average(end: number): number | null {
    this.advance(end);
    const span = Math.min(this.to, end) - this.from;
    return span > 0 ? this.area / span : null;
  }
}
