// One serving service over simulated time, as small multiples on one time axis: queue length;
// latency p50/p95/p99 against the budget; replicas serving, with the changes marked; throughput
// against the offered load; rejections and timeouts per bucket. Each line is the mean over
// replications with its 95% CI band (`series` of the result, docs/serving.md). Pure: the app
// and the HTML report draw the same model.
import { scaleLinear } from 'd3';
import type { MaybeStat, ServiceResult } from '../../../simulation';
import { formatNumber } from '../../format/numbers';
import { msTickLabel } from '../ticks';
import { lttbIndices } from './lttb';
import { offeredPerBucket, offeredRateOver, offeredShape, type OfferedShape } from './offered-load';
import { bandPath, bucketIndexAt, bucketMidpoint, downsampledStats, finiteMax, instantText as clock, linePath, timeAxis, type StatSeries, type TimeAxis } from './time-series';

export type ServiceSeries = NonNullable<ServiceResult['series']>;

export interface ServingTimeInput {
  series: ServiceSeries;
  horizonS: number;
  warmupS: number;
  replications: number;
  /** The result's constant offered rate (requests/s). */
  offeredRps: number;
  /** Diurnal or bursty arrivals: the offered rate varies per bucket (./offered-load.ts). */
  offeredShape?: OfferedShape | null;
  /** The latency budget (ms), drawn on the latency panel; null without one. */
  budgetMs: number | null;
}

/** What a run says about a service's time charts; null when the service has no series. */
export function servingTimeInput(
  service: ServiceResult,
  run: { horizonS: number; warmupS: number; replications: number; budgetMs: number | null; arrivals?: unknown },
): ServingTimeInput | null {
  if (!service.series) return null;
  return {
    series: service.series,
    horizonS: run.horizonS,
    warmupS: run.warmupS,
    replications: run.replications,
    offeredRps: service.offered_rps,
    offeredShape: offeredShape(run.arrivals),
    budgetMs: run.budgetMs,
  };
}

export interface TimeLayout {
  /** Width of one panel. */
  width: number;
  /** Height of one panel's plot area. */
  plotHeight: number;
  margin: { left: number; right: number; top: number; bottom: number };
}

export type PanelKey = 'queue' | 'latency' | 'replicas' | 'throughput' | 'drops';

export interface PanelPath {
  key: string;
  className: string;
  d: string;
}

export interface ReplicaMarker {
  x: number;
  up: boolean;
  label: string;
}

export interface TimePanel {
  key: PanelKey;
  title: string;
  /** The y axis's unit, shown above the axis. */
  yTitle: string;
  height: number;
  plot: { left: number; right: number; top: number; bottom: number };
  yTicks: { y: number; label: string }[];
  bands: PanelPath[];
  lines: PanelPath[];
  /** Filled bar shapes (rejections, timeouts), one path per series. */
  bars: PanelPath[];
  /** The latency budget. */
  reference: { y: number; label: string } | null;
  markers: ReplicaMarker[];
  /** Said in the plot when it has nothing to draw ("No rejections or timeouts"). */
  empty: string | null;
  legend: { key: string; swatch: string; label: string }[];
  /** The accessible summary: what the panel shows, in one sentence. */
  summary: string;
}

export interface ServingTimeModel {
  axis: TimeAxis;
  panels: TimePanel[];
  /** The warm-up, shaded: [0, warmup_s] in pixels, or null without one. */
  warmup: { x0: number; x1: number } | null;
  buckets: number;
}

/** Points per line after LTTB: about one per pixel is all a screen can show. */
export const pointsFor = (layout: TimeLayout) => Math.max(16, Math.round(layout.width - layout.margin.left - layout.margin.right));

/** Counts and queue lengths as people say them: 99, 1,035; below 10 with one decimal. */
const count = (x: number) => formatNumber(Math.abs(x) >= 10 ? Math.round(x) : Math.round(x * 10) / 10);

function firstLast(y: Float64Array): { first: number; last: number; peak: number; peakAt: number } | null {
  let first = NaN, last = NaN, peak = -Infinity, peakAt = -1;
  for (let i = 0; i < y.length; i++) {
    const v = y[i]!;
    if (!Number.isFinite(v)) continue;
    if (Number.isNaN(first)) first = v;
    last = v;
    if (v > peak) {
      peak = v;
      peakAt = i;
    }
  }
  return peakAt < 0 ? null : { first, last, peak, peakAt };
}

