// The contract between the renderer and the backend, as types and plain constants. The types are
// inferred from the one method table (api.ts) and its record schemas (api-records.ts); this file
// imports them as types only, so that the preload and the renderer can import it without zod.
import type * as z from 'zod';
import type { ApiOf, EventsOf } from './api-types';
import type { API, API_EVENTS } from './api';
import type * as R from './api-records';
import type * as W from './api-whatif';
import type { CalibrationOptionsSchema, CheckpointSweepOptionsSchema, ExportOptionsSchema, ImportFileSchema, RunOptionsSchema } from './api-inputs';

export type { CheckpointSweep } from '../../simulation';
export type { StragglerFit } from '../../simulation';
export type { ResultDocument } from '../../simulation';
export type { ValidationIssue } from '../../simulation';

/** What `window.headroom` offers the renderer: every method of the table, and its events. */
export type HeadroomApi = ApiOf<typeof API> & EventsOf<typeof API_EVENTS>;
/** Methods the backend answers. */
export type ApiMethod = { [K in keyof typeof API]: (typeof API)[K]['kind'] extends 'backend' ? K : never }[keyof typeof API];
/** Methods each shell answers itself around a file dialog (Electron main) or the browser. */
export type DialogMethod = Exclude<keyof typeof API, ApiMethod>;

export type SectionName = z.output<typeof R.SectionNameSchema>;
export type ScenarioSummary = z.output<typeof R.ScenarioSummarySchema>;
export type ScenarioRecord = z.output<typeof R.ScenarioRecordSchema>;
export type SaveResult = z.output<typeof R.SaveResultSchema>;
export type ExampleScenario = z.output<typeof R.ExampleScenarioSchema>;
export type RunStatus = z.output<typeof R.RunStatusSchema>;
export type RunSummary = z.output<typeof R.RunSummarySchema>;
export type RunProgress = z.output<typeof R.RunProgressSchema>;
export type RunEvent = z.output<typeof R.RunEventSchema>;
export type MenuCommand = z.output<typeof R.MenuCommandSchema>;
export { MENU_COMMANDS, type MenuCommandName } from './menu-commands';
export type AppInfo = z.output<typeof R.AppInfoSchema>;
export type Licences = z.output<typeof R.LicencesSchema>;
export type ThirdPartyPackage = z.output<typeof R.ThirdPartyPackageSchema>;
export type VersionSummary = z.output<typeof R.VersionSummarySchema>;
export type ReferencedFile = z.output<typeof R.ReferencedFileSchema>;
export type VersionRecord = z.output<typeof R.VersionRecordSchema>;
export type TrashedScenario = z.output<typeof R.TrashedScenarioSchema>;
export type ExportedFile = z.output<typeof R.ExportedFileSchema>;
export type ImportProblem = z.output<typeof R.ImportProblemSchema>;
export type ImportResult = z.output<typeof R.ImportResultSchema>;
export type ImportedResult = z.output<typeof R.ImportedResultSchema>;
export type BackupInfo = z.output<typeof R.BackupInfoSchema>;
export type LibraryStatus = z.output<typeof R.LibraryStatusSchema>;
export type CalibrationResult = z.output<typeof R.CalibrationResultSchema>;
export type CheckpointSweepResult = z.output<typeof R.CheckpointSweepResultSchema>;
export type AnalysisRequest = z.input<typeof W.AnalysisRequestSchema>;
export type AnalysisSummary = z.output<typeof W.AnalysisSummarySchema>;
export type AnalysisRecord = z.output<typeof W.AnalysisRecordSchema>;
export type AnalysisOutcome = z.output<typeof W.AnalysisOutcomeSchema>;
export type AnalysisProgress = z.output<typeof W.AnalysisProgressSchema>;
export type PreviewOptions = z.input<typeof W.PreviewOptionsSchema>;
export type PreviewOutcome = z.output<typeof W.PreviewOutcomeSchema>;
export type { AnalysisDocument, CompareDocument, SweepDocument, SensitivityResult, PoolSolveResult, SolveResult } from '../../simulation';

export type RunOptions = z.input<typeof RunOptionsSchema>;
export type ExportOptions = z.input<typeof ExportOptionsSchema>;
export type ImportFile = z.input<typeof ImportFileSchema>;
export type CalibrationOptions = z.input<typeof CalibrationOptionsSchema>;
export type CheckpointSweepOptions = z.input<typeof CheckpointSweepOptionsSchema>;

/** Report kinds a run's result renders to as text (docs/reports.md). */
export const RUN_REPORT_KINDS = ['html', 'md', 'csv', 'json'] as const;
/** Report kinds a run can be saved as: the text kinds, and PDF (the HTML report printed). */
export const SAVE_REPORT_KINDS = ['html', 'pdf', 'md', 'csv', 'json'] as const;
export type RunReportKind = (typeof RUN_REPORT_KINDS)[number];
export type SaveReportKind = (typeof SAVE_REPORT_KINDS)[number];

// The limits the API enforces, in one file that the renderer may read too (electron/common/limits.ts).
export * from './limits';

/** The one IPC channel every method goes through; events go on `IPC_EVENT_CHANNEL_PREFIX + name`. */
export const IPC_INVOKE_CHANNEL = 'headroom:invoke';
export const IPC_EVENT_CHANNEL_PREFIX = 'headroom:event:';
