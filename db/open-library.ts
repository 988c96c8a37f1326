// Opening the library: the one entry point that turns a data folder into typed repositories.
// A writer holds the lock, refuses newer, foreign, damaged or read-only files untouched (it runs
// quick_check before its first write, so a file damaged anywhere is never written to), backs up
// and migrates older ones, and sweeps runs a crashed process left unfinished. A reader only
// reads an up-to-date file.
import fs from 'node:fs';
import path from 'node:path';
import { backupLibrary } from './backup';
import { openReaderConnection, openWriterConnection, readHeader } from './connection';
import { LibraryMigrationError, LibraryOutdatedError, LibraryTooNewError } from './errors';
import { createFilesRepo } from './files-repo';
import type { FilesRepo } from './files-repo';
import { writeVerifiedCopy } from './library-file';
import type { LibraryFileInfo } from './library-file';
import { markSession, recordAppVersion } from './library-meta';
import { assertWritable, checkBeforeWriting, connect, explainOpenError, inspect, probeBeforeWriting, type BeforeWriting, type OpenContext } from './open-checks';
import { storageProblemOf } from './storage-errors';
import { restoreLibraryFile, restoreUnopenedLibrary } from './library-restore';
import { acquireLock } from './lock-file';
import type { LockHandle } from './lock-file';
import { migrate } from './migrate';
import { MIGRATIONS } from './migrations/index';
import type { Db, Migration } from './migrations/types';
import { systemClock } from './records';
import type { Clock } from './records';
import { createRunsRepo } from './runs-repo';
import { createAnalysesRepo, type AnalysesRepo } from './analyses-repo';
import type { RunsRepo } from './runs-repo';
import { createScenariosRepo } from './scenarios-repo';
import type { ScenariosRepo } from './scenarios-repo';

export interface OpenLibraryOptions {
  /** Read without the lock (beside a running writer); never migrates or writes. */
  readonly?: boolean;
  /** The app's version, remembered in the file for diagnosis. */
  appVersion?: string;
  /** Source of timestamps; tests inject a deterministic one. */
  now?: Clock;
  /** The migrations to apply; the registry unless a test injects a list. */
  migrations?: readonly Migration[];
  /** How long a write waits for another program's lock (default 5 s). */
  busyTimeoutMs?: number;
  /** Called with every connection the library opens; tests use it to inject failures. */
  onConnection?: (db: Db) => void;
}

export interface RestoreOutcome {
  /** The verified copy of the library as it was just before the restore. */
  safetyBackupPath: string;
  /** What the restored file held (before it was brought up to date). */
  restored: LibraryFileInfo;
  schemaVersion: number;
}

export interface Library {
  readonly path: string;
  readonly readonly: boolean;
  readonly schemaVersion: number;
  /** The verified copy taken before migrating at this open, if there was one. */
  readonly backupPath: string | null;
  /** Runs this open marked as failed because a previous process stopped mid-run. */
  readonly interruptedRuns: number;
  /** True when the previous writer did not close the library (quick_check, run at every writer open, passed). */
  readonly checkedAfterUncleanShutdown: boolean;
  readonly scenarios: ScenariosRepo;
  readonly runs: RunsRepo;
  readonly files: FilesRepo;
  readonly analyses: AnalysesRepo;
  /** Runs `fn` in one IMMEDIATE transaction: all of its writes, or none. */
  transaction<T>(fn: () => T): T;
  /** Writes a verified copy of the whole library to `target`, atomically. */
  backupTo(target: string): void;
  /** A verified copy in the backups folder, named by version and time; returns its path. */
  backupToFolder(reason?: string): string;
  /** Replaces the library with a validated copy of `file`, after a safety backup of the current one. */
  restoreFrom(file: string): RestoreOutcome;
  /** `PRAGMA quick_check`: 'ok', or the problems found. */
  quickCheck(): string;
  /** Marks a clean shutdown, closes the connection and releases the writer lock. Safe to call twice. */
  close(): void;
}

