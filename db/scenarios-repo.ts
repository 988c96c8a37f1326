// Scenarios and their immutable versions. Every save appends a version; the scenario row holds
// the current name and timestamps, and a soft-delete mark: deleting moves a scenario to the
// trash, from which it can be restored or deleted for good. Tags and the search index are kept
// in the same transactions as the rows they describe.
import { randomUUID } from 'node:crypto';
import { RecordNotFoundError } from './errors';
import type { Db } from './migrations/types';
import type {
  Clock,
  ImportedVersion,
  NewScenarioVersion,
  ScenarioRecord,
  ScenarioSummaryRecord,
  ScenarioVersionRecord,
  ScenarioVersionSummaryRecord,
  TrashedScenarioRecord,
} from './records';
import { createSearchIndex, normalizeTags } from './scenario-search';
import { fromListRow, parseSections, toSummaryRecord, toVersionSummary, type ListRow, type ScenarioRow, type VersionRow } from './scenario-rows';

export interface ScenariosRepo {
  /** Creates a scenario with its version 1 (and tags). */
  createScenario(input: NewScenarioVersion, tags?: readonly string[]): ScenarioRecord;
  /** Saves the next version of a live scenario and bumps its updated time and name. */
  addVersion(scenarioId: string, input: NewScenarioVersion): ScenarioRecord;
  /** Creates a scenario with a whole history (oldest first), keeping each version's time. */
  importScenario(versions: readonly ImportedVersion[], tags?: readonly string[]): ScenarioRecord;
  /** Live scenarios, most recently updated first. */
  listScenarios(): ScenarioSummaryRecord[];
  /** Live scenarios matching every word of `query` (prefixes of words in name, tags, description, ids). */
  searchScenarios(query: string, limit?: number): ScenarioSummaryRecord[];
  /** A live scenario with its latest version's text, or null if unknown or deleted. */
  getScenario(id: string): ScenarioRecord | null;
  /** Any version, even of a deleted scenario (runs keep pointing at theirs). */
  getVersion(versionId: string): ScenarioVersionRecord | null;
  /** Every version of a scenario (live or in the trash), newest first. */
  listVersions(scenarioId: string): ScenarioVersionSummaryRecord[];
  /**
   * Versions whose text hashes to `sha256` (a result document's `scenario.sha256`), or every
   * version called `name`: live scenarios first, most recently updated first,
   * then the newest version. `inTrash` marks versions of scenarios in the trash.
   */
  findVersions(query: { sha256: string } | { name: string }): (ScenarioVersionSummaryRecord & { inTrash: boolean })[];
  /** Replaces the tags of a live scenario (saves no version: tags are not part of the file). */
  setTags(scenarioId: string, tags: readonly string[]): ScenarioSummaryRecord;
  /** Moves to the trash; false if it was unknown or already there. */
  deleteScenario(id: string): boolean;
  /** Takes out of the trash; false if it was unknown or not there. */
  restoreScenario(id: string): boolean;
  /** Scenarios in the trash, most recently deleted first. */
  listTrash(): TrashedScenarioRecord[];
  /** Deletes a scenario in the trash for good, with its versions, runs and unshared files. */
  purgeScenario(id: string): boolean;
  /** Every scenario ever created, deleted ones included (zero only for a fresh library). */
  countAll(): number;
}

// The latest version's number, id and sections, and the tags, are kept on the scenario row
// (migration 0002), so a listing never reads version rows (whose JSON can be large).
const SUMMARY = `
  SELECT s.id, s.name, s.created_at, s.updated_at, s.deleted_at,
         s.latest_version AS version, s.sections, s.latest_version_id AS version_id, s.tags
  FROM scenarios s`;

