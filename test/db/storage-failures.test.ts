// The library when the storage under it fails, on real files: a full disk, a read-only file or
// file system, a lock held by another connection, a damaged file, an unclean shutdown. Each
// gives a clear error, never deletes or alters what was saved, and the library stays usable.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import {
  LibraryBackupError, LibraryBusyError, LibraryDamagedError, LibraryMigrationError, LibraryReadOnlyError, libraryPaths,
  openLibrary, restoreLibraryWhileClosed, storageProblemOf,
} from '../../db';
import { MIGRATIONS } from '../../db/migrations/index';
import { canMountTmpfs, deadPid, fileSha256, fillDisk, libraryWith, mountTmpfs, scenarioInput, snapshot, tempDataDir, thrownBy } from './helpers';

const bigInput = (name: string, kib = 256) => {
  const input = scenarioInput(name);
  return { ...input, json: JSON.stringify({ name, padding: 'x'.repeat(kib * 1024) }) };
};

function names(dataDir: string): string[] {
  const library = openLibrary(dataDir, { readonly: true });
  try {
    return library.scenarios.listScenarios().map((s) => s.name).sort();
  } finally {
    library.close();
  }
}

function quickCheck(file: string): unknown {
  const db = new Database(file, { readonly: true });
  try {
    return db.pragma('quick_check', { simple: true });
  } finally {
    db.close();
  }
}

describe('a full disk', () => {
  it.skipIf(!canMountTmpfs())('(a real 3 MiB tmpfs) refuses the save, keeps everything saved before, and works again once space is freed', () => {
    const tmpfs = mountTmpfs(3 * 1024);
    const dataDir = path.join(tmpfs!.dir, 'data');
    const library = openLibrary(dataDir);
    library.scenarios.createScenario(scenarioInput('precious'));
    const filler = fillDisk(tmpfs!.dir);

    const error = thrownBy(() => library.scenarios.createScenario(bigInput('too big')));
    expect(storageProblemOf(error)).toBe('disk-full');
    expect(library.scenarios.listScenarios().map((s) => s.name)).toEqual(['precious']);
    // A backup on the full disk fails cleanly: no partial file left behind.
    expect(() => library.backupToFolder('manual')).toThrow(LibraryBackupError);
    expect(fs.readdirSync(libraryPaths(dataDir).backups)).toEqual([]);

    fs.rmSync(filler);
    library.scenarios.createScenario(bigInput('fits now'));
    library.close();
    expect(quickCheck(library.path)).toBe('ok');
    expect(names(dataDir)).toEqual(['fits now', 'precious']);
  });

  it('(injected: the file may not grow) refuses the save with SQLITE_FULL and loses nothing', () => {
    const dataDir = tempDataDir();
    openLibrary(dataDir).close();
    const seed = openLibrary(dataDir);
    seed.scenarios.createScenario(scenarioInput('precious'));
    seed.close();
    // max_page_count pinned to the current size: every write that needs a new page fails as on a full disk.
    const library = openLibrary(dataDir, { onConnection: (db) => db.pragma(`max_page_count = ${Number(db.pragma('page_count', { simple: true }))}`) });
    const error = thrownBy(() => library.scenarios.createScenario(bigInput('too big')));
    expect(storageProblemOf(error)).toBe('disk-full');
    expect(library.scenarios.listScenarios().map((s) => s.name)).toEqual(['precious']);
    library.close();
    expect(quickCheck(library.path)).toBe('ok');
    expect(names(dataDir)).toEqual(['precious']);
  });
});

