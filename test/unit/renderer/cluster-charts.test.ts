// Pure maths of the cluster charts: heatmap colours and layout, CDF shaping of the quantiles,
// duration units, allocation segments, utilization bars, pool series, and the analytic
// aggregate beside the simulated figures.
import { color } from 'd3';
import { describe, expect, it } from 'vitest';
import { allocationModel } from '../../../renderer/charts/cluster/allocation-shares';
import { durationUnit, formatDurationS, formatStatDuration } from '../../../renderer/charts/cluster/duration-unit';
import { cellColor, heatmapLayout, heatRamp, poolLabel, RAMP_STEPS, rowLabel, rowSummaries } from '../../../renderer/charts/cluster/occupancy-heatmap';
import { poolSeriesModel, stepPoints } from '../../../renderer/charts/cluster/pool-series';
import { cdfModel, definedQuantiles } from '../../../renderer/charts/cluster/quantile-cdf';
import { utilizationModel } from '../../../renderer/charts/cluster/utilization-bars';
import { aggregateAnalyticJobs, isSimulatedCluster } from '../../../renderer/results/cluster/cluster-result';
import { jobRows, poolRows, youngDalyRows } from '../../../renderer/results/cluster/cluster-rows';
import type { OccupancyGrid } from '../../../simulation/cluster/types';
import type { QuantileStat } from '../../../simulation/cluster/merge';
import type { Stat } from '../../../simulation/result/types';

const stat = (mean: number, lo = mean * 0.9, hi = mean * 1.1): Stat => ({ mean, ci95: [lo, hi] });
const rgb = (c: string) => color(c)!.formatRgb();
const palette = { empty: '#e3e8ee', full: '#2456c4', down: '#b42318' };

function grid(rows: number, buckets = 96, pools: [string, number][] = [['gpu', rows]]): OccupancyGrid {
  const list: OccupancyGrid['rows'] = [];
  for (const [pool, n] of pools) for (let i = 0; i < n; i++) list.push({ pool, first_node: i, nodes: 1, slow_nodes: i === 1 ? 1 : 0 });
  return {
    bucket_s: 900,
    rows: list,
    allocated: list.map((_, r) => Array.from({ length: buckets }, (_, c) => ((r + c) % 5) / 4)),
    down: list.map((_, r) => Array.from({ length: buckets }, (_, c) => (r === 0 && c < 3 ? 1 : 0))),
  };
}

describe('heatmap colours', () => {
  const ramp = heatRamp(palette);
  it('maps 0 % allocated to the empty colour and 100 % to the full colour, in RAMP_STEPS + 1 levels', () => {
    expect(ramp.allocated).toHaveLength(RAMP_STEPS + 1);
    expect(rgb(cellColor(0, 0, ramp))).toBe(rgb(palette.empty));
    expect(rgb(cellColor(1, 0, ramp))).toBe(rgb(palette.full));
    expect(cellColor(0.5, 0, ramp)).toBe(ramp.allocated[RAMP_STEPS / 2]);
    // Out-of-range and non-finite shares are clamped, never thrown.
    expect(cellColor(1.7, 0, ramp)).toBe(cellColor(1, 0, ramp));
    expect(cellColor(-0.2, 0, ramp)).toBe(cellColor(0, 0, ramp));
    expect(cellColor(Number.NaN, 0, ramp)).toBe(cellColor(0, 0, ramp));
  });

  it('shows a down cell in its own hue whenever more units were down than allocated', () => {
    expect(rgb(cellColor(0, 1, ramp))).toBe(rgb(palette.down));
    expect(ramp.down).not.toContain(cellColor(0.9, 0, ramp));
    expect(ramp.down).toContain(cellColor(0.2, 0.2, ramp));
    expect(ramp.allocated).toContain(cellColor(0.6, 0.3, ramp));
    // Even a small down share is visibly tinted (never the empty colour).
    expect(rgb(cellColor(0, 0.01, ramp))).not.toBe(rgb(palette.empty));
  });
});

