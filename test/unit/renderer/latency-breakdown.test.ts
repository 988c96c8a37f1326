import { describe, expect, it } from 'vitest';
import { breakdownModel, COMPONENTS } from '../../../renderer/charts/latency-breakdown';
import type { Stat } from '../../../simulation/result/types';

const s = (mean: number): Stat => ({ mean, ci95: [mean, mean] });
const plot = { left: 10, right: 510 };

describe('breakdownModel', () => {
  it('stacks the five components in order, contiguous, summing to the total', () => {
    const m = breakdownModel({ feature: s(45), queue: s(10), service: s(80), network: s(35), postprocess: s(20) }, 200, plot);
    expect(m.segments.map((x) => x.key)).toEqual(COMPONENTS.map((c) => c.key));
    expect(m.totalMs).toBe(190);
    expect(m.over).toBe(false);
    for (let i = 1; i < m.segments.length; i++) {
      const prev = m.segments[i - 1]!;
      expect(m.segments[i]!.x).toBeCloseTo(prev.x + prev.width);
    }
    expect(m.segments[0]!.x).toBe(plot.left);
    expect(m.budgetX).toBeGreaterThan(m.segments[4]!.x + m.segments[4]!.width);
    expect(m.budgetX).toBeLessThanOrEqual(plot.right);
  });

  it('treats missing components as zero and flags a total over budget', () => {
    const m = breakdownModel({ feature: null, queue: s(5000), service: s(80), network: null, postprocess: null }, 200, plot);
    expect(m.totalMs).toBe(5080);
    expect(m.over).toBe(true);
    expect(m.segments[0]!.width).toBe(0);
    const last = m.segments[m.segments.length - 1]!;
    expect(last.x + last.width).toBeLessThanOrEqual(plot.right);
    expect(m.ticks.length).toBeGreaterThan(1);
  });
});
