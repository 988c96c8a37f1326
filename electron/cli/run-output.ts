// What `run` prints for its result document — text or JSON on stdout, the report file, warnings
// and the exit code — shared with `merge` of a run's parts, so a merged run reads like one.
import { assertFinite, type ResultDocument, type Scenario } from '../../simulation';
import { formatResult } from './format-text';
import type { ParsedArgs } from './args';
import { writeReportOut, type ReportOut } from './report-out';

export async function emitRunResult(args: ParsedArgs, doc: ResultDocument, scenario: Scenario, out: ReportOut | null): Promise<number> {
  assertFinite(doc, 'the result document');
  const notSimulated = doc.not_simulated ?? [];
  if (notSimulated.length > 0) {
    process.stderr.write(`headroom: warning: ${notSimulated.join(' and ')} ${notSimulated.length > 1 ? 'are' : 'is'} not simulated yet; the result gives their analytic figures only\n`);
  }
  process.stdout.write(args.flags.json ? `${JSON.stringify(doc, null, 2)}\n` : `${formatResult(doc, scenario)}\n`);
  await writeReportOut(out, doc, scenario);
  if (doc.truncated) {
    process.stderr.write(`headroom: run stopped early (${doc.truncated.reason}); figures cover the simulated part only\n`);
    return 3;
  }
  return 0;
}
