// "Export report…" in the app: a stored run's report, rendered from its result document and the
// scenario version it ran by the same code as `headroom run --out` (./report, docs/reports.md).
import type { Library } from '../../../db';
import type { ResultDocument } from '../../../simulation';
import type { ExportedFile, RunReportKind } from '../../common/contract';
import { slugOf } from '../transfer/import-export';
import { renderReport } from '.';
import { loadScenarioText } from '../traces/scenario-source';

const MEDIA_TYPES: Record<RunReportKind, string> = {
  html: 'text/html',
  md: 'text/markdown',
  csv: 'text/csv',
  json: 'application/json',
};

const NO_RESULT: Record<string, string> = {
  queued: 'it has not started yet',
  running: 'it is still running',
  failed: 'it failed',
  cancelled: 'it was cancelled',
};

/** What a report is made of: the stored result, and the scenario (validated, with defaults) it ran. */
export function runReportSource(lib: Library, runId: string): { doc: ResultDocument; scenario: unknown; baseName: string } {
  const run = lib.runs.getRun(runId);
  if (!run) throw new Error(`no run with id ${runId}`);
  // As in the app: only a finished run (done, or stopped by a cap: partial) has a result; a
  // cancelled run's partial figures are not offered.
  const text = run.status === 'done' || run.status === 'truncated' ? lib.runs.getRunResult(runId) : null;
  if (text === null) throw new Error(`run ${runId} has no result to report: ${NO_RESULT[run.status] ?? 'no result was stored'}`);
  const doc = JSON.parse(text) as ResultDocument;
  const version = lib.scenarios.getVersion(run.scenarioVersionId);
  // The scenario supplies budgets, SLO percentiles and the description; as the CLI passes it.
  const loaded = version ? loadScenarioText(version.json) : null;
  const scenario = loaded?.ok ? loaded.scenario : null;
  return { doc, scenario, baseName: `${slugOf(doc.scenario.name)}-run-${runId.slice(0, 8)}` };
}

/** The report as a file; `locale` spells the numbers of the HTML and the memo (en-US by default). */
export function renderRunReport(lib: Library, runId: string, kind: RunReportKind, locale?: string | null): ExportedFile {
  const { doc, scenario, baseName } = runReportSource(lib, runId);
  return { fileName: `${baseName}.${kind}`, mediaType: MEDIA_TYPES[kind], text: renderReport(kind, doc, scenario, locale), companions: [] };
}
