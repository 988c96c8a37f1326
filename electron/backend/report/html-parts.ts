// Small HTML builders shared by the report's sections: escaped cells, figure tables (simulated
// mean [95% CI] beside the analytic figure) and stacked "mean / [CI]" cells for wide tables.
import type { MaybeStat } from '../../../simulation';
import { DASH, ciText, esc, fixed, meanText, num, statText, withUnit, type Unit } from './format';
import type { Figure } from './metrics';
import { percentileName } from './scenario-info';

/** A configured or analytic value in its unit. */
export function valueText(x: number | null, unit: Unit): string {
  if (x === null) return DASH;
  switch (unit) {
    case 'percentile': return percentileName(x);
    case 'flag': return x === 1 ? 'yes' : 'no';
    case 'count': return fixed(x, 0);
    case 'replicas': return Number.isInteger(x) ? fixed(x, 0) : num(x);
    default: return withUnit(x, unit);
  }
}

/** The simulated cell of a figure: "mean [lo, hi]", an exact value, or — when there is none. */
export function simulatedText(f: Figure): string {
  if (f.ci95) return statText({ mean: f.mean as number, ci95: f.ci95 }, f.unit);
  if (f.mean === null) return DASH;
  return valueText(f.mean, f.unit);
}

export function analyticText(f: Figure): string {
  return f.analytic === null ? '' : valueText(f.analytic, f.unit);
}

export function table(head: string[], rows: string[][], opts: { numeric?: boolean[]; className?: string } = {}): string {
  const cls = (i: number) => (opts.numeric?.[i] ? ' class="num"' : '');
  const th = head.map((h, i) => `<th${cls(i)} scope="col">${h}</th>`).join('');
  const body = rows.map((r) => `<tr>${r.map((c, i) => (i === 0 ? `<th scope="row">${c}</th>` : `<td${cls(i)}>${c}</td>`)).join('')}</tr>`).join('\n');
  return `<table${opts.className ? ` class="${opts.className}"` : ''}><thead><tr>${th}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

/** Label | Simulated (mean [95% CI]) | Analytic, for a list of figures. */
export function figureTable(figs: readonly Figure[], simulatedHead = 'Simulated: mean [95% CI]'): string {
  const rows = figs.map((f) => {
    const sim = simulatedText(f);
    const flagged = f.metric === 'stable' && f.mean === 0 ? `<span class="flag-over">NO</span>` : esc(sim);
    return [esc(f.label), flagged, esc(analyticText(f))];
  });
  return table(['Figure', simulatedHead, 'Analytic / configured'], rows, { numeric: [false, true, true] });
}

/** A stacked cell for wide tables: the mean, and the 95% CI below it in small type. */
export function statCell(s: MaybeStat | undefined, unit: Unit): string {
  if (s === undefined || s === null) return DASH;
  const ci = ciText(s, unit);
  return `${esc(meanText(s, unit))}${ci ? `<span class="ci">${esc(ci)}</span>` : ''}`;
}

export function figure(caption: string, svgText: string | null): string {
  return svgText ? `<figure>${caption ? `<figcaption>${esc(caption)}</figcaption>` : ''}${svgText}</figure>` : '';
}
