import { describe, it, expect } from 'vitest';
import { EventHeap } from '../../../simulation/engine/event-heap';
import { CHECK_EVERY, Simulator } from '../../../simulation/engine/simulator';
import { ZeroTimeLoopError } from '../../../simulation/engine/zero-time';
import type { ProcessGenerator } from '../../../simulation/engine/simpy/process';
import { deriveStream } from '../../../simulation/random/rng';

describe('EventHeap', () => {
  it('pops in (time, seq) order: time ascending, equal times in scheduling order (FIFO)', () => {
    const rng = deriveStream(1, 0, 'heap-test');
    const heap = new EventHeap();
    const pushed: { t: number; id: number }[] = [];
    const popped: number[] = [];
    // Few distinct times, so most events tie; more than the initial capacity, so it grows.
    for (let id = 0; id < 5000; id++) {
      const t = Math.floor(rng.next() * 20);
      pushed.push({ t, id });
      heap.push(t, (p) => popped.push(p), id);
    }
    while (heap.size > 0) heap.pop()(heap.payload);
    const expected = [...pushed].sort((a, b) => a.t - b.t || a.id - b.id).map((e) => e.id);
    expect(popped).toEqual(expected);
  });

  it('keeps FIFO order for ties when pushes and pops interleave', () => {
    const heap = new EventHeap();
    const order: string[] = [];
    heap.push(1, () => order.push('a'), 0);
    heap.push(1, () => order.push('b'), 0);
    heap.pop()(0);
    heap.push(1, () => order.push('c'), 0);
    heap.push(0.5, () => order.push('early'), 0);
    while (heap.size > 0) heap.pop()(0);
    expect(order).toEqual(['a', 'early', 'b', 'c']);
  });
});

describe('Simulator', () => {
  /** A self-rescheduling ticker: one event per time unit, forever. */
  const ticker = (sim: Simulator) => {
    const tick = () => sim.schedule(1, tick);
    sim.schedule(1, tick);
  };

  it('advances the clock to each event and never goes back', () => {
    const sim = new Simulator();
    const seen: number[] = [];
    const rng = deriveStream(2, 0, 'sim-test');
    const step = () => { seen.push(sim.now); if (seen.length < 1000) sim.schedule(rng.next() * 3, step); };
    sim.schedule(0, step);
    sim.schedule(0, step);
    expect(sim.run(Infinity)).toBeUndefined();
    for (let i = 1; i < seen.length; i++) expect(seen[i]!).toBeGreaterThanOrEqual(seen[i - 1]!);
  });

  it('keeps FIFO order when a handler schedules at the current time (root replaced in place)', () => {
    const sim = new Simulator();
    const order: string[] = [];
    sim.schedule(1, () => { order.push('a'); sim.schedule(0, () => order.push('c')); });
    sim.schedule(1, () => { order.push('b'); sim.schedule(0, () => order.push('d')); sim.schedule(0, () => order.push('e')); });
    sim.schedule(2, () => order.push('f'));
    sim.run(Infinity);
    expect(order).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
  });

  it('orders a random event cascade exactly like a sorted reference', () => {
    // Each handler schedules 0–2 children at random delays (many zero): the dispatch order must
    // equal the (time, scheduling order) order, which a reference list sorted stably reproduces.
    const sim = new Simulator();
    const rng = deriveStream(9, 0, 'cascade');
    const scheduled: { t: number; id: number }[] = [];
    const ran: number[] = [];
    let nextId = 0;
    const add = (delay: number) => {
      const id = nextId++;
      scheduled.push({ t: sim.now + delay, id });
      sim.schedule(delay, () => {
        ran.push(id);
        if (nextId < 20_000) for (let k = Math.floor(rng.next() * 3); k > 0; k--) add(rng.next() < 0.3 ? 0 : Math.floor(rng.next() * 5));
      });
    };
    for (let k = 0; k < 50; k++) add(Math.floor(rng.next() * 5));
    sim.run(Infinity);
    const expected = [...scheduled].sort((x, y) => x.t - y.t || x.id - y.id).map((e) => e.id);
    expect(ran).toEqual(expected);
  });

  it('stops at `until`, leaving later events queued', () => {
    const sim = new Simulator();
    ticker(sim);
    expect(sim.run(10.5)).toBeUndefined();
    expect(sim.events).toBe(10);
    expect(sim.now).toBe(10.5);
    expect(sim.peek()).toBe(11);
  });

  it('stops exactly at the event cap with reason max_events', () => {
    const sim = new Simulator();
    ticker(sim);
    expect(sim.run(Infinity, { maxEvents: 10_007 })).toBe('max_events');
    expect(sim.events).toBe(10_007);
  });

  it('polls cancel every few thousand events', () => {
    const sim = new Simulator();
    ticker(sim);
    let polls = 0;
    expect(sim.run(Infinity, { isCancelled: () => ++polls >= 3 })).toBe('cancelled');
    expect(sim.events).toBeGreaterThan(0);
    expect(sim.events).toBeLessThanOrEqual(3 * 4096);
  });

  it('honours the injected wall clock cap', () => {
    const sim = new Simulator();
    ticker(sim);
    let fake = 0;
    const now = () => (fake += 10); // each reading advances 10 ms
    expect(sim.run(Infinity, { now, maxWallMs: 100 })).toBe('max_wall_s');
    expect(sim.events).toBeLessThanOrEqual(11 * 4096);
  });

  it('reports progress as simulated time over the span, nondecreasing, within [0, 1]', () => {
    const sim = new Simulator();
    ticker(sim);
    const fractions: number[] = [];
    sim.run(20_000, { onProgress: (p) => fractions.push(p.fraction) }, 20_000);
    expect(fractions.length).toBeGreaterThan(2);
    for (let i = 1; i < fractions.length; i++) expect(fractions[i]!).toBeGreaterThanOrEqual(fractions[i - 1]!);
    expect(fractions.every((f) => f >= 0 && f <= 1)).toBe(true);
    expect(fractions[0]!).toBeCloseTo(4096 / 20_000, 6);
  });

  it('halt ends the run with the given reason', () => {
    const sim = new Simulator();
    ticker(sim);
    sim.schedule(5.5, () => sim.halt('max_queue'));
    expect(sim.run(Infinity)).toBe('max_queue');
    expect(sim.now).toBe(5.5);
  });
});

