// The replicas of one service and their slots, in typed arrays. A replica is FREE (an unused
// id), COLD (starting), UP (serving), DOWN (failed, restarting) or DRAINING (removed by the
// autoscaler, finishing its in-flight work). Each replica has `concurrency` slots; a slot holds
// one batch (a single request without batching) whose members' (arrival, join time) pairs are kept
// until it completes, because a failure sends them back to the queue.
//
// Free slots of UP replicas sit on a stack; entries made stale by a failure or removal are
// dropped lazily when popped. Generations invalidate scheduled events (a slot's completion, a
// replica's failure or restart) that a failure or removal overtook; events carry
// `generation × capacity + id` as their payload.
import type { StateClock } from './series';

export const FREE = 0;
export const COLD = 1;
export const UP = 2;
export const DOWN = 3;
export const DRAINING = 4;

export class ReplicaPool {
  /** Replica ids in use are below this; arrays hold `capacity` replicas. */
  private capacity: number;
  state: Uint8Array;
  repGen: Float64Array;
  /** Busy slots per replica. */
  repBusy: Int32Array;
  /** Members in the slot (0: idle). */
  slotSize: Int32Array;
  slotGen: Float64Array;
  slotStart: Float64Array;
  slotService: Float64Array;
  private listed: Uint8Array;
  private stack: Int32Array;
  private top = 0;
  memArrival: Float64Array;
  memJoin: Float64Array;

  /** No replica below this id is FREE: allocate() scans from here, so starting n replicas is O(n), not O(n²). */
  private firstFree = 0;
  /** Usable free slots (on UP replicas). */
  freeSlots = 0;
  /** Replicas COLD, UP or DOWN: what the autoscaler compares with its desired count. */
  provisioned = 0;

  constructor(
    readonly concurrency: number,
    readonly maxBatch: number,
    /** The most replicas that can exist at once (ids are below it). */
    readonly maxReplicas: number,
    initial: number,
    private readonly clock: StateClock,
  ) {
    this.capacity = Math.max(1, Math.min(maxReplicas, Math.max(initial, 4)));
    const c = this.capacity, slots = c * concurrency;
    this.state = new Uint8Array(c);
    this.repGen = new Float64Array(c);
    this.repBusy = new Int32Array(c);
    this.slotSize = new Int32Array(slots);
    this.slotGen = new Float64Array(slots);
    this.slotStart = new Float64Array(slots);
    this.slotService = new Float64Array(slots);
    this.listed = new Uint8Array(slots);
    this.stack = new Int32Array(slots);
    this.memArrival = new Float64Array(slots * maxBatch);
    this.memJoin = new Float64Array(slots * maxBatch);
  }

  /** Total slot ids (for event payloads): maxReplicas × concurrency. */
  get slotSpace(): number {
    return this.maxReplicas * this.concurrency;
  }

  /** Takes the lowest unused id and makes it COLD. */
  allocate(): number {
    let r = this.firstFree;
    while (r < this.capacity && this.state[r] !== FREE) r++;
    if (r === this.capacity) this.grow();
    this.firstFree = r + 1;
    this.state[r] = COLD;
    this.repGen[r]!++;
    this.provisioned++;
    this.clock.billed++;
    return r;
  }

  /** A COLD or DOWN replica starts serving (the clock must have been advanced). */
  activate(r: number): void {
    const conc = this.concurrency, c = this.clock;
    this.state[r] = UP;
    this.repGen[r]!++;
    this.freeSlots += conc;
    c.slots += conc;
    c.ready++;
    for (let s = r * conc + conc - 1; s >= r * conc; s--) this.list(s);
  }

  /** Takes a usable free slot (freeSlots must be > 0). */
  takeSlot(): number {
    const stack = this.stack, listed = this.listed, size = this.slotSize, state = this.state, conc = this.concurrency;
    for (;;) {
      const s = stack[--this.top] as number;
      listed[s] = 0;
      if (size[s] === 0 && state[(s / conc) | 0] === UP) {
        this.freeSlots--;
        return s;
      }
    }
  }

  /** Marks slot s busy with `size` members starting at `now` for `service` ms. */
  occupy(s: number, size: number, now: number, service: number): void {
    this.slotSize[s] = size;
    this.slotStart[s] = now;
    this.slotService[s] = service;
    this.repBusy[(s / this.concurrency) | 0]!++;
    const c = this.clock;
    c.busy++;
    c.inService += size;
  }

  /**
   * Frees slot s after its batch completed. Returns true when the slot can serve again now
   * (its replica is UP); a DRAINING replica that becomes idle is retired.
   */
  release(s: number): boolean {
    const size = this.slotSize[s] as number;
    this.slotSize[s] = 0;
    const r = (s / this.concurrency) | 0;
    this.repBusy[r]!--;
    const c = this.clock;
    c.busy--;
    c.inService -= size;
    const st = this.state[r];
    if (st === UP) {
      this.freeSlots++;
      this.list(s);
      return true;
    }
    if (st === DRAINING) {
      c.slots--;
      if (this.repBusy[r] === 0) this.retire(r);
    }
    return false;
  }

