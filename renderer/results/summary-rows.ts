// The rows of the app's Analytic summary: the seed article's figures as the figure catalogue
// labels and spells them (simulation/present/figures-summary.ts), each tagged when a run did not
// simulate the section it comes from. Pure, so the labels can be checked against the CLI's and
// the report's.
import type { Summary } from '../../simulation';
import { analyticText, SUMMARY_FIGURES, summaryFigureDef, summaryFigures } from '../../simulation/present';
import { APP_NUMBERS } from '../format/numbers';

export interface SummaryRow {
  /** The document key, shown beside the label. */
  key: string;
  label: string;
  value: string;
  /** The run did not simulate the figure's section: it is analytic only. */
  analyticOnly: boolean;
}

export function summaryRows(summary: Summary, notSimulated: readonly string[] = []): SummaryRow[] {
  return summaryFigures(summary).map((f) => {
    const source = summaryFigureDef(f.metric)?.source ?? null;
    return { key: f.metric, label: f.label, value: analyticText(APP_NUMBERS, f), analyticOnly: source !== null && notSimulated.includes(source) };
  });
}

/**
 * The editor's summary with the serving figures it cannot compute — those of a trace's rate or
 * token lengths, which only the backend reads — taken from the selected run's document, in the
 * catalogue's order.
 */
export function withRunServingFigures(own: Summary, run: Summary | undefined): Summary {
  if (!run) return own;
  const out: Summary = {};
  for (const def of SUMMARY_FIGURES) {
    const value = own[def.key] ?? (def.source === 'serving' ? run[def.key] : undefined);
    if (value !== undefined) out[def.key] = value;
  }
  return out;
}
