// Every migration from every earlier schema version to the latest, on real files holding data
// written at each version (Signal Desktop's one-test-per-migration habit, plus the full paths).
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { deflateRawSync } from 'node:zlib';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION, openLibrary } from '../../db';
import { migrate } from '../../db/migrate';
import { MIGRATIONS } from '../../db/migrations/index';
import type { Db } from '../../db/migrations/types';
import { tempDataDir } from './helpers';

const SHA = (c: string) => c.repeat(64);
const RESULT = JSON.stringify({ format: 'headroom.result/v1', series: Array.from({ length: 400 }, (_, i) => i / 4) });
const TRACE = 'timestamp\n0\n0.5\n1.25\n';
const TRACE_SHA = createHash('sha256').update(TRACE).digest('hex');

/** Rows written with each version's own schema, as the app of that version would have. */
const SEEDS: Record<number, (db: Db) => void> = {
  1: (db) => {
    const json = (name: string, description: string) => JSON.stringify({ format: 'headroom.scenario/v1', name, description });
    db.prepare("INSERT INTO library_meta VALUES ('created_by_app_version', '0.0.9')").run();
    db.prepare("INSERT INTO scenarios VALUES ('s1', 'Risk model API', '2024-01-01T00:00:00.000Z', '2024-01-02T00:00:00.000Z', NULL)").run();
    db.prepare("INSERT INTO scenarios VALUES ('s2', 'Old plan', '2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z', '2024-03-01T00:00:00.000Z')").run();
    const version = db.prepare('INSERT INTO scenario_versions VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    version.run('v1', 's1', 1, 'Risk model API', json('Risk model API', 'worked example'), '["serving"]', SHA('a'), '2024-01-01T00:00:00.000Z');
    version.run('v2', 's1', 2, 'Risk model API', json('Risk model API', 'eight replicas at peak'), '["serving"]', SHA('b'), '2024-01-02T00:00:00.000Z');
    version.run('v3', 's2', 1, 'Old plan', json('Old plan', ''), '["cluster"]', SHA('c'), '2024-01-01T00:00:00.000Z');
    db.prepare("INSERT INTO runs VALUES ('r1', 'v2', 'done', 7, 5, '0.1.0', '2024-01-02T01:00:00.000Z', '2024-01-02T01:00:01.000Z', '2024-01-02T01:00:09.000Z', 8000, 123456, NULL)").run();
    db.prepare("INSERT INTO runs VALUES ('r2', 'v1', 'failed', 1, 5, '0.1.0', '2024-01-01T01:00:00.000Z', NULL, '2024-01-01T01:00:00.000Z', NULL, NULL, 'boom')").run();
    db.prepare('INSERT INTO run_results VALUES (?, ?)').run('r1', RESULT);
  },
  2: (db) => {
    db.prepare("INSERT INTO scenario_tags VALUES ('s1', 'finance'), ('s1', 'Q3')").run();
    db.prepare("INSERT INTO files VALUES (?, ?, 'identity', ?, '2024-04-01T00:00:00.000Z')").run(TRACE_SHA, TRACE.length, Buffer.from(TRACE));
    db.prepare("INSERT INTO scenario_versions (id, scenario_id, version, name, json, sections, sha256, created_at, note) VALUES ('v4', 's1', 3, 'Risk model API', '{}', '[\"serving\"]', ?, '2024-04-01T00:00:00.000Z', 'restored from v1')").run(SHA('d'));
    db.prepare("INSERT INTO scenario_version_files VALUES ('v4', 'serving.services[0].arrivals.path', 'trace.csv', ?)").run(TRACE_SHA);
    // The v2 app kept these copies on the scenario row in the same transaction.
    db.prepare("UPDATE scenarios SET latest_version = 3, latest_version_id = 'v4', sections = '[\"serving\"]', tags = '[\"finance\",\"Q3\"]' WHERE id = 's1'").run();
    const doc = db.prepare("SELECT docid FROM scenario_search_docs WHERE scenario_id = 's1'").pluck().get() as number;
    db.prepare("UPDATE scenario_search SET tags = 'finance Q3' WHERE rowid = ?").run(doc);
  },
  3: (db) => {
    db.prepare("INSERT INTO run_replications VALUES ('r1', 0, 'deflate', ?, '2024-01-02T01:00:05.000Z')").run(deflateRawSync(Buffer.from('{"index":0}')));
  },
  4: (db) => {
    db.prepare(`UPDATE runs SET label = 'baseline', headline = '{"tone":"bad","text":"Missed: p99 over budget"}' WHERE id = 'r1'`).run();
    db.prepare("UPDATE runs SET headline = 'null' WHERE id = 'r2'").run();
  },
};

/** A library file at schema version `version`, holding the data each version up to it wrote. */
function libraryAt(version: number): string {
  const dataDir = tempDataDir();
  const db = new Database(path.join(dataDir, 'library.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  for (let v = 1; v <= version; v++) {
    migrate(db, MIGRATIONS.slice(0, v));
    SEEDS[v]?.(db);
  }
  db.close();
  return dataDir;
}

function expectDataKept(dataDir: string, from: number): void {
  const library = openLibrary(dataDir, { appVersion: 'test' });
  expect(library.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
  expect(library.backupPath === null).toBe(from === 0);
  const { scenarios, runs, files } = library;
  if (from === 0) {
    expect(scenarios.countAll()).toBe(0);
    library.close();
    return;
  }
  const s1 = scenarios.getScenario('s1')!;
  expect(s1).toMatchObject({ name: 'Risk model API', version: from >= 2 ? 3 : 2, tags: from >= 2 ? ['finance', 'Q3'] : [] });
  expect(scenarios.listTrash().map((s) => s.id)).toEqual(['s2']);
  expect(scenarios.listVersions('s1').map((v) => v.note)).toEqual(from >= 2 ? ['restored from v1', '', ''] : ['', '']);
  expect(runs.getRun('r1')).toMatchObject({ status: 'done', seed: 7, replications: 5, engineVersion: '0.1.0', replicationsStored: from >= 3 ? 1 : 0 });
  expect(runs.getRunResult('r1')).toBe(RESULT);
  expect(runs.getRun('r2')).toMatchObject({ status: 'failed', error: 'boom' });
  // Runs from before 0004 have no label, and their headline is still to be worked out.
  expect(runs.getRun('r1')).toMatchObject(
    from >= 4 ? { label: 'baseline', headline: { tone: 'bad', text: 'Missed: p99 over budget' }, headlinePending: false } : { label: null, headline: null, headlinePending: true },
  );
  expect(runs.setLabel('r1', ' migrated ').label).toBe('migrated');
  // Search finds scenarios by the name and the description of their latest version (0002 backfill).
  expect(scenarios.searchScenarios('risk').map((s) => s.id)).toEqual(['s1']);
  if (from < 2) expect(scenarios.searchScenarios('eight replicas').map((s) => s.id)).toEqual(['s1']);
  if (from >= 2) {
    expect(scenarios.searchScenarios('q3').map((s) => s.id)).toEqual(['s1']);
    expect(files.getFile(TRACE_SHA)!.content.toString()).toBe(TRACE);
  }
  // Still writable through every repository after the upgrade.
  const next = scenarios.addVersion('s1', { name: 'Risk model API', json: '{}', sections: ['serving'], sha256: SHA('e') });
  expect(next.version).toBe(s1.version + 1);
  library.close();

  const db = new Database(library.path, { readonly: true });
  expect(db.pragma('quick_check', { simple: true })).toBe('ok');
  expect(db.pragma('foreign_key_check')).toEqual([]);
  db.close();
}

describe('every migration path to the latest version', () => {
  for (let from = 0; from < LATEST_SCHEMA_VERSION; from++) {
    it(`from schema version ${from} (with data written at each version) to ${LATEST_SCHEMA_VERSION}`, () => {
      const dataDir = libraryAt(from);
      if (from > 0) expect(fs.existsSync(path.join(dataDir, 'backups'))).toBe(false);
      expectDataKept(dataDir, from);
      if (from > 0) {
        const [backup] = fs.readdirSync(path.join(dataDir, 'backups'));
        expect(backup).toMatch(new RegExp(`^library-v${from}-`));
      }
    });
  }

  it('ends at the same schema whichever version it started from', () => {
    const schemaOf = (dataDir: string) => {
      openLibrary(dataDir).close();
      const db = new Database(path.join(dataDir, 'library.sqlite'), { readonly: true });
      const sql = db.prepare("SELECT type, name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY name").all();
      db.close();
      return sql;
    };
    const fresh = schemaOf(tempDataDir());
    for (let from = 1; from < LATEST_SCHEMA_VERSION; from++) expect(schemaOf(libraryAt(from)), `from ${from}`).toEqual(fresh);
  });
});

describe('0002-library-features', () => {
  it('adds notes, tags, files and search, indexing existing scenarios and copying their latest version to the row', () => {
    const dataDir = libraryAt(1);
    const db = new Database(path.join(dataDir, 'library.sqlite'));
    migrate(db, MIGRATIONS.slice(0, 2));
    expect(db.prepare('SELECT id, latest_version, latest_version_id, sections, tags FROM scenarios ORDER BY id').all()).toEqual([
      { id: 's1', latest_version: 2, latest_version_id: 'v2', sections: '["serving"]', tags: '[]' },
      { id: 's2', latest_version: 1, latest_version_id: 'v3', sections: '["cluster"]', tags: '[]' },
    ]);
    expect(db.prepare('SELECT note FROM scenario_versions').pluck().all()).toEqual(['', '', '']);
    expect(db.prepare('SELECT count(*) FROM scenario_search_docs').pluck().get()).toBe(2);
    expect(db.prepare("SELECT name FROM scenario_search WHERE scenario_search MATCH 'replicas'").pluck().all()).toEqual(['Risk model API']);
    expect(() => db.prepare("INSERT INTO scenario_tags VALUES ('s1', '')").run()).toThrow(/CHECK/);
    db.close();
  });
});

describe('0004-run-labels', () => {
  it('adds an empty label and a pending headline to every run, with their checks', () => {
    const dataDir = libraryAt(3);
    const db = new Database(path.join(dataDir, 'library.sqlite'));
    migrate(db, MIGRATIONS.slice(0, 4));
    expect(db.prepare('SELECT id, label, headline FROM runs ORDER BY id').all()).toEqual([
      { id: 'r1', label: null, headline: null },
      { id: 'r2', label: null, headline: null },
    ]);
    expect(() => db.prepare("UPDATE runs SET label = '' WHERE id = 'r1'").run()).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE runs SET headline = 'not json' WHERE id = 'r1'").run()).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE runs SET label = x'00' WHERE id = 'r1'").run()).toThrow(/cannot store BLOB value in TEXT column/); // STRICT
    db.prepare("UPDATE runs SET label = 'ok', headline = 'null' WHERE id = 'r1'").run();
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.close();
  });
});

describe('0003-compact-results', () => {
  it('deflates stored results without changing them and adds per-replication storage', () => {
    const dataDir = libraryAt(2);
    const db = new Database(path.join(dataDir, 'library.sqlite'));
    migrate(db, MIGRATIONS.slice(0, 3));
    const row = db.prepare('SELECT encoding, body FROM run_results').get() as { encoding: string; body: Buffer };
    expect(row.encoding).toBe('deflate');
    expect(row.body.length).toBeLessThan(RESULT.length);
    expect(db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'run_replications'").pluck().get()).toBe(1);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.close();
  });
});
