// Instability: the seed service at 8 replicas runs at ρ = 1 exactly; a service that is stable on
// average can still be flagged when more than 1% of measured arrivals are waiting at the horizon;
// and an overloaded waiting line stops at its memory bound instead of exhausting memory.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseScenarioText } from '../../simulation';
import { Simulator } from '../../simulation/engine/simulator';
import { ServiceModel } from '../../simulation/serving/service-model';
import { servingScenario, simulate } from './helpers';

const parsed = parseScenarioText(readFileSync(new URL('../../assets/examples/risk-model-api.json', import.meta.url), 'utf8'));
if (!parsed.ok) throw new Error('seed example does not parse');

describe('unstable services', () => {
  it('seed service at 8 replicas (ρ = 1): stable false, slots ≥ 98% busy, every request still served', () => {
    const s = structuredClone(parsed.scenario);
    delete s.pipeline;
    delete s.cluster;
    s.replications = 2;
    const { svc, doc, outcomes } = simulate(s);
    expect(svc.stable).toBe(false);
    expect(svc.analytic.utilization).toBeCloseTo(1, 12);
    expect(svc.analytic.erlang_c).toBeUndefined();
    expect(svc.utilization!.mean).toBeGreaterThan(0.98);
    expect(doc.truncated).toBeUndefined();
    expect(svc.completed).toBe(svc.requests);
    // The queue drifts like a random walk (≈ √(2λt) ≈ 1000s of requests), far below the memory bound.
    for (const o of outcomes) expect(o.serving.risk_model_api!.waiting_at_horizon!).toBeLessThan(50_000);
  });

  it('flags a service whose average load fits but which ends a burst with > 1% of measured arrivals waiting', () => {
    // Offered 100 × 0.9 + 1000 × 0.1 = 190 rps on 500 rps of capacity; the horizon cuts a burst.
    const s = servingScenario(
      {
        arrivals: { process: 'bursty', rate_rps: 100, burst_rate_rps: 1000, burst_every_s: 100, burst_duration_s: 10 },
        replicas: 5,
        service_time_ms: 10,
      },
      { replications: 2, horizon_s: 105, warmup_s: 0 },
    );
    const { svc, outcomes } = simulate(s);
    expect(svc.analytic.utilization).toBeCloseTo(0.38, 12);
    expect(outcomes[0]!.serving.s!.waiting_at_horizon!).toBeGreaterThan(0.01 * outcomes[0]!.serving.s!.measured_arrivals);
    expect(svc.stable).toBe(false);
    // The same service measured before the burst is stable.
    const calm = simulate({ ...s, horizon_s: 99 }).svc;
    expect(calm.stable).toBe(true);
  });

  it('stops an overloaded service at its waiting-line bound with reason max_queue', () => {
    const s = servingScenario({ arrivals: { process: 'poisson', rate_rps: 3000 }, replicas: 1, concurrency: 10, service_time_ms: 10 }, { horizon_s: 100 });
    const sim = new Simulator();
    const model = new ServiceModel(sim, s.serving!.services[0]!, { seed: 1, replication: 0, warmupMs: 0, horizonMs: 100_000, maxWaiting: 5000 });
    model.start();
    expect(sim.run(Infinity)).toBe('max_queue');
    const f = model.figures();
    expect(f.requests).toBeLessThan(10_000);
    expect(f.requests - f.completed).toBeGreaterThanOrEqual(5000);
  });
});
