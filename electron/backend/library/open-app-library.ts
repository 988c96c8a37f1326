// Opening the library for a shell, turning each way it can fail into what the user sees
// (CLARIFICATIONS.md "Library"). Three outcomes:
//  - fatal: a newer schema, another instance holding the lock, a foreign file. The shell prints
//    the message and exits with code 2 without touching the file.
//  - unavailable: damaged, a migration that failed, a full disk, a lock another program holds.
//    The shell starts anyway, says why, and offers to restore a backup (or to try again).
//  - ok: possibly read-only (the file or folder is not writable), with a notice saying so.
import {
  LibraryLockedError, LibraryReadOnlyError, LibraryTooNewError, NotALibraryError, openLibrary, type Library, type OpenLibraryOptions,
} from '../../../db';

export type OpenedLibrary =
  | { ok: true; library: Library; notice: string | null }
  | { ok: false; kind: 'too-new' | 'locked' | 'not-a-library'; message: string }
  | { ok: false; kind: 'unavailable'; message: string };

export type AppLibraryOptions = Pick<OpenLibraryOptions, 'busyTimeoutMs' | 'onConnection' | 'migrations'>;

export function openAppLibrary(dataDir: string, options: AppLibraryOptions = {}): OpenedLibrary {
  const common = { appVersion: __HEADROOM_VERSION__, ...options };
  try {
    const library = openLibrary(dataDir, common);
    return { ok: true, library, notice: noticeFor(library) };
  } catch (e) {
    if (e instanceof LibraryTooNewError) return { ok: false, kind: 'too-new', message: e.message };
    if (e instanceof LibraryLockedError) return { ok: false, kind: 'locked', message: e.message };
    if (e instanceof NotALibraryError) return { ok: false, kind: 'not-a-library', message: e.message };
    if (e instanceof LibraryReadOnlyError) {
      try {
        const library = openLibrary(dataDir, { ...common, readonly: true });
        return { ok: true, library, notice: `${e.message}. The library is open read-only: you can browse and export, but not save or run.` };
      } catch {
        return { ok: false, kind: 'unavailable', message: e.message };
      }
    }
    return { ok: false, kind: 'unavailable', message: e instanceof Error ? e.message : String(e) };
  }
}

function noticeFor(library: Library): string | null {
  const parts: string[] = [];
  if (library.checkedAfterUncleanShutdown) parts.push('Headroom did not close properly last time; the library was checked and is intact.');
  if (library.interruptedRuns > 0) {
    parts.push(`${library.interruptedRuns} run${library.interruptedRuns === 1 ? ' was' : 's were'} interrupted and marked failed (finished replications were kept).`);
  }
  if (library.backupPath) parts.push(`The library was upgraded to schema version ${library.schemaVersion}; a backup of the old one is in the backups folder.`);
  return parts.length > 0 ? parts.join(' ') : null;
}
