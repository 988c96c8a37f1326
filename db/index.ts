// The public API of db/: open a library, use its repositories, tell its errors apart.
export { openLibrary, libraryPaths, restoreLibraryWhileClosed } from './open-library';
export type { Library, LibraryPaths, OpenLibraryOptions, RestoreOutcome } from './open-library';
export type { ScenariosRepo } from './scenarios-repo';
export type { RunsRepo } from './runs-repo';
export type { AnalysesRepo, AnalysisKind, AnalysisSummaryRecord } from './analyses-repo';
export type { FilesRepo } from './files-repo';
export { sha256Hex } from './files-repo';
export { INTERRUPTED_RUN_ERROR, MAX_RUN_LABEL_LENGTH, normalizeRunLabel } from './runs-repo';
export { LATEST_SCHEMA_VERSION } from './migrations/index';
export { APPLICATION_ID, BUSY_TIMEOUT_MS } from './connection';
export { inspectLibraryFile } from './library-file';
export type { LibraryFileInfo } from './library-file';
export { MAX_TAGS, MAX_TAG_LENGTH, normalizeTags } from './scenario-search';
export { explainStorageError, storageProblemOf } from './storage-errors';
export type {
  Clock,
  FinishedRunStatus,
  ImportedRun,
  ImportedVersion,
  NewRun,
  NewScenarioVersion,
  RunFinish,
  RunHeadlineRecord,
  RunRecord,
  RunStatus,
  ScenarioRecord,
  ScenarioSummaryRecord,
  ScenarioVersionRecord,
  ScenarioVersionSummaryRecord,
  StoredFileRecord,
  TrashedScenarioRecord,
  VersionFileRef,
} from './records';
export {
  BackupFileError,
  LibraryBackupError,
  LibraryBusyError,
  LibraryDamagedError,
  LibraryLockedError,
  LibraryMigrationError,
  LibraryOutdatedError,
  LibraryReadOnlyError,
  LibraryStorageError,
  LibraryTooNewError,
  NotALibraryError,
  RecordNotFoundError,
  RunStateError,
} from './errors';
export type { StorageProblem } from './errors';
