// What the shells see when the library cannot be used normally: which failures stop the app
// (exit 2, untouched), which start it read-only or "unavailable" with a restore offer, and the
// messages a full disk or another program's lock produce. Real files in temp folders.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION, libraryPaths, openLibrary } from '../../../db';
import type { Backend } from '../../../electron/backend/backend';
import { openAppLibrary } from '../../../electron/backend/library/open-app-library';
import { openBackend } from '../../../electron/backend/open-backend';
import { snapshot } from '../../db/helpers';

const example = fs.readFileSync(path.resolve(__dirname, '../../../assets/examples/risk-model-api.json'), 'utf8');
const text = (name: string, pad = 0) => JSON.stringify({ ...JSON.parse(example), name, horizon_s: 20, warmup_s: 0, description: 'd'.repeat(pad) }, null, 2);

const dirs: string[] = [];
const backends: Backend[] = [];
afterEach(async () => {
  for (const b of backends.splice(0)) {
    await b.shutdown();
    b.close();
  }
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function dataDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'headroom-recovery-'));
  dirs.push(d);
  return d;
}

/** A data folder holding a library with the named scenarios and one backup of it. */
function withLibrary(names: string[]): { dir: string; backup: string } {
  const dir = dataDir();
  const lib = openLibrary(dir);
  for (const n of names) lib.scenarios.createScenario({ name: n, json: text(n), sections: ['serving'], sha256: 'a'.repeat(64) });
  const backup = lib.backupToFolder('manual');
  lib.close();
  return { dir, backup };
}

function backendFor(dir: string, options: Parameters<typeof openAppLibrary>[1] = {}): Backend {
  const started = openBackend({ dataDir: dir, shell: 'web', threads: 1, openOptions: options });
  if (!started.ok) throw new Error(`fatal: ${started.message}`);
  backends.push(started.backend);
  return started.backend;
}