export interface LibraryPaths {
  file: string;
  lock: string;
  backups: string;
}

export function libraryPaths(dataDir: string): LibraryPaths {
  return {
    file: path.join(dataDir, 'library.sqlite'),
    lock: path.join(dataDir, 'library.lock'),
    backups: path.join(dataDir, 'backups'),
  };
}

export function openLibrary(dataDir: string, options: OpenLibraryOptions = {}): Library {
  const ctx = contextFor(dataDir, options);
  return options.readonly ? openReader(ctx) : openWriter(dataDir, ctx);
}

/**
 * Replaces the library of a data folder that could not be opened (e.g. damaged) with a
 * validated copy of `backupFile`. The unusable file is renamed aside, never deleted. Takes and
 * releases the writer lock; open the library afterwards as usual.
 */
export function restoreLibraryWhileClosed(dataDir: string, backupFile: string, options: OpenLibraryOptions = {}) {
  const ctx = contextFor(dataDir, options);
  fs.mkdirSync(dataDir, { recursive: true });
  return restoreUnopenedLibrary(ctx.paths, backupFile, ctx.migrations, ctx.connection, ctx.now());
}

function contextFor(dataDir: string, options: OpenLibraryOptions): OpenContext {
  const paths = libraryPaths(dataDir);
  return {
    paths,
    migrations: options.migrations ?? MIGRATIONS,
    now: options.now ?? systemClock,
    connection: { busyTimeoutMs: options.busyTimeoutMs },
    onConnection: options.onConnection ?? (() => undefined),
    appVersion: options.appVersion,
  };
}

function openReader(ctx: OpenContext): Library {
  const { paths } = ctx;
  if (!fs.existsSync(paths.file)) throw new Error(`there is no library at ${paths.file}`);
  const db = connect(paths.file, () => openReaderConnection(paths.file, ctx.connection), ctx);
  try {
    const header = inspect(paths.file, db, ctx.migrations.length);
    if (header.userVersion < ctx.migrations.length) throw new LibraryOutdatedError(header.userVersion, ctx.migrations.length);
    return new OpenedLibrary(db, ctx, null, { readonly: true, backupPath: null, checkedAfterUncleanShutdown: false });
  } catch (error) {
    db.close();
    throw error;
  }
}

function openWriter(dataDir: string, ctx: OpenContext): Library {
  const { paths } = ctx;
  const latest = ctx.migrations.length;
  try {
    fs.mkdirSync(dataDir, { recursive: true });
  } catch (error) {
    throw explainOpenError(error, dataDir);
  }
  // Look before touching: a newer, foreign, damaged or read-only file must be refused without
  // opening it for writing (even setting WAL mode writes to it).
  if (fs.existsSync(paths.file)) {
    probeBeforeWriting(ctx);
    assertWritable(paths.file, dataDir);
  }

  let lock: LockHandle;
  try {
    lock = acquireLock(paths.lock);
  } catch (error) {
    throw explainOpenError(error, paths.lock);
  }
  let db: Db | null = null;
  try {
    // Filled in by checkBeforeWriting, which runs on the new connection before anything is written.
    const checked: BeforeWriting = { header: { applicationId: 0, userVersion: 0, empty: true }, unclean: false };
    db = connect(paths.file, () => openWriterConnection(paths.file, ctx.connection, (fresh) => {
      Object.assign(checked, checkBeforeWriting(paths.file, fresh, latest, lock.tookOverStale));
    }), ctx);
    const { header, unclean } = checked;
    const needsMigration = header.userVersion < latest;
    const backupPath =
      needsMigration && !header.empty ? backupLibrary(db, paths.backups, header.userVersion, ctx.now()) : null;
    try {
      migrate(db, ctx.migrations);
    } catch (error) {
      if (error instanceof LibraryTooNewError || storageProblemOf(error) !== null) throw error;
      throw new LibraryMigrationError(header.userVersion, latest, backupPath, error);
    }
    startSession(db, ctx.appVersion);
    return new OpenedLibrary(db, ctx, lock, { readonly: false, backupPath, checkedAfterUncleanShutdown: unclean });
  } catch (error) {
    db?.close();
    lock.release();
    throw explainOpenError(error, paths.file);
  }
}

