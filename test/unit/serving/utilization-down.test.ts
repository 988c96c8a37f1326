// Utilization's denominator is the slot-time of replicas that are up (issue 19), computed by hand
// on one replica with a failure at a chosen moment (white-box: the test schedules it). A restart
// is neither busy nor capacity; an attempt the failure threw away was busy.
import { describe, expect, it } from 'vitest';
import { validateScenario, type ServiceSpec } from '../../../simulation';
import { Simulator } from '../../../simulation/engine/simulator';
import { ServiceModel } from '../../../simulation/serving/service-model';

const HORIZON = 10_000;

function service(): ServiceSpec {
  const r = validateScenario({
    format: 'headroom.scenario/v1', name: 'u',
    serving: { services: [{
      id: 'api', arrivals: { process: 'trace', path: 't.csv' }, replicas: 1, latency_budget_ms: 10_000,
      service_time_ms: 2000,
      // Natural failures practically never happen; the test injects one. Down 500 ms.
      replica_failures: { mtbf_s: 1e12, restart_s: 0.5 },
    }] },
  });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.scenario.serving!.services[0]!;
}

function run(failAtMs: number) {
  const sim = new Simulator();
  const model = new ServiceModel(sim, service(), { seed: 1, replication: 0, warmupMs: 0, horizonMs: HORIZON, trace: [0] });
  model.start();
  sim.scheduleAt(failAtMs, () => model.failReplica(0));
  sim.run(Infinity);
  return model.figures();
}

describe('utilization with a replica down', () => {
  it('idle replica fails at 5 s: busy 2 s over 9.5 s up, not over 10 s', () => {
    const f = run(5000);
    expect(f.replica_failures).toBe(1);
    expect(f.mean_replicas).toBeCloseTo(9500 / HORIZON, 12);
    expect(f.utilization).toBeCloseTo(2000 / 9500, 12);
  });

  it('busy replica fails at 1 s: the lost second is busy; the request is served again 1.5–3.5 s', () => {
    const f = run(1000);
    expect(f.requeued).toBe(1);
    expect(f.latency_ms.mean).toBeCloseTo(3500, 9);
    expect(f.utilization).toBeCloseTo((1000 + 2000) / 9500, 12);
  });
});
