// Whole-library files: a verified copy of an open library written atomically (backups), and the
// checks a file must pass before it may replace the library (restore).
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { APPLICATION_ID } from './connection';
import { BackupFileError } from './errors';
import type { Db } from './migrations/types';

export interface LibraryFileInfo {
  schemaVersion: number;
  scenarios: number;
  versions: number;
  runs: number;
  createdByAppVersion: string | null;
  lastWriterAppVersion: string | null;
}

/** Tables every library has had since version 1 (later versions add more, checked by migration). */
const CORE_TABLES = ['library_meta', 'scenarios', 'scenario_versions', 'runs', 'run_results'];

export function fsyncPath(file: string, flags: 'r' | 'r+' = 'r'): void {
  const fd = fs.openSync(file, flags);
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Makes a rename or unlink in `dir` durable (a no-op where directories cannot be synced). */
export function fsyncDir(dir: string): void {
  try {
    fsyncPath(dir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EISDIR' && code !== 'EPERM' && code !== 'EINVAL' && code !== 'EACCES') throw error;
  }
}

export function removeQuietly(file: string): void {
  for (const f of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) fs.rmSync(f, { force: true });
}

/** A name beside `target` that no other writer uses, for writing then renaming into place. */
export function tempPathBeside(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
}

/**
 * Writes a consistent copy of `db` to `target`: VACUUM INTO a temporary file beside it (a
 * snapshot through the WAL, like the online backup API, but synchronous), fsync, verify
 * (quick_check, header, row counts equal to the source's), then rename into place and sync the
 * folder. Either `target` is a complete verified copy or it is not touched (a partial file,
 * e.g. on a full disk, is removed).
 */
export function writeVerifiedCopy(db: Db, target: string): void {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const tmp = tempPathBeside(target);
  try {
    // VACUUM INTO cannot run inside a transaction; the counts still see the same data, since
    // only this process writes (it holds the lock) and nothing runs between the two calls.
    db.prepare('VACUUM INTO ?').run(tmp);
    const expected = rowCounts(db);
    fsyncPath(tmp, 'r+'); // VACUUM INTO does not sync its output
    verifyCopy(tmp, {
      userVersion: Number(db.pragma('user_version', { simple: true })),
      applicationId: Number(db.pragma('application_id', { simple: true })),
      counts: expected,
    });
    fs.renameSync(tmp, target);
    fsyncDir(path.dirname(target));
  } catch (error) {
    removeQuietly(tmp);
    throw error;
  }
}

function ordinaryTables(db: Db): string[] {
  return db
    .prepare<[], string>(
      `SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
       AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name`,
    )
    .pluck()
    .all();
}

function rowCounts(db: Db): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const table of ordinaryTables(db)) {
    counts[table] = Number(db.prepare(`SELECT count(*) FROM "${table.replace(/"/g, '""')}"`).pluck().get());
  }
  return counts;
}

function verifyCopy(file: string, expected: { userVersion: number; applicationId: number; counts: Record<string, number> }): void {
  const copy = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const check = copy.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new Error(`the copy failed quick_check: ${String(check)}`);
    const version = Number(copy.pragma('user_version', { simple: true }));
    if (version !== expected.userVersion) throw new Error(`the copy is at version ${version}, expected ${expected.userVersion}`);
    const appId = Number(copy.pragma('application_id', { simple: true }));
    if (appId !== expected.applicationId) throw new Error('the copy lost the library application_id');
    const counts = rowCounts(copy);
    for (const [table, n] of Object.entries(expected.counts)) {
      if (counts[table] !== n) throw new Error(`the copy has ${counts[table] ?? 0} rows in ${table}, expected ${n}`);
    }
  } finally {
    copy.close();
  }
}

/**
 * Checks a file offered as a library backup, without writing to it: a Headroom library
 * (application_id), not newer than `latest`, passing integrity_check and foreign_key_check, with
 * the core tables. Throws BackupFileError naming the first problem.
 */
export function inspectLibraryFile(file: string, latest: number, label = path.basename(file)): LibraryFileInfo {
  let db: Db;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new BackupFileError(`${label} cannot be opened: ${(error as Error).message}`);
  }
  try {
    let appId: number;
    let version: number;
    try {
      appId = Number(db.pragma('application_id', { simple: true }));
      version = Number(db.pragma('user_version', { simple: true }));
    } catch (error) {
      throw new BackupFileError(`${label} is not an SQLite database (${(error as Error).message})`);
    }
    if (appId !== APPLICATION_ID) throw new BackupFileError(`${label} is not a Headroom library backup`);
    if (version > latest) {
      throw new BackupFileError(`${label} has library schema version ${version}, newer than this app (${latest})`);
    }
    if (version < 1) throw new BackupFileError(`${label} is an empty library (schema version 0)`);
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') throw new BackupFileError(`${label} is damaged: ${String(integrity)}`);
    const dangling = db.pragma('foreign_key_check') as unknown[];
    if (dangling.length > 0) throw new BackupFileError(`${label} has ${dangling.length} broken references`);
    const tables = new Set(ordinaryTables(db));
    const missing = CORE_TABLES.filter((t) => !tables.has(t));
    if (missing.length > 0) throw new BackupFileError(`${label} lacks the tables ${missing.join(', ')}`);
    const count = (sql: string) => Number(db.prepare(sql).pluck().get());
    const meta = (key: string) => (db.prepare('SELECT value FROM library_meta WHERE key = ?').pluck().get(key) as string | undefined) ?? null;
    return {
      schemaVersion: version,
      scenarios: count('SELECT count(*) FROM scenarios'),
      versions: count('SELECT count(*) FROM scenario_versions'),
      runs: count('SELECT count(*) FROM runs'),
      createdByAppVersion: meta('created_by_app_version'),
      lastWriterAppVersion: meta('last_writer_app_version'),
    };
  } finally {
    db.close();
  }
}
