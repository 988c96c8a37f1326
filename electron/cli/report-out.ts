// `headroom run … --out FILE [--locale TAG]`: checks the target before anything is simulated (a
// known extension, a writable folder, a browser for PDF) and writes the report after the run.
// Problems are input errors: `--out: message` on stderr, exit code 2. A truncated run still gets
// its report, marked partial (the run then exits 3 as usual). The report's numbers are en-US,
// the same bytes on every machine, unless `--locale` asks for another spelling.
import type { ResultDocument } from '../../simulation';
import { checkReportTarget, ReportError, writeReport } from '../backend/report';
import { DEFAULT_REPORT_LOCALE, isLocaleTag, LOCALE_MESSAGE } from '../common/locale';
import type { ParsedArgs } from './args';
import { InputError } from './inputs';

export interface ReportOut {
  file: string;
  /** The tag as given (an unsupported one is written in en-US). */
  locale: string;
}

function asInputError(e: unknown): unknown {
  return e instanceof ReportError ? new InputError([{ path: '--out', message: e.message }]) : e;
}

/** The report file named by `--out` and its `--locale`, checked; null without `--out`. */
export function checkReportOut(args: ParsedArgs): ReportOut | null {
  const file = args.flags.out;
  const locale = args.flags.locale;
  if (typeof locale === 'string' && !isLocaleTag(locale)) throw new InputError([{ path: '--locale', message: `${LOCALE_MESSAGE} (got ${JSON.stringify(locale)})` }]);
  if (typeof file !== 'string') {
    if (locale !== undefined) throw new InputError([{ path: '--locale', message: 'spells the numbers of a report: give --out FILE too' }]);
    return null;
  }
  try {
    checkReportTarget(file);
  } catch (e) {
    throw asInputError(e);
  }
  return { file, locale: typeof locale === 'string' ? locale : DEFAULT_REPORT_LOCALE };
}

export async function writeReportOut(out: ReportOut | null, doc: ResultDocument, scenario: unknown): Promise<void> {
  if (out === null) return;
  const { file, locale } = out;
  try {
    await writeReport(file, doc, scenario, { locale });
  } catch (e) {
    throw asInputError(e);
  }
  process.stderr.write(`headroom: wrote ${file}\n`);
  if (doc.truncated) process.stderr.write(`headroom: ${file} is marked as a partial result (${doc.truncated.reason})\n`);
}