describe('a read-only library', () => {
  it('refuses to open a read-only file for writing (even as root), untouched; it still opens read-only', () => {
    const { dataDir, file } = libraryWith('kept');
    fs.chmodSync(file, 0o444);
    const before = snapshot(dataDir);

    const error = thrownBy(() => openLibrary(dataDir));
    expect(error).toBeInstanceOf(LibraryReadOnlyError);
    expect(error.message).toMatch(/is read-only \(the file has no write permission\)/);
    expect(snapshot(dataDir)).toEqual(before);

    const reader = openLibrary(dataDir, { readonly: true });
    expect(reader.scenarios.listScenarios().map((s) => s.name)).toEqual(['kept']);
    expect(storageProblemOf(thrownBy(() => reader.scenarios.createScenario(scenarioInput('no'))))).toBe('read-only');
    reader.close();
    fs.chmodSync(file, 0o644);
    openLibrary(dataDir).close(); // writable again: opens as usual
  });

  it.skipIf(!canMountTmpfs())('(a real read-only mount) refuses to open for writing, touching nothing', () => {
    const tmpfs = mountTmpfs(2 * 1024);
    const dataDir = path.join(tmpfs!.dir, 'data');
    libraryWith('kept', dataDir);
    const before = snapshot(dataDir);
    tmpfs!.remountReadOnly();
    const error = thrownBy(() => openLibrary(dataDir));
    expect(error).toBeInstanceOf(LibraryReadOnlyError);
    expect(error.message).toMatch(/not writable: EROFS/);
    expect(snapshot(dataDir)).toEqual(before);
  });
});

describe('a library locked by another connection', () => {
  it('a save waits, then fails as busy; reads go on; after the other connection lets go it saves', () => {
    const dataDir = tempDataDir();
    const library = openLibrary(dataDir, { busyTimeoutMs: 150 });
    library.scenarios.createScenario(scenarioInput('first'));
    const other = new Database(library.path);
    other.exec("BEGIN IMMEDIATE; INSERT INTO library_meta VALUES ('other', 'uncommitted')");

    const error = thrownBy(() => library.scenarios.createScenario(scenarioInput('blocked')));
    expect(storageProblemOf(error)).toBe('busy');
    expect(library.scenarios.listScenarios().map((s) => s.name)).toEqual(['first']);

    other.exec('ROLLBACK');
    library.scenarios.createScenario(scenarioInput('later'));
    expect(library.scenarios.listScenarios().map((s) => s.name).sort()).toEqual(['first', 'later']);
    other.close();
    library.close();
  });

  it('opening waits, then reports the lock without changing the file, and releases our lock file', () => {
    const { dataDir } = libraryWith('kept');
    const other = new Database(libraryPaths(dataDir).file);
    other.exec("BEGIN IMMEDIATE; INSERT INTO library_meta VALUES ('other', 'uncommitted')");
    const before = fileSha256(libraryPaths(dataDir).file);

    expect(() => openLibrary(dataDir, { busyTimeoutMs: 100 })).toThrow(LibraryBusyError);
    expect(fileSha256(libraryPaths(dataDir).file)).toBe(before);
    expect(fs.existsSync(libraryPaths(dataDir).lock)).toBe(false);
    other.exec('ROLLBACK');
    other.close();
    expect(names(dataDir)).toEqual(['kept']);
  });
});

describe('a damaged library', () => {
  it('refuses a file that is not a database, untouched, without taking a backup', () => {
    const dataDir = tempDataDir();
    fs.writeFileSync(libraryPaths(dataDir).file, Buffer.from('this is not SQLite, only text that looks like nothing. '.repeat(200)));
    const before = snapshot(dataDir);
    const error = thrownBy(() => openLibrary(dataDir));
    expect(error).toBeInstanceOf(LibraryDamagedError);
    expect(error.message).toMatch(/is damaged \(file is not a database\); it was left as it is — restore the library from a backup/);
    expect(snapshot(dataDir)).toEqual(before);
  });

  it('after an unclean shutdown, runs quick_check and refuses a damaged file, untouched; a backup restores it', () => {
    const dataDir = tempDataDir();
    const library = openLibrary(dataDir);
    library.transaction(() => {
      for (let i = 0; i < 40; i++) library.scenarios.createScenario(bigInput(`s${i}`, 8));
    });
    const backup = library.backupToFolder('manual');
    library.close();
    // The app "crashed": the marker still says open. And a page in the middle got overwritten.
    const raw = new Database(library.path);
    raw.prepare("UPDATE library_meta SET value = 'open' WHERE key = 'session'").run();
    raw.close();
    const fd = fs.openSync(library.path, 'r+');
    fs.writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, 4096 * 3);
    fs.closeSync(fd);
    const damaged = fileSha256(library.path);

    const error = thrownBy(() => openLibrary(dataDir));
    expect(error).toBeInstanceOf(LibraryDamagedError);
    expect(error.message).toMatch(/quick_check|malformed/);
    expect(fileSha256(library.path)).toBe(damaged);
    expect(fs.existsSync(libraryPaths(dataDir).lock)).toBe(false);

    // Restoring while the library cannot be opened keeps the damaged file aside, never deletes it.
    const { restored, setAside } = restoreLibraryWhileClosed(dataDir, backup);
    expect(restored.scenarios).toBe(40);
    expect(fileSha256(setAside!)).toBe(damaged);
    expect(names(dataDir)).toHaveLength(40);
  });
});

