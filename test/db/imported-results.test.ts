// 0006-imported-results: runs and analyses computed elsewhere, kept once per document (by its
// hash), and the scenario versions found by their hash (indexed) or by name, live ones first.
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openLibrary, RecordNotFoundError, type ImportedRun, type Library } from '../../db';
import { migrate } from '../../db/migrate';
import { MIGRATIONS } from '../../db/migrations/index';
import { scenarioInput, tempDataDir, thrownBy, tickingClock } from './helpers';

const SHA = (c: string) => c.repeat(64);

function imported(versionId: string, over: Partial<ImportedRun> = {}): ImportedRun {
  return {
    scenarioVersionId: versionId, status: 'done', seed: 7, replications: 2, engineVersion: '0.3.0', wallMs: 1234.6, events: 99,
    resultJson: '{"format":"headroom.result/v1"}', label: 'imported from run.json', headline: { tone: 'good', text: 'Meets the SLO' },
    importSha256: SHA('a'), ...over,
  };
}

function library(): Library {
  return openLibrary(tempDataDir(), { now: tickingClock() });
}

describe('0006-imported-results', () => {
  it('adds an empty import hash to existing runs and analyses, checked and unique, and indexes versions by hash', () => {
    const dataDir = tempDataDir();
    const db = new Database(path.join(dataDir, 'library.sqlite'));
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS.slice(0, 5));
    db.prepare("INSERT INTO scenarios (id, name, created_at, updated_at) VALUES ('s1', 'A', 't', 't')").run();
    db.prepare("INSERT INTO scenario_versions (id, scenario_id, version, name, json, sections, sha256, created_at) VALUES ('v1', 's1', 1, 'A', '{}', '[]', ?, 't')").run(SHA('b'));
    db.prepare("INSERT INTO runs (id, scenario_version_id, status, seed, replications, engine_version, created_at, finished_at) VALUES ('r1', 'v1', 'done', 1, 1, 'x', 't', 't'), ('r2', 'v1', 'done', 1, 1, 'x', 't', 't')").run();
    db.prepare("INSERT INTO analyses VALUES ('a1', 'v1', 'sweep', 'Sweep', 't', 0, 'identity', x'7b7d')").run();
    migrate(db, MIGRATIONS.slice(0, 6));
    expect(db.prepare('SELECT import_sha256 FROM runs').pluck().all()).toEqual([null, null]);
    expect(db.prepare('SELECT import_sha256 FROM analyses').pluck().all()).toEqual([null]);
    expect(() => db.prepare("UPDATE runs SET import_sha256 = 'abc' WHERE id = 'r1'").run()).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE analyses SET import_sha256 = ? WHERE id = 'a1'").run(SHA('G'))).toThrow(/CHECK/);
    db.prepare("UPDATE runs SET import_sha256 = ? WHERE id = 'r1'").run(SHA('c'));
    expect(() => db.prepare("UPDATE runs SET import_sha256 = ? WHERE id = 'r2'").run(SHA('c'))).toThrow(/UNIQUE/);
    const plan = db.prepare('EXPLAIN QUERY PLAN SELECT id FROM scenario_versions WHERE sha256 = ?').all(SHA('b')) as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/scenario_versions_by_sha256/);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.close();
  });
});

