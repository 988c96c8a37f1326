// The library file itself: whether it is usable (ok, read-only, unavailable and why), its
// backups, backing up and restoring. After a restore everything shown is reloaded from it.
import type { StateCreator } from 'zustand';
import type { HeadroomApi, LibraryStatus } from '../../electron/common/contract';
import type { AppState, LibraryFileSlice } from './types';
import { errorMessage, rememberScenarioId } from './session';

export const createLibraryFileSlice = (api: HeadroomApi): StateCreator<AppState, [], [], LibraryFileSlice> => (set, get) => {
  /** Runs one backup/restore action, keeping the dialog's busy flag and error up to date. */
  async function busy<T>(what: string, fn: () => Promise<T>): Promise<T | undefined> {
    set({ libraryFileBusy: true, libraryFileError: null });
    try {
      return await fn();
    } catch (e) {
      set({ libraryFileError: `Cannot ${what}: ${errorMessage(e)}` });
      return undefined;
    } finally {
      set({ libraryFileBusy: false });
    }
  }

  /** A restored library replaces everything on screen. */
  async function afterRestore(status: LibraryStatus | null | undefined): Promise<void> {
    if (!status) return;
    set({ libraryFile: status, noticeDismissed: null });
    rememberScenarioId(null);
    get().clearEditor();
    get().clearRuns();
    set({ selectedScenarioId: null, searchQuery: '', searchHits: null, historyOpen: false, trash: [] });
    if (status.state !== 'unavailable') await get().initLibrary();
    get().showToast(status.state === 'unavailable' ? 'The restore did not make the library usable' : 'Library restored');
  }

  return {
    libraryFile: null,
    backupsOpen: false,
    libraryFileBusy: false,
    libraryFileError: null,
    noticeDismissed: null,

    async loadLibraryFile() {
      try {
        set({ libraryFile: await api.libraryStatus() });
      } catch (e) {
        set({ libraryFileError: `Cannot read the library's state: ${errorMessage(e)}` });
      }
    },

    setBackupsOpen(open) {
      set({ backupsOpen: open, libraryFileError: null });
      if (open) void get().loadLibraryFile();
    },

    dismissNotice() {
      set({ noticeDismissed: get().libraryFile?.message ?? null });
    },

    async backupNow() {
      const info = await busy('back up the library', () => api.backupLibrary());
      if (!info) return;
      await get().loadLibraryFile();
      get().showToast(`Backed up to ${info.name}`);
    },

    async backupToFile() {
      const where = await busy('back up the library', () => api.saveLibraryBackup());
      if (!where) return;
      await get().loadLibraryFile();
      get().showToast(`Backed up to ${where}`);
    },

    async restoreBackup(name) {
      await afterRestore(await busy('restore the library', () => api.restoreLibraryBackup(name)));
    },

    async restoreFromFile() {
      await afterRestore(await busy('restore the library', () => api.openLibraryBackup()));
    },
  };
};