  /** Reuses slot s for a new batch right after it completed (its replica is UP). */
  reuse(s: number, size: number, now: number, service: number): void {
    const c = this.clock;
    c.inService += size - (this.slotSize[s] as number);
    this.slotSize[s] = size;
    this.slotStart[s] = now;
    this.slotService[s] = service;
  }

  /**
   * Fails replica r (UP or DRAINING): every busy slot is emptied and its completion event
   * invalidated; the members are appended to `outArrival` / `outJoin`. An UP replica
   * goes DOWN, a DRAINING one is retired. Returns the number of members.
   */
  fail(r: number, outArrival: number[], outJoin: number[]): number {
    const conc = this.concurrency, mb = this.maxBatch, c = this.clock;
    let members = 0;
    for (let s = r * conc; s < r * conc + conc; s++) {
      const size = this.slotSize[s] as number;
      if (size === 0) continue;
      for (let i = 0; i < size; i++) {
        outArrival.push(this.memArrival[s * mb + i] as number);
        outJoin.push(this.memJoin[s * mb + i] as number);
      }
      members += size;
      this.slotSize[s] = 0;
      this.slotGen[s]!++;
      c.busy--;
      c.inService -= size;
    }
    const busy = this.repBusy[r] as number;
    this.repBusy[r] = 0;
    if (this.state[r] === UP) {
      this.freeSlots -= conc - busy;
      c.slots -= conc;
      c.ready--;
      this.state[r] = DOWN;
      this.repGen[r]!++;
    } else {
      c.slots -= busy;
      this.retire(r);
    }
    return members;
  }

  /**
   * Removes `n` replicas for a scale-down: cold-starting ones first, then restarting ones, then
   * idle serving ones, then busy ones (which drain), each class from the highest id down.
   */
  remove(n: number): void {
    const pass = (want: (r: number) => boolean, act: (r: number) => void) => {
      for (let r = this.capacity - 1; r >= 0 && n > 0; r--) if (want(r)) { act(r); n--; }
    };
    const retire = (r: number) => this.retire(r);
    pass((r) => this.state[r] === COLD, retire);
    pass((r) => this.state[r] === DOWN, retire);
    pass((r) => this.state[r] === UP && this.repBusy[r] === 0, retire);
    pass((r) => this.state[r] === UP, (r) => {
      const idle = this.concurrency - (this.repBusy[r] as number);
      this.freeSlots -= idle;
      this.clock.slots -= idle;
      this.state[r] = DRAINING;
      this.provisioned--;
    });
  }

  /**
   * Frees replica id r. An UP replica must be idle; a DRAINING one has no busy slot left (its
   * slots were already taken out of the clock's count).
   */
  private retire(r: number): void {
    const st = this.state[r], c = this.clock;
    if (st === UP) {
      this.freeSlots -= this.concurrency;
      c.slots -= this.concurrency;
    }
    if (st !== DRAINING) this.provisioned--;
    if (st === UP || st === DRAINING) c.ready--;
    this.state[r] = FREE;
    if (r < this.firstFree) this.firstFree = r;
    this.repGen[r]!++;
    c.billed--;
  }

  private list(s: number): void {
    if (this.listed[s]) return;
    this.listed[s] = 1;
    this.stack[this.top++] = s;
  }

  private grow(): void {
    const old = this.capacity;
    const c = Math.min(this.maxReplicas, old * 2);
    if (c === old) throw new Error('replica pool is full');
    const conc = this.concurrency, mb = this.maxBatch;
    const f64 = (a: Float64Array, n: number) => { const b = new Float64Array(n); b.set(a); return b; };
    const i32 = (a: Int32Array, n: number) => { const b = new Int32Array(n); b.set(a); return b; };
    const u8 = (a: Uint8Array, n: number) => { const b = new Uint8Array(n); b.set(a); return b; };
    this.state = u8(this.state, c);
    this.repGen = f64(this.repGen, c);
    this.repBusy = i32(this.repBusy, c);
    this.slotSize = i32(this.slotSize, c * conc);
    this.slotGen = f64(this.slotGen, c * conc);
    this.slotStart = f64(this.slotStart, c * conc);
    this.slotService = f64(this.slotService, c * conc);
    this.listed = u8(this.listed, c * conc);
    this.stack = i32(this.stack, c * conc);
    this.memArrival = f64(this.memArrival, c * conc * mb);
    this.memJoin = f64(this.memJoin, c * conc * mb);
    this.capacity = c;
  }
}
