// Replica failures against renewal theory: a replica serves mtbf ÷ (mtbf + restart) of the
// time; a request alone on a failing replica (preemptive-repeat, exponential time to failure
// at rate α, fixed service S, fixed restart r) takes (1/α + r)(e^{αS} − 1) once started, plus
// r/2 on average when it arrives during a restart (probability αr / (1 + αr)); and it is sent
// back to the queue e^{αS} − 1 times on average.
import { describe, expect, it } from 'vitest';
import { mergeReplications, runReplication, type ServiceResult } from '../../simulation';
import { relErr, servingScenario, simulate } from './helpers';
import { recordFidelity } from './fidelity-record';

const RENEWAL = 'alternating renewal process (Ross, Stochastic Processes, 1996, ch. 3)';

describe('replica_failures', () => {
  it('20 replicas, mtbf 50 s, restart 10 s: 20 × 50/60 serving on average; restarts are still paid for', () => {
    const s = servingScenario(
      { arrivals: { process: 'poisson', rate_rps: 100 }, replicas: 20, service_time_ms: 10, replica_failures: { mtbf_s: 50, restart_s: 10 }, cost_per_replica_hour: 1 },
      { seed: 3, replications: 4, horizon_s: 3000 },
    );
    const { svc } = simulate(s);
    const fleet = { model: 'serving', source: RENEWAL, case: '20 replicas, MTBF 50 s, restart 10 s', replications: 4 } as const;
    recordFidelity({ ...fleet, truth: 'replicas serving on average, n · MTBF/(MTBF + restart)', measured: svc.mean_replicas!.mean, expected: (20 * 50) / 60, tolerance: { rel: 0.015 } });
    recordFidelity({ ...fleet, truth: 'replica failures per replication, n · T/(MTBF + restart)', measured: svc.replica_failures! / 4, expected: 1000, tolerance: { rel: 0.05 } });
    expect(relErr(svc.mean_replicas!.mean, (20 * 50) / 60)).toBeLessThan(0.015);
    expect(svc.replica_hours!.mean).toBeCloseTo((20 * 3000) / 3600, 9);
    expect(svc.analytic.availability).toBeCloseTo(50 / 60, 12);
    // About 3000 s × 20 × (1/60 per s) failures per replication.
    expect(relErr(svc.replica_failures! / 4, 1000)).toBeLessThan(0.05);
    expect(svc.requests).toBe(svc.completed);
  });

  it('one slot, S = 1 s, mtbf 2 s, restart 0.5 s, a request every 60 s: mean latency and requeues per request', () => {
    const s = servingScenario(
      { arrivals: { process: 'trace', path: 'sparse.csv', scale: 1 }, service_time_ms: 1000, replica_failures: { mtbf_s: 2, restart_s: 0.5 }, latency_budget_ms: 100_000 },
      { replications: 4, horizon_s: 2000 * 60 },
    );
    const inputs = { traces: { s: Float64Array.from({ length: 2000 }, (_, k) => 60 * k) } };
    const outcomes = Array.from({ length: 4 }, (_, i) => runReplication(s, i, {}, inputs));
    const svc = mergeReplications(s, outcomes, { sha256: '', wallMs: 0 }, inputs).serving!.s as ServiceResult;
    const alpha = 1 / 2000, S = 1000, r = 500;
    const busy = (1 / alpha + r) * Math.expm1(alpha * S);
    const down = (alpha * r) / (1 + alpha * r);
    const lone = { model: 'serving', source: 'preemptive-repeat service with exponential failures (Gaver, 1962)', case: 'one slot, S = 1 s, MTBF 2 s, restart 0.5 s, a request every 60 s', replications: 4 } as const;
    recordFidelity({ ...lone, truth: 'mean latency, (1/α + r)(e^{αS} − 1) + P(down)·r/2', measured: svc.latency_ms.mean!.mean, expected: busy + down * (r / 2), tolerance: { rel: 0.03 } });
    recordFidelity({ ...lone, truth: 'requeues per request, e^{αS} − 1', measured: svc.requeued! / svc.completed, expected: Math.expm1(alpha * S), tolerance: { rel: 0.04 } });
    expect(relErr(svc.latency_ms.mean!.mean, busy + down * (r / 2))).toBeLessThan(0.03);
    expect(relErr(svc.requeued! / svc.completed, Math.expm1(alpha * S))).toBeLessThan(0.04);
    expect(svc.completed).toBe(8000);
    // A completed service always took exactly S in its slot; the lost attempts count as waiting.
    expect(svc.components_ms.service!.mean).toBe(1000);
  });
});
