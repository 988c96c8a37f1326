// Queueing models written on the engine's SimPy-style kernel (processes + Resource), as a
// planner would write a new model: validated against theory in kernel-mmc.test.ts, benchmarked
// in bench/engine.ts. Statistics as the serving model keeps them: HDR histogram of waits,
// time-weighted number in system over the measured window [warmup, horizon].
import { Simulator } from '../../simulation/engine/simulator';
import type { ProcessGenerator } from '../../simulation/engine/simpy/process';
import { Resource } from '../../simulation/engine/simpy/resource';
import { deriveStream } from '../../simulation/random/rng';
import { compileDist } from '../../simulation/random/samplers';
import { Histogram } from '../../simulation/stats/histogram';
import { TimeWeighted } from '../../simulation/stats/time-weighted';

export interface MmcRun {
  /** Measured customers (arrived in [warmup, horizon)) that got a server. */
  customers: number;
  waits: Histogram;
  /** Share of measured customers that waited. */
  pWait: number;
  meanService: number;
  /** Time-average number in system over the window. */
  meanInSystem: number;
  /** Completions in the window ÷ its length. */
  throughput: number;
  events: number;
}

/** M/M/c with c servers, λ per time unit, mean service `meanS`, as SimPy's bank example. */
export function mmcOnProcesses(c: number, lambda: number, meanS: number, horizon: number, warmup: number, seed: number, replication: number): MmcRun {
  const sim = new Simulator();
  const servers = new Resource(sim, c, 'servers');
  const gap = compileDist({ dist: 'exponential', mean: 1 / lambda }, deriveStream(seed, replication, 'kernel-mmc/arrivals'));
  const service = compileDist({ dist: 'exponential', mean: meanS }, deriveStream(seed, replication, 'kernel-mmc/service'));
  const waits = new Histogram();
  const inSystem = new TimeWeighted(warmup, horizon);
  let present = 0, waited = 0, serviceSum = 0, completions = 0;

  function* customer(): ProcessGenerator {
    const arrived = sim.now;
    inSystem.set(arrived, ++present);
    const req = servers.request();
    yield req;
    const s = service();
    if (arrived >= warmup) {
      const w = sim.now - arrived;
      waits.record(w);
      if (w > 0) waited++;
      serviceSum += s;
    }
    yield sim.timeout(s);
    servers.release(req);
    inSystem.set(sim.now, --present);
    if (sim.now >= warmup && sim.now <= horizon) completions++;
  }

  function* source(): ProcessGenerator {
    for (;;) {
      yield sim.timeout(gap());
      if (sim.now >= horizon) return;
      sim.process(customer(), 'customer');
    }
  }

  sim.process(source(), 'source');
  sim.run(Infinity);
  const n = waits.count;
  return {
    customers: n,
    waits,
    pWait: waited / n,
    meanService: serviceSum / n,
    meanInSystem: inSystem.average(horizon) as number,
    throughput: completions / (horizon - warmup),
    events: sim.events,
  };
}
