// Backups of the whole library: the backups folder beside library.sqlite (CLARIFICATIONS.md
// "Library") holds the copies taken before migrations and restores and those the user asks for.
// A backup is one self-contained SQLite file; restoring validates it before anything changes.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { APPLICATION_ID, libraryPaths } from '../../../db';
import type { BackupInfo } from '../../common/contract';

const BACKUP_NAME = /^library-v\d{1,6}-[0-9A-Za-z-]{1,80}\.sqlite$/;

/** Backups in the folder, newest first (by modification time). */
export function listBackups(dataDir: string): BackupInfo[] {
  const dir = libraryPaths(dataDir).backups;
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  const out: (BackupInfo & { mtimeMs: number })[] = [];
  for (const name of names) {
    if (!BACKUP_NAME.test(name)) continue;
    try {
      const stat = fs.statSync(path.join(dir, name));
      if (!stat.isFile()) continue;
      out.push({ name, size: stat.size, createdAt: stat.mtime.toISOString(), schemaVersion: readSchemaVersion(path.join(dir, name)), mtimeMs: stat.mtimeMs });
    } catch {
      // A file that vanished or cannot be read is not offered.
    }
  }
  return out.sort((a, b) => b.mtimeMs - a.mtimeMs || b.name.localeCompare(a.name)).map(({ mtimeMs: _m, ...info }) => info);
}

/** The path of a backup named by the renderer; only plain names inside the backups folder. */
export function backupPath(dataDir: string, name: string): string {
  if (!BACKUP_NAME.test(name)) throw new Error(`${name} is not a backup file name`);
  const file = path.join(libraryPaths(dataDir).backups, name);
  if (!fs.existsSync(file)) throw new Error(`there is no backup named ${name}`);
  return file;
}

export function backupInfo(file: string): BackupInfo {
  const stat = fs.statSync(file);
  return { name: path.basename(file), size: stat.size, createdAt: stat.mtime.toISOString(), schemaVersion: readSchemaVersion(file) };
}

function readSchemaVersion(file: string): number | null {
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      if (Number(db.pragma('application_id', { simple: true })) !== APPLICATION_ID) return null;
      return Number(db.pragma('user_version', { simple: true }));
    } finally {
      db.close();
    }
  } catch {
    return null;
  }
}
