// The serving analytic block beyond the seed table: where solve starts (the fewest replicas
// below 100% utilization, scaled by availability under failures), the utilization each replica
// count implies with Erlang C where M/M/c, and costs.
import { describe, expect, it } from 'vitest';
import { validateScenario, type ServiceSpec } from '../../../simulation';
import { erlangC } from '../../../simulation/analytic/erlang';
import { replicaAvailability, serviceAnalytic, stableReplicas } from '../../../simulation/serving/analytic';

function service(over: Record<string, unknown> = {}): ServiceSpec {
  const r = validateScenario({
    format: 'headroom.scenario/v1', name: 's',
    serving: { services: [{ id: 'api', arrivals: { process: 'poisson', rate_rps: 1200 }, replicas: 8, concurrency: 12, service_time_ms: { dist: 'exponential', mean: 80 }, latency_budget_ms: 200, ...over }] },
  });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.scenario.serving!.services[0]!;
}

describe('serving analytic', () => {
  it('seed service: ⌈96 / 12⌉ = 8 at exactly 100%, so the stable estimate is 9; rows 7…12 with Erlang C above 8', () => {
    const svc = service({ cost_per_replica_hour: 2.5 });
    const a = serviceAnalytic(svc, 1200);
    expect(a.required_replicas).toBe(8);
    expect(a.stable_replicas).toBe(9);
    expect(a.cost_per_hour).toBe(20);
    expect(a.by_replicas!.map((r) => r.replicas)).toEqual([7, 8, 9, 10, 11, 12]);
    for (const row of a.by_replicas!) {
      expect(row.utilization).toBeCloseTo(96 / (12 * row.replicas), 12);
      expect(row.cost_per_hour).toBe(2.5 * row.replicas);
      if (row.replicas <= 8) expect(row.erlang_c).toBeUndefined();
      else expect(row.erlang_c!.p_wait).toBeCloseTo(erlangC(12 * row.replicas, 96), 12);
    }
  });

  it('failures scale capacity by mtbf ÷ (mtbf + mean restart); the Erlang C rows then disappear', () => {
    const svc = service({ replica_failures: { mtbf_s: 900, restart_s: { dist: 'uniform', min: 60, max: 140 } } });
    expect(replicaAvailability(svc)).toBeCloseTo(0.9, 12);
    // 96 busy slots ÷ (12 × 0.9) = 8.9 → 9.
    expect(stableReplicas(svc, 1200)).toBe(9);
    const a = serviceAnalytic(svc, 1200);
    expect(a.availability).toBeCloseTo(0.9, 12);
    expect(a.by_replicas!.every((r) => r.erlang_c === undefined)).toBe(true);
  });

  it('batching counts a full batch per max_batch requests; an unknown rate leaves the extras out', () => {
    const svc = service({ service_time_ms: undefined, batching: { max_batch: 8, max_wait_ms: 5, batch_time_ms: { base: 40, per_item: 5 } } });
    // 80 ms per batch of 8 = 10 ms per request: 1200 × 0.01 = 12 busy slots = 1 replica at 100%.
    expect(serviceAnalytic(svc, 1200).utilization).toBeCloseTo(12 / 96, 12);
    expect(stableReplicas(svc, 1200)).toBe(2);
    expect(serviceAnalytic(svc, Number.NaN).by_replicas).toBeUndefined();
  });

  it('batching: a request is charged its share of a batch for capacity but the whole batch for latency', () => {
    const batching = { max_batch: 8, max_wait_ms: 5, batch_time_ms: { base: 40, per_item: 5 } };
    const svc = service({ service_time_ms: undefined, batching, latency_ms: { feature: 10, network: 20 } });
    // Capacity: 80 ms ÷ 8 = 10 ms per request. Latency: each member waits for the 80 ms batch.
    const a = serviceAnalytic(svc, 1200);
    expect(a.total_latency_ms).toBe(80 + 10 + 20);
    expect(a.latency_margin_ms).toBe(200 - 110);
    expect(a.utilization).toBeCloseTo(12 / 96, 12);
    // service_time_ms is not used once batching is set, for capacity or latency.
    const both = serviceAnalytic(service({ service_time_ms: { dist: 'exponential', mean: 500 }, batching }), 1200);
    expect(both.utilization).toBeCloseTo(12 / 96, 12);
    expect(both.total_latency_ms).toBe(80);
  });
});
