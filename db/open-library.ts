// Opening the library: the one entry point that turns a data folder into typed repositories.
// A writer holds the lock, refuses newer files untouched, backs up and migrates older ones,
// and sweeps runs a crashed process left unfinished. A reader only reads an up-to-date file.
import fs from 'node:fs';
import path from 'node:path';
import { backupLibrary } from './backup';
import { assertIsLibrary, openReaderConnection, openWriterConnection, readHeader } from './connection';
import type { LibraryHeader } from './connection';
import { LibraryOutdatedError, LibraryTooNewError } from './errors';
import { recordAppVersion } from './library-meta';
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

export interface OpenLibraryOptions {
  /** Read without the lock (beside a running writer); never migrates or writes. */
  readonly?: boolean;
  /** The app's version, remembered in the file for diagnosis. */
  appVersion?: string;
  /** Source of timestamps; tests inject a deterministic one. */
  now?: Clock;
  /** The migrations to apply; the registry unless a test injects a list. */
  migrations?: readonly Migration[];
}

export interface Library {
  readonly path: string;
  readonly readonly: boolean;
  readonly schemaVersion: number;
  /** The verified copy taken before migrating at this open, if there was one. */
  readonly backupPath: string | null;
  /** Runs this open marked as failed because a previous process stopped mid-run. */
  readonly interruptedRuns: number;
  readonly scenarios: ScenariosRepo;
  readonly runs: RunsRepo;
  /** Closes the connection and releases the writer lock. Safe to call twice. */
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
  const migrations = options.migrations ?? MIGRATIONS;
  const now = options.now ?? systemClock;
  const paths = libraryPaths(dataDir);
  return options.readonly
    ? openReader(paths, migrations.length, now)
    : openWriter(dataDir, paths, migrations, now, options.appVersion);
}

function openReader(paths: LibraryPaths, latest: number, now: Clock): Library {
  if (!fs.existsSync(paths.file)) throw new Error(`there is no library at ${paths.file}`);
  const db = openReaderConnection(paths.file);
  try {
    const header = inspect(paths.file, db, latest);
    if (header.userVersion < latest) throw new LibraryOutdatedError(header.userVersion, latest);
    return assemble(db, paths.file, { readonly: true, schemaVersion: latest, backupPath: null }, now, null);
  } catch (error) {
    db.close();
    throw error;
  }
}

function openWriter(
  dataDir: string,
  paths: LibraryPaths,
  migrations: readonly Migration[],
  now: Clock,
  appVersion: string | undefined,
): Library {
  fs.mkdirSync(dataDir, { recursive: true });
  // Look before touching: a newer or foreign file must be refused without opening it for
  // writing (even setting WAL mode writes to it).
  if (fs.existsSync(paths.file)) probeReadOnly(paths.file, migrations.length);

  const lock = acquireLock(paths.lock);
  let db: Db | null = null;
  try {
    db = openWriterConnection(paths.file);
    // Again under the lock, in case another writer changed the file since the probe.
    const header = inspect(paths.file, db, migrations.length);
    const needsMigration = header.userVersion < migrations.length;
    const backupPath =
      needsMigration && !header.empty ? backupLibrary(db, paths.backups, header.userVersion, now()) : null;
    const { to } = migrate(db, migrations);
    if (appVersion !== undefined) recordAppVersion(db, appVersion);
    return assemble(db, paths.file, { readonly: false, schemaVersion: to, backupPath }, now, lock);
  } catch (error) {
    db?.close();
    lock.release();
    throw error;
  }
}

function probeReadOnly(file: string, latest: number): void {
  const db = openReaderConnection(file);
  try {
    inspect(file, db, latest);
  } finally {
    db.close();
  }
}

/** Refuses a foreign file or one written by a newer app. */
function inspect(file: string, db: Db, latest: number): LibraryHeader {
  const header = readHeader(db);
  assertIsLibrary(file, header);
  if (header.userVersion > latest) throw new LibraryTooNewError(header.userVersion, latest);
  return header;
}

function assemble(
  db: Db,
  file: string,
  state: { readonly: boolean; schemaVersion: number; backupPath: string | null },
  now: Clock,
  lock: LockHandle | null,
): Library {
  const scenarios = createScenariosRepo(db, now);
  const runs = createRunsRepo(db, now);
  // Holding the lock means no other process can be running these: they were interrupted.
  const interruptedRuns = state.readonly ? 0 : runs.failInterruptedRuns();
  return {
    path: file,
    ...state,
    interruptedRuns,
    scenarios,
    runs,
    close() {
      if (!db.open) return;
      if (!state.readonly) db.pragma('optimize'); // cheap; keeps query plans good (SQLite advice)
      db.close();
      lock?.release();
    },
  };
}
