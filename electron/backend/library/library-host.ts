// The library the backend serves, and its state: open (maybe read-only), or unavailable with
// the reason, in which case the only things that work are asking again and restoring a backup.
// Restores swap the library file underneath; everything else keeps using this one handle.
import { LibraryStorageError, restoreLibraryWhileClosed, type Library } from '../../../db';
import type { BackupInfo, LibraryStatus } from '../../common/contract';
import { backupInfo, backupPath, listBackups } from './library-backup';
import { openAppLibrary, type AppLibraryOptions } from './open-app-library';

export class LibraryUnavailableError extends Error {
  override readonly name = 'LibraryUnavailableError';
}

export class LibraryHost {
  /** A problem met while the library was open (damage found by a read): shown until a restore. */
  private problem: string | null = null;

  constructor(
    private readonly dataDir: string,
    private lib: Library | null,
    private notice: string | null,
    private readonly openOptions: AppLibraryOptions,
  ) {}

  current(): Library | null {
    return this.lib;
  }

  library(): Library {
    if (!this.lib) {
      throw new LibraryUnavailableError(`The library is unavailable: ${this.notice ?? 'it could not be opened'}. Restore a backup (Library backups) or fix the cause and reload.`);
    }
    return this.lib;
  }

  message(): string | null {
    return this.problem ?? this.notice;
  }

  noteProblem(error: LibraryStorageError): void {
    if (error.problem === 'damaged') this.problem = error.message;
  }

  /** The state for the renderer; an unavailable library is tried again first ("Try again"). */
  status(): LibraryStatus {
    if (!this.lib) this.reopen();
    const lib = this.lib;
    return {
      state: !lib ? 'unavailable' : lib.readonly ? 'read-only' : 'ok',
      message: this.message(),
      file: lib?.path ?? `${this.dataDir}/library.sqlite`,
      schemaVersion: lib?.schemaVersion ?? null,
      backups: listBackups(this.dataDir),
    };
  }

  backupToFolder(): BackupInfo {
    return backupInfo(this.library().backupToFolder('manual'));
  }

  backupFile(name: string): string {
    return backupPath(this.dataDir, name);
  }

  /** Validates `file`, keeps a safety copy of the current library, and swaps it in. */
  restoreFrom(file: string): LibraryStatus {
    if (this.lib && !this.lib.readonly) {
      const outcome = this.lib.restoreFrom(file);
      this.problem = null;
      this.notice = `Restored ${describe(outcome.restored)}; the library as it was before is kept as ${outcome.safetyBackupPath}.`;
      return this.status();
    }
    if (this.lib?.readonly) throw new LibraryStorageError('read-only', 'Could not restore the library: it is open read-only');
    const { restored, setAside } = restoreLibraryWhileClosed(this.dataDir, file, { appVersion: __HEADROOM_VERSION__, ...this.openOptions });
    this.reopen();
    if (this.lib) {
      this.problem = null;
      this.notice = `Restored ${describe(restored)}.${setAside ? ` The unusable library file was kept as ${setAside}.` : ''}`;
    }
    return this.status();
  }

  close(): void {
    this.lib?.close();
  }

  private reopen(): void {
    const opened = openAppLibrary(this.dataDir, this.openOptions);
    if (opened.ok) {
      this.lib = opened.library;
      this.notice = opened.notice;
    } else {
      this.notice = opened.message;
    }
  }
}

function describe(info: { scenarios: number; runs: number; schemaVersion: number }): string {
  return `a library of ${info.scenarios} scenario${info.scenarios === 1 ? '' : 's'} and ${info.runs} run${info.runs === 1 ? '' : 's'} (schema version ${info.schemaVersion})`;
}
