// The simulation clock and event loop (SimPy's Environment). Two flavours share one heap:
// callback events (`schedule(delay, fn, payload)`: a handler and a number, nothing allocated,
// for hot paths) and SimPy-style events and generator processes (`timeout`, `event`, `process`,
// `allOf`, `anyOf`; see ./simpy/: an extra no bundled model uses yet) where they make a model clearer.
// The host's RunControl is honoured between chunks of CHECK_EVERY events: the event cap exactly,
// the wall-clock cap, cancel, progress and the zero-time loop guard once per chunk, so the hot
// loop stays a peek, a take and a call.
import type { RunControl, StopReason } from '../run/types';
import { EventHeap, type EventFn } from './event-heap';
import { Condition, SimEvent, Timeout, type EventTable } from './simpy/events';
import { Process, type ProcessGenerator } from './simpy/process';
import { ZeroTimeLoopError } from './zero-time';

export type { EventFn };
/** Why a run ended early; `max_queue` when a model's bounded memory would be exceeded. */
export type SimStopReason = StopReason;

/** Events per chunk between checks of the caps, cancel, progress and the zero-time guard. */
export const CHECK_EVERY = 4096;
export const DEFAULT_MAX_EVENTS = 1e9;
/** Events without clock progress after which a run is declared a zero-time loop. */
export const DEFAULT_MAX_ZERO_TIME_EVENTS = 1e6;
/** Events run (and tallied by kind) to confirm a suspected zero-time loop. */
const LOOP_SAMPLE = 1000;

/** A label for an event kind: fixed, or computed from the event's payload. */
export type EventLabel = string | ((payload: number) => string);

export class Simulator {
  now = 0;
  /** Events processed so far (over every `run` call). */
  events = 0;
  /** The process whose generator is running (SimPy's `active_process`); null in callbacks. */
  activeProcess: Process | null = null;
  /** @internal Slots of SimPy-style events in the heap (created by the first such event). */
  eventTable: EventTable | undefined;
  private readonly heap = new EventHeap();
  private haltReason: SimStopReason | undefined;
  /** Kinds of event handlers, read only to explain a zero-time loop (never on the hot path). */
  private readonly labels = new Map<EventFn, EventLabel>();

  /** Schedules `fn(payload)` `delay` time units from now (delay ≥ 0). */
  schedule(delay: number, fn: EventFn, payload = 0): void {
    this.heap.push(this.now + delay, fn, payload);
  }

  /** Schedules `fn(payload)` at absolute time `t` (t ≥ now). */
  scheduleAt(t: number, fn: EventFn, payload = 0): void {
    this.heap.push(t, fn, payload);
  }

  /** Schedules `fn(payload)` ahead of every ordinary event at the same time (SimPy's URGENT). */
  scheduleUrgent(delay: number, fn: EventFn, payload = 0): void {
    this.heap.pushUrgent(this.now + delay, fn, payload);
  }

  /** Schedules `fn(payload)` behind every ordinary event at the same time, even ones scheduled later. */
  scheduleLate(delay: number, fn: EventFn, payload = 0): void {
    this.heap.pushLate(this.now + delay, fn, payload);
  }

  /** Time of the next event (Infinity when none). */
  peek(): number {
    return this.heap.peekTime();
  }

  /** Number of scheduled events. */
  get pending(): number {
    return this.heap.size;
  }

  /**
   * Names the kind of events handled by `fn` (e.g. "serving/api/arrival"), for the zero-time
   * loop error. Without a label a handler's function name is used. Returns `fn`.
   */
  label<F extends EventFn>(fn: F, kind: EventLabel): F {
    this.labels.set(fn, kind);
    return fn;
  }

  /** The kind of the event `fn(payload)`. */
  kindOf(fn: EventFn, payload: number): string {
    const l = this.labels.get(fn);
    if (typeof l === 'function') return l(payload);
    return l ?? (fn.name || 'anonymous callback');
  }

  /** A SimPy-style event that succeeds after `delay` with `value`. */
  timeout<T = undefined>(delay: number, value?: T): Timeout<T> {
    return new Timeout(this, delay, value as T);
  }

  /** A SimPy-style event to be triggered by the model (`succeed` / `fail`). */
  event<T = unknown>(kind = 'event'): SimEvent<T> {
    return new SimEvent<T>(this, kind);
  }

  /** Starts a generator process now; `name` is its event kind. */
  process<R>(generator: ProcessGenerator<R>, name = 'process'): Process<R> {
    return new Process(this, generator, name);
  }

