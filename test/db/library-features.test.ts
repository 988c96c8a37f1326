// The library beyond save-and-list: history with notes, tags, full-text search, the trash,
// files stored by content, imports keeping their history, per-replication results stored
// compactly, and multi-statement transactions that are all-or-nothing.
import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { normalizeTags, openLibrary, RecordNotFoundError, RunStateError } from '../../db';
import type { Library, NewScenarioVersion } from '../../db';
import { scenarioInput, tempDataDir, tickingClock } from './helpers';

const open = (): Library => openLibrary(tempDataDir(), { now: tickingClock() });

function withText(name: string, searchText: string, extra: Partial<NewScenarioVersion> = {}): NewScenarioVersion {
  return { ...scenarioInput(name), searchText, ...extra };
}

describe('history', () => {
  it('lists every version newest first with its note and size, and reads any of them', () => {
    const library = open();
    const { scenarios } = library;
    const a = scenarios.createScenario(scenarioInput('Chat'));
    scenarios.addVersion(a.id, { ...scenarioInput('Chat 2'), note: 'renamed from “Chat”' });
    const v3 = scenarios.addVersion(a.id, { ...scenarioInput('Chat'), note: 'restored from v1' });
    const list = scenarios.listVersions(a.id);
    expect(list.map((v) => [v.version, v.name, v.note])).toEqual([
      [3, 'Chat', 'restored from v1'], [2, 'Chat 2', 'renamed from “Chat”'], [1, 'Chat', ''],
    ]);
    expect(list[2]!.size).toBe(Buffer.byteLength(scenarioInput('Chat').json));
    expect(scenarios.getVersion(list[1]!.id)).toMatchObject({ version: 2, json: scenarioInput('Chat 2').json, files: [] });
    expect(scenarios.getScenario(a.id)!.versionId).toBe(v3.versionId);
    expect(() => scenarios.listVersions('nope')).toThrow(RecordNotFoundError);
    library.close();
  });

  it('imports a whole history in one go, keeping each version’s time', () => {
    const library = open();
    const versions = [
      { ...scenarioInput('Old'), createdAt: '2024-01-01T00:00:00.000Z' },
      { ...scenarioInput('Newer'), createdAt: '2024-02-01T00:00:00.000Z', note: 'tuned' },
    ];
    const rec = library.scenarios.importScenario(versions, ['imported']);
    expect(rec).toMatchObject({ name: 'Newer', version: 2, tags: ['imported'], createdAt: '2024-01-01T00:00:00.000Z' });
    expect(library.scenarios.listVersions(rec.id).map((v) => [v.version, v.createdAt, v.note])).toEqual([
      [2, '2024-02-01T00:00:00.000Z', 'tuned'], [1, '2024-01-01T00:00:00.000Z', ''],
    ]);
    expect(() => library.scenarios.importScenario([])).toThrow(/at least one version/);
    library.close();
  });
});

describe('tags', () => {
  it('normalizes: trims, collapses spaces, drops case-insensitive repeats, sorts; refuses bad tags', () => {
    expect(normalizeTags(['  Q3 review ', 'gpu', 'GPU', '', 'a\u00a0 b'])).toEqual(['a b', 'gpu', 'Q3 review']);
    expect(() => normalizeTags(['x'.repeat(41)])).toThrow(/longer than 40/);
    expect(() => normalizeTags(Array.from({ length: 21 }, (_, i) => `t${i}`))).toThrow(/at most 20/);
    expect(() => normalizeTags(['bad\u0007'])).toThrow(/control/);
  });

  it('sets tags without saving a version; the list and search see them', () => {
    const library = open();
    const a = library.scenarios.createScenario(scenarioInput('Serving plan'), ['draft']);
    expect(a.tags).toEqual(['draft']);
    const tagged = library.scenarios.setTags(a.id, ['Q3', 'capacity']);
    expect(tagged).toMatchObject({ tags: ['capacity', 'Q3'], version: 1 });
    expect(library.scenarios.listScenarios()[0]!.tags).toEqual(['capacity', 'Q3']);
    expect(library.scenarios.searchScenarios('capac').map((s) => s.id)).toEqual([a.id]);
    expect(library.scenarios.searchScenarios('draft')).toEqual([]);
    expect(() => library.scenarios.setTags('nope', [])).toThrow(RecordNotFoundError);
    library.close();
  });
});

