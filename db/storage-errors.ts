// Turning the errors SQLite and the file system raise into the few problems a user can act on.
// Every one of them leaves the library as it was: SQLite rolls the failed transaction back.
import { LibraryStorageError, type StorageProblem } from './errors';

function codeOf(error: unknown): string {
  return typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string'
    ? (error as { code: string }).code
    : '';
}

/** Which user-facing problem an SQLite or file-system error is, or null for anything else. */
export function storageProblemOf(error: unknown): StorageProblem | null {
  const code = codeOf(error);
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT') return 'disk-full';
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS' || code === 'EACCES' || code === 'EPERM') return 'read-only';
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return 'busy';
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') return 'damaged';
  if (code.startsWith('SQLITE_IOERR') || code === 'EIO') return 'io';
  return null;
}

const ADVICE: Record<StorageProblem, string> = {
  'disk-full': 'the disk holding the library is full. Nothing already saved was lost; free some space and try again',
  'read-only': 'the library file or its folder is read-only. Nothing was changed; make them writable to save',
  busy: 'another program is using the library file and kept it locked. Nothing was changed; close that program and try again',
  damaged: 'the library file is damaged. Restore the library from a backup',
  io: 'the disk reported a read/write error. Nothing was changed; check the disk and try again',
};

/**
 * Wraps a storage error as a LibraryStorageError whose message says what failed and what to do,
 * e.g. "Could not save the scenario: the disk holding the library is full…". Other errors pass through.
 */
export function explainStorageError(error: unknown, action: string): unknown {
  if (error instanceof LibraryStorageError) return error;
  const problem = storageProblemOf(error);
  if (problem === null) return error;
  const detail = error instanceof Error ? error.message : String(error);
  return new LibraryStorageError(problem, `Could not ${action}: ${ADVICE[problem]} (${detail})`, { cause: error });
}
