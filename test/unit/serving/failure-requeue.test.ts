// A failure at a chosen moment (white-box: the model's failure handler, scheduled by the test)
// sends the requests in service back to the head of the line, in the order they joined it,
// ahead of those already waiting; the replica serves again after its restart.
import { describe, expect, it } from 'vitest';
import { validateScenario, type ServiceSpec } from '../../../simulation';
import { Simulator } from '../../../simulation/engine/simulator';
import { ServiceModel } from '../../../simulation/serving/service-model';

function service(over: Record<string, unknown>): ServiceSpec {
  const r = validateScenario({
    format: 'headroom.scenario/v1', name: 'f',
    serving: { services: [{
      id: 'api', arrivals: { process: 'trace', path: 't.csv' }, replicas: 1, latency_budget_ms: 10_000,
      // Natural failures practically never happen; the test injects one.
      replica_failures: { mtbf_s: 1e12, restart_s: 0.5 }, ...over,
    }] },
  });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.scenario.serving!.services[0]!;
}

function run(spec: ServiceSpec, arrivalsS: number[], failAtMs: number) {
  const sim = new Simulator();
  const model = new ServiceModel(sim, spec, { seed: 1, replication: 0, warmupMs: 0, horizonMs: 60_000, trace: arrivalsS });
  model.start();
  sim.scheduleAt(failAtMs, () => model.failReplica(0));
  sim.run(Infinity);
  return model.figures();
}

describe('a replica failure', () => {
  it('puts the request in service back at the head: A, B, C at 0, 100, 200 ms, 1 s service, failure at 500 ms', () => {
    // Down until 1000 ms; then A 1000–2000, B 2000–3000, C 3000–4000: latencies 2000, 2900, 3800.
    // (Had A gone to the back: B 1900, C 2800, A 4000.)
    const f = run(service({ service_time_ms: 1000 }), [0, 0.1, 0.2], 500);
    expect(f.replica_failures).toBe(1);
    expect(f.requeued).toBe(1);
    expect(f.completed).toBe(3);
    expect(f.latency_ms.mean).toBeCloseTo(2900, 9);
    expect(f.latency_ms.p50).toBe(2900);
    expect(f.latency_ms.max).toBe(3800);
    // Only completed service counts as service; A's lost 500 ms count as waiting.
    expect(f.components_ms.service).toBe(1000);
    expect(f.wait_ms.mean).toBeCloseTo((1000 + 1900 + 2800) / 3, 9);
  });

  it('puts a whole batch back, in join order, ahead of a request that was waiting', () => {
    // Batch {A, B, C} (0, 10, 20 ms; max_batch 3) runs 20–320 ms; D arrives at 30 ms and waits.
    // Failure at 100 ms, restart 500 ms: batch {A, B, C} again 600–900; D, alone, starts when it
    // has waited max_wait (30 + 1000 ms) and takes 100 ms (base 0, per_item 100).
    const spec = service({ batching: { max_batch: 3, max_wait_ms: 1000, batch_time_ms: { base: 0, per_item: 100 } } });
    const f = run(spec, [0, 0.01, 0.02, 0.03], 100);
    expect(f.requeued).toBe(3);
    expect(f.latency_ms.max).toBeCloseTo(1100, 9);
    expect(f.latency_ms.mean).toBeCloseTo((900 + 890 + 880 + 1100) / 4, 9);
    expect(f.mean_batch_size).toBeCloseTo(2, 12); // batches of 3 and 1 (the failed attempt never completed)
  });
});
