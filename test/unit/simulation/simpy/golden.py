"""Golden traces from SimPy for the engine's processes and resources (simpy-golden.test.ts).

Each model below is also written in TypeScript in simpy-golden.test.ts; both print one line per
step, and the test compares the TypeScript lines with the lines this script wrote to golden.json.
Regenerate (Debian python3-simpy3, SimPy 3.0.x):
    /usr/bin/python3 test/unit/simulation/simpy/golden.py > test/unit/simulation/simpy/golden.json
Times are sums of binary fractions or integers, so Python and JavaScript compute them
identically. Lines carry times formatted with repr(), which matches JavaScript's String() for
the values used here.
"""
import json

import simpy


def fmt(t):
    return repr(float(t)).removesuffix('.0') if float(t).is_integer() else repr(t)


class Lcg:
    """Park–Miller minimal standard generator: integer-exact in both languages."""

    def __init__(self, seed):
        self.s = seed

    def next(self, n):
        self.s = (self.s * 48271) % 2147483647
        return self.s % n


def doc_users(env, res, log, use):
    """SimPy documentation, "Shared Resources": users 1, 2 (at t = 1) and 3 (at t = 2, priority -1)
    request the resource, log the request and the grant, use it as `use` says, and release it."""

    def user(name, wait, prio):
        yield env.timeout(wait)
        with res.request(priority=prio) as req:
            log.append(f'{fmt(env.now)} {name} requesting with priority={prio}')
            yield req
            log.append(f'{fmt(env.now)} {name} got resource')
            yield from use(name)

    for name, wait, prio in [(1, 0, 0), (2, 1, 0), (3, 2, -1)]:
        p = env.process(user(name, wait, prio))
        p.name = str(name)
    env.run()


def doc_priority(log):
    """SimPy documentation, "Shared Resources": PriorityResource."""
    env = simpy.Environment()

    def use(name):
        yield env.timeout(3)

    doc_users(env, simpy.PriorityResource(env, capacity=1), log, use)


def doc_preemptive(log):
    """SimPy documentation, "Shared Resources": PreemptiveResource."""
    env = simpy.Environment()

    def use(name):
        try:
            yield env.timeout(3)
        except simpy.Interrupt as interrupt:
            usage = env.now - interrupt.cause.usage_since
            log.append(f'{fmt(env.now)} {name} preempted by {interrupt.cause.by.name} after {fmt(usage)}')

    doc_users(env, simpy.PreemptiveResource(env, capacity=1), log, use)


def shop(log, capacity, jobs, seed):
    """Jobs of random priority and length on a PreemptiveResource; a preempted job requeues its
    remaining work with the same priority (SimPy's machine-shop pattern)."""
    env = simpy.Environment()
    res = simpy.PreemptiveResource(env, capacity=capacity)
    rng = Lcg(seed)

    def job(name, prio, work, preempt):
        left = work
        while left > 0:
            with res.request(priority=prio, preempt=preempt) as req:
                try:
                    yield req
                except simpy.Interrupt as i:
                    # Granted and preempted at the same time, before it could resume.
                    log.append(f'{fmt(env.now)} {name} preempted before starting by {i.cause.by.name}')
                    continue
                log.append(f'{fmt(env.now)} {name} start p={prio} left={fmt(left)}')
                start = env.now
                try:
                    yield env.timeout(left)
                    left = 0
                    log.append(f'{fmt(env.now)} {name} done')
                except simpy.Interrupt as i:
                    left -= env.now - start
                    log.append(f'{fmt(env.now)} {name} preempted by {i.cause.by.name} left={fmt(left)}')

    def source():
        for k in range(jobs):
            yield env.timeout(rng.next(8) * 0.25)
            prio = rng.next(3)
            work = 0.5 + rng.next(16) * 0.125
            preempt = rng.next(4) != 0
            p = env.process(job(f'j{k}', prio, work, preempt))
            p.name = f'j{k}'
            log.append(f'{fmt(env.now)} j{k} arrives p={prio} work={fmt(work)} preempt={preempt}')

    env.process(source())
    env.run()


def bank(log, counters, customers, seed):
    """FIFO Resource with reneging: a customer waits for a counter or its patience, whichever
    comes first (any_of), and leaves if the patience ran out."""
    env = simpy.Environment()
    res = simpy.Resource(env, capacity=counters)
    rng = Lcg(seed)

    def customer(name, patience, service):
        arrive = env.now
        with res.request() as req:
            results = yield req | env.timeout(patience)
            waited = env.now - arrive
            if req in results:
                log.append(f'{fmt(env.now)} {name} served after {fmt(waited)}')
                yield env.timeout(service)
                log.append(f'{fmt(env.now)} {name} leaves')
            else:
                log.append(f'{fmt(env.now)} {name} reneged after {fmt(waited)}')

    def source():
        for k in range(customers):
            env.process(customer(f'c{k}', 0.5 + rng.next(8) * 0.5, 0.25 + rng.next(12) * 0.25))
            yield env.timeout(rng.next(5) * 0.5)

    env.process(source())
    env.run()


def interrupts(log):
    """Interrupting a process that waits on a timeout, and processes waiting for processes."""
    env = simpy.Environment()

    def worker(name, work):
        done = 0
        while done < work:
            start = env.now
            try:
                yield env.timeout(work - done)
                done = work
            except simpy.Interrupt as i:
                done += env.now - start
                log.append(f'{fmt(env.now)} {name} interrupted ({i.cause}) done={fmt(done)}')
        log.append(f'{fmt(env.now)} {name} finished')
        return name + '-result'

    def boss(target, at):
        yield env.timeout(at)
        if target.is_alive:
            target.interrupt('coffee')

    def waiter(targets):
        values = yield env.all_of(targets)
        log.append(f'{fmt(env.now)} all done: {",".join(values[t] for t in targets)}')
        first = yield env.process(worker('late', 1))
        log.append(f'{fmt(env.now)} waiter got {first}')

    a = env.process(worker('a', 5))
    b = env.process(worker('b', 2))
    env.process(boss(a, 1))
    env.process(boss(a, 1.5))
    env.process(boss(b, 3))  # b has finished by then: no interrupt
    env.process(waiter([a, b]))
    env.run()


def main():
    out = {}
    for name, model in [
        ('doc_priority', doc_priority),
        ('doc_preemptive', doc_preemptive),
        ('shop_c1', lambda log: shop(log, 1, 40, 7)),
        ('shop_c3', lambda log: shop(log, 3, 120, 11)),
        ('bank', lambda log: bank(log, 2, 80, 5)),
        ('interrupts', interrupts),
    ]:
        log = []
        model(log)
        out[name] = log
    print(json.dumps(out, indent=1))


if __name__ == '__main__':
    main()
