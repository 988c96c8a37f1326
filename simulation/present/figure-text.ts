// A figure's cells as text, the same in the app, the reports and the CLI: the simulated cell
// ("mean [95% CI]", an exact count, or —), the analytic or configured cell, and the mean or the
// interval alone for tables that stack them. Labels carry no unit: the value does, because a
// duration's unit follows its magnitude (s, min, h) and a CI is written in the mean's unit.
// The locale comes with the NumberText (the app passes the user's, the CLI and reports en-US).
import type { MaybeStat } from '../result/types';
import type { Figure } from './figure';
import { DASH, type NumberText } from './numbers';
import { statWithUnit, valueWithUnit, type Unit } from './units';

/** The column headings of a "figure beside its formula" table. */
export const FIGURE_COLUMNS = { label: 'Figure', simulated: 'Simulated: mean [95% CI]', analytic: 'Analytic / configured' } as const;

/** "p99", "p99.9", "p95". */
export function percentileName(p: number): string {
  return `p${String(+p.toFixed(3))}`;
}

/** A configured or analytic value (or an exact count) in its unit. */
export function valueText(t: NumberText, x: number | null | undefined, unit: Unit): string {
  if (x === null || x === undefined) return DASH;
  switch (unit) {
    case 'percentile': return percentileName(x);
    case 'flag': return x === 1 ? 'yes' : 'no';
    case 'count': return t.fixed(x, 0);
    case 'replicas': return Number.isInteger(x) ? t.fixed(x, 0) : t.sig(x);
    default: return valueWithUnit(t, x, unit);
  }
}

/** The simulated cell: "mean [lo, hi]", an exact value, or — when there is none. */
export function simulatedText(t: NumberText, f: Figure): string {
  if (f.ci95) return statWithUnit(t, { mean: f.mean as number, ci95: f.ci95 }, f.unit);
  if (f.mean === null) return DASH;
  return valueText(t, f.mean, f.unit);
}

/** The analytic or configured cell, "" when the figure has none. */
export function analyticText(t: NumberText, f: Figure): string {
  return f.analytic === null ? '' : valueText(t, f.analytic, f.unit);
}

/** The mean alone, as the simulated cell writes it. */
export function meanText(t: NumberText, s: MaybeStat | undefined, unit: Unit): string {
  if (!s) return DASH;
  const full = statWithUnit(t, s, unit);
  const i = full.indexOf(' [');
  return i === -1 ? full : full.slice(0, i);
}

/** The 95% CI alone, "[lo, hi]" in the unit chosen for the mean, or "" for a point or null. */
export function ciText(t: NumberText, s: MaybeStat | undefined, unit: Unit): string {
  if (!s || s.ci95[0] === s.ci95[1]) return '';
  const full = statWithUnit(t, s, unit);
  const i = full.indexOf(' [');
  return i === -1 ? '' : full.slice(i + 1);
}

/** A figure's mean alone, for tables with one column per figure: a statistic's mean, else its value. */
export function figureMeanText(t: NumberText, f: Figure | undefined): string {
  if (!f) return DASH;
  if (f.ci95) return meanText(t, { mean: f.mean as number, ci95: f.ci95 }, f.unit);
  return f.mean === null ? valueText(t, f.analytic, f.unit) : valueText(t, f.mean, f.unit);
}
