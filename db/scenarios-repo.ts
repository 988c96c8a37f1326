// Scenarios and their immutable versions. Every save appends a version; the scenario row holds
// the current name and timestamps, and a soft-delete mark so deletion can be undone.
import { randomUUID } from 'node:crypto';
import { RecordNotFoundError } from './errors';
import type { Db } from './migrations/types';
import type {
  Clock,
  NewScenarioVersion,
  ScenarioRecord,
  ScenarioSummaryRecord,
  ScenarioVersionRecord,
} from './records';

export interface ScenariosRepo {
  /** Creates a scenario with its version 1. */
  createScenario(input: NewScenarioVersion): ScenarioRecord;
  /** Saves the next version of a live scenario and bumps its updated time and name. */
  addVersion(scenarioId: string, input: NewScenarioVersion): ScenarioRecord;
  /** Live scenarios, most recently updated first. */
  listScenarios(): ScenarioSummaryRecord[];
  /** A live scenario with its latest version's text, or null if unknown or deleted. */
  getScenario(id: string): ScenarioRecord | null;
  /** Any version, even of a deleted scenario (runs keep pointing at theirs). */
  getVersion(versionId: string): ScenarioVersionRecord | null;
  /** Soft-deletes; false if it was unknown or already deleted. */
  deleteScenario(id: string): boolean;
  /** Undoes a soft delete; false if it was unknown or not deleted. */
  restoreScenario(id: string): boolean;
  /** Every scenario ever created, deleted ones included (zero only for a fresh library). */
  countAll(): number;
}

interface ScenarioRow {
  id: string;
  name: string;
  created_at: string;
  updated_at: string;
  version: number;
  sections: string;
  version_id: string;
  json: string;
}

interface VersionRow {
  id: string;
  scenario_id: string;
  version: number;
  name: string;
  json: string;
  sections: string;
  sha256: string;
  created_at: string;
}

// The latest version is found through the UNIQUE (scenario_id, version) index.
const SELECT_WITH_LATEST = `
  SELECT s.id, s.name, s.created_at, s.updated_at,
         v.version, v.sections, v.id AS version_id, v.json
  FROM scenarios s
  JOIN scenario_versions v ON v.scenario_id = s.id
   AND v.version = (SELECT max(version) FROM scenario_versions WHERE scenario_id = s.id)
  WHERE s.deleted_at IS NULL`;

export function createScenariosRepo(db: Db, now: Clock): ScenariosRepo {
  const insertScenario = db.prepare<[string, string, string, string]>(
    'INSERT INTO scenarios (id, name, created_at, updated_at) VALUES (?, ?, ?, ?)',
  );
  const insertVersion = db.prepare<[string, string, number, string, string, string, string, string]>(
    `INSERT INTO scenario_versions (id, scenario_id, version, name, json, sections, sha256, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const latestVersion = db
    .prepare<[string], number | null>('SELECT max(version) FROM scenario_versions WHERE scenario_id = ?')
    .pluck();
  const isLive = db
    .prepare<[string], number>('SELECT 1 FROM scenarios WHERE id = ? AND deleted_at IS NULL')
    .pluck();
  const touchScenario = db.prepare<[string, string, string]>(
    'UPDATE scenarios SET name = ?, updated_at = ? WHERE id = ?',
  );
  const selectList = db.prepare<[], ScenarioRow>(`${SELECT_WITH_LATEST} ORDER BY s.updated_at DESC, s.rowid DESC`);
  const selectOne = db.prepare<[string], ScenarioRow>(`${SELECT_WITH_LATEST} AND s.id = ?`);
  const selectVersion = db.prepare<[string], VersionRow>('SELECT * FROM scenario_versions WHERE id = ?');
  const markDeleted = db.prepare<[string, string]>(
    'UPDATE scenarios SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL',
  );
  const countScenarios = db.prepare<[], number>('SELECT count(*) FROM scenarios').pluck();
  const clearDeleted = db.prepare<[string]>(
    'UPDATE scenarios SET deleted_at = NULL WHERE id = ? AND deleted_at IS NOT NULL',
  );

  const insertVersionRow = (scenarioId: string, version: number, input: NewScenarioVersion, at: string): void => {
    insertVersion.run(
      randomUUID(), scenarioId, version, input.name, input.json, JSON.stringify(input.sections), input.sha256, at,
    );
  };

  const getScenario = (id: string): ScenarioRecord | null => {
    const row = selectOne.get(id);
    return row ? toScenarioRecord(row) : null;
  };

  const createScenario = db.transaction((input: NewScenarioVersion): ScenarioRecord => {
    const id = randomUUID();
    const at = now().toISOString();
    insertScenario.run(id, input.name, at, at);
    insertVersionRow(id, 1, input, at);
    return mustGet(getScenario(id), id);
  });

  const addVersion = db.transaction((scenarioId: string, input: NewScenarioVersion): ScenarioRecord => {
    if (isLive.get(scenarioId) === undefined) throw new RecordNotFoundError('scenario', scenarioId);
    const at = now().toISOString();
    insertVersionRow(scenarioId, (latestVersion.get(scenarioId) ?? 0) + 1, input, at);
    touchScenario.run(input.name, at, scenarioId);
    return mustGet(getScenario(scenarioId), scenarioId);
  });

  return {
    createScenario: (input) => createScenario.immediate(input),
    addVersion: (scenarioId, input) => addVersion.immediate(scenarioId, input),
    listScenarios: () => selectList.all().map(toSummaryRecord),
    getScenario,
    getVersion: (versionId) => {
      const row = selectVersion.get(versionId);
      return row ? toVersionRecord(row) : null;
    },
    deleteScenario: (id) => markDeleted.run(now().toISOString(), id).changes > 0,
    restoreScenario: (id) => clearDeleted.run(id).changes > 0,
    countAll: () => countScenarios.get() ?? 0,
  };
}

function mustGet(record: ScenarioRecord | null, id: string): ScenarioRecord {
  if (!record) throw new RecordNotFoundError('scenario', id);
  return record;
}

function toSummaryRecord(row: ScenarioRow): ScenarioSummaryRecord {
  return {
    id: row.id,
    name: row.name,
    version: row.version,
    sections: parseSections(row.sections),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toScenarioRecord(row: ScenarioRow): ScenarioRecord {
  return { ...toSummaryRecord(row), json: row.json, versionId: row.version_id };
}

function toVersionRecord(row: VersionRow): ScenarioVersionRecord {
  return {
    id: row.id,
    scenarioId: row.scenario_id,
    version: row.version,
    name: row.name,
    json: row.json,
    sections: parseSections(row.sections),
    sha256: row.sha256,
    createdAt: row.created_at,
  };
}

/** The column is CHECKed to be a JSON array; this also guarantees its items are strings. */
function parseSections(text: string): string[] {
  const value: unknown = JSON.parse(text);
  if (!Array.isArray(value) || !value.every((item): item is string => typeof item === 'string')) {
    throw new Error(`stored sections are not a list of names: ${text}`);
  }
  return value;
}
