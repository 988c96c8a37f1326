// Maths for the "Latency percentiles vs budget" chart: which points to draw, the y scale (log
// or linear, in ms), ticks, CI whiskers, the budget line and the headroom band between the
// SLO percentile and the budget. Pure (no React, no DOM) so it is unit-tested directly.
import { scaleBand, scaleLinear, scaleLog } from 'd3';
import { wantsLogScale } from '../../simulation/present';
import type { MaybeStat, ServiceResult, Stat } from '../../simulation';
import { msTickLabel } from './ticks';

export type ScaleKind = 'linear' | 'log';

export interface PercentilePoint {
  key: string;
  label: string;
  /** The percentile this point is (null for the mean). */
  percentile: number | null;
  stat: Stat;
  /** The point at the service's SLO percentile, compared with the budget. */
  isSlo: boolean;
}

export interface LatencyChartInput {
  latency: Pick<ServiceResult['latency_ms'], 'mean' | 'p50' | 'p95' | 'p99' | 'p999'>;
  atSlo: MaybeStat;
  budgetMs: number;
  /** The scenario's slo_percentile when known, to label an SLO point that is not p50/p95/p99/p99.9. */
  sloPercentile: number | null;
}

const SERIES: { key: keyof LatencyChartInput['latency']; label: string; percentile: number | null }[] = [
  { key: 'mean', label: 'mean', percentile: null },
  { key: 'p50', label: 'p50', percentile: 50 },
  { key: 'p95', label: 'p95', percentile: 95 },
  { key: 'p99', label: 'p99', percentile: 99 },
  { key: 'p999', label: 'p99.9', percentile: 99.9 },
];

const sameStat = (a: Stat, b: Stat) => a.mean === b.mean && a.ci95[0] === b.ci95[0] && a.ci95[1] === b.ci95[1];

/**
 * The drawn points, in order. The SLO point is the standard percentile whose statistic is the
 * result's `latency_at_slo_ms` (preferring the scenario's percentile when several are equal);
 * a non-standard SLO percentile (say p99.5) is added as its own point.
 */
export function percentilePoints(input: LatencyChartInput): PercentilePoint[] {
  const { atSlo, sloPercentile } = input;
  const points: PercentilePoint[] = [];
  for (const s of SERIES) {
    const stat = input.latency[s.key];
    if (stat) points.push({ key: s.key, label: s.label, percentile: s.percentile, stat, isSlo: false });
  }
  if (!atSlo) return points;
  const matches = points.filter((p) => p.percentile !== null && sameStat(p.stat, atSlo));
  const slo = matches.find((p) => p.percentile === sloPercentile) ?? matches[matches.length - 1];
  if (slo) {
    slo.isSlo = true;
    return points;
  }
  const point: PercentilePoint = { key: 'slo', label: sloPercentile === null ? 'SLO' : `p${sloPercentile}`, percentile: sloPercentile, stat: atSlo, isSlo: true };
  const at = sloPercentile === null ? -1 : points.findIndex((p) => p.percentile !== null && p.percentile > sloPercentile);
  if (at === -1) points.push(point);
  else points.splice(at, 0, point);
  return points;
}

/** Log when the values span more than ~1.5 decades (the rule the report shares). */
export function defaultScaleKind(points: readonly PercentilePoint[], budgetMs: number): ScaleKind {
  return wantsLogScale(points.flatMap((p) => [p.stat.mean, p.stat.ci95[1]]).concat(budgetMs)) ? 'log' : 'linear';
}

export interface ChartBox {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
}

export interface PlacedPoint extends PercentilePoint {
  x: number;
  y: number;
  yLow: number;
  yHigh: number;
}

export interface HeadroomBand {
  y: number;
  height: number;
  /** Budget − latency at the SLO percentile (negative: over budget). */
  headroomMs: number;
  over: boolean;
}

export interface LatencyChartModel {
  scaleKind: ScaleKind;
  plot: { left: number; right: number; top: number; bottom: number };
  points: PlacedPoint[];
  bandWidth: number;
  yTicks: { value: number; y: number; label: string }[];
  budgetY: number;
  headroom: HeadroomBand | null;
}

function yDomain(values: number[], kind: ScaleKind): [number, number] {
  const hi = Math.max(...values);
  if (kind === 'linear') return [0, hi * 1.04];
  const positive = values.filter((v) => v > 0);
  const lo = positive.length > 0 ? Math.min(...positive) : 1;
  return [lo / 1.4, hi * 1.4];
}

export function latencyChartModel(input: LatencyChartInput, box: ChartBox, scaleKind: ScaleKind): LatencyChartModel {
  const points = percentilePoints(input);
  const plot = { left: box.margin.left, right: box.width - box.margin.right, top: box.margin.top, bottom: box.height - box.margin.bottom };
  const values = points.flatMap((p) => [p.stat.mean, p.stat.ci95[0], p.stat.ci95[1]]).concat(input.budgetMs).filter(Number.isFinite);
  const [lo, hi] = yDomain(values.length > 0 ? values : [1], scaleKind);

  const y = scaleKind === 'log'
    ? scaleLog().domain([lo, hi]).range([plot.bottom, plot.top]).clamp(true) // nice() would round to whole decades
    : scaleLinear().domain([lo, hi]).range([plot.bottom, plot.top]).nice();
  const x = scaleBand<string>().domain(points.map((p) => p.key)).range([plot.left, plot.right]).padding(0.35);

  let ticks = y.ticks(scaleKind === 'log' ? 10 : 6);
  if (scaleKind === 'log' && ticks.length > 8) {
    // Keep 1-2-5 steps per decade so labels do not collide.
    ticks = ticks.filter((t) => [1, 2, 5].includes(Math.round(t / 10 ** Math.floor(Math.log10(t) + 1e-9))));
  }

  const placed = points.map((p) => ({
    ...p,
    x: (x(p.key) ?? plot.left) + x.bandwidth() / 2,
    y: y(p.stat.mean),
    yLow: y(scaleKind === 'log' ? Math.max(p.stat.ci95[0], lo) : p.stat.ci95[0]),
    yHigh: y(p.stat.ci95[1]),
  }));

  const budgetY = y(input.budgetMs);
  const slo = points.find((p) => p.isSlo);
  const headroom = slo
    ? (() => {
        const sloY = y(slo.stat.mean);
        return { y: Math.min(sloY, budgetY), height: Math.abs(sloY - budgetY), headroomMs: input.budgetMs - slo.stat.mean, over: slo.stat.mean > input.budgetMs };
      })()
    : null;

  return {
    scaleKind,
    plot,
    points: placed,
    bandWidth: x.bandwidth(),
    yTicks: ticks.map((t) => ({ value: t, y: y(t), label: msTickLabel(t) })),
    budgetY,
    headroom,
  };
}
