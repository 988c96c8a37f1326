// A result's per-bucket statistics as columns (typed arrays of means and CI bounds), made once
// per series and kept while the series lives. A run's document holds each bucket as an object
// (`{mean, ci95}`, docs/result-format.md); reading a million of them costs more than the whole
// downsampling and drawing that follow, and a chart is drawn many times per result (every width,
// theme and view). So the store prepares the columns when a result arrives, and every draw reads
// them. Pure: a WeakMap keyed by the series' own arrays, so nothing outlives the result.
import type { MaybeStat } from '../../../simulation';
import type { ServiceSeries } from './serving-time';

export interface StatColumns {
  mean: Float64Array;
  lo: Float64Array;
  hi: Float64Array;
}

const cache = new WeakMap<readonly MaybeStat[], StatColumns>();

/** The columns of `stats` (NaN where a bucket has no data), computed on first use. */
export function statColumns(stats: readonly MaybeStat[]): StatColumns {
  const hit = cache.get(stats);
  if (hit) return hit;
  const n = stats.length;
  const mean = new Float64Array(n), lo = new Float64Array(n), hi = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const s = stats[k];
    if (s) {
      mean[k] = s.mean;
      lo[k] = s.ci95[0];
      hi[k] = s.ci95[1];
    } else {
      mean[k] = lo[k] = hi[k] = NaN;
    }
  }
  const cols = { mean, lo, hi };
  cache.set(stats, cols);
  return cols;
}

/** Whether the columns of `stats` are made already (for tests). */
export function hasColumns(stats: readonly MaybeStat[]): boolean {
  return cache.has(stats);
}

const STAT_KEYS = ['queue_length', 'latency_p50_ms', 'latency_p95_ms', 'latency_p99_ms', 'replicas', 'throughput_rps', 'busy_slots'] as const;

/** Prepares every statistic series of a service, so that its first draw reads columns too. */
export function prepareServiceSeries(series: ServiceSeries): void {
  for (const key of STAT_KEYS) {
    const stats = series[key] as readonly MaybeStat[] | undefined;
    if (stats) statColumns(stats);
  }
}

/** Prepares the time charts of every service of a result (the store calls this as a result arrives). */
export function prepareResultSeries(result: { serving?: Record<string, { series?: ServiceSeries | null } | unknown> | null } | null | undefined): void {
  for (const svc of Object.values(result?.serving ?? {})) {
    const series = (svc as { series?: ServiceSeries | null }).series;
    if (series) prepareServiceSeries(series);
  }
}
