// The safety copy taken before a migration touches a library that already holds data.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { LibraryBackupError } from './errors';
import type { Db } from './migrations/types';

/**
 * Copies the library to `backups/library-v{version}-{timestamp}.sqlite` and verifies the copy
 * (quick_check and the version) before returning its path.
 *
 * Uses `VACUUM INTO` rather than better-sqlite3's `db.backup()`: that one is asynchronous,
 * and opening the library is synchronous. VACUUM INTO is equally a consistent snapshot (it
 * reads through the WAL), writes a compact copy, and refuses to overwrite an existing file.
 */
export function backupLibrary(db: Db, backupsDir: string, version: number, at: Date): string {
  fs.mkdirSync(backupsDir, { recursive: true });
  // Colons and dots are not portable in file names (Windows).
  const stamp = at.toISOString().replace(/[:.]/g, '-');
  const target = path.join(backupsDir, `library-v${version}-${stamp}.sqlite`);
  try {
    db.prepare('VACUUM INTO ?').run(target);
    // VACUUM INTO does not sync its output; make the copy durable before we rely on it.
    const fd = fs.openSync(target, 'r+');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    verifyBackup(target, version);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new LibraryBackupError(`could not make a verified backup at ${target} before migrating: ${reason}`, {
      cause: error,
    });
  }
  return target;
}

function verifyBackup(file: string, version: number): void {
  const copy = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const check = copy.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new Error(`quick_check reported: ${String(check)}`);
    const copied = Number(copy.pragma('user_version', { simple: true }));
    if (copied !== version) throw new Error(`the copy is at version ${copied}, expected ${version}`);
  } finally {
    copy.close();
  }
}
