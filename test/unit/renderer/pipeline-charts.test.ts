// The pipeline chart models: success rate vs ∏(1−p), makespan vs critical path, task states.
import { describe, expect, it } from 'vitest';
import type { PipelineTaskResult } from '../../../simulation/pipeline/types';
import type { Stat } from '../../../simulation/result/types';
import { makespanModel } from '../../../renderer/charts/pipeline/makespan';
import { successRateModel } from '../../../renderer/charts/pipeline/success-rate';
import { fitLabel, MAX_BARS, taskStateModel } from '../../../renderer/charts/pipeline/task-state-bars';

const stat = (mean: number, lo: number, hi: number): Stat => ({ mean, ci95: [lo, hi] });

function task(success: number, failed: number, upstream: number): PipelineTaskResult {
  const s = (m: number) => stat(m, m, m);
  return { success: s(success), failed: s(failed), upstream_failed: s(upstream), skipped: s(0), attempts_mean: s(1), criticality: s(1), blast_radius: s(0) };
}

describe('success rate model', () => {
  it('places the bars, whiskers and analytic marks on a 0–100 % axis', () => {
    const m = successRateModel({ successRate: stat(0.75, 0.7, 0.8), dagRunSuccessRate: stat(0.76, 0.71, 1.2), reliability: 0.5, reliabilityWithRetries: 0.9 }, 600, { left: 100, right: 100 });
    expect(m.plot).toMatchObject({ left: 100, right: 500 });
    const [every, dag] = m.bars;
    expect(every!.x).toBeCloseTo(400);
    expect([every!.xLo, every!.xHi]).toEqual([380, 420]);
    expect(dag!.xHi).toBe(500); // a CI past 100 % is clamped to the axis
    expect(m.marks.map((k) => [k.key, k.x])).toEqual([['reliability', 300], ['with_retries', 460]]);
    expect(m.marks[1]!.anchor).toBe('end'); // near the right edge, its label runs leftwards
    expect(new Set(m.marks.map((k) => k.labelY)).size).toBe(2); // stacked, never on one line
    expect(m.ticks.map((t) => t.label)).toEqual(['0%', '20%', '40%', '60%', '80%', '100%']);
  });

  it('draws one analytic mark when retries change nothing, and no bar for a missing rate', () => {
    const m = successRateModel({ successRate: null, dagRunSuccessRate: stat(0.5, 0.5, 0.5), reliability: 0.5, reliabilityWithRetries: 0.5 }, 600);
    expect(m.marks).toHaveLength(1);
    expect(m.bars[0]!.stat).toBeNull();
    expect(m.plot.top).toBeLessThan(successRateModel({ successRate: null, dagRunSuccessRate: null, reliability: 0.5, reliabilityWithRetries: 0.6 }, 600).plot.top);
  });
});

describe('makespan model', () => {
  const box = { width: 500, height: 200, margin: { top: 10, right: 100, bottom: 40, left: 50 } };

  it('converts to one unit for the axis and puts the critical path on it', () => {
    const makespan = { mean: stat(10_000, 9_000, 11_000), p50: stat(12_000, 12_000, 12_000), p95: null, p99: stat(14_400, 14_000, 15_000) };
    const m = makespanModel({ makespan, criticalPathS: 12_000 }, box);
    expect(m.unit.unit).toBe('h');
    expect(m.points.map((p) => p.key)).toEqual(['mean', 'p50', 'p99']);
    expect(m.slots.map((s) => s.key)).toEqual(['mean', 'p50', 'p95', 'p99']);
    expect(m.points[2]!.stat.mean).toBeCloseTo(4);
    expect(m.criticalPath.value).toBeCloseTo(12_000 / 3600);
    expect(m.criticalPath.y).toBeCloseTo(m.points[1]!.y); // p50 = critical path, same height
    expect(m.points[0]!.yLow).toBeGreaterThan(m.points[0]!.yHigh); // the whisker runs up the page
    expect(m.yTicks[0]!.y).toBe(box.height - box.margin.bottom);
  });

  it('keeps the axis in seconds for short pipelines', () => {
    const m = makespanModel({ makespan: { mean: stat(30, 20, 40), p50: null, p95: null, p99: null }, criticalPathS: 25 }, box);
    expect(m.unit.unit).toBe('s');
    expect(m.points[0]!.stat).toEqual(stat(30, 20, 40));
  });
});

describe('task state model', () => {
  it('stacks the four states into a full-width bar per task', () => {
    const m = taskStateModel({ ingest: task(0.9, 0.1, 0), train: task(0.6, 0.1, 0.3) }, 600);
    const [ingest, train] = m.bars;
    expect(ingest!.segments.map((s) => s.key)).toEqual(['success', 'failed']);
    const last = train!.segments[train!.segments.length - 1]!;
    expect(last.x + last.width).toBeCloseTo(m.plot.right);
    expect(train!.shares.kind).toBe('propagated');
    expect(train!.y - ingest!.y).toBe(20);
    expect(m.hidden).toBe(0);
  });

  it('draws at most MAX_BARS tasks and says how many it left out', () => {
    const tasks = Object.fromEntries(Array.from({ length: MAX_BARS + 5 }, (_, i) => [`t${i}`, task(1, 0, 0)]));
    const m = taskStateModel(tasks, 600);
    expect(m.bars).toHaveLength(MAX_BARS);
    expect(m.hidden).toBe(5);
  });

  it('gives long names at most a third of the width, clipped with an ellipsis', () => {
    const name = 'a_very_long_task_name_that_goes_on_and_on_and_on';
    const m = taskStateModel({ [name]: task(1, 0, 0) }, 300);
    expect(m.plot.left).toBe(100);
    const label = fitLabel(name, m.plot.left - 12);
    expect(label.endsWith('…')).toBe(true);
    expect(label.length).toBeLessThan(name.length);
    expect(fitLabel('short', 100)).toBe('short');
  });
});
