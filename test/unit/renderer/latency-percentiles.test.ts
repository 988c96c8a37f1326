import { describe, expect, it } from 'vitest';
import {
  defaultScaleKind, latencyChartModel, percentilePoints, type LatencyChartInput,
} from '../../../renderer/charts/latency-percentiles';
import type { Stat } from '../../../simulation/result/types';

const stat = (mean: number, lo = mean * 0.95, hi = mean * 1.05): Stat => ({ mean, ci95: [lo, hi] });
const box = { width: 600, height: 280, margin: { top: 20, right: 10, bottom: 40, left: 60 } };

function input(over: Partial<LatencyChartInput> = {}): LatencyChartInput {
  const p99 = stat(170);
  return {
    latency: { mean: stat(120), p50: stat(110), p95: stat(150), p99, p999: stat(190) },
    atSlo: p99,
    budgetMs: 200,
    sloPercentile: 99,
    ...over,
  };
}

describe('percentilePoints', () => {
  it('draws mean, p50, p95, p99, p99.9 in order and marks the SLO percentile', () => {
    const points = percentilePoints(input());
    expect(points.map((p) => p.label)).toEqual(['mean', 'p50', 'p95', 'p99', 'p99.9']);
    expect(points.filter((p) => p.isSlo).map((p) => p.key)).toEqual(['p99']);
  });

  it('finds the SLO point by its statistic when the percentile is unknown', () => {
    const i = input({ sloPercentile: null });
    i.atSlo = i.latency.p95;
    expect(percentilePoints(i).find((p) => p.isSlo)?.key).toBe('p95');
  });

  it('prefers the scenario percentile among equal statistics (fixed latencies)', () => {
    const same = stat(100, 100, 100);
    const i = input({ latency: { mean: same, p50: same, p95: same, p99: same, p999: same }, atSlo: same, sloPercentile: 95 });
    expect(percentilePoints(i).find((p) => p.isSlo)?.key).toBe('p95');
  });

  it('inserts a non-standard SLO percentile in percentile order', () => {
    const points = percentilePoints(input({ atSlo: stat(180), sloPercentile: 99.5 }));
    expect(points.map((p) => p.label)).toEqual(['mean', 'p50', 'p95', 'p99', 'p99.5', 'p99.9']);
    expect(points[4]?.isSlo).toBe(true);
  });

  it('skips statistics that are null (nothing measured)', () => {
    const i = input();
    i.latency = { ...i.latency, p999: null };
    expect(percentilePoints(i).map((p) => p.key)).toEqual(['mean', 'p50', 'p95', 'p99']);
  });
});

describe('defaultScaleKind', () => {
  it('is linear when everything is near the budget and log when the queue explodes', () => {
    expect(defaultScaleKind(percentilePoints(input()), 200)).toBe('linear');
    const exploded = input({ latency: { mean: stat(5000), p50: stat(4000), p95: stat(9000), p99: stat(12000), p999: stat(15000) } });
    expect(defaultScaleKind(percentilePoints(exploded), 200)).toBe('log');
  });
});

describe('latencyChartModel', () => {
  it('places points left to right and higher latencies higher up', () => {
    const m = latencyChartModel(input(), box, 'linear');
    const xs = m.points.map((p) => p.x);
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    const p50 = m.points.find((p) => p.key === 'p50');
    const p99 = m.points.find((p) => p.key === 'p99');
    expect(p99!.y).toBeLessThan(p50!.y);
    for (const p of m.points) {
      expect(p.yHigh).toBeLessThanOrEqual(p.y);
      expect(p.yLow).toBeGreaterThanOrEqual(p.y);
      expect(p.x).toBeGreaterThan(box.margin.left);
      expect(p.x).toBeLessThan(box.width - box.margin.right);
    }
  });

  it('starts a linear axis at zero and keeps the budget inside the plot', () => {
    const m = latencyChartModel(input(), box, 'linear');
    expect(m.yTicks[0]?.label).toBe('0');
    expect(m.yTicks[0]?.y).toBeCloseTo(m.plot.bottom);
    expect(m.budgetY).toBeGreaterThanOrEqual(m.plot.top);
    expect(m.budgetY).toBeLessThanOrEqual(m.plot.bottom);
  });

  it('shades the headroom between the SLO percentile and the budget, green when under', () => {
    const m = latencyChartModel(input(), box, 'linear');
    const slo = m.points.find((p) => p.isSlo)!;
    expect(m.headroom).not.toBeNull();
    expect(m.headroom!.over).toBe(false);
    expect(m.headroom!.headroomMs).toBeCloseTo(30);
    expect(m.headroom!.y).toBeCloseTo(m.budgetY);
    expect(m.headroom!.y + m.headroom!.height).toBeCloseTo(slo.y);
  });

  it('marks the band as over budget when the SLO percentile exceeds it', () => {
    const hot = stat(950);
    const m = latencyChartModel(input({ latency: { mean: stat(400), p50: stat(300), p95: stat(700), p99: hot, p999: stat(1500) }, atSlo: hot }), box, 'log');
    expect(m.headroom!.over).toBe(true);
    expect(m.headroom!.headroomMs).toBeCloseTo(-750);
    expect(m.headroom!.y).toBeCloseTo(m.points.find((p) => p.isSlo)!.y);
  });

  it('labels a log axis with 1-2-5 steps and clamps non-positive CI bounds', () => {
    const i = input({ latency: { mean: stat(50, -5, 105), p50: stat(20), p95: stat(900), p99: stat(30000), p999: stat(80000) } });
    i.atSlo = i.latency.p99;
    const m = latencyChartModel(i, box, 'log');
    expect(m.yTicks.length).toBeGreaterThan(2);
    for (const t of m.yTicks) expect([1, 2, 5]).toContain(Math.round(t.value / 10 ** Math.floor(Math.log10(t.value) + 1e-9)));
    expect(m.yTicks.every((t) => t.y >= m.plot.top && t.y <= m.plot.bottom)).toBe(true);
    for (const p of m.points) expect(Number.isFinite(p.yLow)).toBe(true);
    expect(m.points[0]!.yLow).toBeLessThanOrEqual(m.plot.bottom);
  });

  it('has no band when nothing was measured at the SLO percentile', () => {
    expect(latencyChartModel(input({ atSlo: null }), box, 'linear').headroom).toBeNull();
  });
});
