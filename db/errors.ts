// Errors the shells must tell apart: each maps to a distinct message or exit code
// (e.g. LibraryTooNewError → exit 2 with its exact message, see CLARIFICATIONS.md "Library").

/** The library file was written by a newer app: refused untouched, never opened for writing. */
export class LibraryTooNewError extends Error {
  override readonly name = 'LibraryTooNewError';
  constructor(
    readonly schemaVersion: number,
    readonly supportedVersion: number,
  ) {
    super(`library schema version ${schemaVersion} is newer than this app (${supportedVersion})`);
  }
}

/** Another live process holds the single-writer lock. */
export class LibraryLockedError extends Error {
  override readonly name = 'LibraryLockedError';
  constructor(
    readonly lockPath: string,
    readonly pid: number,
  ) {
    super(
      `the library is in use by another Headroom process (pid ${pid}); close it first ` +
        `(if no such process is running, delete ${lockPath})`,
    );
  }
}

/** The file is an SQLite database, but not a Headroom library (foreign application_id or tables). */
export class NotALibraryError extends Error {
  override readonly name = 'NotALibraryError';
  constructor(
    readonly path: string,
    reason: string,
  ) {
    super(`${path} is not a Headroom library: ${reason}`);
  }
}

/** A read-only open found a library that still needs migrating (only a writer migrates). */
export class LibraryOutdatedError extends Error {
  override readonly name = 'LibraryOutdatedError';
  constructor(
    readonly schemaVersion: number,
    readonly supportedVersion: number,
  ) {
    super(
      `library schema version ${schemaVersion} is older than this app (${supportedVersion}); ` +
        'open it for writing once to migrate it',
    );
  }
}

/** The safety copy taken before migrating could not be made or did not verify; nothing was migrated. */
export class LibraryBackupError extends Error {
  override readonly name = 'LibraryBackupError';
}

/** A repository call named a row that does not exist (or is soft-deleted where that matters). */
export class RecordNotFoundError extends Error {
  override readonly name = 'RecordNotFoundError';
  constructor(
    readonly kind: 'scenario' | 'scenario version' | 'run',
    readonly id: string,
  ) {
    super(`${kind} ${id} not found`);
  }
}

/** A run status change that the lifecycle queued → running → finished does not allow. */
export class RunStateError extends Error {
  override readonly name = 'RunStateError';
}
