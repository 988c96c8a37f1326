// Resources: capacity, FIFO and priority lines, withdrawal, preemption. Random workloads check
// the invariants (no slot over-allocated, every request granted once unless withdrawn, grant
// order = line order); simpy-golden.test.ts checks exact traces against SimPy.
import { describe, it, expect } from 'vitest';
import { Simulator } from '../../../simulation/engine/simulator';
import { Interrupt, type ProcessGenerator } from '../../../simulation/engine/simpy/process';
import { compareRequests, PreemptiveResource, PriorityResource, Resource, type Preempted, type Request } from '../../../simulation/engine/simpy/resource';
import { deriveStream } from '../../../simulation/random/rng';

interface Record { name: number; priority: number; requested: number; granted: number | null; withdrawn: boolean; req: Request }

/**
 * A random workload of processes that request a slot (random priority), some give up after a
 * random patience, and hold it for a random time. Checks capacity after every event.
 */
function workload(res: Resource, seed: number, n: number, withPriority: boolean): { records: Record[]; grantOrder: number[]; maxUsers: number } {
  const sim = res.sim;
  const rng = deriveStream(seed, 0, 'resource-workload');
  const records: Record[] = [];
  const grantOrder: number[] = [];
  let maxUsers = 0;
  function* user(rec: Omit<Record, 'req'>, patience: number, hold: number): ProcessGenerator {
    const req = withPriority ? (res as PriorityResource).request({ priority: rec.priority }) : res.request();
    const full = rec as Record;
    full.req = req;
    // Grants are processed in grant order (each at the time of its grant), before the process
    // resumes (which may take one more step through the anyOf condition).
    req.onProcessed(() => grantOrder.push(rec.name));
    records.push(full);
    try {
      if (patience === Infinity) yield req;
      else {
        const got = (yield sim.anyOf([req, sim.timeout(patience)])) as Map<unknown, unknown>;
        if (!got.has(req)) { full.withdrawn = true; return; }
      }
      full.granted = sim.now;
      maxUsers = Math.max(maxUsers, res.count);
      yield sim.timeout(hold);
    } finally {
      res.release(req);
    }
  }
  function* source(): ProcessGenerator {
    for (let k = 0; k < n; k++) {
      yield sim.timeout(Math.floor(rng.next() * 4) * 0.5); // many simultaneous arrivals
      const rec = { name: k, priority: Math.floor(rng.next() * 3), requested: sim.now, granted: null, withdrawn: false };
      sim.process(user(rec, rng.next() < 0.2 ? rng.next() * 3 : Infinity, 0.5 + Math.floor(rng.next() * 6) * 0.5));
    }
  }
  sim.process(source());
  let overAllocated = 0;
  const check = () => { if (res.count > res.capacity) overAllocated++; if (sim.pending > 0) sim.schedule(0.25, check); };
  sim.schedule(0, check);
  sim.run(Infinity);
  expect(overAllocated).toBe(0);
  return { records, grantOrder, maxUsers };
}

describe('Resource (FIFO)', () => {
  it('never exceeds capacity, grants every request once in request order, never a withdrawn one', () => {
    const res = new Resource(new Simulator(), 3, 'desk');
    const { records, grantOrder, maxUsers } = workload(res, 1, 400, false);
    expect(maxUsers).toBe(3);
    const served = records.filter((r) => !r.withdrawn);
    expect(records.some((r) => r.withdrawn)).toBe(true);
    expect(served.every((r) => r.granted !== null && r.granted >= r.requested)).toBe(true);
    expect(records.filter((r) => r.withdrawn).every((r) => r.granted === null)).toBe(true);
    // FIFO: grants follow request order among the requests that were served.
    expect(grantOrder).toEqual(served.map((r) => r.name).sort((a, b) => a - b));
    expect(res.count).toBe(0);
    expect(res.queueLength).toBe(0);
  });

  it('reports users and the waiting line; release of a waiting request withdraws it; double release is harmless', () => {
    const sim = new Simulator();
    const res = new Resource(sim, 1, 'gpu');
    const a = res.request(), b = res.request(), c = res.request();
    expect(res.count).toBe(1);
    expect(res.users).toEqual([a]);
    expect(res.queue).toEqual([b, c]);
    res.release(b); // withdraw
    expect(res.queueLength).toBe(1);
    res.release(a);
    res.release(a);
    sim.run(Infinity);
    expect(res.users).toEqual([c]);
    expect(b.triggered).toBe(false);
    expect(c.usageSince).toBe(0);
    expect(() => new Resource(sim, 0)).toThrow(/capacity must be an integer > 0/);
    expect(() => new Resource(sim, 1, 'other').release(c)).toThrow(/does not belong/);
  });
});

