// The public API of db/: open a library, use its repositories, tell its errors apart.
export { openLibrary, libraryPaths } from './open-library';
export type { Library, LibraryPaths, OpenLibraryOptions } from './open-library';
export type { ScenariosRepo } from './scenarios-repo';
export type { RunsRepo } from './runs-repo';
export { INTERRUPTED_RUN_ERROR } from './runs-repo';
export { LATEST_SCHEMA_VERSION } from './migrations/index';
export { APPLICATION_ID } from './connection';
export type {
  Clock,
  FinishedRunStatus,
  NewRun,
  NewScenarioVersion,
  RunFinish,
  RunRecord,
  RunStatus,
  ScenarioRecord,
  ScenarioSummaryRecord,
  ScenarioVersionRecord,
} from './records';
export {
  LibraryBackupError,
  LibraryLockedError,
  LibraryOutdatedError,
  LibraryTooNewError,
  NotALibraryError,
  RecordNotFoundError,
  RunStateError,
} from './errors';
