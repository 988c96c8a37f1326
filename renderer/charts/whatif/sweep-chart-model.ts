// Maths for the one-parameter sweep chart: a linear x scale over the swept values, the figure's
// y scale (log when the values span more than ~1.5 decades, as when an unstable point dwarfs the
// rest), the mean line and the 95% CI band, the budget line, the cost per hour on a right axis,
// and the x positions of the cheapest meeting point and the solver's answer. Pure.
import { area, line, scaleLinear, scaleLog } from 'd3';
import type { Unit } from '../../../simulation/present';
import { wantsLogScale } from '../../../simulation/present';
import { msTickLabel } from '../ticks';
import { ciBands, type SweepSeries, type SweepSeriesPoint } from './sweep-series';

export type ScaleKind = 'linear' | 'log';

export interface ChartBox {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
}

export interface PlacedSweepPoint extends SweepSeriesPoint {
  x: number;
  y: number | null;
  yLow: number | null;
  yHigh: number | null;
  costY: number | null;
}

export interface SweepChartModel {
  scaleKind: ScaleKind;
  plot: { left: number; right: number; top: number; bottom: number };
  points: PlacedSweepPoint[];
  /** SVG paths: the means (broken at gaps), the CI band, the cost per hour. */
  line: string;
  band: string;
  costLine: string | null;
  xTicks: { x: number; label: string }[];
  yTicks: { y: number; label: string }[];
  costTicks: { y: number; label: string }[];
  /** Null when the figure is not a latency of the SLO's service (no budget to draw). */
  budgetY: number | null;
  xOf: (value: number) => number;
  xDomain: [number, number];
}

/** `text` cut with an ellipsis to about `px` wide at 11–12 px type (the whole text is in the chart's title and description). */
export function fitText(text: string, px: number, charPx = 6.6): string {
  const max = Math.max(4, Math.floor(px / charPx));
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** Tick text in the figure's unit: percentages for fractions, compact numbers otherwise. */
export function tickLabel(value: number, unit: Unit): string {
  if (unit === 'fraction') return `${msTickLabel(+(value * 100).toPrecision(3))}%`;
  return msTickLabel(value);
}

/** Log when the drawn values span more than ~1.5 decades (the latency chart's rule). */
export function defaultSweepScale(series: SweepSeries, showBudget: boolean): ScaleKind {
  const values = series.points.flatMap((p) => (p.stat ? [p.stat.mean, p.stat.ci95[1]] : []));
  if (showBudget && series.budgetMs !== null) values.push(series.budgetMs);
  return values.some((v) => v <= 0) ? 'linear' : wantsLogScale(values) ? 'log' : 'linear';
}

function padded(lo: number, hi: number, kind: ScaleKind): [number, number] {
  if (kind === 'log') {
    const l = lo > 0 ? lo : 1;
    return [l / 1.4, Math.max(hi, l) * 1.4];
  }
  if (lo === hi) return lo === 0 ? [0, 1] : [Math.min(0, lo * 0.9), Math.max(0, hi * 1.1)];
  const pad = (hi - lo) * 0.08;
  // Start at zero when the values sit on it or near it, as a quantity reads best from zero.
  return [lo >= 0 && lo - pad <= (hi - lo) * 0.5 ? 0 : lo - pad, hi + pad];
}

/** Up to `max` ticks on the swept values themselves (integers read as the table does). */
function valueTicks(values: number[], x: (v: number) => number, max: number): { x: number; label: string }[] {
  const unique = [...new Set(values)].sort((a, b) => a - b);
  const shown = unique.length <= max ? unique : scaleLinear().domain([unique[0]!, unique.at(-1)!]).ticks(max);
  return shown.map((v) => ({ x: x(v), label: msTickLabel(v) }));
}

export function sweepChartModel(series: SweepSeries, unit: Unit, box: ChartBox, scaleKind: ScaleKind, showBudget: boolean, extraX: number[] = []): SweepChartModel {
  const plot = { left: box.margin.left, right: box.width - box.margin.right, top: box.margin.top, bottom: box.height - box.margin.bottom };
  const xs = series.points.map((p) => p.values[0] as number).concat(extraX);
  const x0 = Math.min(...xs), x1 = Math.max(...xs);
  const xPad = x0 === x1 ? 1 : (x1 - x0) * 0.04;
  const xDomain: [number, number] = [x0 - xPad, x1 + xPad];
  const x = scaleLinear().domain(xDomain).range([plot.left, plot.right]);

  const values = series.points.flatMap((p) => (p.stat ? [p.stat.mean, p.stat.ci95[0], p.stat.ci95[1]] : [])).filter(Number.isFinite);
  if (showBudget && series.budgetMs !== null) values.push(series.budgetMs);
  const drawable = scaleKind === 'log' ? values.filter((v) => v > 0) : values;
  const [lo, hi] = padded(drawable.length ? Math.min(...drawable) : 0, drawable.length ? Math.max(...drawable) : 1, scaleKind);
  const y = scaleKind === 'log'
    ? scaleLog().domain([lo, hi]).range([plot.bottom, plot.top]).clamp(true)
    : scaleLinear().domain([lo, hi]).range([plot.bottom, plot.top]).nice(5);
  const floor = y.domain()[0] as number;
  const yv = (v: number) => y(scaleKind === 'log' ? Math.max(v, floor) : v);

  let ticks = y.ticks(scaleKind === 'log' ? 10 : 5);
  if (scaleKind === 'log' && ticks.length > 7) ticks = ticks.filter((t) => [1, 2, 5].includes(Math.round(t / 10 ** Math.floor(Math.log10(t) + 1e-9))));

  const costs = series.points.flatMap((p) => (p.cost === null ? [] : [p.cost]));
  const cost = costs.length > 0
    ? scaleLinear().domain(padded(Math.min(...costs), Math.max(...costs), 'linear')).range([plot.bottom, plot.top]).nice(5)
    : null;

  const sorted = [...series.points].sort((a, b) => (a.values[0] as number) - (b.values[0] as number));
  const points = sorted.map((p): PlacedSweepPoint => ({
    ...p,
    x: x(p.values[0] as number),
    y: p.stat ? yv(p.stat.mean) : null,
    yLow: p.stat ? yv(p.stat.ci95[0]) : null,
    yHigh: p.stat ? yv(p.stat.ci95[1]) : null,
    costY: cost && p.cost !== null ? cost(p.cost) : null,
  }));
  const bands = ciBands(series.points);
  const meanLine = line<{ x: number; mean: number }>().x((d) => x(d.x)).y((d) => yv(d.mean));
  const band = area<{ x: number; lo: number; hi: number }>().x((d) => x(d.x)).y0((d) => yv(d.lo)).y1((d) => yv(d.hi));
  const costLine = cost
    ? line<PlacedSweepPoint>().defined((p) => p.costY !== null).x((p) => p.x).y((p) => p.costY as number)(points)
    : null;
  return {
    scaleKind,
    plot,
    points,
    line: bands.map((b) => meanLine(b) ?? '').join(''),
    band: bands.map((b) => band(b) ?? '').join(''),
    costLine,
    xTicks: valueTicks(xs, x, Math.max(2, Math.floor((plot.right - plot.left) / 44))),
    yTicks: ticks.map((t) => ({ y: y(t), label: tickLabel(t, unit) })),
    costTicks: cost ? cost.ticks(5).map((t) => ({ y: cost(t), label: msTickLabel(t) })) : [],
    budgetY: showBudget && series.budgetMs !== null ? yv(series.budgetMs) : null,
    xOf: (v) => x(v),
    xDomain,
  };
}
