// The safety copy taken before a migration touches a library that already holds data.
import fs from 'node:fs';
import path from 'node:path';
import { LibraryBackupError } from './errors';
import { writeVerifiedCopy } from './library-file';
import type { Db } from './migrations/types';

/** `library-v3-2025-06-01T12-00-00-000Z.sqlite`, or with a `-reason` before the extension. */
export function backupFileName(version: number, at: Date, reason?: string): string {
  // Colons and dots are not portable in file names (Windows).
  const stamp = at.toISOString().replace(/[:.]/g, '-');
  return `library-v${version}-${stamp}${reason ? `-${reason}` : ''}.sqlite`;
}

/**
 * Copies the library to `backups/library-v{version}-{timestamp}.sqlite` and verifies the copy
 * (quick_check, version, row counts) before returning its path.
 *
 * Uses `VACUUM INTO` rather than better-sqlite3's `db.backup()`: that one is asynchronous,
 * and opening the library is synchronous. VACUUM INTO is equally a consistent snapshot (it
 * reads through the WAL) and writes a compact copy; see writeVerifiedCopy.
 */
export function backupLibrary(db: Db, backupsDir: string, version: number, at: Date, reason?: string): string {
  let target = path.join(backupsDir, backupFileName(version, at, reason));
  // Never replace an earlier backup, even one made in the same millisecond.
  for (let n = 2; fs.existsSync(target); n++) target = path.join(backupsDir, backupFileName(version, at, `${reason ?? 'copy'}-${n}`));
  try {
    writeVerifiedCopy(db, target);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new LibraryBackupError(`could not make a verified backup at ${target}: ${detail}`, { cause: error });
  }
  return target;
}
