// The reports' spelling of numbers: the shared formatter (simulation/present) at about three
// significant digits, in the report's locale, and HTML escaping. The locale is en-US (a report
// is then the same file on every machine) unless the renderer asks for another: renderHtml and
// renderMarkdown run inside inReportLocale, which sets the formatter of these helpers and of the
// app's charts (renderer/format/numbers.ts) for that one synchronous render.
import type { MaybeStat } from '../../../simulation';
import { clock as clockText } from '../../../simulation/present';
import { ciText as ciTextOf, meanText as meanTextOf } from '../../../simulation/present';
import { DASH, EN_US, NumberText } from '../../../simulation/present';
import { statWithUnit, valueWithUnit, type Unit } from '../../../simulation/present';
import { withChartNumbers } from '../../../renderer/charts/chart-numbers';
import { DEFAULT_REPORT_LOCALE, reportLocale } from '../../common/locale';

export { DASH, type Unit };

let t: NumberText = EN_US;

/** The formatter of the report being rendered. */
export const reportNumbers = (): NumberText => t;

/**
 * Runs `render` (synchronous) with the report's numbers, tables and charts alike, spelled in
 * `locale`; a malformed or unsupported tag gives en-US.
 */
export function inReportLocale<T>(locale: string | null | undefined, render: () => T): T {
  const tag = reportLocale(locale);
  const numbers = tag === DEFAULT_REPORT_LOCALE ? EN_US : new NumberText(tag);
  const previous = t;
  t = numbers;
  try {
    return withChartNumbers(numbers, render);
  } finally {
    t = previous;
  }
}

/** A number with `decimals` places and thousands separators: 1,349 · 0.0568 · −1,149. */
export const fixed = (x: number, decimals: number): string => t.fixed(x, decimals);
/** About three significant digits: 1,349 · 80.0 → 80 · 0.0568. Integers stay integers. */
export const num = (x: number | null | undefined, decimals?: number): string => t.sig(x, decimals);
/** A fraction as a percentage with about three significant digits: 0.7629 → 76.3%. */
export const pct = (x: number | null | undefined, decimals?: number): string => t.sigPercent(x, decimals);
/** One value with its unit: "1,349 ms", "76.3%", "3.38 h", "12". */
export const withUnit = (x: number | null | undefined, unit: Unit): string => valueWithUnit(t, x, unit);
/** "mean [lo, hi]" in one unit and with one number of decimals (see NumberText.statSig). */
export const statText = (s: MaybeStat | undefined, unit: Unit, opts: { unitInside?: boolean } = {}): string => statWithUnit(t, s, unit, opts.unitInside);
export const clock = clockText;

/** The 95% CI alone, "[lo, hi]" in the unit chosen for the mean, or "" for a point or null. */
export const ciText = (s: MaybeStat | undefined, unit: Unit): string => ciTextOf(t, s, unit);
/** The mean alone, formatted as statText formats it. */
export const meanText = (s: MaybeStat | undefined, unit: Unit): string => meanTextOf(t, s, unit);

export function plural(n: number, word: string, many = `${word}s`): string {
  return `${fixed(n, 0)} ${n === 1 ? word : many}`;
}

/** HTML text and attribute escaping. */
export function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}
