// Opening one SQLite connection with the settings every Headroom connection needs, and reading
// the header fields that decide whether the file may be opened at all.
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { NotALibraryError } from './errors';
import type { Db } from './migrations/types';

/** 'HRM1': marks the file as a Headroom library, so `file(1)` and we can tell it from others. */
export const APPLICATION_ID = 0x48524d31;

/** How long a statement waits for a lock held by another connection (a reader's checkpoint). */
export const BUSY_TIMEOUT_MS = 5000;

export interface ConnectionOptions {
  /** Overrides BUSY_TIMEOUT_MS (tests use a short one). */
  busyTimeoutMs?: number;
}

/**
 * A read-write connection in WAL mode. `beforeWrites` runs on it first, while nothing has been
 * written: opening and reading write nothing to the file, but switching a file to WAL mode
 * does, so a file that `beforeWrites` refuses (by throwing) is closed exactly as it was.
 */
export function openWriterConnection(path: string, options: ConnectionOptions = {}, beforeWrites?: (db: Db) => void): Db {
  const db = new Database(path);
  try {
    applyCommonPragmas(db, options);
    // FULL: a committed save survives power loss, not just an app crash.
    db.pragma('synchronous = FULL');
    beforeWrites?.(db);
    // WAL lets tools and read-only opens read while the app writes; if the filesystem
    // cannot do it (no shared memory) SQLite silently keeps another mode, so check.
    const mode = db.pragma('journal_mode = WAL', { simple: true });
    if (mode !== 'wal') throw new Error(`could not switch ${path} to WAL journal mode (got ${String(mode)})`);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

export function openReaderConnection(path: string, options: ConnectionOptions = {}): Db {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    applyCommonPragmas(db, options);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function applyCommonPragmas(db: Db, options: ConnectionOptions): void {
  db.pragma('foreign_keys = ON');
  db.pragma(`busy_timeout = ${Math.max(0, Math.round(options.busyTimeoutMs ?? BUSY_TIMEOUT_MS))}`);
  // A library file may come from elsewhere: its schema must not call unsafe functions.
  db.pragma('trusted_schema = OFF');
}

export interface LibraryHeader {
  applicationId: number;
  userVersion: number;
  /** True when the file has no schema objects at all (new or zero-length). */
  empty: boolean;
}

export function readHeader(db: Db): LibraryHeader {
  const applicationId = Number(db.pragma('application_id', { simple: true }));
  const userVersion = Number(db.pragma('user_version', { simple: true }));
  const objects = Number(db.prepare('SELECT count(*) FROM sqlite_schema').pluck().get());
  return { applicationId, userVersion, empty: objects === 0 };
}

/** Refuses files that belong to another program: a foreign application_id, or foreign tables. */
export function assertIsLibrary(path: string, header: LibraryHeader): void {
  if (header.applicationId === APPLICATION_ID) return;
  if (header.applicationId !== 0) {
    throw new NotALibraryError(path, `its application_id is 0x${header.applicationId.toString(16)}`);
  }
  if (!header.empty || header.userVersion !== 0) {
    throw new NotALibraryError(path, 'it holds tables this app did not create');
  }
}

export interface FileHeader {
  size: number;
  /** Starts with "SQLite format 3\0". */
  isSqlite: boolean;
  userVersion: number;
  applicationId: number;
}

/**
 * The fields of the SQLite file header that decide whether a file may be opened, read straight
 * from the file: no connection, so no -wal or -shm file is created beside a file we refuse.
 * (After an unclean shutdown the WAL may hold newer values; openLibrary then checks through SQLite too.)
 */
export function readFileHeader(file: string): FileHeader {
  const fd = fs.openSync(file, 'r');
  try {
    const size = fs.fstatSync(fd).size;
    const buf = Buffer.alloc(100);
    const n = fs.readSync(fd, buf, 0, 100, 0);
    const isSqlite = n === 100 && buf.toString('latin1', 0, 16) === 'SQLite format 3\u0000';
    return {
      size,
      isSqlite,
      userVersion: isSqlite ? buf.readUInt32BE(60) : 0,
      applicationId: isSqlite ? buf.readUInt32BE(68) : 0,
    };
  } finally {
    fs.closeSync(fd);
  }
}
