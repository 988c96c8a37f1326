// The small "rate over time" line under a service's arrivals: the offered rate of diurnal and
// bursty arrivals over the horizon (bucket means of the engine's own rate functions, so a
// burst shorter than a sample still shows), or a finished run's series. Pure.
import { offeredRateOver, offeredShape } from '../../charts/time/offered-load';

export interface RateSeries {
  /** One value per equal step of time; null where nothing is known (no data in a bucket). */
  values: (number | null)[];
  spanS: number;
}

/** The offered rate of diurnal or bursty arrivals (raw JSON) over [0, horizonS) in n buckets; null for a constant rate. */
export function offeredRateSeries(arrivals: unknown, horizonS: number, n = 240): RateSeries | null {
  const shape = offeredShape(arrivals);
  if (!shape || !(horizonS > 0) || !Number.isFinite(horizonS)) return null;
  const step = horizonS / n;
  const values = Array.from({ length: n }, (_, k) => offeredRateOver(shape, k * step, (k + 1) * step));
  return { values, spanS: horizonS };
}

export interface Sparkline {
  /** SVG path: one subpath per run of known values. */
  d: string;
  min: number;
  max: number;
}

/** A line of `values` in a w × h box, from a zero baseline (so the swing reads true) up to the largest value. */
export function sparklinePath(values: readonly (number | null)[], w: number, h: number, pad = 2): Sparkline | null {
  const known = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (known.length === 0) return null;
  const max = Math.max(...known);
  const min = Math.min(...known);
  const top = max > 0 ? max : 1;
  const n = values.length;
  const x = (i: number) => pad + (n > 1 ? (i / (n - 1)) * (w - 2 * pad) : (w - 2 * pad) / 2);
  const y = (v: number) => h - pad - (Math.max(0, v) / top) * (h - 2 * pad);
  let d = '';
  let open = false;
  values.forEach((v, i) => {
    if (v === null || !Number.isFinite(v)) { open = false; return; }
    d += `${open ? 'L' : 'M'}${x(i).toFixed(1)},${y(v).toFixed(1)}`;
    open = true;
  });
  return { d, min, max };
}
