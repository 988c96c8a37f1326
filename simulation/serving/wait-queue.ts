// FCFS waiting line as a ring buffer of (arrival time, feature delay) pairs in typed arrays:
// 16 bytes per waiting request and no allocation per request. It grows by doubling up to
// `maxLength`; beyond that `push` returns false and the caller stops the run, so an unstable
// service cannot exhaust memory.

export const DEFAULT_MAX_WAITING = 1 << 22;

export class WaitQueue {
  length = 0;
  private arrival = new Float64Array(1024);
  private feature = new Float64Array(1024);
  private head = 0;
  private mask = 1023;
  /** Fields of the entry removed by the last `shift`. */
  shiftedArrival = 0;
  shiftedFeature = 0;

  constructor(private readonly maxLength = DEFAULT_MAX_WAITING) {}

  push(arrival: number, feature: number): boolean {
    if (this.length >= this.maxLength) return false;
    if (this.length > this.mask) this.grow();
    const i = (this.head + this.length) & this.mask;
    this.arrival[i] = arrival;
    this.feature[i] = feature;
    this.length++;
    return true;
  }

  /** Removes the head; its fields are left in `shiftedArrival` / `shiftedFeature`. */
  shift(): void {
    const i = this.head;
    this.shiftedArrival = this.arrival[i] as number;
    this.shiftedFeature = this.feature[i] as number;
    this.head = (i + 1) & this.mask;
    this.length--;
  }

  /** Number of waiting entries whose arrival time is ≥ `t`. */
  countArrivedSince(t: number): number {
    let n = 0;
    for (let k = 0; k < this.length; k++) if ((this.arrival[(this.head + k) & this.mask] as number) >= t) n++;
    return n;
  }

  private grow(): void {
    const size = (this.mask + 1) * 2;
    const a = new Float64Array(size), f = new Float64Array(size);
    for (let k = 0; k < this.length; k++) {
      const i = (this.head + k) & this.mask;
      a[k] = this.arrival[i] as number;
      f[k] = this.feature[i] as number;
    }
    this.arrival = a;
    this.feature = f;
    this.head = 0;
    this.mask = size - 1;
  }
}
