// Replacing the open library with a backup file, so that at every moment the library folder
// holds either the old library or the restored one, whole, and the old one is kept as a
// verified backup. The user's chosen file is only ever read.
import fs from 'node:fs';
import path from 'node:path';
import { openWriterConnection, type ConnectionOptions } from './connection';
import { BackupFileError } from './errors';
import { fsyncDir, fsyncPath, inspectLibraryFile, removeQuietly, tempPathBeside } from './library-file';
import type { LibraryFileInfo } from './library-file';
import { acquireLock } from './lock-file';
import { migrate } from './migrate';
import type { Migration } from './migrations/types';
import type { LibraryPaths, RestoreOutcome } from './open-library';

/**
 * Copies `source` to a temporary file beside `libraryFile`, checks the copy (inspectLibraryFile)
 * and brings it to the latest schema version. Returns the staged path; the source is only read.
 */
export function stageRestoreCopy(
  source: string,
  libraryFile: string,
  migrations: readonly Migration[],
  connection: ConnectionOptions,
): { staged: string; restored: LibraryFileInfo } {
  let size: number;
  try {
    size = fs.statSync(source).size;
  } catch (error) {
    throw new BackupFileError(`cannot read ${source}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  if (size === 0) throw new BackupFileError(`${path.basename(source)} is empty`);
  const staged = tempPathBeside(libraryFile);
  try {
    fs.copyFileSync(source, staged);
    fsyncPath(staged, 'r+');
    const restored = inspectLibraryFile(staged, migrations.length, path.basename(source));
    const db = openWriterConnection(staged, connection);
    try {
      migrate(db, migrations);
      const check = db.pragma('quick_check', { simple: true });
      if (check !== 'ok') throw new BackupFileError(`${path.basename(source)} failed quick_check after upgrading: ${String(check)}`);
      db.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      db.close();
    }
    removeQuietly(`${staged}-wal`);
    return { staged, restored };
  } catch (error) {
    removeQuietly(staged);
    throw error;
  }
}

/**
 * Restores into a data folder whose library could not be opened (damaged, say): validates the
 * backup first, then sets the current library file (and its -wal/-shm) aside under a
 * `library.sqlite.unusable-<time>` name — never deleting it — and moves the restored copy in.
 */
export function restoreUnopenedLibrary(
  paths: LibraryPaths,
  source: string,
  migrations: readonly Migration[],
  connection: ConnectionOptions,
  at: Date,
): { restored: LibraryFileInfo; setAside: string | null } {
  const lock = acquireLock(paths.lock);
  try {
    const { staged, restored } = stageRestoreCopy(source, paths.file, migrations, connection);
    let setAside: string | null = null;
    try {
      if (fs.existsSync(paths.file)) {
        setAside = `${paths.file}.unusable-${at.toISOString().replace(/[:.]/g, '-')}`;
        fs.renameSync(paths.file, setAside);
        for (const side of ['-wal', '-shm']) {
          if (fs.existsSync(`${paths.file}${side}`)) fs.renameSync(`${paths.file}${side}`, `${setAside}${side}`);
        }
      }
      fs.renameSync(staged, paths.file);
      fsyncDir(path.dirname(paths.file));
    } catch (error) {
      removeQuietly(staged);
      if (setAside !== null && !fs.existsSync(paths.file)) fs.renameSync(setAside, paths.file);
      throw error;
    }
    return { restored, setAside };
  } finally {
    lock.release();
  }
}

export interface RestoreSteps {
  source: string;
  paths: LibraryPaths;
  migrations: readonly Migration[];
  connection: ConnectionOptions;
  /** Writes a verified copy of the current library to the backups folder; returns its path. */
  safetyBackup(): string;
  /** Checkpoints and closes the current connection (the writer lock stays held). */
  detach(): void;
  /** Opens the library file again as the writer; returns its schema version. */
  reattach(): number;
}

export function restoreLibraryFile(steps: RestoreSteps): RestoreOutcome {
  const { paths } = steps;
  // 1. Stage a copy beside the library; check and upgrade the copy, never the original.
  const { staged, restored } = stageRestoreCopy(steps.source, paths.file, steps.migrations, steps.connection);

  // 2. Keep the current library as a verified backup; nothing has been replaced yet.
  let safetyBackupPath: string;
  try {
    safetyBackupPath = steps.safetyBackup();
  } catch (error) {
    removeQuietly(staged);
    throw error;
  }

  // 3. Swap: close, rename the staged file over the library (atomic), reopen.
  steps.detach();
  try {
    for (const side of ['-wal', '-shm']) fs.rmSync(`${paths.file}${side}`, { force: true });
    fs.renameSync(staged, paths.file);
    fsyncDir(path.dirname(paths.file));
    return { safetyBackupPath, restored, schemaVersion: steps.reattach() };
  } catch (error) {
    // Put the old library back from its safety copy, then report the failure.
    removeQuietly(staged);
    const back = tempPathBeside(paths.file);
    try {
      fs.copyFileSync(safetyBackupPath, back);
      fsyncPath(back, 'r+');
      for (const side of ['-wal', '-shm']) fs.rmSync(`${paths.file}${side}`, { force: true });
      fs.renameSync(back, paths.file);
      fsyncDir(path.dirname(paths.file));
      steps.reattach();
    } catch {
      removeQuietly(back);
    }
    throw error;
  }
}
