// The simulation clock and event loop (SimPy's Environment, callback flavour). The host's
// RunControl is honoured between chunks of events: the event cap exactly, the wall-clock cap,
// cancel and progress every CHECK_EVERY events, so the hot loop stays a pop and a call.
import type { RunControl, StopReason } from '../run/types';
import { EventHeap, type EventFn } from './event-heap';

export type { EventFn };
/** Why a run ended early; `max_queue` when a model's bounded memory would be exceeded. */
export type SimStopReason = StopReason;

const CHECK_EVERY = 4096;
export const DEFAULT_MAX_EVENTS = 1e9;

export class Simulator {
  now = 0;
  /** Events processed so far (over every `run` call). */
  events = 0;
  private readonly heap = new EventHeap();
  private haltReason: SimStopReason | undefined;

  /** Schedules `fn(payload)` `delay` time units from now (delay ≥ 0). */
  schedule(delay: number, fn: EventFn, payload = 0): void {
    this.heap.push(this.now + delay, fn, payload);
  }

  /** Schedules `fn(payload)` at absolute time `t` (t ≥ now). */
  scheduleAt(t: number, fn: EventFn, payload = 0): void {
    this.heap.push(t, fn, payload);
  }

  /** Time of the next event (Infinity when none). */
  peek(): number {
    return this.heap.peekTime();
  }

  /** Stops the run after the current event (a model that would otherwise exhaust memory). */
  halt(reason: SimStopReason): void {
    this.haltReason ??= reason;
    this.heap.clear();
  }

  /**
   * Processes events with time ≤ `until` (Infinity: until none are left). `progressSpan` is the
   * simulated time that counts as fully done for progress reports. Returns the stop reason when
   * a cap, a cancel or a halt ended the run early.
   */
  run(until: number, control: RunControl = {}, progressSpan = until): SimStopReason | undefined {
    const heap = this.heap;
    const maxEvents = control.maxEvents ?? DEFAULT_MAX_EVENTS;
    const clock = control.now;
    const wallLimit = clock && control.maxWallMs !== undefined ? clock() + control.maxWallMs : Infinity;
    for (;;) {
      const limit = Math.min(this.events + CHECK_EVERY, maxEvents);
      let events = this.events;
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
      if (control.isCancelled?.()) return 'cancelled';
      if (clock && clock() >= wallLimit) return 'max_wall_s';
      if (control.onProgress) {
        const fraction = progressSpan > 0 && progressSpan !== Infinity ? Math.min(1, this.now / progressSpan) : 0;
        control.onProgress({ fraction, events });
      }
    }
  }
}
