// The one typed contract between the renderer and the backend. The Electron preload implements
// it over IPC, the browser preview's client over HTTP + server-sent events; both shells forward
// to the same backend (electron/backend). Types only: no runtime imports from other layers.
import type { CheckpointSweep } from '../../simulation/cluster/checkpoint-sweep';
import type { StragglerFit } from '../../simulation/cluster/calibrate';
import type { ResultDocument } from '../../simulation/result/types';
import type { ValidationIssue } from '../../simulation/scenario/rules';

export type { CheckpointSweep, ResultDocument, StragglerFit, ValidationIssue };

export type SectionName = 'pipeline' | 'cluster' | 'serving';

export interface ScenarioSummary {
  id: string;
  name: string;
  /** Latest version number (1-based); every save creates a new immutable version. */
  version: number;
  sections: SectionName[];
  /** Labels for finding scenarios; not part of the scenario file, so changing them saves no version. */
  tags: string[];
  createdAt: string;
  updatedAt: string;
}

export interface ScenarioRecord extends ScenarioSummary {
  /** The scenario JSON text of the latest version, as the user wrote it. */
  json: string;
  versionId: string;
}

export type SaveResult = { ok: true; scenario: ScenarioRecord } | { ok: false; errors: ValidationIssue[] };

export interface ExampleScenario {
  id: string;
  name: string;
  description: string;
  json: string;
}

export type RunStatus = 'queued' | 'running' | 'done' | 'failed' | 'cancelled' | 'truncated';

export interface RunSummary {
  id: string;
  scenarioId: string;
  scenarioVersionId: string;
  scenarioVersion: number;
  scenarioName: string;
  status: RunStatus;
  seed: number;
  replications: number;
  engineVersion: string;
  createdAt: string;
  finishedAt: string | null;
  wallMs: number | null;
  error: string | null;
  /** Replications whose outcomes are committed to the library (kept even if the run is interrupted). */
  replicationsStored: number;
}

export interface RunOptions {
  seed?: number;
  replications?: number;
  /**
   * Wall-clock cap for the whole run, set-up included, in seconds (> 0, at most a day): the run
   * then stops as `truncated` with what it simulated. Default 300 (DEFAULT_APP_MAX_WALL_S).
   */
  maxWallS?: number;
}

export interface RunProgress {
  runId: string;
  /** 0..1 over all replications. */
  fraction: number;
  replicationsDone: number;
  replications: number;
  eventsPerSec: number;
  etaMs: number | null;
}

export type RunEvent =
  | { type: 'progress'; progress: RunProgress }
  | { type: 'status'; run: RunSummary };

export interface AppInfo {
  version: string;
  engineVersion: string;
  dataDir: string;
  shell: 'electron' | 'web';
}

/** One immutable saved version of a scenario, without its text. */
export interface VersionSummary {
  id: string;
  scenarioId: string;
  version: number;
  /** The scenario's name in this version. */
  name: string;
  sha256: string;
  /** How the version came to be: '' for an edit, else e.g. "restored from v3", "imported from a.json". */
  note: string;
  /** Size of the JSON text in bytes. */
  size: number;
  createdAt: string;
}

/** A file a scenario names (a trace CSV), stored in the library by content. */
export interface ReferencedFile {
  /** Where in the scenario, e.g. `serving.services[0].arrivals.path`. */
  jsonPath: string;
  /** The path as written in the scenario. */
  fileName: string;
  sha256: string;
}

export interface VersionRecord extends VersionSummary {
  json: string;
  files: ReferencedFile[];
}

export interface TrashedScenario extends ScenarioSummary {
  deletedAt: string;
}

export interface ExportOptions {
  /**
   * false (default): the latest version as a plain scenario file, with any files it names beside it.
   * true: a `headroom.bundle/v1` file holding every version, the tags and the named files.
   */
  history?: boolean;
}

/** An export, as content (the browser preview downloads it; the desktop app writes it). */
export interface ExportedFile {
  fileName: string;
  mediaType: string;
  text: string;
  /** Files to write beside it (plain scenario exports that name trace files). */
  companions: { fileName: string; base64: string }[];
}

/** A file handed over for import: a scenario file, a bundle, or a file a scenario names. */
export interface ImportFile {
  name: string;
  text: string;
}

export interface ImportProblem {
  /** The file the problem is in. */
  file: string;
  /** JSON path (as in the CLI's messages), or "(file)" for the file as a whole. */
  path: string;
  message: string;
}

export interface ImportResult {
  imported: ScenarioSummary[];
  /** Files refused as a whole (nothing of such a file was imported). */
  problems: ImportProblem[];
}

