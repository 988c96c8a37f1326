// The CSV report: one row per figure of ./metrics (docs/reports.md lists the columns), RFC 4180:
// comma-separated, CRLF line ends, every cell written by csvCell. Numbers are written unrounded
// (JavaScript's shortest round-trip form); an empty field means "no value" (a statistic over an
// empty set, or a column that does not apply).
import type { ResultDocument } from '../../../simulation';
import { reportFigures } from './metrics';

export const CSV_COLUMNS = ['section', 'entity', 'metric', 'mean', 'ci95_low', 'ci95_high', 'analytic', 'unit'] as const;

/** Text a spreadsheet would read as a formula (or, after a tab or CR, might): = + - @ TAB CR. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV cell. A finite number is written as a number (negative ones included); null, undefined
 * and non-finite numbers are empty. Text that begins like a formula gets a leading `'`, so a
 * spreadsheet shows it as text instead of evaluating it (ids such as `-1-1` or `=1+1`). Then the
 * cell is quoted when it holds a comma, quote, CR or LF, quotes doubled (RFC 4180).
 */
export function csvCell(value: string | number | null | undefined): string {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (value === null || value === undefined) return '';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function renderCsv(doc: ResultDocument, scenario: unknown = null): string {
  const lines = [CSV_COLUMNS.map(csvCell).join(',')];
  for (const f of reportFigures(doc, scenario)) {
    lines.push([f.section, f.entity, f.metric, f.mean, f.ci95?.[0], f.ci95?.[1], f.analytic, f.unit].map(csvCell).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