function panelFrame(layout: TimeLayout, yMax: number) {
  const { margin: m, plotHeight } = layout;
  const plot = { left: m.left, right: layout.width - m.right, top: m.top, bottom: m.top + plotHeight };
  const y = scaleLinear().domain([0, Math.max(yMax, 1e-9)]).range([plot.bottom, plot.top]).nice(4);
  const yTicks = y.ticks(3).map((t) => ({ y: y(t), label: msTickLabel(t) }));
  return { plot, y, yTicks, height: plot.bottom + m.bottom };
}

function statPaths(key: string, s: StatSeries, axis: TimeAxis, y: (v: number) => number, cls: string): { band: PanelPath; line: PanelPath } {
  return {
    band: { key: `${key}-band`, className: `time-band ${cls}`, d: bandPath(s.x, s.lo, s.hi, axis.x, y) },
    line: { key: `${key}-line`, className: `time-line ${cls}`, d: linePath(s.x, s.mean, axis.x, y) },
  };
}

/** Largest of the counts. */
function countMax(...arrays: (readonly number[])[]): number {
  let m = 0;
  for (const a of arrays) for (let k = 0; k < a.length; k++) if (a[k]! > m) m = a[k]!;
  return m;
}

/**
 * Bars of values[k] × `scale` per bucket: the bucket's slot `slot` of `slots` side by side. With
 * more buckets than pixels, neighbours merge into one bar holding their largest value (spikes stay).
 */
function barsPath(values: readonly number[], scale: number, bucketS: number, axis: TimeAxis, y: (v: number) => number, slot: number, slots: number): string {
  const n = values.length;
  const px = Math.max(1e-9, axis.x(bucketS) - axis.x(0));
  const group = Math.max(1, Math.ceil(2 / px)); // at least two pixels per bar group
  const parts: string[] = [];
  const y0 = y(0);
  for (let k = 0; k < n; k += group) {
    let v = 0;
    for (let j = k; j < Math.min(n, k + group); j++) v = Math.max(v, values[j]!);
    v *= scale;
    if (!(v > 0)) continue;
    const x0 = axis.x(k * bucketS), x1 = axis.x(Math.min(n, k + group) * bucketS);
    const w = (x1 - x0) / slots;
    const inset = Math.min(1, w * 0.15);
    const left = x0 + slot * w + inset;
    const top = Math.min(y(v), y0 - 1); // a count above zero shows at least one pixel
    parts.push(`M${left.toFixed(1)},${y0.toFixed(1)}V${top.toFixed(1)}H${(left + w - 2 * inset).toFixed(1)}V${y0.toFixed(1)}Z`);
  }
  return parts.join('');
}

/**
 * Where the replicas serving change by at least half a replica in the mean over replications
 * (autoscaling, the end of a cold start, replicas failing together — not the averaging of one
 * short restart), at the bucket boundary. Changes closer than 6 px share one marker, the largest.
 */
function replicaMarkers(replicas: Float64Array, bucketS: number, axis: TimeAxis): { markers: ReplicaMarker[]; changes: number } {
  const kept: { k: number; d: number; x: number }[] = [];
  let changes = 0;
  for (let k = 1; k < replicas.length; k++) {
    const d = replicas[k]! - replicas[k - 1]!; // NaN (no data on either side) fails the test below
    if (!(Math.abs(d) >= 0.5)) continue;
    changes++;
    const x = axis.x(k * bucketS);
    const last = kept[kept.length - 1];
    if (last && x - last.x < 6) {
      if (Math.abs(d) > Math.abs(last.d)) {
        last.k = k;
        last.d = d;
      }
    } else {
      kept.push({ k, d, x });
    }
  }
  const markers = kept.map(({ k, d }) => {
    const at = k * bucketS;
    return { x: axis.x(at), up: d > 0, label: `Replicas serving ${d > 0 ? 'rose' : 'fell'} from ${count(replicas[k - 1]!)} to ${count(replicas[k]!)} at ${clock(at)}` };
  });
  return { markers, changes };
}

