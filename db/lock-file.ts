// The single-writer lock: a file beside the library holding the writer's pid. A lock file
// rather than `locking_mode=EXCLUSIVE`, so other tools (and our read-only opens) can still read
// the database while the app has it open.
import fs from 'node:fs';
import { LibraryLockedError } from './errors';

export interface LockHandle {
  release(): void;
  /** True when a lock left by a process that died was taken over: that process did not shut down cleanly. */
  readonly tookOverStale: boolean;
}

/** How many times to retry after clearing a stale lock, in case another process races us. */
const TAKEOVER_ATTEMPTS = 3;

export function acquireLock(lockPath: string): LockHandle {
  let tookOverStale = false;
  for (let attempt = 0; attempt <= TAKEOVER_ATTEMPTS; attempt++) {
    let fd: number;
    try {
      fd = fs.openSync(lockPath, 'wx');
    } catch (error) {
      if (!isCode(error, 'EEXIST')) throw error;
      const holder = readHolder(lockPath);
      if (holder !== null && isAlive(holder)) throw new LibraryLockedError(lockPath, holder);
      // Stale: left by a process that crashed (or its pid never got written). Take it over.
      // Two processes clearing the same stale lock at once could both succeed; that needs two
      // app launches within microseconds of each other after a crash, which we accept.
      removeIfPresent(lockPath);
      tookOverStale = true;
      continue;
    }
    try {
      fs.writeSync(fd, String(process.pid));
      fs.fsyncSync(fd);
    } catch (error) {
      fs.closeSync(fd);
      removeIfPresent(lockPath); // e.g. a full disk: leave no half-written lock behind
      throw error;
    }
    fs.closeSync(fd);
    return { release: () => releaseLock(lockPath), tookOverStale };
  }
  throw new Error(`could not take the library lock ${lockPath}: it keeps reappearing`);
}

/** Removes the lock only if it is still ours (never someone else's after a takeover). */
function releaseLock(lockPath: string): void {
  if (readHolder(lockPath) === process.pid) removeIfPresent(lockPath);
}

function readHolder(lockPath: string): number | null {
  let text: string;
  try {
    text = fs.readFileSync(lockPath, 'utf8').trim();
  } catch (error) {
    if (isCode(error, 'ENOENT')) return null;
    throw error;
  }
  // Anything but a positive pid (e.g. empty: the writer died between create and write) is stale.
  return /^\d+$/.test(text) && Number(text) > 0 ? Number(text) : null;
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0); // signal 0: existence check only
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else; still alive.
    return isCode(error, 'EPERM');
  }
}

function removeIfPresent(file: string): void {
  try {
    fs.unlinkSync(file);
  } catch (error) {
    if (!isCode(error, 'ENOENT')) throw error;
  }
}

function isCode(error: unknown, code: string): boolean {
  return error instanceof Error && (error as NodeJS.ErrnoException).code === code;
}
