// The shared parts of a run's time charts: one time axis over [0, horizon_s] (every time chart of
// a run uses the same domain, so the playback cursor lines up across them), a bucketed series of
// `MaybeStat`s as typed arrays, LTTB downsampling of a mean with its CI band, and SVG path
// strings for lines and bands that break at gaps. Pure: the app and the HTML report share it.
import { scaleLinear } from 'd3';
import type { MaybeStat } from '../../../simulation';
import { durationUnit, type DurationUnit } from '../../../simulation/present';
import { msTickLabel } from '../ticks';
import { lttbIndices, take } from './lttb';
import { statColumns } from './series-columns';

export interface TimeAxis {
  /** The domain's end in seconds: the horizon (never below the series' own extent). */
  endS: number;
  left: number;
  right: number;
  unit: DurationUnit;
  /** Pixel x of a time in seconds. */
  x(seconds: number): number;
  ticks: { x: number; label: string }[];
}

/** The time axis of a run: [0, endS] onto [left, right], ticks in one unit (s, min, h or d). */
export function timeAxis(endS: number, left: number, right: number): TimeAxis {
  const end = Math.max(endS, 1e-9);
  const unit = durationUnit(end);
  const scale = scaleLinear().domain([0, end / unit.seconds]).range([left, right]);
  const k = (right - left) / end;
  const x = (s: number) => left + s * k; // the scale's own map, inlined: it runs per point
  const ticks = scale.ticks(Math.max(2, Math.floor((right - left) / 70))).map((t) => ({ x: scale(t), label: msTickLabel(t) }));
  return { endS: end, left, right, unit, x, ticks };
}

/** An instant of simulated time as the charts say it: "80 s", "3 min 20 s", "10 min", "2 h", "2 h 05 min". */
export function instantText(seconds: number): string {
  if (!Number.isFinite(seconds)) return '—';
  const s = Math.round(seconds);
  if (Math.abs(s) < 120) return `${s} s`;
  if (Math.abs(s) < 7200) {
    const m = Math.floor(s / 60), r = s - m * 60;
    return r === 0 ? `${m} min` : `${m} min ${String(r).padStart(2, '0')} s`;
  }
  const m = Math.round(s / 60);
  return m % 60 === 0 ? `${m / 60} h` : `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, '0')} min`;
}

/** The cursor's pixel x, or null when there is no cursor or it lies outside the run's time. */
export function cursorX(axis: TimeAxis, cursorS: number | null | undefined): number | null {
  if (cursorS === null || cursorS === undefined || !Number.isFinite(cursorS)) return null;
  if (cursorS < 0 || cursorS > axis.endS) return null;
  return axis.x(cursorS);
}

/** The bucket holding time t (the last bucket for t at or past its end), or null without one. */
export function bucketIndexAt(t: number, bucketS: number, n: number): number | null {
  if (n <= 0 || !(bucketS > 0) || !Number.isFinite(t) || t < 0) return null;
  return Math.min(Math.floor(t / bucketS), n - 1);
}

/** A series on the time axis: x in seconds; NaN in mean, lo and hi where the bucket has no data. */
export interface StatSeries {
  x: Float64Array;
  mean: Float64Array;
  lo: Float64Array;
  hi: Float64Array;
}

/** The middle of each bucket k, [k·bucketS, min((k+1)·bucketS, endS)) — the last may be shorter. */
export function bucketMidpoints(n: number, bucketS: number, endS: number): Float64Array {
  const out = new Float64Array(n);
  for (let k = 0; k < n; k++) out[k] = bucketMidpoint(k, n, bucketS, endS);
  return out;
}

/** A bucketed `MaybeStat[]` as typed arrays at the buckets' midpoints. */
export function statSeries(stats: readonly MaybeStat[], bucketS: number, endS: number): StatSeries {
  return { x: bucketMidpoints(stats.length, bucketS, endS), ...statColumns(stats) };
}

