// Opening the library for a shell, turning the refusals the user must see into messages
// (CLARIFICATIONS.md "Library": a newer schema is refused untouched, one writer at a time).
import { LibraryLockedError, LibraryTooNewError, NotALibraryError, openLibrary, type Library } from '../../db';

export type OpenedLibrary = { ok: true; library: Library } | { ok: false; message: string; kind: 'too-new' | 'locked' | 'not-a-library' };

export function openAppLibrary(dataDir: string): OpenedLibrary {
  try {
    return { ok: true, library: openLibrary(dataDir, { appVersion: __HEADROOM_VERSION__ }) };
  } catch (e) {
    if (e instanceof LibraryTooNewError) return { ok: false, kind: 'too-new', message: e.message };
    if (e instanceof LibraryLockedError) return { ok: false, kind: 'locked', message: e.message };
    if (e instanceof NotALibraryError) return { ok: false, kind: 'not-a-library', message: e.message };
    throw e;
  }
}
