import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import {
  APPLICATION_ID,
  LATEST_SCHEMA_VERSION,
  LibraryOutdatedError,
  LibraryTooNewError,
  NotALibraryError,
  libraryPaths,
  openLibrary,
} from '../../db';
import { openWriterConnection } from '../../db/connection';
import { fileSha256, libraryWith, scenarioInput, tempDataDir, thrownBy } from './helpers';

describe('openLibrary', () => {
  it('creates library.sqlite in a new data folder, in WAL mode, at the latest version', () => {
    const dataDir = path.join(tempDataDir(), 'nested', 'data');
    const library = openLibrary(dataDir, { appVersion: '0.1.0' });
    expect(library.path).toBe(path.join(dataDir, 'library.sqlite'));
    expect(library.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    expect(library.backupPath).toBeNull(); // nothing to protect in a new file
    library.close();

    const db = new Database(library.path, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(db.prepare("SELECT value FROM library_meta WHERE key = 'created_by_app_version'").pluck().get()).toBe('0.1.0');
    db.close();
  });

  it('makes every table STRICT: a string in an INTEGER column is rejected', () => {
    const library = openLibrary(tempDataDir());
    const file = library.path;
    const version = library.scenarios.createScenario(scenarioInput('a')).versionId;
    library.close();

    const db = new Database(file);
    // Ordinary tables only: the FTS5 search table is virtual and its shadow tables are FTS5's own
    // (CLARIFICATIONS.md "Library" excepts full-text-search virtual tables).
    const tables = db.prepare("SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string; strict: number }[];
    const special = db.prepare("SELECT name, type FROM pragma_table_list WHERE schema = 'main' AND type IN ('virtual', 'shadow')").all() as { name: string; type: string }[];
    expect(special.every((t) => t.name.startsWith('scenario_search'))).toBe(true);
    expect(tables.length).toBeGreaterThanOrEqual(5);
    for (const table of tables) expect(table, table.name).toEqual({ name: table.name, strict: 1 });
    expect(() =>
      db.prepare(
        `INSERT INTO runs (id, scenario_version_id, status, seed, replications, engine_version, created_at)
         VALUES ('r', ?, 'queued', 'not a number', 1, 'e', 't')`,
      ).run(version),
    ).toThrow(/cannot store TEXT value in INTEGER column/);
    db.close();
  });

  it('sets the connection pragmas a writer needs', () => {
    const library = openLibrary(tempDataDir());
    library.close();
    // Pragmas are per connection, so inspect one made by the same function openLibrary uses.
    const db = openWriterConnection(library.path);
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(db.pragma('trusted_schema', { simple: true })).toBe(0);
    expect(db.pragma('locking_mode', { simple: true })).toBe('normal');
    db.close();
  });

  it('refuses a library from a newer app with the exact message, leaving its bytes unchanged', () => {
    const { dataDir, file } = libraryWith('kept');
    const db = new Database(file);
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    db.close();
    const before = fileSha256(file);

    const open = () => openLibrary(dataDir);
    expect(open).toThrow(LibraryTooNewError);
    expect(thrownBy(open).message).toBe(
      `library schema version ${LATEST_SCHEMA_VERSION + 1} is newer than this app (${LATEST_SCHEMA_VERSION})`,
    );
    expect(() => openLibrary(dataDir, { readonly: true })).toThrow(LibraryTooNewError);
    expect(fileSha256(file)).toBe(before);
    expect(fs.existsSync(libraryPaths(dataDir).lock)).toBe(false);
    expect(fs.existsSync(libraryPaths(dataDir).backups)).toBe(false);
  });

  it('refuses a file that belongs to another application', () => {
    const dataDir = tempDataDir();
    const file = libraryPaths(dataDir).file;
    const foreign = new Database(file);
    foreign.pragma('application_id = 42');
    foreign.exec('CREATE TABLE t (x)');
    foreign.close();
    const before = fileSha256(file);
    expect(() => openLibrary(dataDir)).toThrow(NotALibraryError);
    expect(fileSha256(file)).toBe(before);

    const untagged = new Database(file);
    untagged.pragma('application_id = 0');
    untagged.close();
    expect(() => openLibrary(dataDir)).toThrow(/holds tables this app did not create/);
  });

  it('opens read-only only an up-to-date library, and never writes through it', () => {
    const dataDir = tempDataDir();
    expect(() => openLibrary(dataDir, { readonly: true })).toThrow(/no library/);

    const writer = openLibrary(dataDir);
    writer.scenarios.createScenario(scenarioInput('seen'));
    writer.close();
    const reader = openLibrary(dataDir, { readonly: true });
    expect(reader.readonly).toBe(true);
    expect(reader.scenarios.listScenarios().map((s) => s.name)).toEqual(['seen']);
    expect(() => reader.scenarios.createScenario(scenarioInput('no'))).toThrow(/readonly/);
    reader.close();

    const db = new Database(libraryPaths(dataDir).file);
    db.pragma('user_version = 0');
    db.close();
    expect(() => openLibrary(dataDir, { readonly: true })).toThrow(LibraryOutdatedError);
  });
});
