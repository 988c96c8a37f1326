// Simulation runs: queued → running → one final status, with the result document stored in
// the same transaction as the final status, so a "done" run always has its result.
import { randomUUID } from 'node:crypto';
import { decodeText, encodeBody } from './compression';
import { RecordNotFoundError, RunStateError } from './errors';
import type { Db } from './migrations/types';
import type { Clock, ImportedRun, NewRun, RunFinish, RunHeadlineRecord, RunRecord, RunStatus } from './records';

export const INTERRUPTED_RUN_ERROR = 'interrupted: the app stopped before the run finished';
export const MAX_RUN_LABEL_LENGTH = 80;
const TONES: readonly string[] = ['good', 'warn', 'bad'];

/**
 * A run's label as stored: trimmed, inner whitespace collapsed to single spaces, '' → null.
 * Throws a RangeError naming the field when it is not a string (or null), too long, or holds
 * control characters.
 */
export function normalizeRunLabel(label: unknown): string | null {
  if (label === null) return null;
  if (typeof label !== 'string') throw new RangeError('label: must be a string or null');
  const text = label.normalize('NFC').trim().replace(/\s+/g, ' ');
  if (text === '') return null;
  if (text.length > MAX_RUN_LABEL_LENGTH) throw new RangeError(`label: must be at most ${MAX_RUN_LABEL_LENGTH} characters (got ${text.length})`);
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  if (/[\u0000-\u001f\u007f]/.test(text)) throw new RangeError('label: cannot hold control characters');
  return text;
}

/** The headline's JSON text, after checking its shape (null: the run has no headline). */
function headlineJson(headline: RunHeadlineRecord | null): string {
  if (headline === null) return 'null';
  if (typeof headline !== 'object' || !TONES.includes(headline.tone)) throw new RangeError("headline.tone: must be 'good', 'warn' or 'bad'");
  if (typeof headline.text !== 'string' || headline.text.trim() === '') throw new RangeError('headline.text: must be a non-empty string');
  return JSON.stringify({ tone: headline.tone, text: headline.text });
}

function parseHeadline(json: string | null): RunHeadlineRecord | null {
  if (json === null) return null;
  try {
    const v = JSON.parse(json) as Partial<RunHeadlineRecord> | null;
    return v && typeof v.text === 'string' && v.text !== '' && TONES.includes(v.tone as string) ? { tone: v.tone!, text: v.text } : null;
  } catch {
    return null;
  }
}

export interface RunsRepo {
  /** Records a new run of a scenario version, status 'queued'. */
  createRun(input: NewRun): RunRecord;
  /** queued → running (stamps started_at). */
  markRunning(id: string): RunRecord;
  /** queued or running → a final status, storing the result (if any) atomically with it. */
  finishRun(id: string, finish: RunFinish): RunRecord;
  /** Runs of every version of a scenario, newest first. */
  listRuns(scenarioId: string): RunRecord[];
  getRun(id: string): RunRecord | null;
  /** The run of the same scenario created just before this one, or null for its first run. */
  getPreviousRun(id: string): RunRecord | null;
  /** Sets or clears (null, or only spaces) a run's label; see normalizeRunLabel. */
  setLabel(id: string, label: string | null): RunRecord;
  /** Stores a finished run's headline (null: worked out, and it has none). */
  setHeadline(id: string, headline: RunHeadlineRecord | null): RunRecord;
  /** The stored result document's JSON text, or null if the run has none. */
  getRunResult(id: string): string | null;
  /**
   * Commits one finished replication's outcome (JSON text) of a running run, on its own, so a
   * crash later in the run keeps it. Recording the same index twice is an error.
   */
  recordReplication(id: string, index: number, outcomeJson: string): void;
  /** The committed replication outcomes of a run, by index. */
  listReplications(id: string): { index: number; outcomeJson: string }[];
  /**
   * Records a run computed elsewhere, finished, with its result, label and headline, in one
   * transaction. A document imported before (same importSha256) is not recorded again: that
   * earlier run comes back, with `existing: true`.
   */
  importRun(input: ImportedRun): { run: RunRecord; existing: boolean };
  /**
   * Marks runs still 'queued' or 'running' as failed. Only the lock-holding writer calls it,
   * at open, when any such run must have belonged to a process that crashed. Returns how many.
   */
  failInterruptedRuns(): number;
}

interface RunRow {
  id: string;
  scenario_id: string;
  scenario_version_id: string;
  scenario_version: number;
  scenario_name: string;
  status: RunStatus;
  seed: number;
  replications: number;
  engine_version: string;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
  wall_ms: number | null;
  events: number | null;
  error: string | null;
  replications_stored: number;
  label: string | null;
  headline: string | null;
}

