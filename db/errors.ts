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

/** The library file cannot be read as a database, or failed its integrity check. Never altered. */
export class LibraryDamagedError extends Error {
  override readonly name = 'LibraryDamagedError';
  constructor(
    readonly path: string,
    readonly detail: string,
  ) {
    super(`the library file ${path} is damaged (${detail}); it was left as it is — restore the library from a backup`);
  }
}

/** The library file (or its folder) is read-only: it can be read, never saved to. */
export class LibraryReadOnlyError extends Error {
  override readonly name = 'LibraryReadOnlyError';
  constructor(
    readonly path: string,
    readonly detail: string,
  ) {
    super(`the library file ${path} is read-only (${detail}); make it and its folder writable to save changes`);
  }
}

/** Another program holds SQLite's write lock on the library for longer than the busy timeout. */
export class LibraryBusyError extends Error {
  override readonly name = 'LibraryBusyError';
  constructor(readonly path: string) {
    super(`another program is writing to the library file ${path} and did not let go; close it and try again`);
  }
}

export type StorageProblem = 'disk-full' | 'read-only' | 'busy' | 'damaged' | 'io';

/**
 * A read or write of an open library failed for a reason outside the app (full disk, lost
 * write permission, a lock held by another program, damage). The transaction it was part of
 * was rolled back; everything saved before is intact.
 */
export class LibraryStorageError extends Error {
  override readonly name = 'LibraryStorageError';
  constructor(
    readonly problem: StorageProblem,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** A file offered for restoring the library is not a usable Headroom library backup. */
export class BackupFileError extends Error {
  override readonly name = 'BackupFileError';
}

/** A migration failed; the transaction rolled back, so the file is still at its old version. */
export class LibraryMigrationError extends Error {
  override readonly name = 'LibraryMigrationError';
  constructor(
    readonly from: number,
    readonly to: number,
    readonly backupPath: string | null,
    cause: unknown,
  ) {
    const detail = cause instanceof Error ? cause.message : String(cause);
    super(
      `could not upgrade the library from schema version ${from} to ${to}: ${detail}. ` +
        `Nothing was changed${backupPath ? `; a verified backup is at ${backupPath}` : ''}`,
      { cause },
    );
  }
}
