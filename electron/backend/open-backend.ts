// A shell's backend on the library in its data folder, opened as openAppLibrary decides: refused
// untouched when it must not be opened (the shell prints the message and exits 2), otherwise a
// Backend over it, or over no library when it is unavailable (the app starts, says why and
// offers a restore). `opened` lets the shell report what it found.
import { Backend, type BackendOptions } from './backend';
import { openAppLibrary, type OpenedLibrary } from './library/open-app-library';

export type OpenedBackend =
  | { ok: true; backend: Backend; opened: OpenedLibrary }
  | { ok: false; message: string };

export function openBackend(options: Omit<BackendOptions, 'library' | 'libraryMessage'>): OpenedBackend {
  const opened = openAppLibrary(options.dataDir, options.openOptions);
  if (!opened.ok && opened.kind !== 'unavailable') return { ok: false, message: opened.message };
  const backend = new Backend({
    ...options,
    library: opened.ok ? opened.library : null,
    libraryMessage: opened.ok ? opened.notice : opened.message,
  });
  return { ok: true, backend, opened };
}
