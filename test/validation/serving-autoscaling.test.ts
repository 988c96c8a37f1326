// Autoscaling against a schedule derived by hand. Deterministic arrivals (every 10 ms, then
// every 2.5 ms from t = 300 s) on 20 ms fixed service keep exactly λ·S slots busy when there is
// room, so every decision can be worked out:
//   t < 300 s: 2 busy → ⌈2 / (1 × 0.5)⌉ = 4 = the initial count: no change.
//   310 s: 4 slots saturated over [300, 310] → want 8 → 4 cold starts of 30 s → serving at 340.
//   350 s: 8 busy (backlog ≈ 8 000) → want 16 → +8, serving at 380.
//   390 s: 16 busy (backlog drains at 400/s until ≈ 400 s) → want 32, clamped to 20 → +4, at 420.
//   410–440 s: 8 busy → want 16, but the last change was at 390 and cooldown is 60 s.
//   450 s: scale down to 16 (idle replicas go at once).
import { describe, expect, it } from 'vitest';
import { mergeReplications, runReplication, type ServiceResult } from '../../simulation';
import { servingScenario } from './helpers';
import { recordCases, recordFidelity } from './fidelity-record';

function stepTrace(): Float64Array {
  // Trace units of 2.5 ms (scale 400): every 4 units before 300 s, every unit after.
  const t: number[] = [];
  for (let u = 0; u < 120_000; u += 4) t.push(u);
  for (let u = 120_000; u < 240_000; u++) t.push(u);
  return Float64Array.from(t);
}

describe('autoscaling', () => {
  it('replica count follows a step in load after the cold start, clamps at max, and waits out the cooldown', () => {
    const s = servingScenario(
      {
        arrivals: { process: 'trace', path: 'step.csv', scale: 400 },
        replicas: 4,
        service_time_ms: 20,
        autoscaling: { min_replicas: 2, max_replicas: 20, target_utilization: 0.5, interval_s: 10, cold_start_s: 30, cooldown_s: 60 },
        cost_per_replica_hour: 3,
      },
      { replications: 1, horizon_s: 600, warmup_s: 0 },
    );
    const inputs = { traces: { s: stepTrace() } };
    const svc = mergeReplications(s, [runReplication(s, 0, {}, inputs)], { sha256: '', wallMs: 0 }, inputs).serving!.s as ServiceResult;
    const series = svc.series!;
    expect(series.bucket_s).toBe(10);
    const serving = series.replicas.map((x) => x!.mean);
    const expected = [
      ...Array<number>(34).fill(4), // [0, 340): the first new replicas serve 30 s after the 310 s decision
      ...Array<number>(4).fill(8), // [340, 380)
      ...Array<number>(4).fill(16), // [380, 420)
      ...Array<number>(3).fill(20), // [420, 450): max_replicas
      ...Array<number>(15).fill(16), // [450, 600): after the cooldown
    ];
    const step = { model: 'serving', source: 'hand-derived decision schedule (in the test header)', case: 'step 100 → 400 rps at 300 s, 20 ms service, target 0.5, cold start 30 s, cooldown 60 s', replications: 1 } as const;
    expect(serving).toEqual(expected);
    recordCases({ ...step, truth: 'autoscaling: replicas serving per 10 s bucket', agree: expected.filter((x, i) => serving[i] === x).length, total: Math.max(expected.length, serving.length) });
    // Busy slots: 2 before the step; 4, 8, 16 while the backlog lasts; 8 once it has drained.
    expect(series.busy_slots[10]!.mean).toBeCloseTo(2, 9);
    expect(series.busy_slots[35]!.mean).toBeCloseTo(8, 9);
    expect(series.busy_slots[50]!.mean).toBeCloseTo(8, 9);
    expect(series.queue_length[45]!.mean).toBe(0);
    // Cost: replicas are paid for from the decision (cold start included) until removed:
    // 4 × 310 + 8 × 40 + 16 × 40 + 20 × 60 + 16 × 150 = 5 800 replica-seconds.
    recordFidelity({ ...step, truth: 'autoscaling: replica-hours paid, cold starts included', measured: svc.replica_hours!.mean, expected: 5800 / 3600, tolerance: { abs: 5e-10 } });
    expect(svc.replica_hours!.mean).toBeCloseTo(5800 / 3600, 9);
    expect(svc.cost!.mean).toBeCloseTo((3 * 5800) / 3600, 9);
    expect(svc.completed).toBe(svc.requests);
    // Capacity for the stable test is max_replicas × concurrency.
    expect(svc.analytic.utilization).toBeCloseTo((svc.offered_rps * 0.02) / 20, 12);
  });

  it('never goes below min_replicas when idle, nor above max_replicas under overload', () => {
    const idle = servingScenario(
      { arrivals: { process: 'poisson', rate_rps: 1 }, replicas: 5, service_time_ms: 10, autoscaling: { min_replicas: 3, max_replicas: 6, target_utilization: 0.7, interval_s: 5, cold_start_s: { dist: 'exponential', mean: 10 }, cooldown_s: 0 } },
      { replications: 1, horizon_s: 100 },
    );
    const quiet = mergeReplications(idle, [runReplication(idle, 0)], { sha256: '', wallMs: 0 }).serving!.s as ServiceResult;
    // 2 s buckets; the first decision (at 5 s) removes two idle replicas at once.
    expect(quiet.series!.bucket_s).toBe(2);
    expect(quiet.series!.replicas.map((x) => x!.mean).slice(0, 4)).toEqual([5, 5, 4, 3]);
    expect(quiet.series!.replicas.slice(3).every((x) => x!.mean === 3)).toBe(true);
    const busy = servingScenario(
      { arrivals: { process: 'poisson', rate_rps: 2000 }, replicas: 1, service_time_ms: 10, autoscaling: { min_replicas: 1, max_replicas: 6, target_utilization: 0.7, interval_s: 5, cold_start_s: 2, cooldown_s: 0 } },
      { replications: 1, horizon_s: 100 },
    );
    const loaded = mergeReplications(busy, [runReplication(busy, 0)], { sha256: '', wallMs: 0 }).serving!.s as ServiceResult;
    expect(Math.max(...loaded.series!.replicas.map((x) => x!.mean))).toBe(6);
    expect(loaded.stable).toBe(false);
  });
});
