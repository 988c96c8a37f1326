// What-if analyses (sweeps, solves, sensitivity runs) stored with their scenario version.
import { randomUUID } from 'node:crypto';
import { decodeText, encodeBody } from './compression';
import type { Db } from './migrations/types';
import type { Clock } from './records';

export type AnalysisKind = 'sweep' | 'solve' | 'sensitivity';
export const ANALYSIS_KINDS: readonly AnalysisKind[] = ['sweep', 'solve', 'sensitivity'];

export interface AnalysisSummaryRecord {
  id: string;
  scenarioId: string;
  scenarioVersionId: string;
  scenarioVersion: number;
  kind: AnalysisKind;
  title: string;
  createdAt: string;
  wallMs: number;
}

export interface NewAnalysis {
  scenarioVersionId: string;
  kind: AnalysisKind;
  title: string;
  wallMs: number;
  /** The analysis document as JSON text. */
  json: string;
}

export interface AnalysesRepo {
  create(input: NewAnalysis): AnalysisSummaryRecord;
  /**
   * Keeps an analysis computed elsewhere (`headroom sweep --json`, `headroom merge`). A document
   * imported before (same importSha256, the SHA-256 of the document) is not kept again: that
   * earlier analysis comes back, with `existing: true`.
   */
  importAnalysis(input: NewAnalysis & { importSha256: string }): { summary: AnalysisSummaryRecord; existing: boolean };
  /** A scenario's analyses over all its versions, newest first. */
  list(scenarioId: string): AnalysisSummaryRecord[];
  get(id: string): AnalysisSummaryRecord | null;
  /** The document's JSON text, or null when there is no such analysis. */
  body(id: string): string | null;
  delete(id: string): boolean;
}

interface Row {
  id: string;
  scenario_id: string;
  scenario_version_id: string;
  version: number;
  kind: AnalysisKind;
  title: string;
  created_at: string;
  wall_ms: number;
}

const SELECT = `SELECT a.id, v.scenario_id, a.scenario_version_id, v.version, a.kind, a.title, a.created_at, a.wall_ms
  FROM analyses a JOIN scenario_versions v ON v.id = a.scenario_version_id`;

function toRecord(r: Row): AnalysisSummaryRecord {
  return {
    id: r.id, scenarioId: r.scenario_id, scenarioVersionId: r.scenario_version_id, scenarioVersion: r.version,
    kind: r.kind, title: r.title, createdAt: r.created_at, wallMs: r.wall_ms,
  };
}

export function createAnalysesRepo(db: Db, now: Clock): AnalysesRepo {
  const insert = db.prepare<[string, string, string, string, string, number, string, Buffer]>(
    'INSERT INTO analyses (id, scenario_version_id, kind, title, created_at, wall_ms, encoding, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const byScenario = db.prepare<[string], Row>(`${SELECT} WHERE v.scenario_id = ? ORDER BY a.created_at DESC, a.id`);
  const byId = db.prepare<[string], Row>(`${SELECT} WHERE a.id = ?`);
  const bodyOf = db.prepare<[string], { encoding: string; body: Buffer }>('SELECT encoding, body FROM analyses WHERE id = ?');
  const remove = db.prepare<[string]>('DELETE FROM analyses WHERE id = ?');
  const setImport = db.prepare<[string, string]>('UPDATE analyses SET import_sha256 = ? WHERE id = ?');
  const byImport = db.prepare<[string], string>('SELECT id FROM analyses WHERE import_sha256 = ?').pluck();
  const create = (input: NewAnalysis): AnalysisSummaryRecord => {
    if (!ANALYSIS_KINDS.includes(input.kind)) throw new RangeError(`kind: must be one of ${ANALYSIS_KINDS.join(', ')} (got ${String(input.kind)})`);
    const title = input.title.trim().slice(0, 500);
    if (title === '') throw new RangeError('title: must not be empty');
    const id = randomUUID();
    const { encoding, body } = encodeBody(input.json);
    insert.run(id, input.scenarioVersionId, input.kind, title, now().toISOString(), Math.max(0, Math.round(input.wallMs)), encoding, body);
    return toRecord(byId.get(id) as Row);
  };
  const importAnalysis = db.transaction((input: NewAnalysis & { importSha256: string }) => {
    const earlier = byImport.get(input.importSha256);
    if (earlier !== undefined) return { summary: toRecord(byId.get(earlier) as Row), existing: true };
    const summary = create(input);
    setImport.run(input.importSha256, summary.id);
    return { summary, existing: false };
  });
  return {
    create,
    importAnalysis: (input) => importAnalysis.immediate(input),
    list: (scenarioId) => byScenario.all(scenarioId).map(toRecord),
    get: (id) => {
      const r = byId.get(id);
      return r ? toRecord(r) : null;
    },
    body: (id) => {
      const r = bodyOf.get(id);
      return r ? decodeText(r.encoding, r.body) : null;
    },
    delete: (id) => remove.run(id).changes > 0,
  };
}