describe('opening for a shell', () => {
  it('refuses untouched (exit 2 in the shells): a newer schema, a foreign file, another instance', () => {
    const newer = withLibrary(['a']).dir;
    const db = new Database(libraryPaths(newer).file);
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    db.close();
    const before = snapshot(newer);
    expect(openAppLibrary(newer)).toEqual({ ok: false, kind: 'too-new', message: `library schema version ${LATEST_SCHEMA_VERSION + 1} is newer than this app (${LATEST_SCHEMA_VERSION})` });
    expect(snapshot(newer)).toEqual(before);

    const foreign = dataDir();
    const f = new Database(libraryPaths(foreign).file);
    f.pragma('application_id = 7');
    f.exec('CREATE TABLE x (y)');
    f.close();
    expect(openAppLibrary(foreign)).toMatchObject({ ok: false, kind: 'not-a-library' });

    const held = withLibrary(['a']).dir;
    const first = openAppLibrary(held);
    expect(first.ok).toBe(true);
    expect(openAppLibrary(held)).toMatchObject({ ok: false, kind: 'locked', message: expect.stringMatching(/in use by another Headroom process/) });
    if (first.ok) first.library.close();
  });

  it('a damaged library starts "unavailable", offers its backups, and a restore brings it back; the damaged file is kept', async () => {
    const { dir, backup } = withLibrary(['one', 'two']);
    fs.writeFileSync(libraryPaths(dir).file, 'garbage '.repeat(1000));
    const damaged = snapshot(dir)['library.sqlite'];

    const backend = backendFor(dir);
    await expect(backend.listScenarios()).rejects.toThrow(/The library is unavailable: the library file .* is damaged \(file is not a database\).*Restore a backup/);
    const status = await backend.libraryStatus();
    expect(status).toMatchObject({ state: 'unavailable', schemaVersion: null, message: expect.stringMatching(/damaged/) });
    expect(status.backups.map((b) => b.name)).toEqual([path.basename(backup)]);
    expect(status.backups[0]!.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    expect(snapshot(dir)['library.sqlite']).toBe(damaged); // asking again changed nothing

    const restored = await backend.restoreLibraryBackup(path.basename(backup));
    expect(restored).toMatchObject({ state: 'ok', message: expect.stringMatching(/Restored a library of 2 scenarios.*kept as .*library\.sqlite\.unusable-/) });
    expect((await backend.listScenarios()).map((s) => s.name).sort()).toEqual(['one', 'two']);
    const kept = fs.readdirSync(dir).find((f) => f.startsWith('library.sqlite.unusable-'))!;
    expect(snapshot(dir)[kept]).toBe(damaged);
    expect((await backend.createScenario(text('three'))).ok).toBe(true);
  });

  it('a library damaged mid-file is not written to (same bytes and mtime, session marker untouched) and a restore brings it back', async () => {
    const { dir, backup } = withLibrary(Array.from({ length: 30 }, (_, i) => `s${i}`));
    const file = libraryPaths(dir).file;
    const raw = new Database(file); // read-write, so that closing removes its -wal and -shm
    const pages = Number(raw.pragma('page_count', { simple: true }));
    expect(raw.pragma('freelist_count', { simple: true })).toBe(0); // the page overwritten below is in use
    raw.close();
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, 4096 * Math.floor(pages / 2)); // a page in the middle
    fs.closeSync(fd);
    const before = snapshot(dir);
    const mtime = fs.statSync(file).mtimeMs;

    const backend = backendFor(dir);
    await expect(backend.listScenarios()).rejects.toThrow(/The library is unavailable: the library file .* is damaged \(quick_check reported: .*\); it was left as it is/);
    await expect(backend.createScenario(text('new'))).rejects.toThrow(/unavailable/);
    const status = await backend.libraryStatus(); // asks again ("Try again")
    expect(status).toMatchObject({ state: 'unavailable', message: expect.stringMatching(/damaged/) });
    expect(status.backups.map((b) => b.name)).toEqual([path.basename(backup)]);
    // Nothing was written: not the session marker, not a migration, not a WAL (no -wal, -shm, -journal).
    expect(snapshot(dir)).toEqual(before);
    expect(fs.statSync(file).mtimeMs).toBe(mtime);

    const restored = await backend.restoreLibraryBackup(path.basename(backup));
    expect(restored).toMatchObject({ state: 'ok', message: expect.stringMatching(/Restored a library of 30 scenarios.*kept as .*library\.sqlite\.unusable-/) });
    expect(await backend.listScenarios()).toHaveLength(30);
    const kept = fs.readdirSync(dir).find((f) => f.startsWith('library.sqlite.unusable-'))!;
    expect(snapshot(dir)[kept]).toBe(before['library.sqlite']);
    expect((await backend.createScenario(text('after'))).ok).toBe(true);
  });

  it('a read-only library opens read-only: browsing works, saving says why it cannot', async () => {
    const { dir } = withLibrary(['kept']);
    fs.chmodSync(libraryPaths(dir).file, 0o444);
    const before = snapshot(dir);
    const backend = backendFor(dir);
    expect(await backend.libraryStatus()).toMatchObject({ state: 'read-only', message: expect.stringMatching(/read-only.*browse and export/) });
    const [kept] = await backend.listScenarios();
    expect(kept!.name).toBe('kept');
    await expect(backend.createScenario(text('new'))).rejects.toThrow(/^Could not save the scenario: the library file .* is read-only/);
    await expect(backend.renameScenario(kept!.id, 'x')).rejects.toThrow(/^Could not rename the scenario/);
    await expect(backend.deleteScenario(kept!.id)).rejects.toThrow(/^Could not move the scenario to the trash/);
    await expect(backend.startRun(kept!.id)).rejects.toThrow(/^Could not start the run/);
    expect((await backend.exportScenarios([kept!.id])).fileName).toBe('kept.json');
    // The library file and its backups are unchanged. (SQLite's read-only WAL reader adds its
    // shared-memory index and an empty -wal beside the file: no data.)
    const after = snapshot(dir);
    expect(Object.fromEntries(Object.entries(after).filter(([f]) => !/-(shm|wal)$/.test(f)))).toEqual(before);
    expect(fs.statSync(path.join(dir, 'library.sqlite-wal')).size).toBe(0);
  });

  it('a migration that throws halfway leaves the library unavailable with both versions named, unchanged', async () => {
    const { dir } = withLibrary(['kept']);
    const before = snapshot(dir)['library.sqlite'];
    const { MIGRATIONS } = await import('../../../db/migrations/index');
    const failing = [...MIGRATIONS, { version: MIGRATIONS.length + 1, name: 'throws', up: () => { throw new Error('boom'); } }];
    const backend = backendFor(dir, { migrations: failing });
    expect(await backend.libraryStatus()).toMatchObject({
      state: 'unavailable',
      message: expect.stringMatching(new RegExp(`from schema version ${LATEST_SCHEMA_VERSION} to ${LATEST_SCHEMA_VERSION + 1}: boom. Nothing was changed`)),
    });
    expect(snapshot(dir)['library.sqlite']).toBe(before);
  });
});

