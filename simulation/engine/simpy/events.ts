// SimPy-style events (simpy/events.py): an event is pending, then triggered (it has a value, or
// an error, and sits in the heap), then processed (its callbacks have run). Processes wait on
// events by `yield`ing them (./process.ts). Events are ordered by (time, scheduling order), so
// ties stay FIFO and runs are deterministic by construction; as in SimPy, process starts and
// interrupts are URGENT: ahead of ordinary events at the same time.
// Triggered events sit in the callback heap as (dispatch, slot): a slot table maps the number
// payload back to the event, so the heap stays numbers-only and the zero-time guard can name
// the event's kind.
import type { EventFn, Simulator } from '../simulator';

/** Declared as a method so its parameter is bivariant: any SimEvent<T> is a SimEvent<unknown>. */
export type Callback<T> = { bivariant(event: SimEvent<T>): void }['bivariant'];

/** A callback that resumes a process carries the process's kind (for the zero-time loop error). */
export interface OwnedCallback {
  ownerKind?: string;
}

const PENDING: unique symbol = Symbol('pending');

export class SimEvent<T = unknown> {
  /** Run in order when the event is processed; null once processed. */
  callbacks: Callback<T>[] | null = [];
  /** False when the event failed (its value is then the error). */
  ok = true;
  /** A failure somebody handled (a process caught it, a condition took it): it does not stop the run. */
  defused = false;
  protected state: unknown = PENDING;

  constructor(readonly sim: Simulator, readonly kind = 'event') {}

  /** Has a value (or an error) and is scheduled or processed. */
  get triggered(): boolean {
    return this.state !== PENDING;
  }

  get processed(): boolean {
    return this.callbacks === null;
  }

  /** The value (the error when `ok` is false); throws while pending. */
  get value(): T {
    if (this.state === PENDING) throw new Error(`the value of ${this.kind} is not available yet`);
    return this.state as T;
  }

  /** Triggers the event with `value`; it is processed `delay` from now (default now). */
  succeed(value?: T, delay = 0): this {
    return this.trigger(true, value, delay, false);
  }

  /** Triggers the event as failed; processes waiting on it get `error` thrown in. */
  fail(error: unknown, delay = 0): this {
    return this.trigger(false, error, delay, false);
  }

  /** @internal `urgent`: ahead of ordinary events at the same time (process starts, interrupts). */
  trigger(ok: boolean, value: unknown, delay: number, urgent: boolean): this {
    if (this.state !== PENDING) throw new Error(`${this.kind} has already been triggered`);
    if (!(delay >= 0)) throw new Error(`${this.kind}: delay must be ≥ 0 (got ${delay})`);
    this.ok = ok;
    this.state = value;
    const sim = this.sim;
    (sim.eventTable ??= new EventTable(sim)).add(this, delay, urgent);
    return this;
  }

  /** Adds a callback run when the event is processed (the event must not be processed yet). */
  onProcessed(cb: Callback<T>): this {
    if (this.callbacks === null) throw new Error(`${this.kind} has already been processed`);
    this.callbacks.push(cb);
    return this;
  }

  /** @internal Runs the callbacks; an unhandled failure stops the run (SimPy raises it from `step`). */
  process(): void {
    const cbs = this.callbacks as Callback<T>[];
    this.callbacks = null;
    for (const cb of cbs) cb(this);
    if (!this.ok && !this.defused) throw this.state;
  }
}

/** An event that succeeds `delay` after its creation (SimPy's `env.timeout`). */
export class Timeout<T = undefined> extends SimEvent<T> {
  constructor(sim: Simulator, readonly delay: number, value: T) {
    super(sim, 'timeout');
    this.succeed(value, delay);
  }
}

/**
 * `all_of` / `any_of` over events (SimPy's Condition). Its value maps each of the events that
 * have been processed by the time the condition is processed to its value, in the order given
 * (as in SimPy, an event processed between the trigger and the processing of the condition is
 * included). The first failure among the events fails the condition (and counts as handled).
 */
export class Condition extends SimEvent<Map<SimEvent<unknown>, unknown>> {
  private done = 0;

  constructor(sim: Simulator, kind: 'all_of' | 'any_of', private readonly events: readonly SimEvent<unknown>[]) {
    super(sim, kind);
    const need = kind === 'all_of' ? events.length : Math.min(1, events.length);
    // SimPy's _build_value: the value is collected when the condition is processed.
    this.onProcessed(() => {
      if (this.ok) this.state = this.collect();
    });
    const check = (ev: SimEvent<unknown>) => {
      if (this.triggered) return;
      this.done++;
      if (!ev.ok) {
        ev.defused = true;
        this.fail(ev.value);
      } else if (this.done >= need) this.succeed();
    };
    for (const ev of events) {
      if (ev.sim !== sim) throw new Error(`${ev.kind} belongs to another simulator`);
      if (ev.processed) check(ev);
      else ev.onProcessed(check);
    }
    if (need === 0) this.succeed();
  }

  private collect(): Map<SimEvent<unknown>, unknown> {
    const out = new Map<SimEvent<unknown>, unknown>();
    for (const ev of this.events) if (ev.processed && ev.ok) out.set(ev, ev.value);
    return out;
  }
}

/** @internal Maps heap payloads to triggered SimPy-style events, reusing freed slots. */
export class EventTable {
  private readonly slots: (SimEvent<unknown> | undefined)[] = [];
  private readonly free: number[] = [];
  readonly dispatch: EventFn;

  constructor(readonly sim: Simulator) {
    const slots = this.slots, free = this.free;
    this.dispatch = (slot: number) => {
      const ev = slots[slot] as SimEvent<unknown>;
      slots[slot] = undefined;
      free.push(slot);
      ev.process();
    };
    sim.label(this.dispatch, (slot) => describe(this.slots[slot]));
  }

  add(ev: SimEvent<unknown>, delay: number, urgent: boolean): void {
    const slot = this.free.length > 0 ? (this.free.pop() as number) : this.slots.length;
    this.slots[slot] = ev;
    if (urgent) this.sim.scheduleUrgent(delay, this.dispatch, slot);
    else this.sim.schedule(delay, this.dispatch, slot);
  }
}

/** "timeout (customer)": the event's kind and the processes waiting on it. */
function describe(ev: SimEvent<unknown> | undefined): string {
  if (!ev) return 'event';
  const owners = (ev.callbacks ?? []).flatMap((cb) => ((cb as OwnedCallback).ownerKind ? [(cb as OwnedCallback).ownerKind] : []));
  return owners.length > 0 ? `${ev.kind} (${owners.join(', ')})` : ev.kind;
}
