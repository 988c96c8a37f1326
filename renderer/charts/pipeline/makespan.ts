// Maths for "Makespan vs critical path": the makespan's mean and percentiles over runs, each a
// point with its 95% CI whisker, against the analytic critical path (CPM on mean durations) as a
// dashed line. One duration unit for the axis, chosen from the largest value. Pure.
import { scaleBand, scaleLinear } from 'd3';
import { durationUnit, type DurationUnit } from '../../../simulation/present';
import type { MaybeStat, Stat } from '../../../simulation';

export interface MakespanInput {
  makespan: { mean: MaybeStat; p50: MaybeStat; p95: MaybeStat; p99: MaybeStat };
  criticalPathS: number;
}

export interface MakespanPoint {
  key: 'mean' | 'p50' | 'p95' | 'p99';
  /** In the axis unit. */
  stat: Stat;
  x: number;
  y: number;
  yLow: number;
  yHigh: number;
}

export interface MakespanModel {
  unit: DurationUnit;
  plot: { left: number; right: number; top: number; bottom: number };
  points: MakespanPoint[];
  /** Every statistic's slot on the x axis, drawn or not. */
  slots: { key: MakespanPoint['key']; x: number }[];
  yTicks: { y: number; label: string }[];
  criticalPath: { value: number; y: number };
}

const KEYS = ['mean', 'p50', 'p95', 'p99'] as const;

export function makespanModel(input: MakespanInput, box: { width: number; height: number; margin: { top: number; right: number; bottom: number; left: number } }): MakespanModel {
  const stats = KEYS.flatMap((key) => (input.makespan[key] ? [{ key, s: input.makespan[key] as Stat }] : []));
  const maxS = Math.max(input.criticalPathS, ...stats.map((p) => p.s.ci95[1]), 1e-9);
  const unit = durationUnit(maxS);
  const inUnit = (v: number) => v / unit.seconds;
  const plot = { left: box.margin.left, right: box.width - box.margin.right, top: box.margin.top, bottom: box.height - box.margin.bottom };
  const y = scaleLinear().domain([0, inUnit(maxS) * 1.05]).range([plot.bottom, plot.top]).nice();
  const x = scaleBand<string>().domain(KEYS).range([plot.left, plot.right]).padding(0.35);
  const xOf = (key: string) => (x(key) ?? plot.left) + x.bandwidth() / 2;
  const points = stats.map(({ key, s }) => {
    const stat = { mean: inUnit(s.mean), ci95: [inUnit(s.ci95[0]), inUnit(s.ci95[1])] as [number, number] };
    return { key, stat, x: xOf(key), y: y(stat.mean), yLow: y(Math.max(0, stat.ci95[0])), yHigh: y(stat.ci95[1]) };
  });
  return {
    unit,
    plot,
    points,
    slots: KEYS.map((key) => ({ key, x: xOf(key) })),
    yTicks: y.ticks(5).map((t) => ({ y: y(t), label: String(+t.toPrecision(6)) })),
    criticalPath: { value: inUnit(input.criticalPathS), y: y(inUnit(input.criticalPathS)) },
  };
}
