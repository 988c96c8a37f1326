// `headroom run … --out FILE`: checks the target before anything is simulated (a known
// extension, a writable folder, a browser for PDF) and writes the report after the run. Problems
// are input errors: `--out: message` on stderr, exit code 2. A truncated run still gets its
// report, marked partial (the run then exits 3 as usual).
import type { ResultDocument } from '../../simulation';
import { checkReportTarget, ReportError, writeReport } from '../backend/report';
import type { ParsedArgs } from './args';
import { InputError } from './inputs';

function asInputError(e: unknown): unknown {
  return e instanceof ReportError ? new InputError([{ path: '--out', message: e.message }]) : e;
}

/** The report file named by `--out`, checked; null without `--out`. */
export function checkReportOut(args: ParsedArgs): string | null {
  const file = args.flags.out;
  if (typeof file !== 'string') return null;
  try {
    checkReportTarget(file);
  } catch (e) {
    throw asInputError(e);
  }
  return file;
}

export async function writeReportOut(file: string | null, doc: ResultDocument, scenario: unknown): Promise<void> {
  if (file === null) return;
  try {
    await writeReport(file, doc, scenario);
  } catch (e) {
    throw asInputError(e);
  }
  process.stderr.write(`headroom: wrote ${file}\n`);
  if (doc.truncated) process.stderr.write(`headroom: ${file} is marked as a partial result (${doc.truncated.reason})\n`);
}
