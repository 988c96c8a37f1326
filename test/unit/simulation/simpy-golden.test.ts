// SimPy's documentation examples and a few deterministic models, written once in SimPy
// (simpy/golden.py, run with Debian's SimPy 3.0.11 to make simpy/golden.json) and once here on
// the engine's processes and resources: the printed traces must be identical, line for line,
// including the order of lines at equal times (URGENT process starts and interrupts, grants on
// request and on processed release, preemption of a granted-but-not-yet-resumed request).
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { Simulator } from '../../../simulation/engine/simulator';
import { Interrupt, type Process, type ProcessGenerator } from '../../../simulation/engine/simpy/process';
import { PreemptiveResource, PriorityResource, Resource, type Preempted } from '../../../simulation/engine/simpy/resource';

const golden = JSON.parse(readFileSync(new URL('./simpy/golden.json', import.meta.url), 'utf8')) as Record<string, string[]>;

/** Python's float repr for the values used here equals JavaScript's String. */
const fmt = (t: number) => String(t);

/** Park–Miller minimal standard generator, as in golden.py (exact in doubles: products < 2^53). */
class Lcg {
  constructor(private s: number) {}
  next(n: number): number {
    this.s = (this.s * 48271) % 2147483647;
    return this.s % n;
  }
}

/**
 * SimPy's resource documentation examples: users 1, 2 (at t = 1) and 3 (at t = 2, priority −1)
 * each request the resource, log the request and the grant, use it as `use` says, and release it.
 */
function docUsers(sim: Simulator, res: PriorityResource, log: string[], use: (name: number) => ProcessGenerator): void {
  function* user(name: number, wait: number, prio: number): ProcessGenerator {
    yield sim.timeout(wait);
    const req = res.request({ priority: prio });
    try {
      log.push(`${fmt(sim.now)} ${name} requesting with priority=${prio}`);
      yield req;
      log.push(`${fmt(sim.now)} ${name} got resource`);
      yield* use(name);
    } finally {
      res.release(req);
    }
  }
  for (const [name, wait, prio] of [[1, 0, 0], [2, 1, 0], [3, 2, -1]] as const) sim.process(user(name, wait, prio), String(name));
  sim.run(Infinity);
}

function docPriority(log: string[]): void {
  const sim = new Simulator();
  docUsers(sim, new PriorityResource(sim, 1), log, function* () {
    yield sim.timeout(3);
  });
}

function docPreemptive(log: string[]): void {
  const sim = new Simulator();
  docUsers(sim, new PreemptiveResource(sim, 1), log, function* (name) {
    try {
      yield sim.timeout(3);
    } catch (e) {
      if (!(e instanceof Interrupt)) throw e;
      const cause = e.cause as Preempted;
      log.push(`${fmt(sim.now)} ${name} preempted by ${cause.by!.kind} after ${fmt(sim.now - cause.usageSince)}`);
    }
  });
}

function shop(log: string[], capacity: number, jobs: number, seed: number): void {
  const sim = new Simulator();
  const res = new PreemptiveResource(sim, capacity);
  const rng = new Lcg(seed);
  function* job(name: string, prio: number, work: number, preempt: boolean): ProcessGenerator {
    let left = work;
    while (left > 0) {
      const req = res.request({ priority: prio, preempt });
      try {
        try {
          yield req;
        } catch (e) {
          if (!(e instanceof Interrupt)) throw e;
          log.push(`${fmt(sim.now)} ${name} preempted before starting by ${(e.cause as Preempted).by!.kind}`);
          continue;
        }
        log.push(`${fmt(sim.now)} ${name} start p=${prio} left=${fmt(left)}`);
        const start = sim.now;
        try {
          yield sim.timeout(left);
          left = 0;
          log.push(`${fmt(sim.now)} ${name} done`);
        } catch (e) {
          if (!(e instanceof Interrupt)) throw e;
          left -= sim.now - start;
          log.push(`${fmt(sim.now)} ${name} preempted by ${(e.cause as Preempted).by!.kind} left=${fmt(left)}`);
        }
      } finally {
        res.release(req);
      }
    }
  }
  function* source(): ProcessGenerator {
    for (let k = 0; k < jobs; k++) {
      yield sim.timeout(rng.next(8) * 0.25);
      const prio = rng.next(3);
      const work = 0.5 + rng.next(16) * 0.125;
      const preempt = rng.next(4) !== 0;
      sim.process(job(`j${k}`, prio, work, preempt), `j${k}`);
      log.push(`${fmt(sim.now)} j${k} arrives p=${prio} work=${fmt(work)} preempt=${preempt ? 'True' : 'False'}`);
    }
  }
  sim.process(source(), 'source');
  sim.run(Infinity);
}