describe('PriorityResource', () => {
  it('grants by (priority, request time, request order): each grant goes to the least key then waiting', () => {
    const res = new PriorityResource(new Simulator(), 2, 'pool');
    const { records } = workload(res, 2, 400, true);
    const served = records.filter((r) => !r.withdrawn);
    expect(served.length).toBeGreaterThan(300);
    // For any two served requests, if b was waiting when a was granted (and a was granted first
    // at that moment), a's key is smaller.
    for (const a of served) {
      for (const b of served) {
        if (a === b) continue;
        const bWaiting = b.requested <= a.granted! && b.granted! > a.granted!;
        if (bWaiting && b.requested < a.granted!) expect(compareRequests(a.req, b.req)).toBeLessThan(0);
      }
    }
  });

  it('orders requests made at the same time by priority, then FIFO', () => {
    const sim = new Simulator();
    const res = new PriorityResource(sim, 1);
    const holder = res.request();
    const reqs = [2, 0, 1, 0, 2, 1].map((priority) => res.request({ priority }));
    expect(res.queue.map((r) => reqs.indexOf(r))).toEqual([1, 3, 2, 5, 0, 4]);
    res.release(holder);
    sim.run(Infinity);
    expect(res.users).toEqual([reqs[1]]);
  });
});

describe('PreemptiveResource', () => {
  it('a more important preempting request evicts the least important user, whose process is interrupted', () => {
    const sim = new Simulator();
    const res = new PreemptiveResource(sim, 2, 'gpus');
    const log: string[] = [];
    function* job(name: string, at: number, priority: number, work: number, preempt = true): ProcessGenerator {
      yield sim.timeout(at);
      const req = res.request({ priority, preempt });
      try {
        yield req;
        log.push(`${sim.now} ${name} start`);
        yield sim.timeout(work);
        log.push(`${sim.now} ${name} done`);
      } catch (e) {
        if (!(e instanceof Interrupt)) throw e;
        const c = e.cause as Preempted;
        log.push(`${sim.now} ${name} preempted by ${c.by!.kind} (held since ${c.usageSince})`);
      } finally {
        res.release(req);
      }
    }
    sim.process(job('low-early', 0, 2, 10), 'low-early');
    sim.process(job('low-late', 1, 2, 10), 'low-late');
    sim.process(job('mid-nopreempt', 2, 1, 1, false), 'mid-nopreempt'); // waits
    sim.process(job('high', 3, 0, 1), 'high'); // evicts low-late (same priority as low-early, later request)
    sim.process(job('equal', 4, 2, 1), 'equal'); // same priority as the users: no eviction
    sim.run(Infinity);
    expect(log).toEqual([
      '0 low-early start',
      '1 low-late start',
      '3 low-late preempted by high (held since 1)',
      '3 high start',
      '4 high done',
      '4 mid-nopreempt start',
      '5 mid-nopreempt done',
      '5 equal start', // waited for a slot: equal priority does not preempt
      '6 equal done',
      '10 low-early done',
    ]);
  });

  it('random workloads: capacity holds and every preemption evicts a user with a greater key than the preemptor', () => {
    const sim = new Simulator();
    const res = new PreemptiveResource(sim, 3, 'pool');
    const rng = deriveStream(5, 0, 'preempt');
    let preemptions = 0;
    function* job(k: number): ProcessGenerator<number> {
      const req = res.request({ priority: Math.floor(rng.next() * 4), preempt: rng.next() < 0.7 });
      try {
        yield req;
        expect(res.count).toBeLessThanOrEqual(3);
        yield sim.timeout(0.5 + rng.next() * 3);
      } catch (e) {
        if (!(e instanceof Interrupt)) throw e;
        preemptions++;
        const by = (e.cause as Preempted).by!;
        const byReq = res.users.find((u) => u.proc === by)!;
        expect(compareRequests(req, byReq)).toBeGreaterThan(0);
        expect(req.preempted).toBe(e.cause);
      } finally {
        res.release(req);
      }
      return k;
    }
    function* source(): ProcessGenerator {
      for (let k = 0; k < 500; k++) {
        yield sim.timeout(rng.next() * 0.8);
        sim.process(job(k), `job${k}`);
      }
    }
    sim.process(source());
    sim.run(Infinity);
    expect(preemptions).toBeGreaterThan(20);
    expect(res.count).toBe(0);
  });
});
