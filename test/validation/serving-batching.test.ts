// Dynamic batching against values derived by hand: a batch starts when max_batch requests wait
// or the oldest has waited max_wait_ms, occupies one slot for base + per_item × size, and every
// member's latency is its wait plus the batch time.
import { describe, expect, it } from 'vitest';
import { mergeReplications, runReplication, type ServiceResult } from '../../simulation';
import { littleResidual, relErr, servingScenario, simulate } from './helpers';
import { recordFidelity } from './fidelity-record';

const BY_HAND = 'hand derivation from the batching rule';

/** Arrivals every `gapMs` (exact in binary): trace seconds k × gapMs / 10 at scale 100. */
function evenly(n: number, gapMs: number): Float64Array {
  return Float64Array.from({ length: n }, (_, k) => (k * gapMs) / 10);
}

type Batching = { max_batch: number; max_wait_ms: number; batch_time_ms: { base: number; per_item: number } };

function replayBatches(batching: Batching, n: number, gapMs: number, horizonS: number): ServiceResult {
  const s = servingScenario(
    { arrivals: { process: 'trace', path: 'even.csv', scale: 100 }, service_time_ms: undefined, batching },
    { replications: 1, horizon_s: horizonS, warmup_s: 0 },
  );
  const inputs = { traces: { s: evenly(n, gapMs) } };
  return mergeReplications(s, [runReplication(s, 0, {}, inputs)], { sha256: '', wallMs: 0 }, inputs).serving!.s as ServiceResult;
}

describe('batching', () => {
  it('full batches: every 10 ms, max_batch 4, batch 12 + 2 × 4 = 20 ms ⇒ waits 30/20/10/0, latencies 50/40/30/20', () => {
    const svc = replayBatches({ max_batch: 4, max_wait_ms: 1000, batch_time_ms: { base: 12, per_item: 2 } }, 4000, 10, 40);
    const full = { model: 'serving', source: BY_HAND, case: 'arrivals every 10 ms, max_batch 4, batch 12 + 2 × size ms', replications: 1 } as const;
    recordFidelity({ ...full, truth: 'batching: mean wait, (B − 1) · gap / 2', measured: svc.wait_ms.mean!.mean, expected: 15, tolerance: { abs: 5e-10 } });
    recordFidelity({ ...full, truth: 'batching: mean latency, wait + batch time', measured: svc.latency_ms.mean!.mean, expected: 35, tolerance: { abs: 5e-10 } });
    recordFidelity({ ...full, truth: 'batching: latency p99, the first of a batch', measured: svc.latency_ms.p99!.mean, expected: 50, tolerance: { kind: 'exact' } });
    recordFidelity({ ...full, truth: 'utilization = busy time ÷ window', measured: svc.utilization!.mean, expected: (999 * 20 + 10) / 40_000, tolerance: { abs: 5e-13 } });
    expect(svc.completed).toBe(4000);
    expect(svc.mean_batch_size).toEqual({ mean: 4, ci95: [4, 4] });
    expect(svc.wait_ms.mean!.mean).toBeCloseTo(15, 9); // (B − 1) · gap / 2
    expect(svc.latency_ms.mean!.mean).toBeCloseTo(35, 9);
    expect(svc.latency_ms.p50!.mean).toBe(30);
    expect(svc.latency_ms.p99!.mean).toBe(50);
    expect(svc.latency_ms.max!.mean).toBe(50);
    expect(svc.components_ms.service!.mean).toBe(20);
    // One slot busy 20 ms of every 40 (the last batch, from 39 990 ms, has 10 ms inside the
    // horizon); Little: L = λ (W + S) = 100/s × 35 ms.
    expect(svc.utilization!.mean).toBeCloseTo((999 * 20 + 10) / 40_000, 12);
    expect(svc.mean_in_system!.mean).toBeCloseTo(3.5, 2);
  });

  it('timer-triggered: every 100 ms with max_wait 30 ms ⇒ batches of one, each waiting exactly 30 ms', () => {
    const svc = replayBatches({ max_batch: 8, max_wait_ms: 30, batch_time_ms: { base: 10, per_item: 4 } }, 500, 100, 50);
    expect(svc.completed).toBe(500);
    recordFidelity({
      model: 'serving', truth: 'batching: mean latency, wait + batch time', source: BY_HAND,
      case: 'arrivals every 100 ms, max_wait 30 ms, batch 10 + 4 × size ms (timer-triggered)', measured: svc.latency_ms.mean!.mean, expected: 30 + 14, tolerance: { kind: 'exact' }, replications: 1,
    });
    expect(svc.mean_batch_size!.mean).toBe(1);
    for (const k of ['mean', 'p50', 'p99', 'max'] as const) expect(svc.latency_ms[k]!.mean).toBe(30 + 14);
    expect(svc.wait_ms.p99!.mean).toBe(30);
  });

  it('max_wait 0 under overload: all batches are full, so throughput is max_batch ÷ batch time = 8 / 60 ms', () => {
    // Offered 200 rps against 133.3 rps of capacity: the line grows, every batch takes 8.
    const s = servingScenario(
      { arrivals: { process: 'poisson', rate_rps: 200 }, service_time_ms: undefined, batching: { max_batch: 8, max_wait_ms: 0, batch_time_ms: { base: 20, per_item: 5 } } },
      { seed: 4, replications: 2, horizon_s: 120, warmup_s: 10 },
    );
    const { svc } = simulate(s);
    recordFidelity({
      model: 'serving', truth: 'batching: saturated throughput, max_batch ÷ batch time', source: BY_HAND,
      case: 'Poisson 200 rps, max_batch 8, max_wait 0, batch 20 + 5 × size ms', measured: svc.throughput_rps!.mean, expected: 8 / 0.06, tolerance: { rel: 0.005 }, replications: 2,
    });
    expect(relErr(svc.throughput_rps!.mean, 8 / 0.06)).toBeLessThan(0.005);
    expect(svc.mean_batch_size!.mean).toBeGreaterThan(7.99);
    expect(svc.stable).toBe(false);
    expect(svc.analytic.utilization).toBeCloseTo(1.5, 12);
  });

  it('Poisson arrivals on 3 replicas × 2 slots: Little\'s law holds with batches, and nothing is lost', () => {
    const s = servingScenario(
      { arrivals: { process: 'poisson', rate_rps: 400 }, replicas: 3, concurrency: 2, service_time_ms: undefined, batching: { max_batch: 6, max_wait_ms: 8, batch_time_ms: { base: 15, per_item: 3 } } },
      { seed: 9, replications: 3, horizon_s: 300, warmup_s: 20 },
    );
    const { svc } = simulate(s);
    recordFidelity({
      model: 'serving', truth: "Little's law, residual |L / (X·(W + S)) − 1|", source: 'Little (1961)',
      case: 'batching: Poisson 400 rps on 3 replicas × 2 slots, max_batch 6, max_wait 8 ms', measured: littleResidual(svc), expected: 0, tolerance: { abs: 0.01 }, replications: 3,
    });
    expect(svc.requests).toBe(svc.completed);
    expect(littleResidual(svc)).toBeLessThan(0.01);
    expect(svc.mean_batch_size!.mean).toBeGreaterThan(1);
    expect(svc.mean_batch_size!.mean).toBeLessThanOrEqual(6);
    expect(svc.stable).toBe(true);
  });
});
