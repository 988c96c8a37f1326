// Checkpoint interval: the simulated optimum (highest goodput over a sweep, same seeds for every
// interval) lands at the Young/Daly interval √(2 · MTBF_job · C), whose first-order waste
// C/τ + τ/(2·MTBF_job) is minimal there and ~25% higher at half or twice the interval.
import { describe, expect, it } from 'vitest';
import { checkpointSweep } from '../../simulation/cluster/checkpoint-sweep';
import { clusterScenario, FAILING_4_NODE_JOB } from '../unit/cluster/helpers';
import { recordFidelity } from './fidelity-record';

const DALY = 'Young (1974); Daly (2006)';

describe('Young/Daly beside the simulated optimum', () => {
  it('a 4-node job with 50,000 s MTBF and 60 s checkpoints: the best of 0.25×–4× is Young/Daly (2,449 s)', () => {
    const s = clusterScenario(FAILING_4_NODE_JOB, { replications: 8, horizon_s: 1e7 });
    const sweep = checkpointSweep(s, [0.25, 0.5, 1, 2, 4]);
    expect(sweep.nodes).toBe(4);
    const job = { model: 'cluster', source: DALY, case: '4-node job, node MTBF 200,000 s (job 50,000 s), checkpoint 60 s', replications: 8 } as const;
    const tau = Math.sqrt(2 * 50_000 * 60);
    recordFidelity({ ...job, truth: 'Young/Daly interval, √(2 · MTBF_job · C)', measured: sweep.young_daly_interval_s, expected: tau, tolerance: { abs: 5e-10 } });
    recordFidelity({ ...job, truth: 'simulated best interval ÷ Young/Daly, over 0.25×–4×', measured: sweep.best.factor, expected: 1, tolerance: { kind: 'exact' } });
    recordFidelity({
      ...job, truth: 'goodput at the Young/Daly interval, 1 − (C/τ + τ/(2 · MTBF_job)) (first order)', measured: sweep.points[2]!.goodput!.mean,
      expected: 1 - (60 / tau + tau / (2 * 50_000)), tolerance: { range: [0.93, 0.96] },
    });
    expect(sweep.young_daly_interval_s).toBeCloseTo(Math.sqrt(2 * 50_000 * 60), 9);
    expect(sweep.best.factor).toBe(1);
    const good = sweep.points.map((p) => p.goodput!.mean);
    // First-order waste: 0.049 at 1×, 0.061 at ½× and 2×, 0.104 at ¼× and 4× (+ restarts).
    expect(good[2]! - good[1]!).toBeGreaterThan(0.005);
    expect(good[2]! - good[3]!).toBeGreaterThan(0.005);
    expect(good[2]!).toBeGreaterThan(0.93);
    expect(good[2]!).toBeLessThan(0.96);
    // Short intervals pay in checkpoints, long ones in lost work.
    expect(sweep.points[0]!.checkpoint!.mean).toBeGreaterThan(sweep.points[4]!.checkpoint!.mean);
    expect(sweep.points[0]!.lost!.mean).toBeLessThan(sweep.points[4]!.lost!.mean);
  });
});
