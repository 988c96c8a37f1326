// Opening the library: the one entry point that turns a data folder into typed repositories.
// A writer holds the lock, refuses newer, foreign, damaged or read-only files untouched (it runs
// quick_check before its first write, so a file damaged anywhere is never written to), backs up
// and migrates older ones, and sweeps runs a crashed process left unfinished. A reader only
// reads an up-to-date file.
import fs from 'node:fs';
import path from 'node:path';
import { backupLibrary } from './backup';
import { APPLICATION_ID, assertIsLibrary, openReaderConnection, openWriterConnection, readFileHeader, readHeader } from './connection';
import type { ConnectionOptions, LibraryHeader } from './connection';
import {
  LibraryBusyError, LibraryDamagedError, LibraryMigrationError, LibraryOutdatedError, LibraryReadOnlyError, LibraryTooNewError,
  NotALibraryError,
} from './errors';
import { createFilesRepo } from './files-repo';
import type { FilesRepo } from './files-repo';
import { writeVerifiedCopy } from './library-file';
import type { LibraryFileInfo } from './library-file';
import { lastSessionWasUnclean, markSession, recordAppVersion } from './library-meta';
import { restoreLibraryFile, restoreUnopenedLibrary } from './library-restore';
import { acquireLock } from './lock-file';
import type { LockHandle } from './lock-file';
import { migrate } from './migrate';
import { MIGRATIONS } from './migrations/index';
import type { Db, Migration } from './migrations/types';
import { systemClock } from './records';
import type { Clock } from './records';
import { createRunsRepo } from './runs-repo';
import type { RunsRepo } from './runs-repo';
import { createScenariosRepo } from './scenarios-repo';
import type { ScenariosRepo } from './scenarios-repo';
import { explainStorageError, storageProblemOf } from './storage-errors';

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

interface OpenContext {
  paths: LibraryPaths;
  migrations: readonly Migration[];
  now: Clock;
  connection: ConnectionOptions;
  onConnection: (db: Db) => void;
  appVersion: string | undefined;
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

interface BeforeWriting {
  header: LibraryHeader;
  /** The previous writer did not close the library (a stale lock, or the marker says open). */
  unclean: boolean;
}

/**
 * What a writer checks before its first write (the session marker, sweeping runs, migrating,
 * even switching to WAL), so that a refused file is left exactly as it was: again under the lock
 * the header (another writer may have changed the file since the probe), then quick_check over
 * every page, so that damage anywhere in the file is found, not only after an unclean shutdown.
 */
function checkBeforeWriting(file: string, db: Db, latest: number, tookOverStale: boolean): BeforeWriting {
  const header = inspect(file, db, latest);
  if (header.empty) return { header, unclean: false };
  const unclean = () => tookOverStale || lastSessionWasUnclean(db);
  assertIntact(file, db, unclean);
  return { header, unclean: unclean() };
}

function connect(file: string, open: () => Db, ctx: OpenContext): Db {
  const db = open();
  try {
    ctx.onConnection(db);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}

function startSession(db: Db, appVersion: string | undefined): void {
  db.transaction(() => {
    if (appVersion !== undefined) recordAppVersion(db, appVersion);
    markSession(db, 'open');
  }).immediate();
}

/** Refuses to write a file the user (or the system) made read-only, even when running as root. */
function assertWritable(file: string, dataDir: string): void {
  const stat = fs.statSync(file);
  if ((stat.mode & 0o222) === 0) throw new LibraryReadOnlyError(file, 'the file has no write permission');
  for (const target of [file, dataDir]) {
    try {
      fs.accessSync(target, fs.constants.W_OK);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'error';
      throw new LibraryReadOnlyError(file, target === file ? `the file is not writable: ${code}` : `its folder is not writable: ${code}`);
    }
  }
}

/**
 * Refuses a damaged, foreign or newer file from its header bytes alone, creating nothing beside
 * it; looks through SQLite only where the header cannot decide (no application id yet, or a WAL
 * left by an unclean shutdown, whose -shm already exists).
 */
function probeBeforeWriting(ctx: OpenContext): void {
  const file = ctx.paths.file;
  const header = readFileHeader(file);
  if (header.size === 0) return; // a new, empty file
  if (!header.isSqlite) throw new LibraryDamagedError(file, 'file is not a database');
  if (header.applicationId !== 0 && header.applicationId !== APPLICATION_ID) {
    throw new NotALibraryError(file, `its application_id is 0x${header.applicationId.toString(16)}`);
  }
  if (header.applicationId === APPLICATION_ID && header.userVersion > ctx.migrations.length) {
    throw new LibraryTooNewError(header.userVersion, ctx.migrations.length);
  }
  if (header.applicationId === 0 || fs.existsSync(`${file}-wal`)) probeReadOnly(ctx);
}

function probeReadOnly(ctx: OpenContext): void {
  const db = connect(ctx.paths.file, () => openReaderConnection(ctx.paths.file, ctx.connection), ctx);
  try {
    inspect(ctx.paths.file, db, ctx.migrations.length);
  } finally {
    db.close();
  }
}

/** Refuses a foreign file or one written by a newer app; a file SQLite cannot read is damaged. */
function inspect(file: string, db: Db, latest: number): LibraryHeader {
  let header: LibraryHeader;
  try {
    header = readHeader(db);
  } catch (error) {
    const problem = storageProblemOf(error);
    if (problem === 'damaged') throw new LibraryDamagedError(file, (error as Error).message);
    throw error;
  }
  assertIsLibrary(file, header);
  if (header.userVersion > latest) throw new LibraryTooNewError(header.userVersion, latest);
  return header;
}

/**
 * `PRAGMA quick_check` over every page (0.2–0.3 s for a 156 MiB library of 10,000 scenarios and
 * 50,000 runs). `unclean` is asked only for the message, after the check: reading the marker may fail too.
 */
function assertIntact(file: string, db: Db, unclean: () => boolean): void {
  let result: unknown;
  try {
    result = db.pragma('quick_check', { simple: true });
  } catch (error) {
    throw new LibraryDamagedError(file, `quick_check could not finish: ${(error as Error).message}`);
  }
  if (result === 'ok') return;
  let after = '';
  try {
    if (unclean()) after = ' after an unclean shutdown';
  } catch {
    // The marker is unreadable too: the check's own report says enough.
  }
  throw new LibraryDamagedError(file, `quick_check${after} reported: ${String(result).replace(/\s*\n\s*/g, ' ')}`);
}

/** Typed errors pass through; SQLite and file-system errors become ones the shells can explain. */
function explainOpenError(error: unknown, file: string): unknown {
  const problem = storageProblemOf(error);
  if (problem === 'read-only') return new LibraryReadOnlyError(file, (error as Error).message);
  if (problem === 'busy') return new LibraryBusyError(file);
  if (problem === 'damaged') return new LibraryDamagedError(file, (error as Error).message);
  return explainStorageError(error, 'open the library');
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
  private repos!: { scenarios: ScenariosRepo; runs: RunsRepo; files: FilesRepo };
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

  private attach(db: Db): void {
    this.db = db;
    this.version = readHeader(db).userVersion;
    this.repos = {
      scenarios: createScenariosRepo(db, this.ctx.now),
      runs: createRunsRepo(db, this.ctx.now),
      files: createFilesRepo(db, this.ctx.now),
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