/** A varying offered load at the bucket midpoints, downsampled like the series (a smooth curve loses nothing). */
function offeredPath(offered: Float64Array, midAt: (k: number) => number, points: number, axis: TimeAxis, y: (v: number) => number): string {
  const idx = offered.length > points ? lttbIndices(null, offered, points) : Uint32Array.from({ length: offered.length }, (_, k) => k);
  const x = new Float64Array(idx.length), v = new Float64Array(idx.length);
  for (let i = 0; i < idx.length; i++) {
    x[i] = midAt(idx[i]!);
    v[i] = offered[idx[i]!]!;
  }
  return linePath(x, v, axis.x, y);
}

export function servingTimeModel(input: ServingTimeInput, layout: TimeLayout): ServingTimeModel {
  const { series: s, budgetMs } = input;
  const bucketS = s.bucket_s;
  const n = s.queue_length.length;
  const axis = timeAxis(input.horizonS > 0 ? input.horizonS : n * bucketS, layout.margin.left, layout.width - layout.margin.right);
  const over = clock(axis.endS);
  const points = pointsFor(layout);
  const midAt = (k: number) => bucketMidpoint(k, n, bucketS, axis.endS);
  const ds = (stats: readonly MaybeStat[]) => downsampledStats(stats, midAt, points);
  const panels: TimePanel[] = [];

  // Queue length.
  {
    const q = ds(s.queue_length);
    const f = panelFrame(layout, finiteMax(q.hi, q.mean));
    const p = statPaths('queue', q, axis, f.y, 'key-queue-len');
    const fl = firstLast(q.mean);
    panels.push({
      key: 'queue', title: 'Queue length', yTitle: 'requests waiting', height: f.height, plot: f.plot, yTicks: f.yTicks,
      bands: [p.band], lines: [p.line], bars: [], reference: null, markers: [], empty: fl ? null : 'No data',
      legend: [{ key: 'queue', swatch: 'key-queue-len', label: 'Requests waiting (time-average)' }],
      summary: fl ? `Queue length from ${count(fl.first)} to ${count(fl.last)} over ${over}, peak ${count(fl.peak)} at ${clock(q.x[fl.peakAt]!)}` : `Queue length: no data over ${over}`,
    });
  }

  // Latency percentiles against the budget.
  {
    const p50 = ds(s.latency_p50_ms), p95 = ds(s.latency_p95_ms), p99 = ds(s.latency_p99_ms);
    const f = panelFrame(layout, Math.max(finiteMax(p99.hi, p99.mean, p95.hi, p50.hi), budgetMs ?? 0));
    const parts = [statPaths('p50', p50, axis, f.y, 'key-p50'), statPaths('p95', p95, axis, f.y, 'key-p95'), statPaths('p99', p99, axis, f.y, 'key-p99')];
    const fl = firstLast(p99.mean);
    let above = 0, measured = 0;
    const all = p99.fullMean;
    for (let k = 0; k < all.length; k++) {
      const v = all[k]!;
      if (Number.isNaN(v)) continue;
      measured++;
      if (budgetMs !== null && v > budgetMs) above++;
    }
    const budgetText = budgetMs === null ? '' : `; budget ${formatNumber(budgetMs)} ms, p99 above it in ${above} of ${measured} buckets`;
    panels.push({
      key: 'latency', title: 'Latency p50, p95, p99', yTitle: 'ms', height: f.height, plot: f.plot, yTicks: f.yTicks,
      bands: parts.map((x) => x.band), lines: parts.map((x) => x.line), bars: [],
      reference: budgetMs === null ? null : { y: f.y(budgetMs), label: `Budget ${formatNumber(budgetMs)} ms` },
      markers: [], empty: fl ? null : 'No requests measured',
      legend: [
        { key: 'p50', swatch: 'key-p50', label: 'p50' },
        { key: 'p95', swatch: 'key-p95', label: 'p95' },
        { key: 'p99', swatch: 'key-p99', label: 'p99' },
        ...(budgetMs === null ? [] : [{ key: 'budget', swatch: 'key-budget', label: `Budget ${formatNumber(budgetMs)} ms` }]),
      ],
      summary: fl ? `p99 latency from ${count(fl.first)} ms to ${count(fl.last)} ms over ${over}, peak ${count(fl.peak)} ms${budgetText}` : `Latency: no requests measured over ${over}`,
    });
  }

  // Replicas serving, with the changes marked.
  {
    const r = ds(s.replicas);
    const f = panelFrame(layout, finiteMax(r.hi, r.mean));
    const p = statPaths('replicas', r, axis, f.y, 'key-replicas');
    const { markers, changes: changeCount } = replicaMarkers(r.fullMean, bucketS, axis);
    const fl = firstLast(r.mean);
    const ups = markers.filter((m) => m.up).length;
    const changes = changeCount === 0 ? 'no changes'
      : changeCount === markers.length ? `${changeCount} change${changeCount === 1 ? '' : 's'} marked (${ups} up, ${markers.length - ups} down)`
      : `${formatNumber(changeCount, 0)} changes, ${formatNumber(markers.length, 0)} markers`;
    panels.push({
      key: 'replicas', title: 'Replicas serving', yTitle: 'replicas', height: f.height, plot: f.plot, yTicks: f.yTicks,
      bands: [p.band], lines: [p.line], bars: [], reference: null, markers, empty: fl ? null : 'No data',
      legend: [
        { key: 'replicas', swatch: 'key-replicas', label: 'Serving (cold-starting and restarting excluded)' },
        ...(markers.length > 0 ? [{ key: 'changes', swatch: 'key-change', label: '▲▼ change of ≥ 0.5 replica' }] : []),
      ],
      summary: fl ? `Replicas serving from ${count(fl.first)} to ${count(fl.last)} over ${over}${fl.peak > Math.max(fl.first, fl.last) ? `, peak ${count(fl.peak)}` : ''}, ${changes}` : `Replicas serving: no data over ${over}`,
    });
  }

  // Throughput against the offered load.
  {
    const t = ds(s.throughput_rps);
    const offered = input.offeredShape ? offeredPerBucket(input.offeredShape, input.offeredRps, n, bucketS, axis.endS) : Float64Array.of(input.offeredRps);
    const f = panelFrame(layout, Math.max(finiteMax(t.hi, t.mean), finiteMax(offered)));
    const p = statPaths('throughput', t, axis, f.y, 'key-throughput');
    // A constant offered rate spans the whole axis; a varying one is drawn at the bucket midpoints.
    const offeredLine = input.offeredShape
      ? offeredPath(offered, midAt, points, axis, f.y)
      : `M${axis.left.toFixed(1)},${f.y(input.offeredRps).toFixed(1)}H${axis.right.toFixed(1)}`;
    const fl = firstLast(t.mean);
    const offeredText = input.offeredShape
      ? `an offered load from ${count(offered.reduce((a, b) => Math.min(a, b), Infinity))} to ${count(finiteMax(offered))} requests/s`
      : `${count(input.offeredRps)} requests/s offered`;
    panels.push({
      key: 'throughput', title: 'Throughput against offered load', yTitle: 'requests/s', height: f.height, plot: f.plot, yTicks: f.yTicks,
      bands: [p.band], lines: [p.line, { key: 'offered', className: 'time-line key-offered', d: n > 0 ? offeredLine : '' }], bars: [], reference: null, markers: [], empty: null,
      legend: [
        { key: 'throughput', swatch: 'key-throughput', label: 'Completed per second' },
        { key: 'offered', swatch: 'key-offered', label: input.offeredShape ? 'Offered (mean per bucket)' : `Offered ${count(input.offeredRps)}/s` },
      ],
      summary: fl ? `Throughput from ${count(fl.first)} to ${count(fl.last)} requests/s over ${over}${fl.peak > Math.max(fl.first, fl.last) ? `, peak ${count(fl.peak)}` : ''}, against ${offeredText}` : `Throughput: no data over ${over}`,
    });
  }

  // Rejections and timeouts per bucket (per replication: the document holds totals).
  {
    const perRep = 1 / Math.max(1, input.replications);
    const peak = countMax(s.rejected, s.timed_out) * perRep;
    const f = panelFrame(layout, Math.max(1, peak));
    const totalRej = s.rejected.reduce((a, b) => a + b, 0), totalTo = s.timed_out.reduce((a, b) => a + b, 0);
    const per = input.replications > 1 ? ' per replication' : '';
    panels.push({
      key: 'drops', title: 'Rejections and timeouts', yTitle: `requests per ${clock(bucketS)}${per}`, height: f.height, plot: f.plot, yTicks: f.yTicks,
      bands: [], lines: [], reference: null, markers: [], empty: totalRej + totalTo === 0 ? 'No rejections or timeouts' : null,
      bars: [
        { key: 'rejected', className: 'time-bar key-rejected', d: barsPath(s.rejected, perRep, bucketS, axis, f.y, 0, 2) },
        { key: 'timed-out', className: 'time-bar key-timed-out', d: barsPath(s.timed_out, perRep, bucketS, axis, f.y, 1, 2) },
      ],
      legend: [
        { key: 'rejected', swatch: 'key-rejected', label: `Rejected (${formatNumber(totalRej, 0)} in all)` },
        { key: 'timed-out', swatch: 'key-timed-out', label: `Timed out (${formatNumber(totalTo, 0)} in all)` },
      ],
      summary: totalRej + totalTo === 0
        ? `No rejections or timeouts over ${over}`
        : `Rejections and timeouts per bucket over ${over}: ${formatNumber(totalRej, 0)} rejected and ${formatNumber(totalTo, 0)} timed out in all, peak ${count(peak)}${per} in one bucket`,
    });
  }

  const warm = Math.min(Math.max(input.warmupS, 0), axis.endS);
  return { axis, panels, warmup: warm > 0 ? { x0: axis.x(0), x1: axis.x(warm) } : null, buckets: n };
}

