// The one method table between the renderer and the backend: every method with the schemas of
// its arguments and of its result, and every event with the schema of its payload. Everything
// else is derived from it: the HeadroomApi type (contract.ts), the validation in the Electron
// main process and in the preview server (api-validate.ts), the preload's exposed object and the
// browser client. A method added here is reachable over IPC and HTTP once the backend (or, for a
// dialog method, each shell) implements it; the compiler says where.
//
// Arguments are parsed in main and in the server on every call. Results are parsed only where
// `checkResults` is set (the tests do): a result document can be megabytes, and it was made by
// our own backend from these very types.
import * as z from 'zod';
import { arg, backend, dialog } from './api-types';
import * as I from './api-inputs';
import * as R from './api-records';
import * as W from './api-whatif';

const nothing = z.void();
const id = (name: string) => arg(name, I.IdSchema);

export const API = {
  info: backend([], R.AppInfoSchema),
  /** Help → Licences: Headroom's licence, the example data's attributions, the third-party packages' licences (written by `npm run build`). */
  licences: backend([], R.LicencesSchema),
  listScenarios: backend([], z.array(R.ScenarioSummarySchema)),
  getScenario: backend([id('id')], R.ScenarioRecordSchema),
  createScenario: backend([arg('json', I.ScenarioTextSchema)], R.SaveResultSchema),
  updateScenario: backend([id('id'), arg('json', I.ScenarioTextSchema)], R.SaveResultSchema),
  /** Moves the scenario to the trash (restoreFromTrash undoes it). */
  deleteScenario: backend([id('id')], nothing),
  listExamples: backend([], z.array(R.ExampleScenarioSchema)),
  startRun: backend([id('scenarioId'), arg('options', I.RunOptionsSchema.nullish())], R.RunSummarySchema),
  cancelRun: backend([id('runId')], nothing),
  listRuns: backend([id('scenarioId')], z.array(R.RunSummarySchema)),
  getRunResult: backend([id('runId')], R.ResultDocumentSchema.nullable()),
  /** Names a run in the runs list (trimmed, at most 80 characters); null or '' clears the name. */
  setRunLabel: backend([id('runId'), arg('label', R.RunLabelInputSchema)], R.RunSummarySchema),
  /**
   * The arrival rate over time of the trace of `serving.services[serviceIndex]` in the
   * scenario's latest saved version, read from the library's copy of its file as a run reads it
   * (`time_column` and `scale` applied), in at most MAX_TRACE_RATE_BUCKETS buckets; for the
   * serving form's preview. `ok: false` names the field when that service has no trace to read.
   */
  traceRate: backend([id('scenarioId'), arg('serviceIndex', I.ServiceIndexSchema)], R.TraceRateResultSchema),

  // Library: history, organisation, trash.
  /** Every version of a scenario, newest first. */
  listVersions: backend([id('scenarioId')], z.array(R.VersionSummarySchema)),
  getVersion: backend([id('versionId')], R.VersionRecordSchema),
  /** Saves an old version's text as the newest version (history is never rewritten). */
  restoreVersion: backend([id('scenarioId'), id('versionId')], R.SaveResultSchema),
  /** Saves a new version with the scenario's `name` changed. */
  renameScenario: backend([id('id'), arg('name', I.NameSchema)], R.SaveResultSchema),
  /** A new scenario starting from this one's latest version, named "… (copy)", with its tags. */
  duplicateScenario: backend([id('id')], R.SaveResultSchema),
  setTags: backend([id('id'), arg('tags', I.TagsSchema)], R.ScenarioSummarySchema),
  /** Live scenarios matching every word (prefix) of the query in name, tags, description or ids; '' lists all. */
  searchScenarios: backend([arg('query', I.QuerySchema)], z.array(R.ScenarioSummarySchema)),
  listTrash: backend([], z.array(R.TrashedScenarioSchema)),
  /** Takes a deleted scenario out of the trash (the undo of deleteScenario). */
  restoreFromTrash: backend([id('id')], R.ScenarioSummarySchema),
  /** Deletes a scenario in the trash for good, with its versions and runs. */
  purgeScenario: backend([id('id')], nothing),

  // Import and export of scenario files.
  exportScenarios: backend([arg('ids', I.IdsSchema), arg('options', I.ExportOptionsSchema.nullish())], R.ExportedFileSchema),
  /** Validates each file as the CLI does; each scenario or bundle file is imported whole or not at all. */
  importScenarios: backend([arg('files', I.ImportFilesSchema)], R.ImportResultSchema),

  // The library file.
  libraryStatus: backend([], R.LibraryStatusSchema),
  /** A verified copy of the whole library in the backups folder. */
  backupLibrary: backend([], R.BackupInfoSchema),
  /** Replaces the library with a backup from the backups folder (after a safety copy of the current one). */
  restoreLibraryBackup: backend([arg('name', I.BackupNameSchema)], R.LibraryStatusSchema),

  // Cluster tools (docs/cluster.md).
  /** Fits a job's straggler settings from its per-worker step times (a CSV file's text). */
  calibrateStragglers: backend([arg('file', I.CalibrationFileSchema), arg('options', I.CalibrationOptionsSchema.nullish())], R.CalibrationResultSchema),
  /** Simulates the saved scenario at multiples of its Young/Daly checkpoint interval, off the backend's thread. */
  checkpointSweep: backend([id('scenarioId'), arg('options', I.CheckpointSweepOptionsSchema.nullish())], R.CheckpointSweepResultSchema),
  /** Stops a sweep started with this `requestId` (it then answers `reason: 'cancelled'`); no-op if it has ended. */
  cancelCheckpointSweep: backend([id('requestId')], nothing),

  // What-if (docs/what-if.md).
  /** Two finished runs side by side: the input diff and every figure with B − A and its 95% CI (paired when they share a seed). */
  compareRuns: backend([id('runIdA'), id('runIdB')], W.CompareDocumentSchema),
  /**
   * Runs a sweep, a solve or a sensitivity analysis of the saved scenario's latest version on
   * worker threads (progress as `analysis` events under `requestId`) and keeps it in the library.
   */
  runAnalysis: backend([id('scenarioId'), arg('request', W.AnalysisRequestSchema)], W.AnalysisOutcomeSchema),
  /** Stops the analysis started with this `requestId` (it then answers `reason: 'cancelled'`); no-op if it has ended. */
  cancelAnalysis: backend([id('requestId')], nothing),
  /** The scenario's kept analyses, newest first. */
  listAnalyses: backend([id('scenarioId')], z.array(W.AnalysisSummarySchema)),
  getAnalysis: backend([id('analysisId')], W.AnalysisRecordSchema),
  /**
   * The report of a kept analysis as text (docs/reports.md): HTML with its chart, a Markdown
   * memo, a CSV of its points, candidates or inputs, or the JSON document; fileName
   * `<scenario-slug>-<sweep|solve|sensitivity>-<first 8 of the id>.<kind>`. `locale` as for renderRunReport.
   */
  renderAnalysisReport: backend([id('analysisId'), arg('kind', I.RunReportKindSchema), arg('locale', I.ReportLocaleSchema.nullish())], R.ExportedFileSchema),
  deleteAnalysis: backend([id('analysisId')], nothing),
  /**
   * A quick, reduced simulation of the editor's text with slider values set (fewer
   * replications, a shorter horizon), for the live what-if; nothing is stored. It runs on a
   * worker kept warm for it; a newer preview cancels one still running (that one answers
   * `reason: 'cancelled'`).
   */
  previewRun: backend([id('scenarioId'), arg('options', W.PreviewOptionsSchema)], W.PreviewOutcomeSchema),

  // Reports (docs/reports.md).
  /**
   * The report of a finished run (done or partial) as text, rendered from its stored result and
   * the scenario version it ran; fileName `<scenario-slug>-run-<first 8 of the id>.<kind>`.
   * `locale` (the user's, e.g. 'de-DE') spells the numbers of the HTML and the memo; en-US
   * when absent or not supported. The CSV and the JSON always write plain numbers.
   */
  renderRunReport: backend([id('runId'), arg('kind', I.RunReportKindSchema), arg('locale', I.ReportLocaleSchema.nullish())], R.ExportedFileSchema),

  // Each shell's own: file dialogs (desktop) or downloads and file inputs (browser).
  /** Asks where, then writes the export atomically; resolves to where it went, or null if cancelled. */
  saveExport: dialog([arg('ids', I.IdsSchema), arg('options', I.ExportOptionsSchema.nullish())], z.string().nullable()),
  /** Asks for files, then imports them; null if cancelled. */
  openImport: dialog([], R.ImportResultSchema.nullable()),
  /** Backs up the library to a single file the user chooses; null if cancelled. */
  saveLibraryBackup: dialog([], z.string().nullable()),
  /** Asks for a backup file, validates it, then restores it; null if cancelled. */
  openLibraryBackup: dialog([], R.LibraryStatusSchema.nullable()),
  /**
   * Saves a run's report. Desktop: asks where, writes atomically (PDF printed by Electron), and
   * resolves to the path. Browser preview: downloads it and resolves to the file name; PDF
   * downloads the HTML report, to be printed to PDF from the browser. null if cancelled.
   * `locale` as for renderRunReport.
   */
  saveRunReport: dialog([id('runId'), arg('kind', I.SaveReportKindSchema), arg('locale', I.ReportLocaleSchema.nullish())], z.string().nullable()),
};

/** What is pushed to the page: progress and status changes of all runs (the backend's), menu commands (the desktop shell's). */
export const API_EVENTS = {
  onRunEvent: R.RunEventSchema,
  onMenuCommand: R.MenuCommandSchema,
};

/** The events the backend itself sends; the others are a shell's. */
export const BACKEND_EVENTS = ['onRunEvent'] as const satisfies readonly (keyof typeof API_EVENTS)[];

export type ApiTable = typeof API;

/** Names of the methods the backend answers, in table order. */
export const API_METHODS = Object.keys(API).filter((k) => API[k as keyof ApiTable].kind === 'backend');
/** Names of the methods each shell answers around its own dialogs. */
export const DIALOG_METHODS = Object.keys(API).filter((k) => API[k as keyof ApiTable].kind === 'dialog');