describe('storage failures while open', () => {
  it('a full disk: the save is refused with advice, nothing saved before is lost, reading goes on', async () => {
    const { dir } = withLibrary(['kept']);
    const backend = backendFor(dir, { onConnection: (db) => db.pragma(`max_page_count = ${Number(db.pragma('page_count', { simple: true })) + 2}`) });
    await expect(backend.createScenario(text('big', 90_000))).rejects.toThrow(
      /^Could not save the scenario: the disk holding the library is full. Nothing already saved was lost; free some space and try again/,
    );
    expect((await backend.listScenarios()).map((s) => s.name)).toEqual(['kept']);
    expect((await backend.libraryStatus()).state).toBe('ok');
  });

  it('another program holding the write lock: the save says so; after it lets go, saving works', async () => {
    const { dir } = withLibrary(['kept']);
    const backend = backendFor(dir, { busyTimeoutMs: 100 });
    const other = new Database(libraryPaths(dir).file);
    other.exec("BEGIN IMMEDIATE; INSERT INTO library_meta VALUES ('x', 'y')");
    await expect(backend.createScenario(text('blocked'))).rejects.toThrow(/^Could not save the scenario: another program is using the library file and kept it locked/);
    other.exec('ROLLBACK');
    other.close();
    expect((await backend.createScenario(text('later'))).ok).toBe(true);
  });
});

describe('backup and restore through the backend', () => {
  it('backs up to the folder and to a chosen file; restores by name; refuses a bad backup, unchanged', async () => {
    const { dir } = withLibrary(['a']);
    const backend = backendFor(dir);
    const info = await backend.backupLibrary();
    expect(info).toMatchObject({ name: expect.stringMatching(/^library-v\d+-.*-manual\.sqlite$/), schemaVersion: LATEST_SCHEMA_VERSION });
    await backend.createScenario(text('after'));
    const chosen = path.join(dataDir(), 'mine.sqlite');
    expect(backend.backupToPath(chosen)).toBe(chosen);

    const status = await backend.restoreLibraryBackup(info.name);
    expect(status.state).toBe('ok');
    expect((await backend.listScenarios()).map((s) => s.name)).toEqual(['a']);
    expect(status.backups.some((b) => b.name.includes('before-restore'))).toBe(true);

    await backend.restoreFromPath(chosen);
    expect((await backend.listScenarios()).map((s) => s.name).sort()).toEqual(['a', 'after']);

    const junk = path.join(dataDir(), 'junk.sqlite');
    fs.writeFileSync(junk, 'not a backup at all '.repeat(50));
    await expect(backend.restoreFromPath(junk)).rejects.toThrow(/junk.sqlite is not an SQLite database|cannot be opened/);
    expect((await backend.listScenarios()).map((s) => s.name).sort()).toEqual(['a', 'after']);
  });
});
