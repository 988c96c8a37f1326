// The capacity solver's search, with a fake evaluator whose latency falls with the replica
// count: it starts from the analytic estimate, goes up to 4 × it, bisects, and keeps every
// candidate it simulated as evidence.
import { describe, expect, it } from 'vitest';
import { validateScenario, type ServiceResult, type ServiceSpec } from '../../../simulation';
import { solveRefusal, solveReplicas, solveReplications } from '../../../simulation/serving/solve';

function service(over: Record<string, unknown> = {}): ServiceSpec {
  const r = validateScenario({
    format: 'headroom.scenario/v1', name: 's',
    serving: { services: [{ id: 'api', arrivals: { process: 'poisson', rate_rps: 1000 }, replicas: 1, concurrency: 4, service_time_ms: 10, latency_budget_ms: 100, cost_per_replica_hour: 3, ...over }] },
  });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.scenario.serving!.services[0]!;
}

/** p_slo = 100 + 400 / (n − 2) ms with a ±2 ms CI, so the answer for a budget is known. */
function fake() {
  const asked: number[] = [];
  const evaluate = async (n: number) => {
    asked.push(n);
    const p = 100 + 400 / (n - 2);
    return {
      latency_at_slo_ms: { mean: p, ci95: [p - 2, p + 2] },
      utilization: { mean: 2.5 / n, ci95: [2.5 / n, 2.5 / n] },
      stable: n > 2.5,
    } as unknown as ServiceResult;
  };
  return { asked, evaluate };
}

describe('solveReplicas', () => {
  it('offered 1000 rps × 10 ms on 4 slots per replica: estimate 3 (2.5 → 3), bisects within [3, 12]', async () => {
    const svc = service({ latency_budget_ms: 160 });
    const f = fake();
    const r = await solveReplicas(svc, 1000, 10, f.evaluate);
    // 100 + 400/(n−2) + 2 ≤ 160 ⇔ n ≥ 8.9 → 9. Probes: 3 (no), 12 (yes), then 7, 9, 8.
    expect(r.replicas).toBe(9);
    expect(r.estimate).toBe(3);
    expect(r.search_max).toBe(12);
    expect(f.asked).toEqual([3, 12, 7, 9, 8]);
    expect(r.evidence.map((c) => [c.replicas, c.meets])).toEqual([[3, false], [7, false], [8, false], [9, true], [12, true]]);
    expect(r.evidence[3]!.cost_per_hour).toBe(27);
    expect(r).toMatchObject({ service: 'api', slo_percentile: 99, latency_budget_ms: 160, replications: 10 });
  });

  it('judges the upper end of the CI, not the mean', async () => {
    // Budget 181: at 7 replicas the mean (180) is under budget but the upper bound (182) is not.
    const r = await solveReplicas(service({ latency_budget_ms: 181 }), 1000, 10, fake().evaluate);
    expect(r.replicas).toBe(8);
    expect(r.evidence.find((c) => c.replicas === 7)).toMatchObject({ meets: false, latency_at_slo_ms: { mean: 180 } });
  });

  it('returns the estimate when it meets, and null when 4 × the estimate does not', async () => {
    const easy = fake();
    expect((await solveReplicas(service({ latency_budget_ms: 1000 }), 1000, 10, easy.evaluate)).replicas).toBe(3);
    expect(easy.asked).toEqual([3]);
    const never = fake();
    const r = await solveReplicas(service({ latency_budget_ms: 100 }), 1000, 10, never.evaluate);
    expect(r.replicas).toBeNull();
    expect(never.asked).toEqual([3, 12]);
  });

  it('counts replications as max(scenario, 10) unless given, and refuses autoscaled or rate-less services', () => {
    expect(solveReplications(5)).toBe(10);
    expect(solveReplications(30)).toBe(30);
    expect(solveReplications(30, 4)).toBe(4);
    const scaled = service({ replicas: 2, autoscaling: { min_replicas: 1, max_replicas: 4, target_utilization: 0.7, interval_s: 10 } });
    expect(solveRefusal(scaled, 1000)).toMatch(/autoscaling/);
    expect(solveRefusal(service(), Number.NaN)).toMatch(/offered rate/);
    // Beyond the schema's 100000 replicas (simulation/scenario/limits.ts) nothing is simulated.
    expect(solveRefusal(service(), 1e9)).toMatch(/^the analytic estimate, \d+ replicas, is more than a service may have \(100000\)/);
  });
});