export function createScenariosRepo(db: Db, now: Clock): ScenariosRepo {
  const search = createSearchIndex(db);
  const insertScenario = db.prepare<[string, string, string, string]>(
    'INSERT INTO scenarios (id, name, created_at, updated_at) VALUES (?, ?, ?, ?)',
  );
  const insertVersion = db.prepare<[string, string, number, string, string, string, string, string, string]>(
    `INSERT INTO scenario_versions (id, scenario_id, version, name, json, sections, sha256, created_at, note)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertVersionFile = db.prepare<[string, string, string, string]>(
    'INSERT INTO scenario_version_files (version_id, json_path, file_name, sha256) VALUES (?, ?, ?, ?)',
  );
  const latestVersion = db
    .prepare<[string], number>('SELECT latest_version FROM scenarios WHERE id = ?')
    .pluck();
  const isLive = db.prepare<[string], number>('SELECT 1 FROM scenarios WHERE id = ? AND deleted_at IS NULL').pluck();
  const exists = db.prepare<[string], number>('SELECT 1 FROM scenarios WHERE id = ?').pluck();
  const touchScenario = db.prepare<[string, string, string]>('UPDATE scenarios SET name = ?, updated_at = ? WHERE id = ?');
  const touchUpdated = db.prepare<[string, string]>('UPDATE scenarios SET updated_at = ? WHERE id = ?');
  // Rows as arrays (no per-row object from the driver): the whole library is listed at once.
  // The order is the partial index's: newest first, ties by creation order.
  const selectList = db
    .prepare<[], ListRow>(
      `SELECT s.id, s.name, s.latest_version, s.sections, s.tags, s.created_at, s.updated_at
       FROM scenarios s WHERE s.deleted_at IS NULL ORDER BY s.updated_at DESC, s.rowid ASC`,
    )
    .raw();
  const selectSummary = db.prepare<[string], ScenarioRow>(`${SUMMARY} WHERE s.id = ?`);
  const selectOne = db.prepare<[string], ScenarioRow & { json: string }>(
    `${SUMMARY.replace('s.tags', 's.tags, v.json').replace('FROM scenarios s', 'FROM scenarios s JOIN scenario_versions v ON v.id = s.latest_version_id')}
     WHERE s.deleted_at IS NULL AND s.id = ?`,
  );
  const setLatest = db.prepare<[number, string, string, string]>(
    'UPDATE scenarios SET latest_version = ?, latest_version_id = ?, sections = ? WHERE id = ?',
  );
  const selectTrash = db.prepare<[], ScenarioRow & { deleted_at: string }>(
    `${SUMMARY} WHERE s.deleted_at IS NOT NULL ORDER BY s.deleted_at DESC, s.rowid DESC`,
  );
  const selectMatches = db.prepare<[string, number], ScenarioRow>(
    `${SUMMARY.replace('FROM scenarios s', 'FROM scenarios s JOIN scenario_search_docs d ON d.scenario_id = s.id JOIN scenario_search f ON f.rowid = d.docid')}
     WHERE scenario_search MATCH ? AND s.deleted_at IS NULL
     ORDER BY bm25(scenario_search, 10.0, 5.0, 1.0), s.updated_at DESC LIMIT ?`,
  );
  const selectVersion = db.prepare<[string], VersionRow>(
    'SELECT id, scenario_id, version, name, json, sections, sha256, note, length(CAST(json AS BLOB)) AS size, created_at FROM scenario_versions WHERE id = ?',
  );
  const selectVersionFiles = db.prepare<[string], { json_path: string; file_name: string; sha256: string }>(
    'SELECT json_path, file_name, sha256 FROM scenario_version_files WHERE version_id = ? ORDER BY json_path',
  );
  const selectVersions = db.prepare<[string], Omit<VersionRow, 'json' | 'sections'>>(
    `SELECT id, scenario_id, version, name, sha256, note, length(CAST(json AS BLOB)) AS size, created_at
     FROM scenario_versions WHERE scenario_id = ? ORDER BY version DESC`,
  );
  // Only the summary columns: a version's text is read when it is used, not while searching.
  const versionsWhere = (where: string) => db.prepare<[string], Omit<VersionRow, 'json' | 'sections'> & { in_trash: number }>(
    `SELECT v.id, v.scenario_id, v.version, v.name, v.sha256, v.note, length(CAST(v.json AS BLOB)) AS size, v.created_at,
            s.deleted_at IS NOT NULL AS in_trash
     FROM scenario_versions v JOIN scenarios s ON s.id = v.scenario_id
     WHERE ${where} ORDER BY in_trash, s.updated_at DESC, v.version DESC`,
  );
  const selectVersionsByHash = versionsWhere('v.sha256 = ?');
  const selectVersionsByName = versionsWhere('v.name = ?');
  const markDeleted = db.prepare<[string, string]>('UPDATE scenarios SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL');
  const clearDeleted = db.prepare<[string]>('UPDATE scenarios SET deleted_at = NULL WHERE id = ? AND deleted_at IS NOT NULL');
  const countScenarios = db.prepare<[], number>('SELECT count(*) FROM scenarios').pluck();
  const purgeStatements = [
    'DELETE FROM runs WHERE scenario_version_id IN (SELECT id FROM scenario_versions WHERE scenario_id = ?)',
    'DELETE FROM scenario_versions WHERE scenario_id = ?',
    'DELETE FROM scenarios WHERE id = ?',
  ].map((sql) => db.prepare<[string]>(sql));
  const isDeleted = db.prepare<[string], number>('SELECT 1 FROM scenarios WHERE id = ? AND deleted_at IS NOT NULL').pluck();
  const dropUnusedFiles = db.prepare(
    'DELETE FROM files WHERE NOT EXISTS (SELECT 1 FROM scenario_version_files f WHERE f.sha256 = files.sha256)',
  );

  /** Inserts a version and makes it the scenario's latest. */
  const insertVersionRow = (scenarioId: string, version: number, input: NewScenarioVersion, at: string): void => {
    const id = randomUUID();
    const sections = JSON.stringify(input.sections);
    insertVersion.run(id, scenarioId, version, input.name, input.json, sections, input.sha256, at, input.note ?? '');
    for (const file of input.files ?? []) insertVersionFile.run(id, file.jsonPath, file.fileName, file.sha256);
    setLatest.run(version, id, sections, scenarioId);
  };

  const getScenario = (id: string): ScenarioRecord | null => {
    const row = selectOne.get(id);
    return row ? { ...toSummaryRecord(row), json: row.json, versionId: row.version_id } : null;
  };
  const mustGet = (id: string): ScenarioRecord => {
    const record = getScenario(id);
    if (!record) throw new RecordNotFoundError('scenario', id);
    return record;
  };
  const summary = (id: string): ScenarioSummaryRecord => {
    const row = selectSummary.get(id);
    if (!row) throw new RecordNotFoundError('scenario', id);
    return toSummaryRecord(row);
  };

  const createScenario = db.transaction((input: NewScenarioVersion, tags: readonly string[]): ScenarioRecord => {
    const id = randomUUID();
    const at = now().toISOString();
    insertScenario.run(id, input.name, at, at);
    insertVersionRow(id, 1, input, at);
    const normalized = normalizeTags(tags);
    search.setTags(id, normalized);
    search.addDocument(id, input.name, normalized, input.searchText ?? '');
    return mustGet(id);
  });

  const addVersion = db.transaction((scenarioId: string, input: NewScenarioVersion): ScenarioRecord => {
    if (isLive.get(scenarioId) === undefined) throw new RecordNotFoundError('scenario', scenarioId);
    const at = now().toISOString();
    insertVersionRow(scenarioId, (latestVersion.get(scenarioId) ?? 0) + 1, input, at);
    touchScenario.run(input.name, at, scenarioId);
    search.updateText(scenarioId, input.name, input.searchText ?? '');
    return mustGet(scenarioId);
  });

  const importScenario = db.transaction((versions: readonly ImportedVersion[], tags: readonly string[]): ScenarioRecord => {
    const first = versions[0];
    const last = versions[versions.length - 1];
    if (!first || !last) throw new Error('an imported scenario needs at least one version');
    const id = randomUUID();
    insertScenario.run(id, last.name, first.createdAt, now().toISOString());
    versions.forEach((v, i) => insertVersionRow(id, i + 1, v, v.createdAt));
    const normalized = normalizeTags(tags);
    search.setTags(id, normalized);
    search.addDocument(id, last.name, normalized, last.searchText ?? '');
    return mustGet(id);
  });

  const setTags = db.transaction((scenarioId: string, tags: readonly string[]): ScenarioSummaryRecord => {
    if (isLive.get(scenarioId) === undefined) throw new RecordNotFoundError('scenario', scenarioId);
    search.setTags(scenarioId, normalizeTags(tags));
    touchUpdated.run(now().toISOString(), scenarioId);
    return summary(scenarioId);
  });

  const purgeScenario = db.transaction((id: string): boolean => {
    if (isDeleted.get(id) === undefined) return false;
    search.removeDocument(id);
    for (const statement of purgeStatements) statement.run(id);
    dropUnusedFiles.run();
    return true;
  });

  return {
    createScenario: (input, tags = []) => createScenario.immediate(input, tags),
    addVersion: (scenarioId, input) => addVersion.immediate(scenarioId, input),
    importScenario: (versions, tags = []) => importScenario.immediate(versions, tags),
    listScenarios: () => selectList.all().map(fromListRow),
    searchScenarios: (query, limit = 1000) => {
      const match = search.matchExpression(query);
      if (match === null) return selectList.all().slice(0, limit).map(fromListRow);
      return selectMatches.all(match, limit).map(toSummaryRecord);
    },
    getScenario,
    getVersion: (versionId) => {
      const row = selectVersion.get(versionId);
      if (!row) return null;
      const files = selectVersionFiles.all(versionId).map((f) => ({ jsonPath: f.json_path, fileName: f.file_name, sha256: f.sha256 }));
      return { ...toVersionSummary(row), json: row.json, sections: parseSections(row.sections), files };
    },
    listVersions: (scenarioId) => {
      if (exists.get(scenarioId) === undefined) throw new RecordNotFoundError('scenario', scenarioId);
      return selectVersions.all(scenarioId).map(toVersionSummary);
    },
    findVersions: (query) =>
      ('sha256' in query ? selectVersionsByHash.all(query.sha256) : selectVersionsByName.all(query.name))
        .map((row) => ({ ...toVersionSummary(row), inTrash: row.in_trash === 1 })),
    setTags: (scenarioId, tags) => setTags.immediate(scenarioId, tags),
    deleteScenario: (id) => markDeleted.run(now().toISOString(), id).changes > 0,
    restoreScenario: (id) => clearDeleted.run(id).changes > 0,
    listTrash: () => selectTrash.all().map((row) => ({ ...toSummaryRecord(row), deletedAt: row.deleted_at })),
    purgeScenario: (id) => purgeScenario.immediate(id),
    countAll: () => countScenarios.get() ?? 0,
  };
}
