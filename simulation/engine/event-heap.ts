// Binary min-heap of events keyed (time, seq). The key and payload live in parallel typed
// arrays, so scheduling allocates nothing once the arrays have grown; seq increases with every
// push, which makes equal-time events pop in the order they were scheduled (FIFO).

/** An event handler; `payload` is one number the scheduler attached (e.g. an arrival time). */
export type EventFn = (payload: number) => void;

export class EventHeap {
  private time = new Float64Array(1024);
  private seq = new Float64Array(1024);
  private data = new Float64Array(1024);
  private fns: EventFn[] = [];
  private nextSeq = 0;
  size = 0;
  /** Payload of the event returned by the last `pop`. */
  payload = 0;

  push(t: number, fn: EventFn, payload: number): void {
    if (this.size === this.time.length) this.grow();
    const time = this.time, seq = this.seq, data = this.data, fns = this.fns;
    const s = this.nextSeq++;
    let i = this.size++;
    // Sift up: move parents down until the new key fits.
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pt = time[p] as number;
      if (pt < t || (pt === t && (seq[p] as number) < s)) break;
      time[i] = pt; seq[i] = seq[p] as number; data[i] = data[p] as number; fns[i] = fns[p] as EventFn;
      i = p;
    }
    time[i] = t; seq[i] = s; data[i] = payload; fns[i] = fn;
  }

  /** Time of the earliest event; Infinity when empty. */
  peekTime(): number {
    return this.size > 0 ? (this.time[0] as number) : Infinity;
  }

  /** Removes the earliest event, returns its handler and leaves its payload in `payload`. */
  pop(): EventFn {
    const time = this.time, seq = this.seq, data = this.data, fns = this.fns;
    const top = fns[0] as EventFn;
    this.payload = data[0] as number;
    const n = --this.size;
    if (n === 0) { fns[0] = undefined as unknown as EventFn; return top; }
    // Sift the last element down from the root.
    const t = time[n] as number, s = seq[n] as number, d = data[n] as number, f = fns[n] as EventFn;
    fns[n] = undefined as unknown as EventFn;
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      let ct = time[c] as number;
      const r = c + 1;
      if (r < n) {
        const rt = time[r] as number;
        if (rt < ct || (rt === ct && (seq[r] as number) < (seq[c] as number))) { c = r; ct = rt; }
      }
      if (t < ct || (t === ct && s < (seq[c] as number))) break;
      time[i] = ct; seq[i] = seq[c] as number; data[i] = data[c] as number; fns[i] = fns[c] as EventFn;
      i = c;
    }
    time[i] = t; seq[i] = s; data[i] = d; fns[i] = f;
    return top;
  }

  clear(): void {
    this.size = 0;
    this.fns = [];
  }

  private grow(): void {
    const n = this.time.length * 2;
    const copy = (a: Float64Array) => { const b = new Float64Array(n); b.set(a); return b; };
    this.time = copy(this.time);
    this.seq = copy(this.seq);
    this.data = copy(this.data);
  }
}