describe('search', () => {
  it('matches word prefixes in name, tags and body; every word must match; deleted ones are hidden', () => {
    const library = open();
    const { scenarios } = library;
    const risk = scenarios.createScenario(withText('Risk model API', 'the article worked example risk_model_api serving'), ['finance']);
    const llm = scenarios.createScenario(withText('LLM chat', 'GPU cluster for chat serving'));
    const gone = scenarios.createScenario(withText('Risk archive', 'old'));
    scenarios.deleteScenario(gone.id);
    const ids = (q: string) => scenarios.searchScenarios(q).map((s) => s.id);
    expect(ids('risk')).toEqual([risk.id]);
    expect(ids('RIS mod')).toEqual([risk.id]);
    expect(ids('serving')).toHaveLength(2);
    expect(ids('serving gpu')).toEqual([llm.id]);
    expect(ids('finance')).toEqual([risk.id]);
    expect(ids('risk_model_api')).toEqual([risk.id]);
    expect(ids('nothing-like-this')).toEqual([]);
    // A name match ranks above a body match.
    const chat = scenarios.createScenario(withText('Serving chat', ''));
    expect(ids('chat')[0]).toBe(chat.id);
    // The index follows renames done by saving a version.
    scenarios.addVersion(llm.id, withText('Inference fleet', 'GPU'));
    expect(ids('llm')).toEqual([]);
    expect(ids('fleet')).toEqual([llm.id]);
    library.close();
  });

  it('treats query syntax as plain words, and an empty query as the whole list', () => {
    const library = open();
    library.scenarios.createScenario(withText('A "quoted" NEAR(x) name*', ''));
    for (const q of ['"', '*', 'NEAR(', 'a OR', ')', '-', '^x', 'col:x', "'"]) {
      expect(() => library.scenarios.searchScenarios(q), q).not.toThrow();
    }
    expect(library.scenarios.searchScenarios('quoted near').length).toBe(1);
    expect(library.scenarios.searchScenarios('   ')).toHaveLength(1);
    library.close();
  });
});

describe('trash', () => {
  it('lists deleted scenarios newest first, restores them, and deletes for good only from the trash', () => {
    const library = open();
    const { scenarios, runs, files } = library;
    const trace = files.putFile(Buffer.from('t\n0\n1\n'));
    const a = scenarios.createScenario({ ...scenarioInput('A'), files: [{ jsonPath: 'serving.services[0].arrivals.path', fileName: 't.csv', sha256: trace.sha256 }] });
    const b = scenarios.createScenario(scenarioInput('B'));
    const run = runs.createRun({ scenarioVersionId: a.versionId, seed: 1, replications: 1, engineVersion: 'e' });
    runs.markRunning(run.id);
    runs.recordReplication(run.id, 0, '{"index":0}');
    runs.finishRun(run.id, { status: 'done', wallMs: 1, events: 1, resultJson: '{"r":1}', error: null });

    expect(scenarios.purgeScenario(a.id)).toBe(false); // not in the trash
    scenarios.deleteScenario(a.id);
    scenarios.deleteScenario(b.id);
    expect(scenarios.listTrash().map((s) => s.name)).toEqual(['B', 'A']);
    expect(scenarios.listTrash()[0]!.deletedAt).toBeTruthy();
    expect(scenarios.restoreScenario(b.id)).toBe(true);
    expect(scenarios.listTrash().map((s) => s.name)).toEqual(['A']);

    expect(scenarios.purgeScenario(a.id)).toBe(true);
    expect(scenarios.listTrash()).toEqual([]);
    expect(scenarios.getVersion(a.versionId)).toBeNull();
    expect(runs.getRun(run.id)).toBeNull();
    expect(runs.getRunResult(run.id)).toBeNull();
    expect(files.hasFile(trace.sha256)).toBe(false); // no version names it any more
    expect(scenarios.searchScenarios('A')).toEqual([]);
    library.close();

    const db = new Database(library.path);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    // FTS5's own consistency check: the index agrees with its rows after the purge.
    expect(() => db.prepare("INSERT INTO scenario_search (scenario_search) VALUES ('integrity-check')").run()).not.toThrow();
    db.close();
  });
});

