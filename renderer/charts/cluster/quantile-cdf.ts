// The job-completion-time and queueing-delay distributions as CDFs: the result's quantiles
// (q, Stat) become points (mean value, q), a line through them and a band between the 95% CI
// bounds at each q. Durations are shown in one unit chosen from the largest value. Pure.
import { area, line, scaleLinear } from 'd3';
import type { QuantileStat } from '../../../simulation';
import type { Stat } from '../../../simulation';
import { msTickLabel } from '../ticks';
import { durationUnit, type DurationUnit } from './duration-unit';

export interface CdfPoint {
  q: number;
  stat: Stat;
  x: number;
  xLo: number;
  xHi: number;
  y: number;
}

export interface CdfModel {
  unit: DurationUnit;
  points: CdfPoint[];
  line: string;
  band: string;
  xTicks: { x: number; label: string }[];
  yTicks: { y: number; label: string }[];
  plot: { left: number; right: number; top: number; bottom: number };
}

export interface Box {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
}

/** The quantiles that have a value, in increasing q (the result lists them so already). */
export function definedQuantiles(list: readonly QuantileStat[] | undefined): { q: number; stat: Stat }[] {
  return (list ?? []).flatMap((x) => (x.value ? [{ q: x.q, stat: x.value }] : [])).sort((a, b) => a.q - b.q);
}

export function cdfModel(list: readonly QuantileStat[] | undefined, box: Box): CdfModel {
  const defined = definedQuantiles(list);
  const plot = { left: box.margin.left, right: box.width - box.margin.right, top: box.margin.top, bottom: box.height - box.margin.bottom };
  const max = Math.max(0, ...defined.map((d) => Math.max(d.stat.mean, d.stat.ci95[1])));
  const unit = durationUnit(max);
  const x = scaleLinear().domain([0, Math.max(max / unit.seconds, 1e-9)]).range([plot.left, plot.right]).nice();
  const y = scaleLinear().domain([0, 1]).range([plot.bottom, plot.top]);
  // A CI bound below zero (a Student-t interval around a tiny delay) is drawn at zero.
  const at = (seconds: number) => x(Math.max(0, seconds) / unit.seconds);
  const points = defined.map((d) => ({ q: d.q, stat: d.stat, x: at(d.stat.mean), xLo: at(d.stat.ci95[0]), xHi: at(d.stat.ci95[1]), y: y(d.q) }));
  return {
    unit,
    points,
    line: line<CdfPoint>().x((p) => p.x).y((p) => p.y)(points) ?? '',
    band: area<CdfPoint>().y((p) => p.y).x0((p) => p.xLo).x1((p) => p.xHi)(points) ?? '',
    xTicks: x.ticks(5).map((t) => ({ x: x(t), label: msTickLabel(t) })),
    yTicks: [0, 0.25, 0.5, 0.75, 1].map((t) => ({ y: y(t), label: `${t * 100}%` })),
    plot,
  };
}
