// Warm-up deletion, exactly: a trace opens with a burst of 100 requests at t = 0 on one 10 ms
// slot (the last waits 990 ms; the line is empty at 1 s), then one request every 100 ms from
// t = 2 s, which never wait. With warmup_s = 1.5 every statistic covers only the calm part, so
// the figures are known exactly; with warmup_s = 0 the burst's waits are in them.
import { describe, it, expect } from 'vitest';
import { mergeReplications, runReplication, type Scenario, type ServiceResult } from '../../simulation';
import { assertLittleEverywhere, servingScenario } from './helpers';
import { recordFidelity } from './fidelity-record';

const WARMUP = { model: 'serving', source: 'hand derivation: a 100-request burst at t = 0, then one request every 100 ms', replications: 1 } as const;

const times = [...Array.from({ length: 100 }, () => 0), ...Array.from({ length: 80 }, (_, k) => 2 + k / 10)];
const inputs = { traces: { s: times } };

function run(warmup: number): { svc: ServiceResult; s: Scenario; measured: number } {
  const s = servingScenario(
    { arrivals: { process: 'trace', path: 'burst.csv' }, service_time_ms: 10, latency_budget_ms: 20 },
    { replications: 1, horizon_s: 10, warmup_s: warmup },
  );
  const outcome = runReplication(s, 0, {}, inputs);
  const doc = mergeReplications(s, [outcome], { sha256: 'warmup', wallMs: 0 }, inputs);
  assertLittleEverywhere(s, doc);
  return { svc: doc.serving!.s as ServiceResult, s, measured: outcome.serving.s!.measured_arrivals };
}

const exact = (x: number) => ({ mean: x, ci95: [x, x] });

describe('warm-up deletion', () => {
  it('warmup_s = 1.5: the burst is deleted; every measured request has latency 10 ms and no wait', () => {
    const { svc, measured } = run(1.5);
    recordFidelity({ ...WARMUP, truth: 'warm-up deletion: mean wait', case: 'warmup_s = 1.5 (burst deleted)', measured: svc.wait_ms.mean!.mean, expected: 0, tolerance: { kind: 'exact' } });
    recordFidelity({ ...WARMUP, truth: 'warm-up deletion: utilization, busy ÷ window', case: 'warmup_s = 1.5 (burst deleted)', measured: svc.utilization!.mean, expected: 0.8 / 8.5, tolerance: { abs: 5e-13 } });
    expect(measured).toBe(80);
    expect(svc.requests).toBe(180); // counts include the warm-up
    expect(svc.completed).toBe(180);
    expect(svc.wait_ms.mean).toEqual(exact(0));
    expect(svc.wait_ms.p99).toEqual(exact(0));
    for (const k of ['mean', 'p50', 'p99', 'max'] as const) expect(svc.latency_ms[k]).toEqual(exact(10));
    expect(svc.slo_attainment).toEqual(exact(1));
    // Busy 80 × 10 ms of the 8.5 s window; completions in the window 80.
    expect(svc.utilization!.mean).toBeCloseTo(0.8 / 8.5, 12);
    expect(svc.mean_in_system!.mean).toBeCloseTo(0.8 / 8.5, 12);
    expect(svc.throughput_rps!.mean).toBeCloseTo(80 / 8.5, 12);
  });

  it('warmup_s = 0: the burst is measured (mean wait = 10 ms × (0 + … + 99) / 180 = 275 ms)', () => {
    const { svc, measured } = run(0);
    recordFidelity({ ...WARMUP, truth: 'warm-up deletion: mean wait', case: 'warmup_s = 0 (burst measured), 10 ms × (0 + … + 99) / 180', measured: svc.wait_ms.mean!.mean, expected: 275, tolerance: { abs: 5e-10 } });
    expect(measured).toBe(180);
    expect(svc.wait_ms.mean!.mean).toBeCloseTo(275, 9);
    expect(svc.latency_ms.max!.mean).toBeCloseTo(1000, 9);
    expect(svc.utilization!.mean).toBeCloseTo(1.8 / 10, 12);
  });
});
