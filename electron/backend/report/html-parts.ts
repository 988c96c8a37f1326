// Small HTML builders shared by the report's sections: escaped cells, figure tables (simulated
// mean [95% CI] beside the analytic figure) and stacked "mean / [CI]" cells for wide tables.
import type { MaybeStat } from '../../../simulation';
import { analyticText as analyticTextOf, FIGURE_COLUMNS, simulatedText as simulatedTextOf, valueText as valueTextOf } from '../../../simulation/present';
import { DASH, ciText, esc, meanText, reportNumbers, type Unit } from './format';
import type { Figure } from './metrics';

/** A configured or analytic value in its unit. */
export const valueText = (x: number | null, unit: Unit): string => valueTextOf(reportNumbers(), x, unit);
/** The simulated cell of a figure: "mean [95% CI]", an exact value, or — when there is none. */
export const simulatedText = (f: Figure): string => simulatedTextOf(reportNumbers(), f);
export const analyticText = (f: Figure): string => analyticTextOf(reportNumbers(), f);

export function table(head: string[], rows: string[][], opts: { numeric?: boolean[]; className?: string } = {}): string {
  const cls = (i: number) => (opts.numeric?.[i] ? ' class="num"' : '');
  const th = head.map((h, i) => `<th${cls(i)} scope="col">${h}</th>`).join('');
  const body = rows.map((r) => `<tr>${r.map((c, i) => (i === 0 ? `<th scope="row">${c}</th>` : `<td${cls(i)}>${c}</td>`)).join('')}</tr>`).join('\n');
  return `<table${opts.className ? ` class="${opts.className}"` : ''}><thead><tr>${th}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

/** Label | Simulated (mean [95% CI]) | Analytic, for a list of figures. */
export function figureTable(figs: readonly Figure[], simulatedHead: string = FIGURE_COLUMNS.simulated): string {
  const rows = figs.map((f) => {
    const sim = simulatedText(f);
    const flagged = f.metric === 'stable' && f.mean === 0 ? `<span class="flag-over">NO</span>` : esc(sim);
    return [esc(f.label), flagged, esc(analyticText(f))];
  });
  return table([FIGURE_COLUMNS.label, simulatedHead, FIGURE_COLUMNS.analytic], rows, { numeric: [false, true, true] });
}

/** A stacked cell for wide tables: the mean, and the 95% CI below it in small type. */
export function statCell(s: MaybeStat | undefined, unit: Unit): string {
  if (s === undefined || s === null) return DASH;
  const ci = ciText(s, unit);
  return `${esc(meanText(s, unit))}${ci ? `<span class="ci">${esc(ci)}</span>` : ''}`;
}