/**
 * A bucketed `MaybeStat[]` downsampled by LTTB on the mean to about `threshold` points, at the
 * x that `xAt(k)` gives bucket k (its midpoint). It reads the series' columns (series-columns.ts,
 * made once per series). The buckets are evenly spaced, so LTTB chooses on the bucket index and
 * x is computed for the kept points only (the last bucket, when the horizon cuts it short, is
 * the one exception, too small to change a choice). `fullMean` holds every bucket's mean.
 */
export function downsampledStats(stats: readonly MaybeStat[], xAt: (k: number) => number, threshold: number): StatSeries & { fullMean: Float64Array } {
  const cols = statColumns(stats);
  const n = stats.length;
  if (n <= threshold) return { x: Float64Array.from({ length: n }, (_, k) => xAt(k)), mean: cols.mean, lo: cols.lo, hi: cols.hi, fullMean: cols.mean };
  const idx = lttbIndices(null, cols.mean, threshold);
  const x = new Float64Array(idx.length);
  for (let i = 0; i < idx.length; i++) x[i] = xAt(idx[i]!);
  return { x, mean: take(cols.mean, idx), lo: take(cols.lo, idx), hi: take(cols.hi, idx), fullMean: cols.mean };
}

/** The middle of bucket k of n, [k·bucketS, min((k+1)·bucketS, endS)) — the last may be shorter. */
export function bucketMidpoint(k: number, n: number, bucketS: number, endS: number): number {
  const a = k * bucketS;
  const full = a + bucketS;
  return (a + (k === n - 1 && endS > a && endS < full ? endS : full)) / 2;
}

/** At most about `threshold` points, chosen by LTTB on the mean; the band keeps the same points. */
export function downsample(s: StatSeries, threshold: number): StatSeries {
  if (s.x.length <= threshold) return s;
  const idx = lttbIndices(s.x, s.mean, threshold);
  return { x: take(s.x, idx), mean: take(s.mean, idx), lo: take(s.lo, idx), hi: take(s.hi, idx) };
}

/** Largest finite value of the arrays (0 when none). */
export function finiteMax(...arrays: ArrayLike<number>[]): number {
  let m = 0;
  for (const a of arrays) {
    for (let i = 0; i < a.length; i++) {
      const v = a[i] as number;
      if (v > m && Number.isFinite(v)) m = v;
    }
  }
  return m;
}

/** One decimal: enough for a pixel, and short strings for a million-point series. */
const r1 = (v: number) => Math.round(v * 10) / 10;

/** An SVG path through (x, y), breaking (a new M) after every NaN. */
export function linePath(x: ArrayLike<number>, y: ArrayLike<number>, sx: (v: number) => number, sy: (v: number) => number): string {
  const parts: string[] = [];
  let pen = false;
  for (let i = 0; i < x.length; i++) {
    const v = y[i] as number;
    if (!Number.isFinite(v)) {
      pen = false;
      continue;
    }
    parts.push(`${pen ? 'L' : 'M'}${r1(sx(x[i] as number))},${r1(sy(v))}`);
    pen = true;
  }
  return parts.join('');
}

/** Closed SVG areas between lo and hi, one per run of points where both are finite. */
export function bandPath(x: ArrayLike<number>, lo: ArrayLike<number>, hi: ArrayLike<number>, sx: (v: number) => number, sy: (v: number) => number): string {
  const parts: string[] = [];
  const n = x.length;
  for (let i = 0; i < n; ) {
    while (i < n && !(Number.isFinite(lo[i] as number) && Number.isFinite(hi[i] as number))) i++;
    const s = i;
    while (i < n && Number.isFinite(lo[i] as number) && Number.isFinite(hi[i] as number)) i++;
    if (i === s) continue;
    for (let j = s; j < i; j++) parts.push(`${j === s ? 'M' : 'L'}${r1(sx(x[j] as number))},${r1(sy(hi[j] as number))}`);
    for (let j = i - 1; j >= s; j--) parts.push(`L${r1(sx(x[j] as number))},${r1(sy(lo[j] as number))}`);
    parts.push('Z');
  }
  return parts.join('');
}