describe('files', () => {
  it('stores a file once per content, deflated when that helps, and checks it when read', () => {
    const library = open();
    const content = Buffer.from('timestamp\n'.concat(Array.from({ length: 2000 }, (_, i) => `${i * 0.25}`).join('\n')));
    const first = library.files.putFile(content);
    expect(first).toEqual({ sha256: createHash('sha256').update(content).digest('hex'), size: content.length });
    expect(library.files.putFile(Buffer.from(content))).toEqual(first);
    expect(library.files.getFile(first.sha256)!.content.equals(content)).toBe(true);
    expect(library.files.getFile('0'.repeat(64))).toBeNull();
    library.close();

    const db = new Database(library.path, { readonly: true });
    const row = db.prepare('SELECT count(*) AS n, encoding, length(content) AS stored FROM files').get() as { n: number; encoding: string; stored: number };
    expect(row.n).toBe(1);
    expect(row.encoding).toBe('deflate');
    expect(row.stored).toBeLessThan(content.length / 2);
    db.close();
  });

  it('records which file each path field of a version names', () => {
    const library = open();
    const { sha256 } = library.files.putFile(Buffer.from('a,b\n1,2\n'));
    const ref = { jsonPath: 'cluster.job_trace.path', fileName: 'jobs.csv', sha256 };
    const rec = library.scenarios.createScenario({ ...scenarioInput('Jobs'), files: [ref] });
    expect(library.scenarios.getVersion(rec.versionId)!.files).toEqual([ref]);
    // A reference to a file that is not stored is refused by the schema.
    expect(() => library.scenarios.addVersion(rec.id, { ...scenarioInput('Jobs'), files: [{ ...ref, sha256: 'f'.repeat(64) }] })).toThrow(/FOREIGN KEY/);
    expect(library.scenarios.listVersions(rec.id)).toHaveLength(1);
    library.close();
  });
});

describe('results', () => {
  it('commits each replication on its own, only while running, and stores results deflated', () => {
    const library = open();
    const rec = library.scenarios.createScenario(scenarioInput('R'));
    const run = library.runs.createRun({ scenarioVersionId: rec.versionId, seed: 3, replications: 3, engineVersion: 'e' });
    expect(() => library.runs.recordReplication(run.id, 0, '{}')).toThrow(RunStateError);
    library.runs.markRunning(run.id);
    const outcome = JSON.stringify({ index: 1, series: Array.from({ length: 500 }, (_, i) => i % 7) });
    library.runs.recordReplication(run.id, 1, outcome);
    library.runs.recordReplication(run.id, 0, '{"index":0}');
    expect(() => library.runs.recordReplication(run.id, 1, outcome)).toThrow(/UNIQUE/);
    expect(() => library.runs.recordReplication(run.id, -1, '{}')).toThrow(RangeError);
    expect(library.runs.listReplications(run.id)).toEqual([{ index: 0, outcomeJson: '{"index":0}' }, { index: 1, outcomeJson: outcome }]);
    expect(library.runs.getRun(run.id)!.replicationsStored).toBe(2);

    const result = JSON.stringify({ series: Array.from({ length: 5000 }, (_, i) => (i * 0.5) % 97) });
    library.runs.finishRun(run.id, { status: 'done', wallMs: 1, events: 1, resultJson: result, error: null });
    expect(library.runs.getRunResult(run.id)).toBe(result);
    library.close();

    const db = new Database(library.path, { readonly: true });
    const stored = db.prepare('SELECT encoding, length(body) AS n FROM run_results').get() as { encoding: string; n: number };
    expect(stored.encoding).toBe('deflate');
    expect(stored.n).toBeLessThan(result.length / 3);
    db.close();
  });
});

describe('transactions', () => {
  it('are all-or-nothing across repositories', () => {
    const library = open();
    expect(() =>
      library.transaction(() => {
        library.files.putFile(Buffer.from('x'));
        library.scenarios.createScenario(scenarioInput('half'));
        throw new Error('stop');
      }),
    ).toThrow('stop');
    expect(library.scenarios.countAll()).toBe(0);
    expect(library.files.hasFile(createHash('sha256').update('x').digest('hex'))).toBe(false);
    const made = library.transaction(() => library.scenarios.createScenario(scenarioInput('whole')));
    expect(library.scenarios.getScenario(made.id)!.name).toBe('whole');
    library.close();
  });
});