export interface ReadoutItem {
  key: string;
  label: string;
  value: string;
}

const statText = (st: MaybeStat | undefined, unit = ''): string => (st ? `${count(st.mean)}${unit} [${count(st.ci95[0])}, ${count(st.ci95[1])}]` : '—');

/** The values at time t: the bucket holding it (means over replications, with 95% CIs). */
export function servingReadout(input: ServingTimeInput, t: number): { bucket: [number, number]; items: ReadoutItem[] } | null {
  const s = input.series;
  const n = s.queue_length.length;
  const k = bucketIndexAt(t, s.bucket_s, n);
  if (k === null || t > Math.max(input.horizonS, n * s.bucket_s)) return null;
  const r = Math.max(1, input.replications);
  const bucket: [number, number] = [k * s.bucket_s, k === n - 1 && input.horizonS > k * s.bucket_s ? Math.min(input.horizonS, (k + 1) * s.bucket_s) : (k + 1) * s.bucket_s];
  const offered = input.offeredShape ? offeredRateOver(input.offeredShape, bucket[0], bucket[1]) : input.offeredRps;
  return {
    bucket,
    items: [
      { key: 'queue', label: 'Queue', value: statText(s.queue_length[k]) },
      { key: 'p50', label: 'p50', value: statText(s.latency_p50_ms[k], ' ms') },
      { key: 'p95', label: 'p95', value: statText(s.latency_p95_ms[k], ' ms') },
      { key: 'p99', label: 'p99', value: statText(s.latency_p99_ms[k], ' ms') },
      { key: 'replicas', label: 'Replicas serving', value: statText(s.replicas[k]) },
      { key: 'throughput', label: 'Throughput', value: `${statText(s.throughput_rps[k], '/s')} of ${count(offered)}/s offered` },
      { key: 'drops', label: 'Rejected · timed out', value: `${count((s.rejected[k] ?? 0) / r)} · ${count((s.timed_out[k] ?? 0) / r)}` },
    ],
  };
}

/** The panels' one-sentence summaries (for text reports): the model at a width that keeps every bucket. */
export function servingTimeSummaries(input: ServingTimeInput): Record<PanelKey, string> {
  const width = Math.max(640, input.series.queue_length.length + 100);
  const m = servingTimeModel(input, { width, plotHeight: 100, margin: { left: 50, right: 50, top: 0, bottom: 0 } });
  return Object.fromEntries(m.panels.map((p) => [p.key, p.summary])) as Record<PanelKey, string>;
}