  /** An event that succeeds once every one of `events` has succeeded (fails with the first failure). */
  allOf(events: readonly SimEvent<unknown>[]): Condition {
    return new Condition(this, 'all_of', events);
  }

  /** An event that succeeds once any one of `events` has succeeded (fails with the first failure). */
  anyOf(events: readonly SimEvent<unknown>[]): Condition {
    return new Condition(this, 'any_of', events);
  }

  /** Stops the run after the current event (a model that would otherwise exhaust memory). */
  halt(reason: SimStopReason): void {
    this.haltReason ??= reason;
    this.heap.clear();
  }

  /**
   * Processes events with time ≤ `until` (Infinity: until none are left). `progressSpan` is the
   * simulated time that counts as fully done for progress reports. Returns the stop reason when
   * a cap, a cancel or a halt ended the run early; throws `ZeroTimeLoopError` when the clock
   * stops advancing.
   */
  run(until: number, control: RunControl = {}, progressSpan = until): SimStopReason | undefined {
    const heap = this.heap;
    const maxEvents = control.maxEvents ?? DEFAULT_MAX_EVENTS;
    const maxStall = control.maxZeroTimeEvents ?? DEFAULT_MAX_ZERO_TIME_EVENTS;
    const clock = control.now;
    const wallStart = clock ? clock() : 0;
    const wallLimit = clock && control.maxWallMs !== undefined ? wallStart + control.maxWallMs : Infinity;
    const startEvents = this.events;
    const startFraction = this.fraction(progressSpan);
    // Zero-time guard: the time at the end of the last chunk and the events run since at it.
    let stallAt = this.now, stalled = 0;
    for (;;) {
      const limit = Math.min(this.events + CHECK_EVERY, maxEvents);
      let events = this.events;
      const chunkStart = events;
      while (events < limit && heap.size > 0) {
        const t = heap.peekTime();
        if (t > until) break;
        this.now = t;
        const fn = heap.take();
        events++;
        fn(heap.payload);
        heap.settle();
      }
      this.events = events;
      if (this.haltReason) return this.haltReason;
      if (heap.size === 0 || heap.peekTime() > until) {
        if (until !== Infinity && until > this.now) this.now = until;
        return undefined;
      }
      if (events >= maxEvents) return 'max_events';
      if (this.now !== stallAt) {
        stallAt = this.now;
        stalled = 0;
      } else if ((stalled += events - chunkStart) >= maxStall) {
        const reason = this.confirmZeroTimeLoop(until, maxEvents, stalled);
        if (reason) return reason;
        stallAt = this.now;
        stalled = 0;
      }
      if (control.isCancelled?.()) return 'cancelled';
      if (wallLimit !== Infinity && (clock as () => number)() >= wallLimit) return 'max_wall_s';
      if (control.onProgress) {
        const fraction = this.fraction(progressSpan);
        if (!clock) control.onProgress({ fraction, events });
        else {
          const elapsed = clock() - wallStart;
          const done = fraction - startFraction;
          control.onProgress({
            fraction,
            events,
            eventsPerSec: elapsed > 0 ? ((events - startEvents) / elapsed) * 1000 : 0,
            etaMs: done > 0 ? (elapsed * (1 - fraction)) / done : null,
          });
        }
      }
    }
  }

  private fraction(span: number): number {
    return span > 0 && span !== Infinity ? Math.min(1, this.now / span) : 0;
  }

  /**
   * The clock has stood still for `stalled` events. Runs up to LOOP_SAMPLE more events (they are
   * ordinary events of the run), tallying their kinds; if the clock moves on meanwhile it was a
   * long burst, not a loop. Otherwise throws, naming the kinds.
   */
  private confirmZeroTimeLoop(until: number, maxEvents: number, stalled: number): SimStopReason | undefined {
    const heap = this.heap;
    const kinds = new Map<string, number>();
    const at = this.now;
    for (let k = 0; k < LOOP_SAMPLE; k++) {
      if (this.haltReason) return this.haltReason;
      if (heap.size === 0 || heap.peekTime() !== at || at > until) return undefined;
      if (this.events >= maxEvents) return 'max_events';
      const fn = heap.take();
      const payload = heap.payload;
      const kind = this.kindOf(fn, payload);
      kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
      this.events++;
      fn(payload);
      heap.settle();
    }
    if (heap.size > 0 && heap.peekTime() !== at) return undefined;
    throw new ZeroTimeLoopError(at, stalled + LOOP_SAMPLE, kinds);
  }
}
