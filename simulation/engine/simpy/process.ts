// SimPy-style processes (simpy/events.py, Process): a generator that yields events and is
// resumed with each event's value when it is processed (or has the event's error thrown in).
// A process is itself an event: it succeeds with the generator's return value, so other
// processes can `yield` it to wait for it. `interrupt(cause)` throws an `Interrupt` into a
// waiting process at the current time (resources use it for preemption).
//
//   function* customer(sim: Simulator, desk: Resource): ProcessGenerator {
//     const req = desk.request();
//     yield req;                      // wait for a free slot
//     yield sim.timeout(5);           // use it for 5 time units
//     desk.release(req);
//   }
//   sim.process(customer(sim, desk), 'customer');
import { SimEvent, type OwnedCallback } from './events';
import type { Simulator } from '../simulator';

/** The generator type of a process; `yield` gives back the yielded event's value. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ProcessGenerator<R = void> = Generator<SimEvent<any>, R, any>;

/** Thrown into an interrupted process; `cause` is what the interrupter passed (e.g. `Preempted`). */
export class Interrupt extends Error {
  override readonly name = 'Interrupt';

  constructor(override readonly cause: unknown) {
    super(`interrupted${cause === undefined ? '' : `: ${String(cause)}`}`);
  }
}

export class Process<R = unknown> extends SimEvent<R> {
  /** The event the process waits for (null while it runs and once it has ended). */
  private target: SimEvent<unknown> | null;
  private readonly resume: (ev: SimEvent<unknown>) => void;

  constructor(sim: Simulator, private readonly generator: ProcessGenerator<R>, name = 'process') {
    super(sim, name);
    this.resume = (ev) => this.step(ev);
    (this.resume as OwnedCallback).ownerKind = name;
    // SimPy's Initialize (URGENT): the generator starts at the current time, ahead of ordinary events.
    const start = new SimEvent<unknown>(sim, 'start');
    start.onProcessed(this.resume);
    start.trigger(true, undefined, 0, true);
    this.target = start;
  }

  /** True until the generator has returned or thrown. */
  get isAlive(): boolean {
    return !this.triggered;
  }

  /** The event the process is waiting for, if any. */
  get waitingFor(): SimEvent<unknown> | null {
    return this.target;
  }

  /**
   * Throws `Interrupt(cause)` into the process at the current time. The event it was waiting
   * for no longer resumes it. A process that ends before the interrupt is delivered ignores it.
   */
  interrupt(cause?: unknown): void {
    if (!this.isAlive) throw new Error(`process ${this.kind} has ended and cannot be interrupted`);
    if (this.sim.activeProcess === this) throw new Error(`process ${this.kind} cannot interrupt itself`);
    const ev = new SimEvent<unknown>(this.sim, 'interrupt');
    ev.defused = true;
    const deliver = (e: SimEvent<unknown>) => {
      if (!this.isAlive) return;
      const t = this.target;
      if (t && t.callbacks) {
        const i = t.callbacks.indexOf(this.resume);
        if (i >= 0) t.callbacks.splice(i, 1);
      }
      this.step(e);
    };
    (deliver as OwnedCallback).ownerKind = this.kind;
    ev.onProcessed(deliver);
    ev.trigger(false, new Interrupt(cause), 0, true); // SimPy's Interruption is URGENT
  }

  /** Resumes the generator with `ev` and keeps going while it yields already-processed events. */
  private step(ev: SimEvent<unknown>): void {
    const sim = this.sim;
    const outer = sim.activeProcess;
    sim.activeProcess = this;
    this.target = null;
    let event = ev;
    try {
      for (;;) {
        let next: IteratorResult<SimEvent<unknown>, R>;
        try {
          if (event.ok) next = this.generator.next(event.value);
          else {
            event.defused = true;
            next = this.generator.throw(event.value);
          }
        } catch (error) {
          this.fail(error);
          return;
        }
        if (next.done) {
          this.succeed(next.value);
          return;
        }
        const yielded: unknown = next.value;
        if (!(yielded instanceof SimEvent)) {
          throw new Error(`process ${this.kind} yielded ${String(yielded)}, which is not an event`);
        }
        if (yielded.sim !== sim) throw new Error(`process ${this.kind} yielded an event of another simulator`);
        if (yielded.callbacks !== null) {
          yielded.callbacks.push(this.resume);
          this.target = yielded;
          return;
        }
        event = yielded; // already processed: continue at once with its value
      }
    } finally {
      sim.activeProcess = outer;
    }
  }
}
