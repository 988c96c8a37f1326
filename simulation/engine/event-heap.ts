// Min-heap of events keyed (time, seq). The key and payload live in parallel typed arrays, so
// scheduling allocates nothing once the arrays have grown; seq increases with every push, which
// makes equal-time events pop in the order they were scheduled (FIFO).
// Two choices make the hot loop cheap: the heap is 4-ary (half the depth of a binary heap), and
// the earliest event is taken lazily (`take` … `settle`): most handlers schedule exactly one
// follow-up event, which then simply replaces the root with one sift-down instead of a pop's
// sift-down plus a push's sift-up.

/** An event handler; `payload` is one number the scheduler attached (e.g. an arrival time). */
export type EventFn = (payload: number) => void;

export class EventHeap {
  private time = new Float64Array(1024);
  private seq = new Float64Array(1024);
  private data = new Float64Array(1024);
  private fns: EventFn[] = [];
  private nextSeq = 0;
  private nextUrgentSeq = -9007199254740992;
  private nextLateSeq = 4503599627370496;
  /** Entries, including a taken root that has not been replaced or removed yet. */
  private n = 0;
  /** The root was taken by `take` and is free to be overwritten. */
  private rootTaken = false;
  /** Payload of the event returned by the last `take`. */
  payload = 0;

  /** Number of pending events. */
  get size(): number {
    return this.rootTaken ? this.n - 1 : this.n;
  }

  push(t: number, fn: EventFn, payload: number): void {
    this.insert(t, this.nextSeq++, fn, payload);
  }

  /**
   * Like `push`, but ahead of every ordinary event at the same time (FIFO among urgent ones):
   * SimPy's URGENT priority, used for process starts and interrupts. Urgent events take their
   * sequence numbers from −2^53 upwards, below every ordinary one, so the key stays (time, seq).
   */
  pushUrgent(t: number, fn: EventFn, payload: number): void {
    this.insert(t, this.nextUrgentSeq++, fn, payload);
  }

  /**
   * Like `push`, but behind every ordinary event at the same time, also ones pushed later (FIFO
   * among late ones): for decisions that must see everything else that happens at an instant.
   * Late events take their sequence numbers from 2^52 upwards, above every ordinary one (runs
   * are capped far below 2^52 events).
   */
  pushLate(t: number, fn: EventFn, payload: number): void {
    this.insert(t, this.nextLateSeq++, fn, payload);
  }

  private insert(t: number, s: number, fn: EventFn, payload: number): void {
    if (this.rootTaken) {
      // Replace the taken root and sift it down.
      this.rootTaken = false;
      this.siftDown(t, s, payload, fn);
      return;
    }
    if (this.n === this.time.length) this.grow();
    const time = this.time, seq = this.seq, data = this.data, fns = this.fns;
    let i = this.n++;
    while (i > 0) {
      const p = (i - 1) >> 2;
      const pt = time[p] as number;
      if (pt < t || (pt === t && (seq[p] as number) < s)) break;
      time[i] = pt; seq[i] = seq[p] as number; data[i] = data[p] as number; fns[i] = fns[p] as EventFn;
      i = p;
    }
    time[i] = t; seq[i] = s; data[i] = payload; fns[i] = fn;
  }

  /** Time of the earliest event; Infinity when empty. */
  peekTime(): number {
    this.settle();
    return this.n > 0 ? (this.time[0] as number) : Infinity;
  }

  /**
   * Takes the earliest event (the heap must not be empty): returns its handler and leaves its
   * payload in `payload`. Call `settle` once the handler has run.
   */
  take(): EventFn {
    this.settle();
    this.payload = this.data[0] as number;
    this.rootTaken = true;
    return this.fns[0] as EventFn;
  }

  /** Removes a taken root that no push replaced. */
  settle(): void {
    if (!this.rootTaken) return;
    this.rootTaken = false;
    const last = --this.n;
    const fns = this.fns;
    if (last === 0) { fns[0] = undefined as unknown as EventFn; return; }
    const f = fns[last] as EventFn;
    fns[last] = undefined as unknown as EventFn;
    this.siftDown(this.time[last] as number, this.seq[last] as number, this.data[last] as number, f);
  }

  /** Takes and settles the earliest event (for callers that do not run it in between). */
  pop(): EventFn {
    const fn = this.take();
    this.settle();
    return fn;
  }

  clear(): void {
    this.n = 0;
    this.rootTaken = false;
    this.fns = [];
  }

  /** Places (t, s, d, f) at the root position and moves it down to where it belongs. */
  private siftDown(t: number, s: number, d: number, f: EventFn): void {
    const time = this.time, seq = this.seq, data = this.data, fns = this.fns;
    const n = this.n;
    let i = 0;
    for (;;) {
      const first = 4 * i + 1;
      if (first >= n) break;
      // Smallest of up to four children.
      let c = first, ct = time[first] as number;
      const end = first + 4 < n ? first + 4 : n;
      for (let k = first + 1; k < end; k++) {
        const kt = time[k] as number;
        if (kt < ct || (kt === ct && (seq[k] as number) < (seq[c] as number))) { c = k; ct = kt; }
      }
      if (t < ct || (t === ct && s < (seq[c] as number))) break;
      time[i] = ct; seq[i] = seq[c] as number; data[i] = data[c] as number; fns[i] = fns[c] as EventFn;
      i = c;
    }
    time[i] = t; seq[i] = s; data[i] = d; fns[i] = f;
  }

  private grow(): void {
    const n = this.time.length * 2;
    const copy = (a: Float64Array) => { const b = new Float64Array(n); b.set(a); return b; };
    this.time = copy(this.time);
    this.seq = copy(this.seq);
    this.data = copy(this.data);
  }
}
