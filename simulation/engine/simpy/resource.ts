// Shared resources with `capacity` usage slots (simpy/resources/resource.py). A process asks
// for a slot with `request()`, waits by yielding the request, and gives the slot back with
// `release(request)`. Three flavours, as in SimPy, differing only in the waiting line:
//   Resource            first come, first served;
//   PriorityResource    lowest `priority` first, then earliest request time, then preempting
//                       requests first, then request order;
//   PreemptiveResource  as PriorityResource, and a preempting request at the head of the line
//                       evicts the least important user if that user's key is strictly
//                       greater: the user's process gets `Interrupt(Preempted)` thrown in.
// The same (priority, time, preempt) key as SimPy, then a sequence number, so ties are FIFO and
// the order is deterministic. Grants follow SimPy 3's steps exactly (a new request or a
// processed release lets the head of the line take a free slot), so a model ported from SimPy
// gives the same trace (test/unit/simulation/simpy-golden.test.ts).
import { SimEvent } from './events';
import type { Process } from './process';
import type { Simulator } from '../simulator';

export interface RequestOptions {
  /** Lower is more important (default 0). PriorityResource and PreemptiveResource only. */
  priority?: number;
  /** May evict a less important user (default true). PreemptiveResource only. */
  preempt?: boolean;
}

/** The cause of the `Interrupt` a preempted process receives. */
export class Preempted {
  constructor(
    /** The process whose request took the slot (null when requested outside a process). */
    readonly by: Process<unknown> | null,
    /** When the preempted request had been granted. */
    readonly usageSince: number,
    readonly resource: Resource,
  ) {}

  toString(): string {
    return `preempted on ${this.resource.name} by ${this.by?.kind ?? 'a request'}`;
  }
}

type RequestPhase = 'queued' | 'granted' | 'released';

/** A request for one slot; succeeds (with itself as value) when the slot is granted. */
export class Request extends SimEvent<Request> {
  /** The process that made the request (SimPy's `proc`), or null. */
  readonly proc: Process<unknown> | null;
  /** Simulated time of the request. */
  readonly time: number;
  /** When the slot was granted (null before). */
  usageSince: number | null = null;
  /** Set when a preemptive resource took the slot back. */
  preempted: Preempted | null = null;
  /** @internal */
  phase: RequestPhase = 'queued';

  constructor(
    readonly resource: Resource,
    readonly priority: number,
    readonly preempt: boolean,
    /** @internal Request order, the last tie-breaker. */
    readonly seq: number,
  ) {
    super(resource.sim, `request ${resource.name}`);
    this.proc = resource.sim.activeProcess;
    this.time = resource.sim.now;
  }
}

/** SimPy's sort key (priority, time, not preempt), then request order: negative when a goes first. */
export function compareRequests(a: Request, b: Request): number {
  return a.priority - b.priority || a.time - b.time || Number(!a.preempt) - Number(!b.preempt) || a.seq - b.seq;
}

export class Resource {
  /** Granted requests, in grant order. */
  readonly users: Request[] = [];
  protected readonly line: RequestLine;
  private seq = 0;

  constructor(readonly sim: Simulator, readonly capacity = 1, readonly name = 'resource', ordered = false) {
    if (!(Number.isInteger(capacity) && capacity > 0)) throw new Error(`${name}: capacity must be an integer > 0 (got ${capacity})`);
    this.line = ordered ? new PriorityLine() : new FifoLine();
  }

  /** Slots in use. */
  get count(): number {
    return this.users.length;
  }

  /** Requests waiting for a slot. */
  get queueLength(): number {
    return this.line.length;
  }

  /** The waiting requests in the order they will be served. */
  get queue(): Request[] {
    return this.line.snapshot();
  }

  /** Asks for a slot; yield the request to wait for it. */
  request(): Request {
    return this.enqueue(0, false);
  }

  /**
   * Gives a slot back, or withdraws a request still waiting (SimPy's cancel + release).
   * Releasing twice, or releasing a preempted request, frees nothing. As in SimPy the freed
   * slot goes to the head of the line when the returned release event is processed (at the
   * current time); yielding it is optional.
   */
  release(req: Request): SimEvent<undefined> {
    if (req.resource !== this) throw new Error(`${req.kind} does not belong to ${this.name}`);
    if (req.phase === 'queued') this.line.remove(req);
    else if (req.phase === 'granted') {
      const i = this.users.indexOf(req);
      if (i >= 0) this.users.splice(i, 1);
    }
    req.phase = 'released';
    const ev = new SimEvent<undefined>(this.sim, `release ${this.name}`);
    ev.onProcessed(this.trigger);
    return ev.succeed();
  }

