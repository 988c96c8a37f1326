// Maths for the "Goodput vs checkpoint interval" chart: a log x scale over the swept intervals,
// a linear goodput scale padded around the CI whiskers, ticks, and the x positions of the
// Young/Daly and simulated-optimum markers. Pure (no React, no DOM).
import { scaleLinear, scaleLog } from 'd3';
import type { CheckpointSweep } from '../../electron/common/contract';

export interface ChartBox {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
}

export interface ChartPoint {
  factor: number;
  interval: number;
  x: number;
  y: number;
  yLow: number;
  yHigh: number;
  best: boolean;
}

export interface CheckpointChartModel {
  plot: { left: number; right: number; top: number; bottom: number };
  points: ChartPoint[];
  /** SVG path through the means. */
  line: string;
  xTicks: { x: number; label: string }[];
  yTicks: { y: number; label: string }[];
  youngDalyX: number;
  bestX: number;
}

/** "612", "2,449", "9.8k", "1.2M": seconds on an axis. */
export function secondsLabel(s: number): string {
  const a = Math.abs(s);
  if (a >= 1e6) return `${+(s / 1e6).toPrecision(2)}M`;
  if (a >= 1e4) return `${+(s / 1e3).toPrecision(3)}k`;
  if (a >= 10) return Math.round(s).toLocaleString('en-US');
  return String(+s.toPrecision(2));
}

export function checkpointChartModel(sweep: CheckpointSweep, box: ChartBox): CheckpointChartModel {
  const plot = { left: box.margin.left, right: box.width - box.margin.right, top: box.margin.top, bottom: box.height - box.margin.bottom };
  const drawn = sweep.points.filter((p) => p.goodput !== null);
  const intervals = sweep.points.map((p) => p.interval_s).concat(sweep.young_daly_interval_s);
  const lo = Math.min(...intervals), hi = Math.max(...intervals);
  const x = scaleLog().domain(lo === hi ? [lo / 2, hi * 2] : [lo / 1.25, hi * 1.25]).range([plot.left, plot.right]);
  const values = drawn.flatMap((p) => [p.goodput!.ci95[0], p.goodput!.ci95[1], p.goodput!.mean]);
  let yMin = values.length > 0 ? Math.min(...values) : 0;
  let yMax = values.length > 0 ? Math.max(...values) : 1;
  const pad = Math.max((yMax - yMin) * 0.12, 0.002);
  yMin = Math.max(0, yMin - pad);
  yMax = Math.min(1, yMax + pad);
  if (yMax <= yMin) [yMin, yMax] = [Math.max(0, yMin - 0.01), Math.min(1, yMax + 0.01)];
  const y = scaleLinear().domain([yMin, yMax]).range([plot.bottom, plot.top]).nice(5);
  const points = drawn.map((p): ChartPoint => ({
    factor: p.factor,
    interval: p.interval_s,
    x: x(p.interval_s),
    y: y(p.goodput!.mean),
    yLow: y(p.goodput!.ci95[0]),
    yHigh: y(p.goodput!.ci95[1]),
    best: p.factor === sweep.best.factor,
  }));
  const line = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x.toFixed(1)},${p.y.toFixed(1)}`).join('');
  const yTickValues = y.ticks(5);
  const step = yTickValues.length > 1 ? (yTickValues[1] as number) - (yTickValues[0] as number) : 0.01;
  // Goodput is a share: ticks in percent, with as many decimals as the tick step needs.
  const decimals = Math.max(0, Math.min(2, -Math.floor(Math.log10(step * 100))));
  return {
    plot,
    points,
    line,
    xTicks: spacedTicks(sweep.points.map((p) => ({ x: x(p.interval_s), label: secondsLabel(p.interval_s) }))),
    yTicks: yTickValues.map((v) => ({ y: y(v), label: `${(v * 100).toFixed(decimals)}%` })),
    youngDalyX: x(sweep.young_daly_interval_s),
    bestX: x(sweep.best.interval_s),
  };
}

/** A tick per swept interval (the axis reads as the table does), labels dropped where they would collide. */
function spacedTicks(ticks: { x: number; label: string }[], minGap = 46): { x: number; label: string }[] {
  let last = -Infinity;
  return ticks.map((t) => {
    if (t.x - last < minGap) return { x: t.x, label: '' };
    last = t.x;
    return t;
  });
}