export interface BackupInfo {
  /** File name inside the library's backups folder. */
  name: string;
  size: number;
  createdAt: string;
  /** Library schema version of the backup, when readable. */
  schemaVersion: number | null;
}

export interface LibraryStatus {
  /** ok; read-only (browse, never save); unavailable (only restoring a backup is possible). */
  state: 'ok' | 'read-only' | 'unavailable';
  /** Why it is read-only or unavailable, or a notice such as a check after an unclean shutdown. */
  message: string | null;
  file: string;
  schemaVersion: number | null;
  /** Newest first. */
  backups: BackupInfo[];
}

/** Options of a straggler calibration (as `headroom calibrate-stragglers`' flags). */
export interface CalibrationOptions {
  /** Seconds per unit of the file's time column (default 1: the file's own unit). */
  timeScale?: number;
  /** A worker is slow when its median step time exceeds the median of worker medians × this (default 1.05, ≥ 1). */
  slowThreshold?: number;
}

/** A fit of a job's straggler settings, or why the file could not be used (naming its line). */
export type CalibrationResult =
  | { ok: true; file: string; fit: StragglerFit }
  | { ok: false; file: string; line: number | null; message: string };

/** Options of a checkpoint-interval sweep (as `headroom checkpoint-sweep`' flags). */
export interface CheckpointSweepOptions {
  /** Multiples of the Young/Daly interval to simulate (default 0.25, 0.5, 0.71, 1, 1.41, 2, 4). */
  factors?: number[];
  /** Replications per interval (default: the scenario's). */
  replications?: number;
  seed?: number;
  /** An id the caller picks, so that it can cancel the sweep (cancelCheckpointSweep). */
  requestId?: string;
}

/** The simulated optimum beside Young/Daly, for the scenario's latest saved version, or why not. */
export type CheckpointSweepResult =
  | {
      ok: true;
      scenarioId: string;
      scenarioVersion: number;
      seed: number;
      replications: number;
      wallMs: number;
      sweep: CheckpointSweep;
    }
  | {
      ok: false;
      /** invalid: the scenario cannot be swept (`errors` name the fields); cancelled; wall-clock: over the app's cap. */
      reason: 'invalid' | 'cancelled' | 'wall-clock';
      message: string;
      errors: ValidationIssue[];
    };

/** Report kinds a run's result renders to as text (docs/reports.md). */
export type RunReportKind = 'html' | 'md' | 'csv' | 'json';
/** Report kinds a run can be saved as: the text kinds, and PDF (the HTML report printed). */
export type SaveReportKind = RunReportKind | 'pdf';

/** What `window.headroom` offers the renderer. Every method validates its payload in the backend. */
export interface HeadroomApi {
  info(): Promise<AppInfo>;
  listScenarios(): Promise<ScenarioSummary[]>;
  getScenario(id: string): Promise<ScenarioRecord>;
  createScenario(json: string): Promise<SaveResult>;
  updateScenario(id: string, json: string): Promise<SaveResult>;
  deleteScenario(id: string): Promise<void>;
  listExamples(): Promise<ExampleScenario[]>;
  startRun(scenarioId: string, options?: RunOptions): Promise<RunSummary>;
  cancelRun(runId: string): Promise<void>;
  listRuns(scenarioId: string): Promise<RunSummary[]>;
  getRunResult(runId: string): Promise<ResultDocument | null>;
  /** Subscribe to progress and status changes of all runs; returns the unsubscribe function. */
  onRunEvent(listener: (event: RunEvent) => void): () => void;

  // Library: history, organisation, trash.
  /** Every version of a scenario, newest first. */
  listVersions(scenarioId: string): Promise<VersionSummary[]>;
  getVersion(versionId: string): Promise<VersionRecord>;
  /** Saves an old version's text as the newest version (history is never rewritten). */
  restoreVersion(scenarioId: string, versionId: string): Promise<SaveResult>;
  /** Saves a new version with the scenario's `name` changed. */
  renameScenario(id: string, name: string): Promise<SaveResult>;
  /** A new scenario starting from this one's latest version, named "… (copy)", with its tags. */
  duplicateScenario(id: string): Promise<SaveResult>;
  setTags(id: string, tags: string[]): Promise<ScenarioSummary>;
  /** Live scenarios matching every word (prefix) of the query in name, tags, description or ids; '' lists all. */
  searchScenarios(query: string): Promise<ScenarioSummary[]>;
  listTrash(): Promise<TrashedScenario[]>;
  /** Takes a deleted scenario out of the trash (the undo of deleteScenario). */
  restoreFromTrash(id: string): Promise<ScenarioSummary>;
  /** Deletes a scenario in the trash for good, with its versions and runs. */
  purgeScenario(id: string): Promise<void>;