describe('a library damaged mid-file after a clean shutdown', () => {
  it('is refused before any write: same bytes and mtime, no -wal, -shm or -journal left, the marker still "closed"', () => {
    const dataDir = tempDataDir();
    const library = openLibrary(dataDir);
    library.transaction(() => {
      for (let i = 0; i < 40; i++) library.scenarios.createScenario(bigInput(`s${i}`, 8));
    });
    library.close();
    const raw = new Database(library.path); // read-write, so that closing removes its -wal and -shm
    const pages = Number(raw.pragma('page_count', { simple: true }));
    expect(raw.pragma('freelist_count', { simple: true })).toBe(0); // the page overwritten below is in use
    expect(raw.prepare("SELECT value FROM library_meta WHERE key = 'session'").pluck().get()).toBe('closed');
    raw.close();
    const middle = Math.floor(pages / 2);
    const fd = fs.openSync(library.path, 'r+');
    fs.writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, 4096 * middle);
    fs.closeSync(fd);
    const before = snapshot(dataDir);
    expect(Object.keys(before)).toEqual(['library.sqlite']);
    const mtime = fs.statSync(library.path).mtimeMs;

    for (let attempt = 0; attempt < 2; attempt++) {
      const error = thrownBy(() => openLibrary(dataDir));
      expect(error).toBeInstanceOf(LibraryDamagedError);
      expect(error.message).toMatch(/is damaged \(quick_check reported: .*\); it was left as it is/);
      expect(error.message).not.toMatch(/unclean/);
      expect(snapshot(dataDir)).toEqual(before); // no lock, -wal, -shm or -journal either
      expect(fs.statSync(library.path).mtimeMs).toBe(mtime);
    }
  });
});

describe('an unclean shutdown', () => {
  it('is detected by the session marker or a stale lock, and the check is recorded', () => {
    const { dataDir } = libraryWith('a');
    const clean = openLibrary(dataDir);
    expect(clean.checkedAfterUncleanShutdown).toBe(false);
    clean.close();

    fs.writeFileSync(libraryPaths(dataDir).lock, String(deadPid())); // as if that process had died holding it
    const again = openLibrary(dataDir);
    expect(again.checkedAfterUncleanShutdown).toBe(true);
    again.close();

    const raw = new Database(libraryPaths(dataDir).file);
    raw.prepare("UPDATE library_meta SET value = 'open' WHERE key = 'session'").run();
    raw.close();
    const third = openLibrary(dataDir);
    expect(third.checkedAfterUncleanShutdown).toBe(true);
    third.close();
    const fourth = openLibrary(dataDir);
    expect(fourth.checkedAfterUncleanShutdown).toBe(false);
    fourth.close();
  });
});

describe('a migration that throws halfway', () => {
  it('names both versions and the cause, changes nothing, and the app’s own migrations still open it', () => {
    const { dataDir, file } = libraryWith('precious');
    const before = fileSha256(file);
    const failing = [...MIGRATIONS, { version: MIGRATIONS.length + 1, name: 'throws', up: (db: Database.Database) => {
      db.exec("UPDATE scenarios SET name = 'clobbered'");
      throw new Error('boom');
    } }];
    const error = thrownBy(() => openLibrary(dataDir, { migrations: failing }));
    expect(error).toBeInstanceOf(LibraryMigrationError);
    expect(error.message).toMatch(new RegExp(`from schema version ${MIGRATIONS.length} to ${MIGRATIONS.length + 1}: boom\\. Nothing was changed; a verified backup is at .*backups`));
    expect(fileSha256(file)).toBe(before);
    expect(names(dataDir)).toEqual(['precious']);
  });
});
