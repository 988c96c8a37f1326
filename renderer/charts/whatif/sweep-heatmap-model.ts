// Maths for the two-parameter sweep's heatmap: one cell per point, the first parameter across and
// the second up, each cell's colour position (0–1) from the figure's mean (on a log scale when the
// means span more than ~1.5 decades), and whether it meets the SLO. Pure.
import { scaleBand } from 'd3';
import { wantsLogScale } from '../../../simulation/present';
import { msTickLabel } from '../ticks';
import type { ChartBox } from './sweep-chart-model';
import type { SweepSeries, SweepSeriesPoint } from './sweep-series';

export interface HeatCell extends SweepSeriesPoint {
  x: number;
  y: number;
  width: number;
  height: number;
  /** Colour position in [0, 1] (low → high mean); null without a figure. */
  t: number | null;
}

export interface HeatmapModel {
  plot: { left: number; right: number; top: number; bottom: number };
  cells: HeatCell[];
  xTicks: { x: number; label: string }[];
  yTicks: { y: number; label: string }[];
  log: boolean;
  range: [number, number] | null;
}

const sortedUnique = (values: number[]) => [...new Set(values)].sort((a, b) => a - b);

/** Labels of every band that has room, so they do not collide. */
function spaced<T extends { label: string }>(ticks: T[], room: number, minGap: number): T[] {
  const every = Math.max(1, Math.ceil(minGap / Math.max(room, 1)));
  return ticks.map((t, i) => (i % every === 0 ? t : { ...t, label: '' }));
}

export function heatmapModel(series: SweepSeries, box: ChartBox): HeatmapModel {
  const plot = { left: box.margin.left, right: box.width - box.margin.right, top: box.margin.top, bottom: box.height - box.margin.bottom };
  const a = sortedUnique(series.points.map((p) => p.values[0] as number));
  const b = sortedUnique(series.points.map((p) => p.values[1] as number));
  const x = scaleBand<number>().domain(a).range([plot.left, plot.right]).paddingInner(0.04);
  const y = scaleBand<number>().domain([...b].reverse()).range([plot.top, plot.bottom]).paddingInner(0.06);
  const means = series.points.flatMap((p) => (p.stat ? [p.stat.mean] : []));
  const log = means.every((m) => m > 0) && wantsLogScale(means);
  const f = (v: number) => (log ? Math.log(v) : v);
  const range: [number, number] | null = means.length ? [Math.min(...means), Math.max(...means)] : null;
  const position = (v: number) => {
    if (!range) return null;
    const [lo, hi] = [f(range[0]), f(range[1])];
    return hi === lo ? 0.5 : (f(v) - lo) / (hi - lo);
  };
  const cells = series.points.map((p): HeatCell => ({
    ...p,
    x: x(p.values[0] as number) ?? plot.left,
    y: y(p.values[1] as number) ?? plot.top,
    width: x.bandwidth(),
    height: y.bandwidth(),
    t: p.stat ? position(p.stat.mean) : null,
  }));
  return {
    plot,
    cells,
    xTicks: spaced(a.map((v) => ({ x: (x(v) ?? 0) + x.bandwidth() / 2, label: msTickLabel(v) })), x.step(), 36),
    yTicks: spaced(b.map((v) => ({ y: (y(v) ?? 0) + y.bandwidth() / 2, label: msTickLabel(v) })), y.step(), 14),
    log,
    range,
  };
}
