// SimPy-style events and processes on the simulator: values in and out of generators, waiting
// for other processes, failures, interrupts, conditions. (Traces against SimPy itself are in
// simpy-golden.test.ts.)
import { describe, it, expect } from 'vitest';
import { Simulator } from '../../../simulation/engine/simulator';
import type { Interrupt, ProcessGenerator } from '../../../simulation/engine/simpy/process';

describe('processes', () => {
  it('resume with each yielded value at the right time and return a value other processes can wait for', () => {
    const sim = new Simulator();
    const seen: [number, unknown][] = [];
    function* child(): ProcessGenerator<number> {
      const v = (yield sim.timeout(2, 'two')) as string;
      seen.push([sim.now, v]);
      return 42;
    }
    function* parent(): ProcessGenerator {
      const r = (yield sim.process(child(), 'child')) as number;
      seen.push([sim.now, r]);
      const ev = sim.event<string>('signal');
      sim.schedule(1.5, () => ev.succeed('go'));
      const go = yield ev;
      seen.push([sim.now, go]);
    }
    const p = sim.process(parent(), 'parent');
    expect(p.isAlive).toBe(true);
    sim.run(Infinity);
    expect(seen).toEqual([[2, 'two'], [2, 42], [3.5, 'go']]);
    expect(p.isAlive).toBe(false);
    expect(p.ok).toBe(true);
  });

  it('continue at once when they yield an event that has already been processed', () => {
    const sim = new Simulator();
    const done = sim.timeout(1, 'x');
    const times: number[] = [];
    function* late(): ProcessGenerator {
      yield sim.timeout(5);
      const v = yield done; // processed at t = 1
      times.push(sim.now, v === 'x' ? 1 : 0);
    }
    sim.process(late());
    sim.run(Infinity);
    expect(times).toEqual([5, 1]);
  });

  it('throw a failed event into the waiting process; an uncaught failure stops the run', () => {
    const sim = new Simulator();
    const caught: string[] = [];
    const ev = sim.event('job');
    function* handler(): ProcessGenerator {
      try { yield ev; } catch (e) { caught.push((e as Error).message); }
    }
    sim.process(handler());
    sim.schedule(1, () => ev.fail(new Error('boom')));
    sim.run(Infinity);
    expect(caught).toEqual(['boom']);
    expect(ev.defused).toBe(true);

    const sim2 = new Simulator();
    function* broken(): ProcessGenerator { yield sim2.timeout(1); throw new Error('model bug'); }
    sim2.process(broken(), 'broken');
    expect(() => sim2.run(Infinity)).toThrow('model bug');
  });

  it('a process waiting for a failed process gets its error', () => {
    const sim = new Simulator();
    function* failing(): ProcessGenerator { yield sim.timeout(1); throw new Error('inner'); }
    let got = '';
    function* watcher(): ProcessGenerator {
      try { yield sim.process(failing()); } catch (e) { got = `${sim.now}:${(e as Error).message}`; }
    }
    sim.process(watcher());
    sim.run(Infinity);
    expect(got).toBe('1:inner');
  });

  it('reject yielding a non-event', () => {
    const sim = new Simulator();
    function* bad(): ProcessGenerator { yield 5 as never; }
    sim.process(bad(), 'bad');
    expect(() => sim.run(Infinity)).toThrow(/process bad yielded 5, which is not an event/);
  });

  it('interrupt: the target event no longer resumes the process; interrupts after the end are refused', () => {
    const sim = new Simulator();
    const log: string[] = [];
    function* sleeper(): ProcessGenerator {
      try {
        yield sim.timeout(10);
        log.push('woke normally');
      } catch (e) {
        log.push(`${sim.now} ${(e as Interrupt).cause as string}`);
      }
      yield sim.timeout(1);
      log.push(`${sim.now} done`);
    }
    const p = sim.process(sleeper(), 'sleeper');
    sim.schedule(3, () => p.interrupt('wake up'));
    sim.run(Infinity);
    expect(log).toEqual(['3 wake up', '4 done']);
    expect(sim.now).toBe(10); // the abandoned timeout still fires, resuming nobody
    expect(() => p.interrupt()).toThrow(/has ended/);
  });

  it('an interrupt is delivered before ordinary events at the same time (URGENT)', () => {
    const sim = new Simulator();
    const log: string[] = [];
    function* worker(): ProcessGenerator {
      try { yield sim.timeout(5); log.push('finished'); } catch { log.push(`interrupted at ${sim.now}`); }
    }
    // At t = 5 the interrupting callback runs first (scheduled first); the worker's timeout and
    // the logger are ordinary events already waiting at t = 5, yet the interrupt overtakes them.
    const p = sim.process(worker());
    sim.schedule(5, () => p.interrupt());
    sim.schedule(5, () => log.push('logger'));
    sim.run(Infinity);
    expect(log).toEqual(['interrupted at 5', 'logger']);
  });

  it('a process cannot interrupt itself', () => {
    const sim = new Simulator();
    const box: { self?: ReturnType<Simulator['process']> } = {};
    function* selfish(): ProcessGenerator { yield sim.timeout(1); box.self!.interrupt(); }
    box.self = sim.process(selfish(), 'selfish');
    expect(() => sim.run(Infinity)).toThrow(/cannot interrupt itself/);
  });

  it('allOf waits for every event; anyOf for the first; their values list the processed events', () => {
    const sim = new Simulator();
    const out: string[] = [];
    function* main(): ProcessGenerator {
      const a = sim.timeout(1, 'a'), b = sim.timeout(3, 'b');
      const any = (yield sim.anyOf([a, b])) as Map<unknown, unknown>;
      out.push(`${sim.now} any ${[...any.values()].join(',')}`);
      const all = (yield sim.allOf([a, b])) as Map<unknown, unknown>;
      out.push(`${sim.now} all ${[...all.values()].join(',')}`);
      const none = (yield sim.allOf([])) as Map<unknown, unknown>;
      out.push(`${sim.now} empty ${none.size}`);
    }
    sim.process(main());
    sim.run(Infinity);
    expect(out).toEqual(['1 any a', '3 all a,b', '3 empty 0']);
  });

  it('a condition fails with the first failure among its events', () => {
    const sim = new Simulator();
    const bad = sim.event('bad');
    let msg = '';
    function* main(): ProcessGenerator {
      try { yield sim.allOf([sim.timeout(5), bad]); } catch (e) { msg = `${sim.now} ${(e as Error).message}`; }
    }
    sim.process(main());
    sim.schedule(2, () => bad.fail(new Error('nope')));
    sim.run(Infinity);
    expect(msg).toBe('2 nope');
  });

  it('events can be triggered only once, and their value is unavailable while pending', () => {
    const sim = new Simulator();
    const ev = sim.event('once');
    expect(() => ev.value).toThrow(/not available yet/);
    ev.succeed(1);
    expect(() => ev.succeed(2)).toThrow(/already been triggered/);
    expect(() => sim.timeout(-1)).toThrow(/delay must be ≥ 0/);
    sim.run(Infinity);
    expect(ev.processed).toBe(true);
    expect(() => ev.onProcessed(() => undefined)).toThrow(/already been processed/);
  });

  it('callback events and processes share one clock and one FIFO order', () => {
    const sim = new Simulator();
    const order: string[] = [];
    sim.schedule(1, () => order.push('callback A'));
    function* p(): ProcessGenerator { yield sim.timeout(1); order.push('process'); }
    sim.process(p());
    sim.schedule(1, () => order.push('callback B'));
    sim.run(Infinity);
    expect(order).toEqual(['callback A', 'callback B', 'process']);
  });
});