describe('EventHeap urgent events (SimPy URGENT)', () => {
  it('pops urgent events before ordinary ones at the same time, FIFO among themselves, never before an earlier time', () => {
    const heap = new EventHeap();
    const order: string[] = [];
    const ev = (name: string) => () => order.push(name);
    heap.push(1, ev('n1'), 0);
    heap.push(0.5, ev('early'), 0);
    heap.pushUrgent(1, ev('u1'), 0);
    heap.push(1, ev('n2'), 0);
    heap.pushUrgent(1, ev('u2'), 0);
    heap.pushUrgent(2, ev('late-urgent'), 0);
    while (heap.size > 0) heap.pop()(0);
    expect(order).toEqual(['early', 'u1', 'u2', 'n1', 'n2', 'late-urgent']);
  });
});

describe('zero-time loop guard', () => {
  it('stops a handler that reschedules itself at delay 0, naming its label and the time', () => {
    const sim = new Simulator();
    const spin = sim.label(() => sim.schedule(0, spin), 'serving/api/spin');
    sim.schedule(0, () => undefined);
    sim.schedule(2.5, spin);
    let error: unknown;
    try { sim.run(Infinity, { maxZeroTimeEvents: 20_000 }); } catch (e) { error = e; }
    expect(error).toBeInstanceOf(ZeroTimeLoopError);
    const z = error as ZeroTimeLoopError;
    expect(z.time).toBe(2.5);
    expect(z.message).toMatch(/clock stayed at t = 2\.5/);
    expect(z.message).toMatch(/serving\/api\/spin ×1000/);
    // Detected after at most the limit + one chunk + the confirming sample.
    expect(sim.events).toBeLessThanOrEqual(1 + 20_000 + 2 * CHECK_EVERY + 1000);
  });

  it('names an unlabelled handler by its function name, and a process loop by its event and process kinds', () => {
    const sim = new Simulator();
    function onRetry() { sim.schedule(0, onRetry); }
    sim.schedule(1, onRetry);
    expect(() => sim.run(Infinity, { maxZeroTimeEvents: 10_000 })).toThrow(/onRetry ×1000/);

    const sim2 = new Simulator();
    function* poller(): ProcessGenerator { for (;;) yield sim2.timeout(0); }
    sim2.process(poller(), 'poller');
    expect(() => sim2.run(Infinity, { maxZeroTimeEvents: 10_000 })).toThrow(/timeout \(poller\) ×1000/);
  });

  it('lets a long burst at one time pass when the clock moves on within the confirming sample', () => {
    const sim = new Simulator();
    // The guard counts whole chunks spent at one time after the first: with a limit of three
    // chunks it suspects a loop after four chunks, then samples 1000 more events.
    const burst = 4 * CHECK_EVERY + 500;
    let left = burst;
    const step = () => { if (--left > 0) sim.schedule(0, step); else sim.schedule(1, () => undefined); };
    sim.schedule(3, step);
    expect(sim.run(Infinity, { maxZeroTimeEvents: 3 * CHECK_EVERY })).toBeUndefined();
    expect(sim.now).toBe(4);
    expect(sim.events).toBe(burst + 1);
  });

  it('keeps the event cap exact while confirming a loop', () => {
    const sim = new Simulator();
    const spin = () => sim.schedule(0, spin);
    sim.schedule(0, spin);
    expect(sim.run(Infinity, { maxEvents: 10_000 + 300, maxZeroTimeEvents: 10_000 })).toBe('max_events');
    expect(sim.events).toBe(10_300);
  });
});

describe('progress with an injected clock', () => {
  it('reports events/s and an ETA from the rate of progress', () => {
    const sim = new Simulator();
    const tick = () => sim.schedule(1, tick);
    sim.schedule(1, tick);
    let wall = 0;
    const reports: { fraction: number; eventsPerSec?: number; etaMs?: number | null }[] = [];
    // Each clock reading advances 1 ms: between two reports CHECK_EVERY events take ≈ 1–2 ms.
    sim.run(40_000, { now: () => ++wall, onProgress: (p) => reports.push(p) });
    expect(reports.length).toBeGreaterThan(5);
    const last = reports[reports.length - 1]!;
    expect(last.eventsPerSec!).toBeGreaterThan(1e6);
    expect(last.etaMs!).toBeGreaterThanOrEqual(0);
    // ETA = elapsed × (1 − fraction) / fraction, with elapsed = the clock readings so far.
    const mid = reports[4]!;
    expect(mid.etaMs!).toBeGreaterThan(0);
    expect(mid.etaMs!).toBeLessThan(100);
  });
});