  protected enqueue(priority: number, preempt: boolean): Request {
    const req = new Request(this, priority, preempt, this.seq++);
    this.line.push(req);
    this.trigger();
    return req;
  }

  /** Hook run on the head of the line before it is granted a free slot (preemption). */
  protected beforeGrant(_head: Request): void {}

  /**
   * SimPy's `_trigger_put`: on every new request and every processed release, the head of the
   * line (only the head) gets a slot if one is free.
   */
  private readonly trigger = (): void => {
    const head = this.line.peek();
    if (!head) return;
    this.beforeGrant(head);
    if (this.users.length >= this.capacity) return;
    this.line.shift();
    head.phase = 'granted';
    head.usageSince = this.sim.now;
    this.users.push(head);
    head.succeed(head);
  };
}

export class PriorityResource extends Resource {
  constructor(sim: Simulator, capacity = 1, name = 'resource') {
    super(sim, capacity, name, true);
  }

  override request(options: RequestOptions = {}): Request {
    return this.enqueue(options.priority ?? 0, false);
  }
}

export class PreemptiveResource extends Resource {
  constructor(sim: Simulator, capacity = 1, name = 'resource') {
    super(sim, capacity, name, true);
  }

  override request(options: RequestOptions = {}): Request {
    return this.enqueue(options.priority ?? 0, options.preempt ?? true);
  }

  /** SimPy's PreemptiveResource._do_put: a preempting head evicts the least important user. */
  protected override beforeGrant(head: Request): void {
    if (!head.preempt || this.users.length < this.capacity) return;
    let victim = 0;
    for (let i = 1; i < this.users.length; i++) {
      // The greatest key; among equal keys the later grant (SimPy: stable sort, last element).
      if (compareRequests(this.users[i] as Request, this.users[victim] as Request) >= 0) victim = i;
    }
    const user = this.users[victim] as Request;
    if (compareRequests(user, head) <= 0) return;
    this.users.splice(victim, 1);
    user.phase = 'released';
    user.preempted = new Preempted(head.proc, user.usageSince as number, this);
    if (user.proc?.isAlive) user.proc.interrupt(user.preempted);
  }
}

/** The waiting line of a resource; withdrawn requests are removed lazily. */
interface RequestLine {
  readonly length: number;
  push(req: Request): void;
  peek(): Request | undefined;
  shift(): Request | undefined;
  remove(req: Request): void;
  snapshot(): Request[];
}

/** First come, first served: an array with a moving head. */
class FifoLine implements RequestLine {
  length = 0;
  private items: Request[] = [];
  private head = 0;

  push(req: Request): void {
    this.items.push(req);
    this.length++;
  }

  peek(): Request | undefined {
    this.skipWithdrawn();
    return this.items[this.head];
  }

  shift(): Request | undefined {
    const req = this.peek();
    if (!req) return undefined;
    this.items[this.head++] = undefined as unknown as Request;
    this.length--;
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return req;
  }

  remove(_req: Request): void {
    this.length--; // stays in the array, marked released; skipped when it reaches the head
  }

  snapshot(): Request[] {
    return this.items.slice(this.head).filter((r) => r !== undefined && r.phase === 'queued');
  }

  private skipWithdrawn(): void {
    while (this.head < this.items.length && (this.items[this.head] as Request).phase !== 'queued') this.head++;
  }
}

/** Ordered by `compareRequests`: a binary heap. */
class PriorityLine implements RequestLine {
  length = 0;
  private readonly heap: Request[] = [];

  push(req: Request): void {
    const h = this.heap;
    let i = h.length;
    h.push(req);
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (compareRequests(h[p] as Request, req) <= 0) break;
      h[i] = h[p] as Request;
      i = p;
    }
    h[i] = req;
    this.length++;
  }

  peek(): Request | undefined {
    while (this.heap.length > 0 && (this.heap[0] as Request).phase !== 'queued') this.pop();
    return this.heap[0];
  }

  shift(): Request | undefined {
    const req = this.peek();
    if (!req) return undefined;
    this.pop();
    this.length--;
    return req;
  }

  remove(_req: Request): void {
    this.length--;
  }

  snapshot(): Request[] {
    return this.heap.filter((r) => r.phase === 'queued').sort(compareRequests);
  }

  private pop(): void {
    const h = this.heap;
    const last = h.pop() as Request;
    if (h.length === 0) return;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= h.length) break;
      const r = l + 1;
      const c = r < h.length && compareRequests(h[r] as Request, h[l] as Request) < 0 ? r : l;
      if (compareRequests(last, h[c] as Request) <= 0) break;
      h[i] = h[c] as Request;
      i = c;
    }
    h[i] = last;
  }
}
