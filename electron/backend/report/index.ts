// Reports from a result document (docs/reports.md): the kind follows the file extension —
// .html (self-contained, printable), .pdf (that HTML printed by a headless Chromium), .csv (one
// row per figure), .md (a memo), .json (the document as `--json` prints it). Shared by the
// command line (`run --out`) and the app's "Export report…" (electron/backend/run-report.ts; the
// desktop shell prints PDF with Electron's printToPDF instead of a headless Chromium).
import fs from 'node:fs';
import path from 'node:path';
import type { ResultDocument } from '../../../simulation';
import { writeFileAtomic } from '../atomic-write';
import { renderCsv } from './csv';
import { renderHtml } from './html';
import { renderMarkdown } from './markdown';
import { findChromium, htmlToPdf, PdfError, unavailableMessage, type PdfOptions } from './pdf';

export const REPORT_KINDS = ['html', 'pdf', 'csv', 'md', 'json'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];
export type TextReportKind = Exclude<ReportKind, 'pdf'>;

export { renderCsv, CSV_COLUMNS } from './csv';
export { renderHtml } from './html';
export { renderMarkdown } from './markdown';
export { reportFigures, type Figure } from './metrics';
export { findChromium, htmlToPdf, PdfError, PDF_UNAVAILABLE } from './pdf';

export class ReportError extends Error {
  constructor(message: string, readonly reason: 'unknown-kind' | 'unwritable' | 'pdf-unavailable' | 'pdf-failed') {
    super(message);
  }
}

/** The report kind of a file name, from its extension (case-insensitive), or null. */
export function reportKindOf(file: string): ReportKind | null {
  const ext = path.extname(file).slice(1).toLowerCase();
  return (REPORT_KINDS as readonly string[]).includes(ext) ? (ext as ReportKind) : null;
}

/**
 * The text of a report. `scenario` (raw JSON or parsed) supplies budgets and SLO percentiles.
 * `locale` spells the numbers of the HTML and the memo (default en-US, unsupported tags too); the
 * CSV and the JSON are for machines and write plain numbers in any locale.
 */
export function renderReport(kind: TextReportKind, doc: ResultDocument, scenario: unknown = null, locale?: string | null): string {
  switch (kind) {
    case 'html': return renderHtml(doc, scenario, locale);
    case 'md': return renderMarkdown(doc, scenario, locale);
    case 'csv': return renderCsv(doc, scenario);
    case 'json': return `${JSON.stringify(doc, null, 2)}\n`;
  }
}

/**
 * Checks, before anything is simulated, that a report can be written to `file`: a known
 * extension, an existing writable folder, not a folder itself, and a browser for PDF.
 */
export function checkReportTarget(file: string, env: NodeJS.ProcessEnv = process.env): ReportKind {
  const kind = reportKindOf(file);
  if (!kind) throw new ReportError(`cannot tell the report kind of ${JSON.stringify(file)}: the extension must be one of ${REPORT_KINDS.map((k) => `.${k}`).join(', ')}`, 'unknown-kind');
  const abs = path.resolve(file);
  const dir = path.dirname(abs);
  try {
    if (!fs.statSync(dir).isDirectory()) throw new Error('ENOTDIR');
    fs.accessSync(dir, fs.constants.W_OK);
  } catch (e) {
    throw new ReportError(`cannot write ${file}: ${errCode(e)} (folder ${dir})`, 'unwritable');
  }
  try {
    if (fs.statSync(abs).isDirectory()) throw new ReportError(`cannot write ${file}: it is a folder`, 'unwritable');
  } catch (e) {
    if (e instanceof ReportError) throw e;
  }
  if (kind === 'pdf' && !findChromium(env)) throw new ReportError(unavailableMessage(env), 'pdf-unavailable');
  return kind;
}

/** Writes the report for `file`'s extension atomically (temporary file beside it, then rename). */
export async function writeReport(file: string, doc: ResultDocument, scenario: unknown = null, opts: PdfOptions & { locale?: string } = {}): Promise<ReportKind> {
  const kind = reportKindOf(file);
  if (!kind) return checkReportTarget(file);
  let data: string | Buffer;
  if (kind === 'pdf') {
    try {
      data = await htmlToPdf(renderHtml(doc, scenario, opts.locale), opts);
    } catch (e) {
      if (e instanceof PdfError) throw new ReportError(e.message, e.reason === 'unavailable' ? 'pdf-unavailable' : 'pdf-failed');
      throw e;
    }
  } else {
    data = renderReport(kind, doc, scenario, opts.locale);
  }
  try {
    writeFileAtomic(file, data);
  } catch (e) {
    throw new ReportError(`cannot write ${file}: ${errCode(e)}`, 'unwritable');
  }
  return kind;
}

function errCode(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  return err.code ?? err.message ?? String(e);
}
