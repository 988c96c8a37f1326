// Number formatting for reports: a few significant digits, thousands separators, fractions as
// percentages, durations in the unit that suits them. A mean and its 95% CI share one unit and
// one number of decimals, so "1.95 h [1.80, 2.10]" reads as one figure. Null is "—", never NaN.
import type { MaybeStat } from '../../../simulation';

export const DASH = '—';

/** Decimals that show about three significant digits of |x| (0 for ≥ 100, at most 6). */
export function decimalsFor(x: number): number {
  const a = Math.abs(x);
  if (a === 0 || a >= 100) return 0;
  if (a >= 10) return 1;
  if (a >= 1) return 2;
  return Math.min(6, 2 - Math.floor(Math.log10(a)));
}

/** A number with `decimals` places and thousands separators: 1,349 · 0.0568 · −1,149. */
export function fixed(x: number, decimals: number): string {
  if (!Number.isFinite(x)) return DASH;
  let s = x.toFixed(decimals);
  if (/^-0(\.0*)?$/.test(s)) s = s.slice(1);
  const [int, frac] = s.split('.') as [string, string | undefined];
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${grouped.replace(/^-/, '−')}${frac === undefined ? '' : `.${frac}`}`;
}

/** About three significant digits: 1,349 · 80.0 → 80 · 0.0568. Integers stay integers. */
export function num(x: number | null | undefined, decimals?: number): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return DASH;
  if (decimals !== undefined) return fixed(x, decimals);
  if (Number.isInteger(x)) return fixed(x, 0);
  const d = decimalsFor(x);
  return fixed(x, d).replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '');
}

/** A fraction as a percentage with about three significant digits: 0.7629 → 76.3%. */
export function pct(x: number | null | undefined, decimals?: number): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return DASH;
  const p = x * 100;
  if (decimals !== undefined) return `${fixed(p, decimals)}%`;
  return `${fixed(p, Math.min(decimalsFor(p), 4)).replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '')}%`;
}

export type Unit = 'ms' | 's' | 'fraction' | 'rps' | 'count' | 'replicas' | 'ratio' | 'attempts' | 'tasks' | 'percentile' | 'replica-hours' | 'cost' | 'flag' | '';

interface Scaled { factor: number; suffix: string }

/** Durations in seconds → s, min or h depending on the magnitude of `ref`. */
function durationScale(refSeconds: number): Scaled {
  const a = Math.abs(refSeconds);
  if (a >= 2 * 3600) return { factor: 1 / 3600, suffix: ' h' };
  if (a >= 120) return { factor: 1 / 60, suffix: ' min' };
  return { factor: 1, suffix: ' s' };
}

function scaleFor(unit: Unit, ref: number): Scaled {
  switch (unit) {
    case 'ms': return { factor: 1, suffix: ' ms' };
    case 's': return durationScale(ref);
    case 'rps': return { factor: 1, suffix: ' rps' };
    default: return { factor: 1, suffix: '' };
  }
}

/** One value with its unit: "1,349 ms", "76.3%", "3.38 h", "12". */
export function withUnit(x: number | null | undefined, unit: Unit): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return DASH;
  if (unit === 'fraction') return pct(x);
  const s = scaleFor(unit, x);
  return `${num(x * s.factor)}${s.suffix}`;
}

/**
 * "mean [lo, hi]" in one unit and with one number of decimals, chosen from the interval's width
 * (two significant digits of the half-width, never fewer than the mean's own). A point interval
 * (one replication, or a fixed value) prints the mean alone; null prints "—".
 */
export function statText(s: MaybeStat | undefined, unit: Unit, opts: { unitInside?: boolean } = {}): string {
  if (!s) return DASH;
  const [lo, hi] = s.ci95;
  const percent = unit === 'fraction';
  const scale = percent ? { factor: 100, suffix: '%' } : scaleFor(unit, s.mean);
  const m = s.mean * scale.factor, l = lo * scale.factor, h = hi * scale.factor;
  const half = Math.abs(h - l) / 2;
  // Decimals that show the half-width's first significant digit, at most one more than the
  // mean's own three significant digits; never fewer than the mean's (capped at 1 for percents).
  const byWidth = half > 0 ? Math.max(0, -Math.floor(Math.log10(half))) : 0;
  const own = decimalsFor(m === 0 ? half : m);
  const d = Math.min(percent ? 3 : 6, Math.max(Math.min(own, percent ? 1 : 2), Math.min(byWidth, own + 1)));
  const f = (x: number) => fixed(x, d);
  if (lo === hi) return `${Number.isInteger(m) ? fixed(m, 0) : f(m)}${scale.suffix}`;
  const unitInside = opts.unitInside ?? false;
  return unitInside
    ? `${f(m)}${scale.suffix} [${f(l)}${scale.suffix}, ${f(h)}${scale.suffix}]`
    : `${f(m)}${scale.suffix} [${f(l)}, ${f(h)}]`;
}

/** The 95% CI alone, "[lo, hi]" in the unit chosen for the mean, or "" for a point or null. */
export function ciText(s: MaybeStat | undefined, unit: Unit): string {
  if (!s || s.ci95[0] === s.ci95[1]) return '';
  const full = statText(s, unit);
  const i = full.indexOf(' [');
  return i === -1 ? '' : full.slice(i + 1);
}

/** The mean alone, formatted as statText formats it. */
export function meanText(s: MaybeStat | undefined, unit: Unit): string {
  if (!s) return DASH;
  const full = statText(s, unit);
  const i = full.indexOf(' [');
  return i === -1 ? full : full.slice(0, i);
}

/** Whole seconds as "3 h 23 min" / "17 min" / "42 s" (for prose). */
export function clock(seconds: number): string {
  if (!Number.isFinite(seconds)) return DASH;
  const s = Math.round(seconds);
  if (Math.abs(s) < 120) return `${s} s`;
  const m = Math.round(s / 60);
  if (Math.abs(m) < 120) return `${m} min`;
  return `${Math.floor(m / 60)} h ${m % 60} min`;
}

export function plural(n: number, word: string, many = `${word}s`): string {
  return `${fixed(n, 0)} ${n === 1 ? word : many}`;
}

/** HTML text and attribute escaping. */
export function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}