describe('runs.importRun', () => {
  it('records a finished run with its result, label and headline; the same document again returns the first', () => {
    const lib = library();
    const s = lib.scenarios.createScenario(scenarioInput('Chat'));
    const first = lib.runs.importRun(imported(s.versionId));
    expect(first.existing).toBe(false);
    expect(first.run).toMatchObject({
      scenarioId: s.id, scenarioVersion: 1, status: 'done', seed: 7, replications: 2, engineVersion: '0.3.0', wallMs: 1235, events: 99,
      label: 'imported from run.json', headline: { tone: 'good', text: 'Meets the SLO' }, headlinePending: false, replicationsStored: 0,
    });
    expect(first.run.finishedAt).not.toBeNull();
    expect(lib.runs.getRunResult(first.run.id)).toBe('{"format":"headroom.result/v1"}');
    const again = lib.runs.importRun(imported(s.versionId, { label: 'another name' }));
    expect(again).toEqual({ run: first.run, existing: true });
    expect(lib.runs.listRuns(s.id)).toHaveLength(1);
    const truncated = lib.runs.importRun(imported(s.versionId, { importSha256: SHA('d'), status: 'truncated', headline: null, label: null }));
    expect(truncated.run).toMatchObject({ status: 'truncated', headline: null, headlinePending: false, label: null });
    expect(lib.runs.listRuns(s.id)).toHaveLength(2);
    lib.close();
  });

  it('refuses an unknown version, a status other than done or truncated, and a bad label, recording nothing', () => {
    const lib = library();
    const s = lib.scenarios.createScenario(scenarioInput('Chat'));
    expect(() => lib.runs.importRun(imported('nope'))).toThrow(RecordNotFoundError);
    expect(thrownBy(() => lib.runs.importRun(imported(s.versionId, { status: 'failed' as 'done' }))).message).toMatch(/^status:/);
    expect(thrownBy(() => lib.runs.importRun(imported(s.versionId, { label: 'x'.repeat(81) }))).message).toMatch(/^label:/);
    expect(lib.runs.listRuns(s.id)).toEqual([]);
    lib.close();
  });

  it('goes with its scenario when that is deleted for good', () => {
    const lib = library();
    const s = lib.scenarios.createScenario(scenarioInput('Chat'));
    const { run } = lib.runs.importRun(imported(s.versionId));
    lib.scenarios.deleteScenario(s.id);
    expect(lib.scenarios.purgeScenario(s.id)).toBe(true);
    expect(lib.runs.getRun(run.id)).toBeNull();
    // Its document may then be imported again (to a scenario imported anew).
    const t = lib.scenarios.createScenario(scenarioInput('Chat'));
    expect(lib.runs.importRun(imported(t.versionId)).existing).toBe(false);
    lib.close();
  });
});

describe('analyses.importAnalysis', () => {
  it('keeps an analysis once per document', () => {
    const lib = library();
    const s = lib.scenarios.createScenario(scenarioInput('Chat'));
    const input = { scenarioVersionId: s.versionId, kind: 'sweep' as const, title: 'Sweep x=1:2', wallMs: 10, json: '{"kind":"sweep"}', importSha256: SHA('e') };
    const first = lib.analyses.importAnalysis(input);
    expect(first.existing).toBe(false);
    expect(lib.analyses.importAnalysis({ ...input, title: 'other' })).toEqual({ summary: first.summary, existing: true });
    expect(lib.analyses.list(s.id)).toHaveLength(1);
    expect(lib.analyses.body(first.summary.id)).toBe('{"kind":"sweep"}');
    // An analysis run in the app has no import hash, so never collides with one.
    lib.analyses.create({ ...input, title: 'local' });
    expect(lib.analyses.list(s.id)).toHaveLength(2);
    lib.close();
  });
});

describe('scenarios.findVersions', () => {
  it('finds versions by hash or by name, live scenarios first (most recently updated), then the newest version', () => {
    const lib = library();
    const same = (name: string) => ({ ...scenarioInput(name), sha256: SHA('f') });
    const old = lib.scenarios.createScenario(same('Plan'));
    const recent = lib.scenarios.createScenario(same('Plan'));
    const v2 = lib.scenarios.addVersion(recent.id, same('Plan'));
    const trashed = lib.scenarios.createScenario(same('Plan'));
    lib.scenarios.deleteScenario(trashed.id);
    lib.scenarios.createScenario(scenarioInput('Other'));
    const byHash = lib.scenarios.findVersions({ sha256: SHA('f') });
    expect(byHash.map((v) => [v.id, v.inTrash])).toEqual([[v2.versionId, false], [recent.versionId, false], [old.versionId, false], [trashed.versionId, true]]);
    expect(byHash[0]).toMatchObject({ scenarioId: recent.id, version: 2, name: 'Plan', sha256: SHA('f') });
    expect(lib.scenarios.findVersions({ name: 'Plan' }).map((v) => v.id)).toEqual(byHash.map((v) => v.id));
    expect(lib.scenarios.findVersions({ sha256: SHA('0') })).toEqual([]);
    expect(lib.scenarios.findVersions({ name: 'plan' })).toEqual([]);
    lib.close();
  });
});