  // Import and export of scenario files.
  exportScenarios(ids: string[], options?: ExportOptions): Promise<ExportedFile>;
  /** Validates each file as the CLI does; each scenario or bundle file is imported whole or not at all. */
  importScenarios(files: ImportFile[]): Promise<ImportResult>;

  // The library file.
  libraryStatus(): Promise<LibraryStatus>;
  /** A verified copy of the whole library in the backups folder. */
  backupLibrary(): Promise<BackupInfo>;
  /** Replaces the library with a backup from the backups folder (after a safety copy of the current one). */
  restoreLibraryBackup(name: string): Promise<LibraryStatus>;

  // Cluster tools (docs/cluster.md).
  /** Fits a job's straggler settings from its per-worker step times (a CSV file's text). */
  calibrateStragglers(file: ImportFile, options?: CalibrationOptions): Promise<CalibrationResult>;
  /** Simulates the saved scenario at multiples of its Young/Daly checkpoint interval, off the backend's thread. */
  checkpointSweep(scenarioId: string, options?: CheckpointSweepOptions): Promise<CheckpointSweepResult>;
  /** Stops a sweep started with this `requestId` (it then answers `reason: 'cancelled'`); no-op if it has ended. */
  cancelCheckpointSweep(requestId: string): Promise<void>;

  // Reports (docs/reports.md).
  /**
   * The report of a finished run (done or partial) as text, rendered from its stored result and
   * the scenario version it ran; fileName `<scenario-slug>-run-<first 8 of the id>.<kind>`.
   */
  renderRunReport(runId: string, kind: RunReportKind): Promise<ExportedFile>;

  // Implemented by each shell with its own file dialogs (desktop) or downloads and file inputs (browser).
  /** Asks where, then writes the export atomically; resolves to where it went, or null if cancelled. */
  saveExport(ids: string[], options?: ExportOptions): Promise<string | null>;
  /** Asks for files, then imports them; null if cancelled. */
  openImport(): Promise<ImportResult | null>;
  /** Backs up the library to a single file the user chooses; null if cancelled. */
  saveLibraryBackup(): Promise<string | null>;
  /** Asks for a backup file, validates it, then restores it; null if cancelled. */
  openLibraryBackup(): Promise<LibraryStatus | null>;
  /**
   * Saves a run's report. Desktop: asks where, writes atomically (PDF printed by Electron), and
   * resolves to the path. Browser preview: downloads it and resolves to the file name; PDF
   * downloads the HTML report, to be printed to PDF from the browser. null if cancelled.
   */
  saveRunReport(runId: string, kind: SaveReportKind): Promise<string | null>;
}

/** Method names the backend implements, shared by the IPC and HTTP adapters (they reject anything else). */
export const API_METHODS = [
  'info', 'listScenarios', 'getScenario', 'createScenario', 'updateScenario', 'deleteScenario',
  'listExamples', 'startRun', 'cancelRun', 'listRuns', 'getRunResult',
  'listVersions', 'getVersion', 'restoreVersion', 'renameScenario', 'duplicateScenario', 'setTags',
  'searchScenarios', 'listTrash', 'restoreFromTrash', 'purgeScenario',
  'exportScenarios', 'importScenarios', 'libraryStatus', 'backupLibrary', 'restoreLibraryBackup',
  'calibrateStragglers', 'checkpointSweep', 'cancelCheckpointSweep', 'renderRunReport',
] as const satisfies readonly Exclude<keyof HeadroomApi, 'onRunEvent' | DialogMethod>[];

export type ApiMethod = (typeof API_METHODS)[number];

/** Methods each shell implements itself around a file dialog (Electron main) or the browser. */
export const DIALOG_METHODS = ['saveExport', 'openImport', 'saveLibraryBackup', 'openLibraryBackup', 'saveRunReport'] as const;

export type DialogMethod = (typeof DIALOG_METHODS)[number];

/** The report kinds, for the adapters' payload checks (the renderer keeps its own list: types only). */
export const RUN_REPORT_KINDS = ['html', 'md', 'csv', 'json'] as const satisfies readonly RunReportKind[];
export const SAVE_REPORT_KINDS = ['html', 'pdf', 'md', 'csv', 'json'] as const satisfies readonly SaveReportKind[];

/** Largest scenario or bundle file accepted for import (checked before reading). */
export const MAX_IMPORT_FILE_BYTES = 10 * 1024 * 1024;
/** Largest per-worker step-times file accepted for straggler calibration. */
export const MAX_CALIBRATION_FILE_BYTES = 10 * 1024 * 1024;
/** Most files in one import. */
export const MAX_IMPORT_FILES = 50;

export const IPC_INVOKE_CHANNEL = 'headroom:invoke';
export const IPC_RUN_EVENT_CHANNEL = 'headroom:run-event';
