import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION, LibraryTooNewError, libraryPaths, openLibrary } from '../../db';
import { migrate } from '../../db/migrate';
import { MIGRATIONS, checkMigrations } from '../../db/migrations/index';
import type { Migration } from '../../db/migrations/index';
import { scenarioInput, tempDataDir, tickingClock } from './helpers';

const addNotes: Migration = {
  version: LATEST_SCHEMA_VERSION + 1,
  name: 'test-notes',
  up: (db) => db.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL) STRICT'),
};

const failHalfway: Migration = {
  version: LATEST_SCHEMA_VERSION + 2,
  name: 'test-fails',
  up: (db) => {
    db.exec("INSERT INTO notes (text) VALUES ('half done'); UPDATE scenarios SET name = 'clobbered'");
    throw new Error('boom');
  },
};

/** A library at the app's current version holding one scenario. */
function populatedLibrary(): { dataDir: string; file: string } {
  const dataDir = tempDataDir();
  const library = openLibrary(dataDir, { now: tickingClock() });
  library.scenarios.createScenario(scenarioInput('precious'));
  library.close();
  return { dataDir, file: library.path };
}

describe('migration registry', () => {
  it('is numbered 1, 2, 3… and ends at LATEST_SCHEMA_VERSION', () => {
    expect(() => checkMigrations(MIGRATIONS)).not.toThrow();
    expect(MIGRATIONS.map((m) => m.version)).toEqual(Array.from({ length: LATEST_SCHEMA_VERSION }, (_, i) => i + 1));
  });

  it('rejects gaps, repeats, reordering and a start other than 1', () => {
    const m = (version: number): Migration => ({ version, name: `m${version}`, up: () => {} });
    expect(() => checkMigrations([m(1), m(2), m(3)])).not.toThrow();
    expect(() => checkMigrations([])).not.toThrow();
    expect(() => checkMigrations([m(1), m(3)])).toThrow(/out of order/);
    expect(() => checkMigrations([m(1), m(1)])).toThrow(/out of order/);
    expect(() => checkMigrations([m(2), m(1)])).toThrow(/out of order/);
    expect(() => checkMigrations([m(0), m(1)])).toThrow(/out of order/);
    expect(() => checkMigrations([{ version: 1, name: ' ', up: () => {} }])).toThrow(/no name/);
    expect(() => migrate(new Database(':memory:'), [m(2)])).toThrow(/out of order/);
  });
});

describe('migrate', () => {
  it('0001-initial creates the tables on an empty database', () => {
    const db = new Database(':memory:');
    expect(migrate(db, MIGRATIONS.slice(0, 1))).toEqual({ from: 0, to: 1 });
    const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").pluck().all();
    expect(tables).toEqual(['library_meta', 'run_results', 'runs', 'scenario_versions', 'scenarios']);
    expect(migrate(db, MIGRATIONS.slice(0, 1))).toEqual({ from: 1, to: 1 }); // idempotent
    db.close();
  });

  it('rolls everything back when a migration throws halfway: old version, data intact', () => {
    const { file } = populatedLibrary();
    const db = new Database(file);
    expect(() => migrate(db, [...MIGRATIONS, addNotes, failHalfway])).toThrow('boom');
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(db.prepare('SELECT name FROM scenarios').pluck().all()).toEqual(['precious']);
    expect(db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'notes'").pluck().get()).toBe(0);
    db.close();
  });

  it('refuses inside the transaction a database newer than the list', () => {
    const { file } = populatedLibrary();
    const db = new Database(file);
    expect(() => migrate(db, MIGRATIONS.slice(0, LATEST_SCHEMA_VERSION - 1))).toThrow(LibraryTooNewError);
    db.close();
  });
});

describe('opening a library that needs migrating', () => {
  it('takes a verified backup first, then migrates', () => {
    const { dataDir } = populatedLibrary();
    const library = openLibrary(dataDir, { migrations: [...MIGRATIONS, addNotes], now: () => new Date(Date.UTC(2025, 5, 1, 12)) });
    expect(library.schemaVersion).toBe(LATEST_SCHEMA_VERSION + 1);
    expect(library.backupPath).toBe(
      path.join(libraryPaths(dataDir).backups, `library-v${LATEST_SCHEMA_VERSION}-2025-06-01T12-00-00-000Z.sqlite`),
    );
    expect(library.scenarios.listScenarios().map((s) => s.name)).toEqual(['precious']);
    library.close();

    const backup = new Database(library.backupPath!, { readonly: true });
    expect(backup.pragma('quick_check', { simple: true })).toBe('ok');
    expect(backup.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(backup.prepare('SELECT name FROM scenarios').pluck().all()).toEqual(['precious']);
    backup.close();
  });

  it('keeps the backup and the old version when the migration fails, and releases the lock', () => {
    const { dataDir, file } = populatedLibrary();
    expect(() => openLibrary(dataDir, { migrations: [...MIGRATIONS, addNotes, failHalfway] })).toThrow('boom');
    expect(fs.readdirSync(libraryPaths(dataDir).backups)).toHaveLength(1);
    expect(fs.existsSync(libraryPaths(dataDir).lock)).toBe(false);
    const db = new Database(file, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    db.close();
    openLibrary(dataDir).close(); // still opens with the app's own migrations
  });

  it('takes no backup of a brand-new library', () => {
    const dataDir = tempDataDir();
    openLibrary(dataDir).close();
    expect(fs.existsSync(libraryPaths(dataDir).backups)).toBe(false);
  });
});