const SELECT_RUNS = `
  SELECT r.id, v.scenario_id, r.scenario_version_id, v.version AS scenario_version,
         s.name AS scenario_name, r.status, r.seed, r.replications, r.engine_version,
         r.created_at, r.started_at, r.finished_at, r.wall_ms, r.events, r.error, r.label, r.headline,
         (SELECT count(*) FROM run_replications p WHERE p.run_id = r.id) AS replications_stored
  FROM runs r
  JOIN scenario_versions v ON v.id = r.scenario_version_id
  JOIN scenarios s ON s.id = v.scenario_id`;

export function createRunsRepo(db: Db, now: Clock): RunsRepo {
  const versionExists = db.prepare<[string], number>('SELECT 1 FROM scenario_versions WHERE id = ?').pluck();
  const insertRun = db.prepare<[string, string, number, number, string, string]>(
    `INSERT INTO runs (id, scenario_version_id, status, seed, replications, engine_version, created_at)
     VALUES (?, ?, 'queued', ?, ?, ?, ?)`,
  );
  const setRunning = db.prepare<[string, string]>(
    "UPDATE runs SET status = 'running', started_at = ? WHERE id = ? AND status = 'queued'",
  );
  const setFinished = db.prepare<[string, string, number | null, number | null, string | null, string | null, string]>(
    `UPDATE runs SET status = ?, finished_at = ?, wall_ms = ?, events = ?, error = ?, headline = ?
     WHERE id = ? AND status IN ('queued', 'running')`,
  );
  const updateLabel = db.prepare<[string | null, string]>('UPDATE runs SET label = ? WHERE id = ?');
  const updateHeadline = db.prepare<[string, string]>('UPDATE runs SET headline = ? WHERE id = ?');
  const insertResult = db.prepare<[string, string, Buffer]>('INSERT INTO run_results (run_id, encoding, body) VALUES (?, ?, ?)');
  const insertReplication = db.prepare<[string, number, string, Buffer, string]>(
    'INSERT INTO run_replications (run_id, idx, encoding, body, finished_at) VALUES (?, ?, ?, ?, ?)',
  );
  const isRunning = db.prepare<[string], number>("SELECT 1 FROM runs WHERE id = ? AND status = 'running'").pluck();
  const selectReplications = db.prepare<[string], { idx: number; encoding: string; body: Buffer }>(
    'SELECT idx, encoding, body FROM run_replications WHERE run_id = ? ORDER BY idx',
  );
  const selectRun = db.prepare<[string], RunRow>(`${SELECT_RUNS} WHERE r.id = ?`);
  const selectForScenario = db.prepare<[string], RunRow>(
    `${SELECT_RUNS} WHERE v.scenario_id = ? ORDER BY r.created_at DESC, r.rowid DESC`,
  );
  // Ordered as listRuns orders them, so "before" is the next one down the list.
  const selectPrevious = db.prepare<[string], RunRow>(
    `${SELECT_RUNS}
     JOIN runs x ON x.id = ?
     JOIN scenario_versions xv ON xv.id = x.scenario_version_id
     WHERE v.scenario_id = xv.scenario_id
       AND (r.created_at < x.created_at OR (r.created_at = x.created_at AND r.rowid < x.rowid))
     ORDER BY r.created_at DESC, r.rowid DESC LIMIT 1`,
  );
  const selectResult = db.prepare<[string], { encoding: string; body: Buffer }>('SELECT encoding, body FROM run_results WHERE run_id = ?');
  const insertImported = db.prepare<[string, string, string, number, number, string, string, string, string, number | null, number | null, string | null, string, string]>(
    `INSERT INTO runs (id, scenario_version_id, status, seed, replications, engine_version, created_at, started_at, finished_at, wall_ms, events, label, headline, import_sha256)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const selectImported = db.prepare<[string], string>('SELECT id FROM runs WHERE import_sha256 = ?').pluck();
  const failUnfinished = db.prepare<[string, string]>(
    `UPDATE runs SET status = 'failed', finished_at = ?, error = ?
     WHERE status IN ('queued', 'running')`,
  );

  const getRun = (id: string): RunRecord | null => {
    const row = selectRun.get(id);
    return row ? toRunRecord(row) : null;
  };

  /** Explains why a guarded status update matched no row. */
  const refuse = (id: string, wanted: string): never => {
    const run = getRun(id);
    if (!run) throw new RecordNotFoundError('run', id);
    throw new RunStateError(`run ${id} is ${run.status}; it must be ${wanted}`);
  };

  const createRun = db.transaction((input: NewRun): RunRecord => {
    if (versionExists.get(input.scenarioVersionId) === undefined) {
      throw new RecordNotFoundError('scenario version', input.scenarioVersionId);
    }
    const id = randomUUID();
    insertRun.run(id, input.scenarioVersionId, input.seed, input.replications, input.engineVersion, now().toISOString());
    return getRun(id) ?? refuse(id, 'queued');
  });

  const finishRun = db.transaction((id: string, finish: RunFinish): RunRecord => {
    // Wall time is a measurement (often fractional ms); the column holds whole milliseconds.
    const wallMs = finish.wallMs === null ? null : Math.round(finish.wallMs);
    const headline = finish.headline === undefined ? null : headlineJson(finish.headline);
    const changed = setFinished.run(finish.status, now().toISOString(), wallMs, finish.events, finish.error, headline, id);
    if (changed.changes === 0) refuse(id, 'queued or running');
    if (finish.resultJson !== null) {
      const { encoding, body } = encodeBody(finish.resultJson);
      insertResult.run(id, encoding, body);
    }
    return getRun(id) ?? refuse(id, finish.status);
  });

  const recordReplication = db.transaction((id: string, index: number, outcomeJson: string): void => {
    if (isRunning.get(id) === undefined) refuse(id, 'running');
    const { encoding, body } = encodeBody(outcomeJson);
    insertReplication.run(id, index, encoding, body, now().toISOString());
  });

  const importRun = db.transaction((input: ImportedRun): { run: RunRecord; existing: boolean } => {
    const earlier = selectImported.get(input.importSha256);
    if (earlier !== undefined) return { run: getRun(earlier) ?? refuse(earlier, 'a run'), existing: true };
    if (versionExists.get(input.scenarioVersionId) === undefined) throw new RecordNotFoundError('scenario version', input.scenarioVersionId);
    if (input.status !== 'done' && input.status !== 'truncated') throw new RangeError("status: an imported run is 'done' or 'truncated'");
    const id = randomUUID();
    const at = now().toISOString();
    const wallMs = input.wallMs === null ? null : Math.round(input.wallMs);
    insertImported.run(
      id, input.scenarioVersionId, input.status, input.seed, input.replications, input.engineVersion, at, at, at,
      wallMs, input.events, normalizeRunLabel(input.label), headlineJson(input.headline), input.importSha256,
    );
    const { encoding, body } = encodeBody(input.resultJson);
    insertResult.run(id, encoding, body);
    return { run: getRun(id) ?? refuse(id, input.status), existing: false };
  });

  return {
    createRun: (input) => createRun.immediate(input),
    markRunning: (id) => {
      if (setRunning.run(now().toISOString(), id).changes === 0) refuse(id, 'queued');
      return getRun(id) ?? refuse(id, 'running');
    },
    finishRun: (id, finish) => finishRun.immediate(id, finish),
    listRuns: (scenarioId) => selectForScenario.all(scenarioId).map(toRunRecord),
    getRun,
    getPreviousRun: (id) => {
      const row = selectPrevious.get(id);
      if (row) return toRunRecord(row);
      if (!getRun(id)) throw new RecordNotFoundError('run', id);
      return null;
    },
    setLabel: (id, label) => {
      const text = normalizeRunLabel(label);
      if (updateLabel.run(text, id).changes === 0) throw new RecordNotFoundError('run', id);
      return getRun(id) ?? refuse(id, 'a run');
    },
    setHeadline: (id, headline) => {
      if (updateHeadline.run(headlineJson(headline), id).changes === 0) throw new RecordNotFoundError('run', id);
      return getRun(id) ?? refuse(id, 'a run');
    },
    getRunResult: (id) => {
      const row = selectResult.get(id);
      return row ? decodeText(row.encoding, row.body) : null;
    },
    recordReplication: (id, index, outcomeJson) => {
      if (!Number.isSafeInteger(index) || index < 0) throw new RangeError(`replication index must be an integer ≥ 0 (got ${index})`);
      recordReplication.immediate(id, index, outcomeJson);
    },
    listReplications: (id) =>
      selectReplications.all(id).map((row) => ({ index: row.idx, outcomeJson: decodeText(row.encoding, row.body) })),
    importRun: (input) => importRun.immediate(input),
    failInterruptedRuns: () => failUnfinished.run(now().toISOString(), INTERRUPTED_RUN_ERROR).changes,
  };
}

function toRunRecord(row: RunRow): RunRecord {
  return {
    id: row.id,
    scenarioId: row.scenario_id,
    scenarioVersionId: row.scenario_version_id,
    scenarioVersion: row.scenario_version,
    scenarioName: row.scenario_name,
    status: row.status,
    seed: row.seed,
    replications: row.replications,
    engineVersion: row.engine_version,
    createdAt: row.created_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    wallMs: row.wall_ms,
    events: row.events,
    error: row.error,
    replicationsStored: row.replications_stored,
    label: row.label,
    headline: parseHeadline(row.headline),
    headlinePending: row.headline === null,
  };
}
