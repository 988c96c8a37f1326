// One pool over time: the share of its units allocated and busy (top panel, with the target)
// and the number of waiting jobs (bottom panel), bucket by bucket over [0, horizon]. Bucket k
// covers [k·bucket_s, (k+1)·bucket_s), so the lines are steps. Pure.
import { area, curveStepAfter, line, scaleLinear } from 'd3';
import type { PoolSeries } from '../../../simulation';
import { msTickLabel } from '../ticks';
import { durationUnit, type DurationUnit } from './duration-unit';

export interface SeriesLayout {
  width: number;
  margin: { left: number; right: number; top: number };
  shareHeight: number;
  gap: number;
  queueHeight: number;
  axis: number;
}

export interface PoolSeriesModel {
  unit: DurationUnit;
  x: { left: number; right: number };
  share: { top: number; bottom: number };
  queue: { top: number; bottom: number };
  height: number;
  allocatedArea: string;
  allocatedLine: string;
  busyArea: string;
  busyLine: string;
  queuedArea: string;
  queuedLine: string;
  targetY: number | null;
  xTicks: { x: number; label: string }[];
  shareTicks: { y: number; label: string }[];
  queueTicks: { y: number; label: string }[];
  /** Peak of the allocated share and of the queue, and time-averages, for the accessible summary. */
  peakAllocated: number;
  peakQueued: number;
  meanAllocated: number;
  meanBusy: number;
}

type Pt = [number, number];

/** Step points: (k·w, v_k) for every bucket, and one more at the end of the last bucket. */
export function stepPoints(values: readonly number[], bucketS: number, end: number): Pt[] {
  const pts: Pt[] = values.map((v, k) => [k * bucketS, v]);
  if (values.length > 0) pts.push([Math.max(end, values.length * bucketS), values[values.length - 1]!]);
  return pts;
}

const mean = (v: readonly number[]) => (v.length === 0 ? 0 : v.reduce((s, x) => s + x, 0) / v.length);

export function poolSeriesModel(series: PoolSeries, bucketS: number, horizonS: number, target: number | null, L: SeriesLayout): PoolSeriesModel {
  const end = Math.max(horizonS, series.allocated.length * bucketS, 1e-9);
  const unit = durationUnit(end);
  const xr = { left: L.margin.left, right: L.width - L.margin.right };
  const share = { top: L.margin.top, bottom: L.margin.top + L.shareHeight };
  const queue = { top: share.bottom + L.gap, bottom: share.bottom + L.gap + L.queueHeight };
  const x = scaleLinear().domain([0, end / unit.seconds]).range([xr.left, xr.right]);
  const peakAllocated = Math.max(0, ...series.allocated, ...series.busy);
  const ys = scaleLinear().domain([0, Math.max(1, peakAllocated)]).range([share.bottom, share.top]);
  const peakQueued = Math.max(0, ...series.queued);
  const yq = scaleLinear().domain([0, Math.max(1, peakQueued)]).range([queue.bottom, queue.top]).nice(3);
  const px = (p: Pt) => x(p[0] / unit.seconds);
  const shareArea = area<Pt>().curve(curveStepAfter).x(px).y0(share.bottom).y1((p) => ys(p[1]));
  const shareLine = line<Pt>().curve(curveStepAfter).x(px).y((p) => ys(p[1]));
  const qArea = area<Pt>().curve(curveStepAfter).x(px).y0(queue.bottom).y1((p) => yq(p[1]));
  const qLine = line<Pt>().curve(curveStepAfter).x(px).y((p) => yq(p[1]));
  const alloc = stepPoints(series.allocated, bucketS, end);
  const busy = stepPoints(series.busy, bucketS, end);
  const queued = stepPoints(series.queued, bucketS, end);
  return {
    unit,
    x: xr,
    share,
    queue,
    height: queue.bottom + L.axis,
    allocatedArea: shareArea(alloc) ?? '',
    allocatedLine: shareLine(alloc) ?? '',
    busyArea: shareArea(busy) ?? '',
    busyLine: shareLine(busy) ?? '',
    queuedArea: qArea(queued) ?? '',
    queuedLine: qLine(queued) ?? '',
    targetY: target === null ? null : ys(target),
    xTicks: x.ticks(Math.max(2, Math.floor((xr.right - xr.left) / 70))).map((t) => ({ x: x(t), label: msTickLabel(t) })),
    shareTicks: [0, 0.5, 1].map((t) => ({ y: ys(t), label: `${t * 100}%` })),
    queueTicks: yq.ticks(2).map((t) => ({ y: yq(t), label: msTickLabel(t) })),
    peakAllocated,
    peakQueued,
    meanAllocated: mean(series.allocated),
    meanBusy: mean(series.busy),
  };
}
