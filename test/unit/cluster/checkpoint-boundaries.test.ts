// When a job writes checkpoints (issue 19): at the first step boundary where the compute since
// the last checkpoint reaches `checkpoint_interval_s`, and never when the job completes — not
// even when the remaining work equals the interval exactly. So a job of W = k·τ of work (τ a
// multiple of the step) writes k − 1 checkpoints and one of k·τ + one step writes k. Fixed step
// times and nodes that never fail: every time below follows from the rules alone.
import { describe, expect, it } from 'vitest';
import { clusterScenario, runModel } from './helpers';

const C = 5;

function run(steps: number, step: number, interval: number, units = 4) {
  const s = clusterScenario({
    pools: [{ id: 'p', units: 8 }],
    jobs: [{ id: 'A', pool: 'p', arrival_s: 0, units, steps, step_time_s: step }],
    failures: { node_mtbf_s: 1e18, checkpoint_interval_s: interval, checkpoint_cost_s: C },
  }, { horizon_s: 1e6 });
  const r = runModel(s, 0, { audit: true });
  return {
    completion: r.completion.get('A'),
    checkpoints: r.observations.filter((o) => o.kind === 'checkpoint').map((o) => o.t),
    figures: r.figures,
  };
}

describe('checkpoint boundaries', () => {
  it('work = 3 intervals exactly: 2 checkpoints, none at completion', () => {
    const r = run(30, 10, 100);
    // Segments of 10 steps: compute 0–100, write 100–105, 105–205, write 205–210, 210–310 done.
    expect(r.checkpoints).toEqual([105, 210]);
    expect(r.completion).toBe(300 + 2 * C);
    // Allocated 4 × 310: 4 × 300 compute, 4 × 10 writing.
    expect(r.figures.allocation.checkpoint).toBeCloseTo((2 * C) / 310, 12);
    expect(r.figures.allocation.compute).toBeCloseTo(300 / 310, 12);
  });

  it('work = 3 intervals + one step: a third checkpoint, then the one step', () => {
    const r = run(31, 10, 100);
    expect(r.checkpoints).toEqual([105, 210, 315]);
    expect(r.completion).toBe(310 + 3 * C);
  });

  it('work = the interval exactly: no checkpoint at all', () => {
    const r = run(10, 10, 100);
    expect(r.checkpoints).toEqual([]);
    expect(r.completion).toBe(100);
    expect(r.figures.allocation.checkpoint).toBe(0);
  });

  it('work shorter than the interval: no checkpoint', () => {
    expect(run(9, 10, 100).checkpoints).toEqual([]);
    expect(run(9, 10, 100).completion).toBe(90);
  });

  it('an interval that is not a multiple of the step: the checkpoint follows the first step that reaches it', () => {
    // τ = 25 s, 10 s steps: segments of 3 steps; 6 steps is two segments, so one checkpoint.
    expect(run(6, 10, 25).checkpoints).toEqual([35]);
    expect(run(6, 10, 25).completion).toBe(60 + C);
    expect(run(7, 10, 25).checkpoints).toEqual([35, 70]);
    expect(run(7, 10, 25).completion).toBe(70 + 2 * C);
  });

  it('steps whose sum rounds below the interval still reach it (ten 0.1 s steps = 1 s)', () => {
    // 0.1 × 10 sums to 0.9999999999999999 in floating point; the checkpoint still follows step 10.
    let sum = 0;
    for (let i = 0; i < 10; i++) sum += 0.1;
    expect(sum).toBeLessThan(1);
    const exact = run(20, 0.1, 1);
    expect(exact.checkpoints).toHaveLength(1);
    expect(exact.checkpoints[0]).toBeCloseTo(1 + C, 9);
    expect(exact.completion).toBeCloseTo(2 + C, 9);
    const plusOne = run(21, 0.1, 1);
    expect(plusOne.checkpoints).toHaveLength(2);
    expect(plusOne.completion).toBeCloseTo(2.1 + 2 * C, 9);
  });

  it('an interval a hair above the work of its steps is not reached early', () => {
    // 1e-6 relative above 10 steps: a real gap, so the checkpoint waits for step 11.
    const r = run(23, 10, 100 * (1 + 1e-6));
    expect(r.checkpoints).toEqual([110 + C, 220 + 2 * C]);
    expect(r.completion).toBe(230 + 2 * C);
    // 22 steps: the second segment of 11 ends the job, so no second checkpoint.
    expect(run(22, 10, 100 * (1 + 1e-6)).checkpoints).toEqual([110 + C]);
  });
});
