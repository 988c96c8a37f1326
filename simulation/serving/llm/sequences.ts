// The requests of one LLM service in the system (waiting or running), as struct-of-arrays
// indexed by a recycled id: nothing is allocated per request. The table grows by doubling up to
// MAX_LLM_LIVE_REQUESTS; `acquire` then returns −1 and the model stops the run (`max_queue`),
// so an overloaded service cannot exhaust memory.
//
// Token bookkeeping follows vLLM V1: a sequence has prompt + generated tokens; `computed` of
// them are in the KV cache. A step runs some of the uncomputed ones; when none are left a
// new token is sampled (generated + 1). Preemption drops the cache (computed = 0): the prompt
// and every token generated so far are recomputed, and the step that finishes them samples the
// next token.
import { MAX_LLM_LIVE_REQUESTS } from '../../scenario/limits';

export class SequenceTable {
  /** Arrival (ms), joining the engine (after feature latency), first admission, first token. NaN: not yet. */
  arrival = new Float64Array(0);
  join = new Float64Array(0);
  admitted = new Float64Array(0);
  firstToken = new Float64Array(0);
  /** Start of the current stint in a batch, and the time in a batch so far (ms). */
  runSince = new Float64Array(0);
  runTime = new Float64Array(0);
  prompt = new Int32Array(0);
  /** Output tokens to generate (≥ 1), generated so far, tokens in the KV cache, blocks held. */
  target = new Int32Array(0);
  generated = new Int32Array(0);
  computed = new Int32Array(0);
  blocks = new Int32Array(0);
  /** Replica the request was routed to. */
  replica = new Int32Array(0);
  /** Ids not in use (a stack), and how many are in use. */
  private freeIds = new Int32Array(0);
  private freeCount = 0;
  live = 0;

  constructor(private readonly maxLive = MAX_LLM_LIVE_REQUESTS) {
    this.grow(Math.min(256, maxLive));
  }

  get capacity(): number {
    return this.arrival.length;
  }

  /** A fresh id for a request, or −1 when the table is full. */
  acquire(arrival: number, prompt: number, target: number): number {
    if (this.freeCount === 0) {
      if (this.capacity >= this.maxLive) return -1;
      this.grow(Math.min(this.capacity * 2, this.maxLive));
    }
    const s = this.freeIds[--this.freeCount] as number;
    this.live++;
    this.arrival[s] = arrival;
    this.join[s] = arrival;
    this.admitted[s] = Number.NaN;
    this.firstToken[s] = Number.NaN;
    this.runSince[s] = 0;
    this.runTime[s] = 0;
    this.prompt[s] = prompt;
    this.target[s] = target;
    this.generated[s] = 0;
    this.computed[s] = 0;
    this.blocks[s] = 0;
    this.replica[s] = -1;
    return s;
  }

  release(s: number): void {
    this.freeIds[this.freeCount++] = s;
    this.live--;
  }

  /** Tokens of the sequence: its prompt and the tokens generated so far. */
  tokens(s: number): number {
    return (this.prompt[s] as number) + (this.generated[s] as number);
  }

  private grow(size: number): void {
    const old = this.capacity;
    const f64 = (a: Float64Array) => { const b = new Float64Array(size); b.set(a); return b; };
    const i32 = (a: Int32Array) => { const b = new Int32Array(size); b.set(a); return b; };
    this.arrival = f64(this.arrival); this.join = f64(this.join); this.admitted = f64(this.admitted);
    this.firstToken = f64(this.firstToken); this.runSince = f64(this.runSince); this.runTime = f64(this.runTime);
    this.prompt = i32(this.prompt); this.target = i32(this.target); this.generated = i32(this.generated);
    this.computed = i32(this.computed); this.blocks = i32(this.blocks); this.replica = i32(this.replica);
    const free = new Int32Array(size);
    free.set(this.freeIds.subarray(0, this.freeCount));
    // New ids pushed highest first, so the lowest is handed out next (ids stay dense).
    let n = this.freeCount;
    for (let s = size - 1; s >= old; s--) free[n++] = s;
    this.freeIds = free;
    this.freeCount = n;
  }
}

/** A double-ended queue of sequence ids (a replica's waiting line), a ring that grows by doubling. */
export class IdDeque {
  private buf = new Int32Array(64);
  private head = 0;
  length = 0;

  push(s: number): void {
    if (this.length === this.buf.length) this.grow();
    this.buf[(this.head + this.length) & (this.buf.length - 1)] = s;
    this.length++;
  }

  /** Puts s in front (a preempted sequence goes back to the head of the line, as in vLLM). */
  unshift(s: number): void {
    if (this.length === this.buf.length) this.grow();
    this.head = (this.head - 1) & (this.buf.length - 1);
    this.buf[this.head] = s;
    this.length++;
  }

  peek(): number {
    return this.buf[this.head] as number;
  }

  shift(): number {
    const s = this.buf[this.head] as number;
    this.head = (this.head + 1) & (this.buf.length - 1);
    this.length--;
    return s;
  }

  /** The k-th id from the head. */
  at(k: number): number {
    return this.buf[(this.head + k) & (this.buf.length - 1)] as number;
  }

  private grow(): void {
    const n = this.buf.length;
    const next = new Int32Array(n * 2);
    for (let k = 0; k < this.length; k++) next[k] = this.buf[(this.head + k) & (n - 1)] as number;
    this.buf = next;
    this.head = 0;
  }
}
