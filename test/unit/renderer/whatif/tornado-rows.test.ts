// The tornado chart's pure parts: inputs ranked by swing (two-sided first), one-sided inputs at a
// bound, inputs that could not be varied with the reason, and the rows placed around the base.
import { describe, expect, it } from 'vitest';
import type { SensitivityInput, SensitivityResult } from '../../../../simulation';
import { tornadoLayout, tornadoRows } from '../../../../renderer/charts/whatif/tornado-rows';

const s = (mean: number, half = 1) => ({ mean, ci95: [mean - half, mean + half] as [number, number] });

function input(path: string, base: number, low: number | null, high: number | null, extra: Partial<SensitivityInput> = {}): SensitivityInput {
  return {
    path, base_value: base, low_value: low === null ? null : base * 0.8, high_value: high === null ? null : base * 1.2,
    low: low === null ? null : s(low), high: high === null ? null : s(high),
    swing: low !== null && high !== null ? Math.abs(high - low) : null, ...extra,
  };
}

const result: SensitivityResult = {
  figure: 'serving.api.latency_ms.p99',
  delta: 0.2,
  replications: 3,
  base: s(200, 4),
  inputs: [
    input('serving.services[0].latency_ms.feature', 45, 191, 209), // swing 18
    input('serving.services[0].replicas', 10, 900, 150), // swing 750
    input('serving.services[0].concurrency', 1, null, 160), // at its lower bound: one side
    input('serving.services[0].arrivals.rate_rps', 1000, 150, 1200), // swing 1050
    input('serving.services[0].queue_limit', 0, null, null, { low_value: null, high_value: null }),
    input('serving.services[0].service_time_ms.mean', 80, null, null, { error: 'serving.services[0].replicas: too many (with …)' }),
  ],
};

describe('tornado rows', () => {
  const data = tornadoRows(result, (p) => p.replace('serving.services[0].', 'api · '));

  it('ranks two-sided inputs by swing, then one-sided ones, with readable labels', () => {
    expect(data.rows.map((r) => [r.rank, r.label, r.swing])).toEqual([
      [1, 'api · arrivals.rate_rps', 1050],
      [2, 'api · replicas', 750],
      [3, 'api · latency_ms.feature', 18],
      [4, 'api · concurrency', 40],
    ]);
    expect(data.rows[3]!.oneSided).toBe(true);
    expect(data.rows[0]!.oneSided).toBe(false);
  });

  it('lists what could not be varied, with why', () => {
    expect(data.notVaried).toEqual([
      { path: 'serving.services[0].queue_limit', label: 'api · queue_limit', reason: 'cannot move within its bounds' },
      { path: 'serving.services[0].service_time_ms.mean', label: 'api · service_time_ms.mean', reason: 'serving.services[0].replicas: too many (with …)' },
    ]);
  });

  it('places each bar from the base to the figure at that side, with its CI around the end', () => {
    const layout = tornadoLayout(data, { width: 600, rowHeight: 30, margin: { top: 20, right: 10, bottom: 30, left: 200 } });
    expect(layout.height).toBe(20 + 4 * 30 + 30);
    const base = layout.baseX!;
    const rate = layout.rows[0]!;
    const low = rate.bars.find((b) => b.side === 'low')!;
    const high = rate.bars.find((b) => b.side === 'high')!;
    expect(low.x).toBeLessThan(base); // 150 < 200
    expect(high.x).toBeGreaterThan(base); // 1200 > 200
    expect(low.ciLow).toBeLessThan(low.x);
    expect(high.ciHigh).toBeGreaterThan(high.x);
    // Replicas: fewer replicas raise the latency, so its "low" bar is on the right of the base.
    expect(layout.rows[1]!.bars.find((b) => b.side === 'low')!.x).toBeGreaterThan(base);
    expect(layout.rows[3]!.bars.map((b) => b.side)).toEqual(['high']);
    expect(layout.rows.map((r) => r.y)).toEqual([35, 65, 95, 125]);
    for (const r of layout.rows) for (const b of r.bars) {
      expect(b.ciLow).toBeGreaterThanOrEqual(layout.plot.left);
      expect(b.ciHigh).toBeLessThanOrEqual(layout.plot.right);
    }
  });

  it('copes with nothing varied', () => {
    const empty = tornadoRows({ ...result, base: null, inputs: [] });
    expect(empty.rows).toEqual([]);
    const layout = tornadoLayout(empty, { width: 400, rowHeight: 30, margin: { top: 10, right: 10, bottom: 10, left: 100 } });
    expect(layout.baseX).toBeNull();
    expect(layout.rows).toEqual([]);
  });
});
