// Backing up the whole library to one file and restoring it: the copy is verified and written
// atomically; a file offered for restore is checked before anything changes, and the library
// as it was is kept as a backup.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { APPLICATION_ID, BackupFileError, inspectLibraryFile, LATEST_SCHEMA_VERSION, libraryPaths, openLibrary } from '../../db';
import { migrate } from '../../db/migrate';
import { MIGRATIONS } from '../../db/migrations/index';
import { canMountTmpfs, fillDisk, mountTmpfs, scenarioInput, snapshot, tempDataDir, thrownBy, tickingClock } from './helpers';

function populated(names: string[]) {
  const dataDir = tempDataDir();
  const library = openLibrary(dataDir, { now: tickingClock() });
  for (const name of names) library.scenarios.createScenario(scenarioInput(name), ['t']);
  return { dataDir, library };
}

const listed = (library: ReturnType<typeof openLibrary>) => library.scenarios.listScenarios().map((s) => s.name).sort();

describe('backup', () => {
  it('writes a verified, self-contained copy; never replaces an earlier backup', () => {
    const { dataDir, library } = populated(['a', 'b']);
    const target = path.join(tempDataDir(), 'my-backup.sqlite');
    library.backupTo(target);
    expect(inspectLibraryFile(target, LATEST_SCHEMA_VERSION)).toMatchObject({ schemaVersion: LATEST_SCHEMA_VERSION, scenarios: 2, versions: 2, runs: 0 });
    expect(fs.readdirSync(path.dirname(target))).toEqual(['my-backup.sqlite']); // no temp files, no -wal

    const first = library.backupToFolder('manual');
    const second = library.backupToFolder('manual');
    expect(first).not.toBe(second);
    expect(fs.readdirSync(libraryPaths(dataDir).backups).sort()).toEqual([path.basename(first), path.basename(second)].sort());
    library.close();
  });

  it.skipIf(!canMountTmpfs())('on a full disk fails without leaving a partial file (a real tmpfs)', () => {
    const { library } = populated(['a']);
    const tmpfs = mountTmpfs(256)!;
    fillDisk(tmpfs.dir);
    const before = snapshot(tmpfs.dir);
    expect(() => library.backupTo(path.join(tmpfs.dir, 'backup.sqlite'))).toThrow();
    expect(snapshot(tmpfs.dir)).toEqual(before);
    library.close();
  });
});

describe('restore', () => {
  it('replaces the library with a backup, keeping the library as it was as a verified backup', () => {
    const { dataDir, library } = populated(['a', 'b']);
    const backup = library.backupToFolder('manual');
    const scenarioB = library.scenarios.listScenarios().find((s) => s.name === 'b')!;
    library.scenarios.createScenario(scenarioInput('after the backup'));
    library.scenarios.deleteScenario(scenarioB.id);

    const outcome = library.restoreFrom(backup);
    expect(outcome.restored).toMatchObject({ scenarios: 2, schemaVersion: LATEST_SCHEMA_VERSION });
    // The same handle keeps working, now on the restored content.
    expect(listed(library)).toEqual(['a', 'b']);
    library.scenarios.createScenario(scenarioInput('c'));
    expect(listed(library)).toEqual(['a', 'b', 'c']);
    expect(inspectLibraryFile(outcome.safetyBackupPath, LATEST_SCHEMA_VERSION).scenarios).toBe(3);
    expect(fs.readdirSync(dataDir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    library.close();

    const reopened = openLibrary(dataDir);
    expect(listed(reopened)).toEqual(['a', 'b', 'c']);
    expect(reopened.checkedAfterUncleanShutdown).toBe(false);
    reopened.close();
  });

  it('brings an older backup up to the latest schema version', () => {
    const old = path.join(tempDataDir(), 'v1.sqlite');
    const db = new Database(old);
    migrate(db, MIGRATIONS.slice(0, 1));
    db.prepare("INSERT INTO scenarios VALUES ('s', 'From v1', 't', 't', NULL)").run();
    db.prepare("INSERT INTO scenario_versions VALUES ('v', 's', 1, 'From v1', '{}', '[]', ?, 't')").run('a'.repeat(64));
    db.close();
    const { library } = populated(['x']);
    const outcome = library.restoreFrom(old);
    expect(outcome).toMatchObject({ schemaVersion: LATEST_SCHEMA_VERSION, restored: { schemaVersion: 1, scenarios: 1 } });
    expect(library.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    expect(library.scenarios.searchScenarios('v1').map((s) => s.name)).toEqual(['From v1']);
    library.close();
    expect(new Database(old, { readonly: true }).pragma('user_version', { simple: true })).toBe(1); // the source was only read
  });

  describe('refuses, changing nothing,', () => {
    const cases: [string, (file: string) => void, RegExp][] = [
      ['an empty file', (f) => fs.writeFileSync(f, ''), /is empty/],
      ['a text file', (f) => fs.writeFileSync(f, 'hello, not a database '.repeat(100)), /not an SQLite database|cannot be opened/],
      ['another program’s database', (f) => {
        const db = new Database(f);
        db.pragma('application_id = 42');
        db.exec('CREATE TABLE t (x)');
        db.close();
      }, /is not a Headroom library backup/],
      ['a backup from a newer app', (f) => {
        const db = new Database(f);
        migrate(db, MIGRATIONS);
        db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
        db.close();
      }, new RegExp(`schema version ${LATEST_SCHEMA_VERSION + 1}, newer than this app \\(${LATEST_SCHEMA_VERSION}\\)`)],
      ['a damaged backup', (f) => {
        const { library } = populated(Array.from({ length: 30 }, (_, i) => `s${i}`.padEnd(3000, 'x')));
        library.backupTo(f);
        library.close();
        const fd = fs.openSync(f, 'r+');
        fs.writeSync(fd, Buffer.alloc(4096, 0x33), 0, 4096, 4096 * 2);
        fs.closeSync(fd);
      }, /is damaged|malformed|broken references/],
      ['a file with dangling references', (f) => {
        const db = new Database(f);
        migrate(db, MIGRATIONS);
        db.pragma('foreign_keys = OFF');
        db.prepare("INSERT INTO scenario_versions (id, scenario_id, version, name, json, sections, sha256, created_at) VALUES ('v', 'missing', 1, 'n', '{}', '[]', ?, 't')").run('a'.repeat(64));
        db.close();
      }, /broken references/],
    ];
    for (const [what, make, message] of cases) {
      it(what, () => {
        const { dataDir, library } = populated(['kept']);
        const file = path.join(tempDataDir(), 'candidate.sqlite');
        make(file);
        const before = snapshot(dataDir);
        const error = thrownBy(() => library.restoreFrom(file));
        expect(error).toBeInstanceOf(BackupFileError);
        expect(error.message).toMatch(message);
        expect(listed(library)).toEqual(['kept']);
        library.scenarios.createScenario(scenarioInput('still usable'));
        library.close();
        const after = snapshot(dataDir);
        expect(Object.keys(after).filter((f) => !(f in before))).toEqual([]); // no safety backup, no staged file left
        expect(fs.readFileSync(file).length).toBeGreaterThanOrEqual(0);
      });
    }
  });

  it('the application id marks every library and backup', () => {
    const { library } = populated(['a']);
    const file = library.backupToFolder();
    library.close();
    const db = new Database(file, { readonly: true });
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    db.close();
  });
});
