// The checks a library file passes before Headroom reads or writes it (db/open-library.ts opens
// it): a writer refuses damaged, foreign, newer and read-only files untouched — from the header
// bytes where they decide, then under the lock again, then with quick_check over every page —
// so that a refused file is left exactly as it was.
import fs from 'node:fs';
import { APPLICATION_ID, assertIsLibrary, openReaderConnection, readFileHeader, readHeader } from './connection';
import type { ConnectionOptions, LibraryHeader } from './connection';
import { LibraryBusyError, LibraryDamagedError, LibraryReadOnlyError, LibraryTooNewError, NotALibraryError } from './errors';
import { lastSessionWasUnclean } from './library-meta';
import type { Db, Migration } from './migrations/types';
import type { Clock } from './records';
import { explainStorageError, storageProblemOf } from './storage-errors';
import type { LibraryPaths } from './open-library';

/** What opening needs to know: where the file is, its migrations, the clock and connection options. */
export interface OpenContext {
  paths: LibraryPaths;
  migrations: readonly Migration[];
  now: Clock;
  connection: ConnectionOptions;
  onConnection: (db: Db) => void;
  appVersion: string | undefined;
}

export interface BeforeWriting {
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
export function checkBeforeWriting(file: string, db: Db, latest: number, tookOverStale: boolean): BeforeWriting {
  const header = inspect(file, db, latest);
  if (header.empty) return { header, unclean: false };
  const unclean = () => tookOverStale || lastSessionWasUnclean(db);
  assertIntact(file, db, unclean);
  return { header, unclean: unclean() };
}

export function connect(file: string, open: () => Db, ctx: OpenContext): Db {
  const db = open();
  try {
    ctx.onConnection(db);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}

/** Refuses to write a file the user (or the system) made read-only, even when running as root. */
export function assertWritable(file: string, dataDir: string): void {
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
export function probeBeforeWriting(ctx: OpenContext): void {
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
export function inspect(file: string, db: Db, latest: number): LibraryHeader {
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
export function assertIntact(file: string, db: Db, unclean: () => boolean): void {
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
export function explainOpenError(error: unknown, file: string): unknown {
  const problem = storageProblemOf(error);
  if (problem === 'read-only') return new LibraryReadOnlyError(file, (error as Error).message);
  if (problem === 'busy') return new LibraryBusyError(file);
  if (problem === 'damaged') return new LibraryDamagedError(file, (error as Error).message);
  return explainStorageError(error, 'open the library');
}