function bank(log: string[], counters: number, customers: number, seed: number): void {
  const sim = new Simulator();
  const res = new Resource(sim, counters);
  const rng = new Lcg(seed);
  function* customer(name: string, patience: number, service: number): ProcessGenerator {
    const arrive = sim.now;
    const req = res.request();
    try {
      const results = (yield sim.anyOf([req, sim.timeout(patience)])) as Map<unknown, unknown>;
      const waited = sim.now - arrive;
      if (results.has(req)) {
        log.push(`${fmt(sim.now)} ${name} served after ${fmt(waited)}`);
        yield sim.timeout(service);
        log.push(`${fmt(sim.now)} ${name} leaves`);
      } else {
        log.push(`${fmt(sim.now)} ${name} reneged after ${fmt(waited)}`);
      }
    } finally {
      res.release(req);
    }
  }
  function* source(): ProcessGenerator {
    for (let k = 0; k < customers; k++) {
      sim.process(customer(`c${k}`, 0.5 + rng.next(8) * 0.5, 0.25 + rng.next(12) * 0.25));
      yield sim.timeout(rng.next(5) * 0.5);
    }
  }
  sim.process(source());
  sim.run(Infinity);
}

function interrupts(log: string[]): void {
  const sim = new Simulator();
  function* worker(name: string, work: number): ProcessGenerator<string> {
    let done = 0;
    while (done < work) {
      const start = sim.now;
      try {
        yield sim.timeout(work - done);
        done = work;
      } catch (e) {
        if (!(e instanceof Interrupt)) throw e;
        done += sim.now - start;
        log.push(`${fmt(sim.now)} ${name} interrupted (${String(e.cause)}) done=${fmt(done)}`);
      }
    }
    log.push(`${fmt(sim.now)} ${name} finished`);
    return `${name}-result`;
  }
  function* boss(target: Process<string>, at: number): ProcessGenerator {
    yield sim.timeout(at);
    if (target.isAlive) target.interrupt('coffee');
  }
  function* waiter(targets: Process<string>[]): ProcessGenerator {
    const values = (yield sim.allOf(targets)) as Map<unknown, string>;
    log.push(`${fmt(sim.now)} all done: ${targets.map((t) => values.get(t)).join(',')}`);
    const first = (yield sim.process(worker('late', 1))) as string;
    log.push(`${fmt(sim.now)} waiter got ${first}`);
  }
  const a = sim.process(worker('a', 5));
  const b = sim.process(worker('b', 2));
  sim.process(boss(a, 1));
  sim.process(boss(a, 1.5));
  sim.process(boss(b, 3));
  sim.process(waiter([a, b]));
  sim.run(Infinity);
}

const models: [string, (log: string[]) => void][] = [
  ['doc_priority', docPriority],
  ['doc_preemptive', docPreemptive],
  ['shop_c1', (log) => shop(log, 1, 40, 7)],
  ['shop_c3', (log) => shop(log, 3, 120, 11)],
  ['bank', (log) => bank(log, 2, 80, 5)],
  ['interrupts', interrupts],
];

describe('processes and resources reproduce SimPy traces', () => {
  for (const [name, model] of models) {
    it(`${name} (${golden[name]!.length} lines)`, () => {
      const log: string[] = [];
      model(log);
      expect(log).toEqual(golden[name]);
    });
  }

  it('the golden models exercise preemption, preemption before resuming, reneging and interrupts', () => {
    const all = Object.values(golden).flat();
    expect(all.filter((l) => / preempted by /.test(l)).length).toBeGreaterThanOrEqual(5);
    expect(all.some((l) => l.includes('preempted before starting'))).toBe(true);
    expect(all.filter((l) => l.includes('reneged')).length).toBeGreaterThanOrEqual(5);
    expect(all.filter((l) => l.includes('interrupted (coffee)')).length).toBe(2);
  });
});
