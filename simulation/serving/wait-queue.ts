// FCFS waiting line as a ring buffer of (arrival time, time it joined the line) pairs in typed
// arrays: 16 bytes per waiting request and no allocation per request. Entries are addressed by their
// push index p (slot p & mask, which is p mod capacity for any integer p, negative included), so
// a timer can name the request it was set for. Timed-out requests are removed in place (a NaN
// arrival marks a hole, skipped when the head moves); requests put back by a failed replica go
// in front of the head (`unshift`). The ring grows by doubling up to `maxLength` entries; beyond
// that a push returns false and the caller stops the run, so an unstable service cannot exhaust
// memory.

export const DEFAULT_MAX_WAITING = 1 << 22;

export class WaitQueue {
  /** Requests waiting (holes not counted). */
  live = 0;
  private arrival = new Float64Array(1024);
  private join = new Float64Array(1024);
  /** Push index of the head (a live entry whenever `live` > 0) and one past the last entry. */
  private head = 0;
  private tail = 0;
  private mask = 1023;
  /** Push index given to the entry added by the last `push` or `unshift`. */
  lastIndex = 0;
  /** Fields of the entry removed by the last `shift`. */
  shiftedArrival = 0;
  shiftedJoin = 0;

  constructor(private readonly maxLength = DEFAULT_MAX_WAITING) {}

  /** Entries held, holes included (what bounds memory). */
  get span(): number {
    return this.tail - this.head;
  }

  /** Allocated entries (for memory tests). */
  get capacity(): number {
    return this.mask + 1;
  }

  get headArrival(): number {
    return this.arrival[this.head & this.mask] as number;
  }

  get headJoin(): number {
    return this.join[this.head & this.mask] as number;
  }

  push(arrival: number, join: number): boolean {
    if (!this.makeRoom()) return false;
    this.put(this.tail++, arrival, join);
    return true;
  }

  /** Puts an entry in front of the head. */
  unshift(arrival: number, join: number): boolean {
    if (!this.makeRoom()) return false;
    if (this.live === 0) this.head = this.tail; // drop trailing holes
    this.put(--this.head, arrival, join);
    return true;
  }

  /** False at the maximum length; otherwise makes sure one more entry fits. */
  private makeRoom(): boolean {
    if (this.tail - this.head >= this.maxLength) return false;
    if (this.tail - this.head > this.mask) this.grow();
    return true;
  }

  /** Writes a new entry at position `p` (head or tail, already moved). */
  private put(p: number, arrival: number, join: number): void {
    const i = p & this.mask;
    this.arrival[i] = arrival;
    this.join[i] = join;
    this.lastIndex = p;
    this.live++;
  }

  /** Removes the head (the queue must not be empty); its fields go to `shifted…`. */
  shift(): void {
    const i = this.head & this.mask;
    this.shiftedArrival = this.arrival[i] as number;
    this.shiftedJoin = this.join[i] as number;
    this.head++;
    this.live--;
    this.skipHoles();
  }

  /** Arrival time of the live entry with push index p, or NaN when it left the line. */
  arrivalAt(p: number): number {
    if (p < this.head || p >= this.tail) return Number.NaN;
    return this.arrival[p & this.mask] as number;
  }

  /** Removes the live entry with push index p (check with `arrivalAt` first). */
  remove(p: number): void {
    this.arrival[p & this.mask] = Number.NaN;
    this.live--;
    if (p === this.head) this.skipHoles();
  }

  /** Number of waiting entries whose arrival time is ≥ `t`. */
  countArrivedSince(t: number): number {
    let n = 0;
    for (let p = this.head; p < this.tail; p++) if ((this.arrival[p & this.mask] as number) >= t) n++;
    return n;
  }

  private skipHoles(): void {
    if (this.live === 0) { this.head = this.tail; return; }
    const a = this.arrival, m = this.mask;
    let h = this.head;
    while ((a[h & m] as number) !== (a[h & m] as number)) h++;
    this.head = h;
  }

  private grow(): void {
    const size = (this.mask + 1) * 2;
    const mask = size - 1;
    const a = new Float64Array(size), f = new Float64Array(size);
    for (let p = this.head; p < this.tail; p++) {
      a[p & mask] = this.arrival[p & this.mask] as number;
      f[p & mask] = this.join[p & this.mask] as number;
    }
    this.arrival = a;
    this.join = f;
    this.mask = mask;
  }
}