function startSession(db: Db, appVersion: string | undefined): void {
  db.transaction(() => {
    if (appVersion !== undefined) recordAppVersion(db, appVersion);
    markSession(db, 'open');
  }).immediate();
}

interface OpenState {
  readonly: boolean;
  backupPath: string | null;
  checkedAfterUncleanShutdown: boolean;
}

class OpenedLibrary implements Library {
  readonly path: string;
  readonly readonly: boolean;
  readonly backupPath: string | null;
  readonly checkedAfterUncleanShutdown: boolean;
  readonly interruptedRuns: number;
  private repos!: { scenarios: ScenariosRepo; runs: RunsRepo; files: FilesRepo; analyses: AnalysesRepo };
  private version = 0;

  constructor(
    private db: Db,
    private readonly ctx: OpenContext,
    private readonly lock: LockHandle | null,
    state: OpenState,
  ) {
    this.path = ctx.paths.file;
    this.readonly = state.readonly;
    this.backupPath = state.backupPath;
    this.checkedAfterUncleanShutdown = state.checkedAfterUncleanShutdown;
    this.attach(db);
    // Holding the lock means no other process can be running these: they were interrupted.
    this.interruptedRuns = state.readonly ? 0 : this.runs.failInterruptedRuns();
  }

  get schemaVersion(): number {
    return this.version;
  }
  get scenarios(): ScenariosRepo {
    return this.repos.scenarios;
  }
  get runs(): RunsRepo {
    return this.repos.runs;
  }
  get files(): FilesRepo {
    return this.repos.files;
  }
  get analyses(): AnalysesRepo {
    return this.repos.analyses;
  }

  private attach(db: Db): void {
    this.db = db;
    this.version = readHeader(db).userVersion;
    this.repos = {
      scenarios: createScenariosRepo(db, this.ctx.now),
      runs: createRunsRepo(db, this.ctx.now),
      files: createFilesRepo(db, this.ctx.now),
      analyses: createAnalysesRepo(db, this.ctx.now),
    };
  }

  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn).immediate();
  }

  backupTo(target: string): void {
    writeVerifiedCopy(this.db, target);
  }

  backupToFolder(reason?: string): string {
    return backupLibrary(this.db, this.ctx.paths.backups, this.version, this.ctx.now(), reason);
  }

  restoreFrom(file: string): RestoreOutcome {
    if (this.readonly || !this.lock) throw new Error('a library opened read-only cannot be restored into');
    const latest = this.ctx.migrations.length;
    return restoreLibraryFile({
      source: file,
      paths: this.ctx.paths,
      migrations: this.ctx.migrations,
      connection: this.ctx.connection,
      safetyBackup: () => this.backupToFolder('before-restore'),
      detach: () => {
        this.db.pragma('wal_checkpoint(TRUNCATE)');
        this.db.close();
      },
      reattach: () => {
        const db = connect(this.path, () => openWriterConnection(this.path, this.ctx.connection), this.ctx);
        try {
          inspect(this.path, db, latest);
          startSession(db, this.ctx.appVersion);
          this.attach(db);
          this.runs.failInterruptedRuns();
        } catch (error) {
          if (db.open) db.close();
          throw error;
        }
        return this.version;
      },
    });
  }

  quickCheck(): string {
    return String(this.db.pragma('quick_check', { simple: true }));
  }

  close(): void {
    if (!this.db.open) {
      this.lock?.release();
      return;
    }
    if (!this.readonly) {
      try {
        markSession(this.db, 'closed');
        this.db.pragma('optimize'); // cheap; keeps query plans good (SQLite advice)
      } catch {
        // A full or vanished disk must not stop the close; the next open then runs quick_check.
      }
    }
    this.db.close();
    this.lock?.release();
  }
}