describe('heatmap layout', () => {
  it('has one row per occupancy row, pool bands and slow rows', () => {
    const g = grid(0, 96, [['a', 8], ['b', 2]]);
    const layout = heatmapLayout(g, 600, 86_400);
    expect(layout.rows).toHaveLength(10);
    expect(layout.rows.filter((r) => r.poolStart).map((r) => r.pool)).toEqual(['a', 'b']);
    expect(layout.pools.map((p) => [p.pool, (p.y1 - p.y0) / layout.rowHeight])).toEqual([['a', 8], ['b', 2]]);
    expect(layout.rows.filter((r) => r.slow > 0).map((r) => `${r.pool}${r.index}`)).toEqual(['a1', 'b9']);
    expect(layout.rowHeight).toBe(16);
    expect(layout.rowLabels).toBe(true);
    // 96 buckets of 900 s fill the plot exactly.
    expect(layout.cellWidth * 96).toBeCloseTo(layout.plot.right - layout.plot.left, 9);
    expect(layout.unit.unit).toBe('h');
  });

  it('keeps 128 rows compact (≥ 4 px each, under ~560 px in all) and drops per-row labels', () => {
    const layout = heatmapLayout(grid(128), 600, 30 * 86_400);
    expect(layout.rows).toHaveLength(128);
    expect(layout.rowHeight).toBe(4);
    expect(layout.height).toBeLessThan(560);
    expect(layout.rowLabels).toBe(false);
    expect(layout.unit.unit).toBe('d');
  });

  it('labels grouped rows and summarises each row', () => {
    expect(rowLabel({ pool: 'p', first_node: 8, nodes: 8, slow_nodes: 0 })).toBe('nodes 9–16');
    expect(rowLabel({ pool: 'p', first_node: 3, nodes: 1, slow_nodes: 0 })).toBe('node 4');
    expect(poolLabel('a_very_long_pool_name')).toBe('a_very_long_…');
    const s = rowSummaries(grid(2, 4));
    expect(s).toHaveLength(2);
    expect(s[0]).toMatchObject({ pool: 'gpu', label: 'node 1', slow: 0, down: 0.75 });
    expect(s[0]!.allocated).toBeCloseTo((0 + 0.25 + 0.5 + 0.75) / 4, 12);
  });
});

describe('durations', () => {
  it('picks one unit from the largest value', () => {
    expect([60, 119, 120, 7199, 7200, 5 * 86_400, 6 * 86_400].map((s) => durationUnit(s).unit)).toEqual(['s', 's', 'min', 'min', 'h', 'h', 'd']);
    expect(formatDurationS(5400)).toBe('90 min');
    expect(formatDurationS(23_400)).toBe('6.5 h');
    expect(formatStatDuration({ mean: 7200, ci95: [3600, 10_800] })).toBe('2.00 h [1.00, 3.00]');
    expect(formatStatDuration(null)).toBe('—');
  });
});

describe('CDF of the quantiles', () => {
  const qs = [0.01, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99];
  const list: QuantileStat[] = qs.map((q) => ({ q, value: stat(3600 * (1 + 10 * q)) }));
  const box = { width: 300, height: 220, margin: { top: 10, right: 10, bottom: 40, left: 40 } };

  it('puts each quantile at (mean, q), with its CI as a horizontal band', () => {
    const m = cdfModel(list, box);
    expect(m.unit.unit).toBe('h');
    expect(m.points.map((p) => p.q)).toEqual(qs);
    for (let i = 1; i < m.points.length; i++) {
      expect(m.points[i]!.x).toBeGreaterThan(m.points[i - 1]!.x);
      expect(m.points[i]!.y).toBeLessThan(m.points[i - 1]!.y); // higher q is higher up
    }
    for (const p of m.points) {
      expect(p.xLo).toBeLessThanOrEqual(p.x);
      expect(p.xHi).toBeGreaterThanOrEqual(p.x);
    }
    expect(m.points[4]!.y).toBeCloseTo((m.plot.top + m.plot.bottom) / 2, 9);
    expect(m.line.startsWith('M')).toBe(true);
    expect(m.band.endsWith('Z')).toBe(true);
  });

  it('drops null quantiles, clamps a negative CI bound to zero, and is empty without data', () => {
    const partial: QuantileStat[] = [{ q: 0.5, value: { mean: 10, ci95: [-5, 25] } }, { q: 0.9, value: null }, { q: 0.99, value: stat(40) }];
    expect(definedQuantiles(partial).map((d) => d.q)).toEqual([0.5, 0.99]);
    const m = cdfModel(partial, box);
    expect(m.points[0]!.xLo).toBe(m.plot.left);
    const empty = cdfModel(qs.map((q) => ({ q, value: null })), box);
    expect(empty.points).toEqual([]);
    expect(empty.line).toBe('');
    expect(cdfModel(undefined, box).points).toEqual([]);
  });
});

describe('allocation shares', () => {
  it('stacks the six uses left to right and sums the useful share', () => {
    const a = { compute: stat(0.6), all_reduce: stat(0.1), barrier_wait: stat(0.2), checkpoint: stat(0.05), restart: null, lost: stat(0.05) };
    const m = allocationModel(a, { left: 0, right: 100 });
    expect(m.segments.map((s) => s.key)).toEqual(['compute', 'all_reduce', 'barrier_wait', 'checkpoint', 'restart', 'lost']);
    for (let i = 1; i < m.segments.length; i++) expect(m.segments[i]!.x).toBeCloseTo(m.segments[i - 1]!.x + m.segments[i - 1]!.width, 9);
    expect(m.segments[4]!.width).toBe(0);
    expect(m.total).toBeCloseTo(1, 12);
    expect(m.useful).toBeCloseTo(0.7, 12);
    expect(m.segments[0]!.width).toBeCloseTo(60, 9);
  });
});

