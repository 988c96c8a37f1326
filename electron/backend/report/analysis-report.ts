// "Export report…" of a kept what-if analysis (a sweep, a solve or a sensitivity analysis): the
// analysis document read from the library with the scenario version it ran on, rendered as a
// self-contained HTML page, a Markdown memo, a CSV of its rows or the JSON document itself.
// docs/reports.md, "Reports of what-if analyses".
import type { Library } from '../../../db';
import type { AnalysisDocument } from '../../../simulation';
import type { ExportedFile, RunReportKind } from '../../common/contract';
import { loadScenarioText } from '../traces/scenario-source';
import { slugOf } from '../transfer/import-export';
import { renderAnalysisCsv } from './analysis-csv';
import { renderAnalysisHtml } from './analysis-html';
import { renderAnalysisMarkdown } from './analysis-markdown';
import type { AnalysisSource } from './analysis-model';

/** The same kinds as a run's report (html, md, csv, json). */
export type AnalysisReportKind = RunReportKind;

const MEDIA_TYPES: Record<AnalysisReportKind, string> = {
  html: 'text/html',
  md: 'text/markdown',
  csv: 'text/csv',
  json: 'application/json',
};

/** The analysis and the scenario version it ran on; the version's JSON supplies names, budgets and costs. */
export function analysisReportSource(lib: Library, analysisId: string): AnalysisSource {
  const summary = lib.analyses.get(analysisId);
  const body = lib.analyses.body(analysisId);
  if (!summary || body === null) throw new Error(`no analysis with id ${analysisId}`);
  const doc = JSON.parse(body) as AnalysisDocument;
  const version = lib.scenarios.getVersion(summary.scenarioVersionId);
  if (!version) throw new Error(`analysis ${analysisId}: its scenario version ${summary.scenarioVersionId} is not in the library`);
  const loaded = loadScenarioText(version.json);
  return {
    header: {
      id: summary.id,
      title: summary.title,
      kind: doc.kind,
      scenarioName: version.name,
      scenarioVersion: version.version,
      scenarioSha256: version.sha256,
      seed: doc.seed,
      replications: doc.replications,
      createdAt: summary.createdAt,
      wallMs: summary.wallMs,
    },
    doc,
    raw: loaded.ok ? loaded.raw : JSON.parse(version.json),
    scenario: loaded.ok ? loaded.scenario : null,
  };
}

/** The text of the report; `locale` spells the numbers of the HTML and the memo (en-US by default). */
export function renderAnalysisText(src: AnalysisSource, kind: AnalysisReportKind, locale?: string | null): string {
  switch (kind) {
    case 'html': return renderAnalysisHtml(src, locale);
    case 'md': return renderAnalysisMarkdown(src, locale);
    case 'csv': return renderAnalysisCsv(src);
    case 'json': return `${JSON.stringify(src.doc, null, 2)}\n`;
  }
}

/** The report as a file: `<scenario-slug>-<sweep|solve|sensitivity>-<first 8 of the id>.<kind>`. */
export function renderAnalysisReport(lib: Library, analysisId: string, kind: AnalysisReportKind, locale?: string | null): ExportedFile {
  const src = analysisReportSource(lib, analysisId);
  return {
    fileName: `${slugOf(src.header.scenarioName)}-${src.header.kind}-${analysisId.slice(0, 8)}.${kind}`,
    mediaType: MEDIA_TYPES[kind],
    text: renderAnalysisText(src, kind, locale),
    companions: [],
  };
}
