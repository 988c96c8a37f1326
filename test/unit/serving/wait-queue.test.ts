// The waiting line against a plain array model (fast-check `commands`): FCFS order, holes left
// by timed-out requests, requests put back at the head, growth, and the memory bound.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WaitQueue } from '../../../simulation/serving/wait-queue';

interface Entry { p: number; a: number; j: number }
interface Model { entries: Entry[] }
type Real = { q: WaitQueue; issued: number[] };

class Push implements fc.Command<Model, Real> {
  constructor(readonly a: number) {}
  check = () => true;
  run(m: Model, r: Real) {
    expect(r.q.push(this.a, this.a + 1)).toBe(true);
    m.entries.push({ p: r.q.lastIndex, a: this.a, j: this.a + 1 });
    r.issued.push(r.q.lastIndex);
    expect(r.q.live).toBe(m.entries.length);
  }
  toString = () => `push(${this.a})`;
}

class Unshift implements fc.Command<Model, Real> {
  constructor(readonly a: number) {}
  check = () => true;
  run(m: Model, r: Real) {
    expect(r.q.unshift(this.a, this.a + 2)).toBe(true);
    m.entries.unshift({ p: r.q.lastIndex, a: this.a, j: this.a + 2 });
    r.issued.push(r.q.lastIndex);
  }
  toString = () => `unshift(${this.a})`;
}

class Shift implements fc.Command<Model, Real> {
  check = (m: Readonly<Model>) => m.entries.length > 0;
  run(m: Model, r: Real) {
    const e = m.entries.shift()!;
    expect(r.q.headArrival).toBe(e.a);
    expect(r.q.headJoin).toBe(e.j);
    r.q.shift();
    expect([r.q.shiftedArrival, r.q.shiftedJoin]).toEqual([e.a, e.j]);
    expect(r.q.live).toBe(m.entries.length);
  }
  toString = () => 'shift';
}

class Remove implements fc.Command<Model, Real> {
  constructor(readonly pick: number) {}
  check = (m: Readonly<Model>) => m.entries.length > 0;
  run(m: Model, r: Real) {
    const k = this.pick % m.entries.length;
    const e = m.entries[k]!;
    expect(r.q.arrivalAt(e.p)).toBe(e.a);
    r.q.remove(e.p);
    m.entries.splice(k, 1);
    expect(r.q.arrivalAt(e.p)).toBeNaN();
    expect(r.q.live).toBe(m.entries.length);
    if (m.entries.length > 0) expect(r.q.headArrival).toBe(m.entries[0]!.a);
  }
  toString = () => `remove(#${this.pick})`;
}

describe('WaitQueue', () => {
  it('behaves like an array with FCFS shift, head insertion and removal by index', () => {
    const commands = [
      fc.integer({ min: 0, max: 1e6 }).map((a) => new Push(a)),
      fc.integer({ min: 0, max: 1e6 }).map((a) => new Unshift(a)),
      fc.constant(new Shift()),
      fc.nat().map((k) => new Remove(k)),
    ];
    fc.assert(fc.property(fc.commands(commands, { size: '+1' }), (cmds) => {
      const real: Real = { q: new WaitQueue(), issued: [] };
      const model: Model = { entries: [] };
      fc.modelRun(() => ({ model, real }), cmds);
      // Every live entry is still addressable by its index; counts agree.
      for (const e of model.entries) expect(real.q.arrivalAt(e.p)).toBe(e.a);
      expect(real.q.countArrivedSince(-1)).toBe(model.entries.length);
    }), { numRuns: 300 });
  });

  it('grows past its first block keeping order, and refuses entries beyond its bound', () => {
    const q = new WaitQueue(5000);
    for (let i = 0; i < 5000; i++) expect(q.push(i, i)).toBe(true);
    expect(q.push(5000, 5000)).toBe(false);
    expect(q.unshift(-1, -1)).toBe(false);
    expect(q.capacity).toBe(8192);
    for (let i = 0; i < 5000; i++) { q.shift(); expect(q.shiftedArrival).toBe(i); }
    expect(q.live).toBe(0);
    expect(q.countArrivedSince(0)).toBe(0);
  });
});