describe('utilization bars', () => {
  it('draws allocated, busy and the analytic snapshot per pool, the target and the over-target flag', () => {
    const pools = {
      a: { utilization: stat(0.9), busy_utilization: stat(0.6), utilization_target: 0.85, over_target: true },
      b: { utilization: stat(0.4), busy_utilization: stat(0.3), utilization_target: null, over_target: null },
    };
    const m = utilizationModel(pools, { a: { allocated_utilization: 0.8, utilization_target: 0.85, over_target: false } }, { width: 500, left: 50, right: 100 });
    expect(m.groups.map((g) => [g.pool, g.bars.map((b) => b.kind), g.over])).toEqual([
      ['a', ['allocated', 'busy', 'snapshot'], true],
      ['b', ['allocated', 'busy'], false],
    ]);
    const a = m.groups[0]!;
    // x domain [0, 1]: the plot runs from 50 to 400, so 85 % sits at 347.5.
    expect(a.targetX).toBeCloseTo(50 + 0.85 * 350, 9);
    expect(a.bars[0]!.x).toBeCloseTo(50 + 0.9 * 350, 9);
    expect(a.bars[0]!.xHi).toBeCloseTo(50 + 0.99 * 350, 9);
    expect(a.bars[2]!.ci95).toBeNull();
    expect(m.groups[1]!.targetX).toBeNull();
    expect(m.groups[1]!.y).toBeGreaterThan(a.bars[2]!.y);
  });
});

describe('pool series', () => {
  it('turns buckets into steps ending at the horizon', () => {
    expect(stepPoints([0.5, 1], 10, 20)).toEqual([[0, 0.5], [10, 1], [20, 1]]);
    expect(stepPoints([], 10, 20)).toEqual([]);
    const m = poolSeriesModel({ allocated: [0.5, 1, 0.25, 0], busy: [0.25, 0.5, 0, 0], queued: [0, 3, 1, 0] }, 900, 3600, 0.8, {
      width: 400, margin: { left: 40, right: 10, top: 8 }, shareHeight: 100, gap: 10, queueHeight: 40, axis: 30,
    });
    expect(m.unit.unit).toBe('min');
    expect(m.peakQueued).toBe(3);
    expect(m.meanAllocated).toBeCloseTo(0.4375, 12);
    expect(m.targetY).toBeCloseTo(8 + 100 * 0.2, 9);
    expect(m.queue.top).toBe(118);
    expect(m.height).toBe(188);
  });
});

describe('analytic beside simulated', () => {
  it('weights the per-job E[step] and efficiency like the simulated figures', () => {
    const jobs = {
      a: { workers: 8, nodes: 1, expected_step_s: 2, parallel_efficiency: 0.5, expected_run_s: 2000, young_daly_interval_s: 100 },
      b: { workers: 2, nodes: 1, expected_step_s: 1, parallel_efficiency: 0.8, expected_run_s: 1000, young_daly_interval_s: 100 },
    };
    const agg = aggregateAnalyticJobs(jobs);
    expect(agg.jobs).toBe(2);
    expect(agg.expectedStepS).toBeCloseTo(3000 / 2000, 12); // 1000 + 1000 steps
    expect(agg.parallelEfficiency).toBeCloseTo((8 * 2000 * 0.5 + 2 * 1000 * 0.8) / (8 * 2000 + 2 * 1000), 12);
    expect([agg.minEfficiency, agg.maxEfficiency]).toEqual([0.5, 0.8]);
    expect(aggregateAnalyticJobs(undefined).parallelEfficiency).toBeNull();
  });

  it('shows the analytic rows alone when the section was not simulated', () => {
    const analytic = {
      pools: { gpu: { allocated_utilization: 0.9, utilization_target: 0.85, over_target: true } },
      checkpoint: { node_mtbf_s: 86_400, checkpoint_cost_s: 60, checkpoint_interval_s: 1800, young_daly: [{ nodes: 1, mtbf_job_s: 86_400, interval_s: 3220 }] },
    };
    expect(isSimulatedCluster({ analytic })).toBe(false);
    const rows = poolRows(analytic, null);
    expect(rows.map((r) => r.label)).toEqual(['gpu: Utilization target', 'gpu: Allocated utilization (snapshot)']);
    expect(rows[0]).toMatchObject({ analytic: '85%', simulated: '—' });
    expect(rows[1]).toMatchObject({ analytic: '90%', analyticNote: 'over target', simulated: '—', over: true });
    expect(jobRows(analytic, null).map((r) => r.analytic)).toEqual(['—', '—']);
    expect(youngDalyRows(analytic)).toEqual([{ nodes: 1, mtbf: '24 h', interval: '53.7 min' }]);
  });

  it('says when a pool is over its target on the mean but its CI still includes the target', () => {
    const analytic = { pools: { gpu: { allocated_utilization: null, utilization_target: 0.85, over_target: null } } };
    const pool = (lo: number) => ({ utilization: { mean: 0.86, ci95: [lo, 0.92] as [number, number] }, busy_utilization: null, utilization_target: 0.85, over_target: true });
    const sim = (lo: number) => ({ pools: { gpu: pool(lo) } }) as unknown as Parameters<typeof poolRows>[1];
    const utilization = (lo: number) => poolRows(analytic, sim(lo)).find((r) => r.key === 'gpu/utilization')!;
    expect(utilization(0.8).simulatedNote).toBe('over target (CI includes it)');
    expect(utilization(0.855).simulatedNote).toBe('over target');
  });
});
