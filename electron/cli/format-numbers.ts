// Number formatting shared by the CLI's text output.
import type { MaybeStat } from '../../simulation';

/** Up to `digits` decimal places, trailing zeros dropped: 203, 0.7516, 0.25. */
export function fmt(x: number, digits = 4): string {
  if (!Number.isFinite(x)) return String(x);
  const s = x.toFixed(digits);
  return s.includes('.') ? s.replace(/\.?0+$/, '') : s;
}

/** `mean unit [lo, hi]`, or just the mean when the interval is a point, or — for null. */
export function stat(s: MaybeStat | undefined, unit = '', digits = 2): string {
  if (!s) return '—';
  const [lo, hi] = s.ci95;
  return lo === hi ? `${fmt(s.mean, digits)}${unit}` : `${fmt(s.mean, digits)}${unit} [${fmt(lo, digits)}, ${fmt(hi, digits)}]`;
}
