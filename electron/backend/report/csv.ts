// The CSV report: one row per figure of ./metrics (docs/reports.md lists the columns), RFC 4180:
// comma-separated, CRLF line ends, a field quoted when it holds a comma, quote, CR or LF (quotes
// doubled). Numbers are written unrounded (JavaScript's shortest round-trip form); an empty
// field means "no value" (a statistic over an empty set, or a column that does not apply).
import type { ResultDocument } from '../../../simulation';
import { reportFigures } from './metrics';

export const CSV_COLUMNS = ['section', 'entity', 'metric', 'mean', 'ci95_low', 'ci95_high', 'analytic', 'unit'] as const;

export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

const n = (x: number | null | undefined): string => (x === null || x === undefined || !Number.isFinite(x) ? '' : String(x));

export function renderCsv(doc: ResultDocument, scenario: unknown = null): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const f of reportFigures(doc, scenario)) {
    lines.push([f.section, f.entity, f.metric, n(f.mean), n(f.ci95?.[0]), n(f.ci95?.[1]), n(f.analytic), f.unit].map(csvField).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
