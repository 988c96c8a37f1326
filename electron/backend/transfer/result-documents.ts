// Documents the CLI writes that an import may meet beside scenario files: a result
// (`headroom run --json`, or `headroom merge` of a sharded run: the same document), a sweep
// (`headroom sweep --json`, or merged), and the ones that cannot be kept as they are (a shard's
// part, a comparison, `headroom analyze`). Recognised by their shape; checked here enough that
// the app can show them, each problem with its JSON path.
import { RESULT_FORMAT, type ResultDocument, type SweepDocument } from '../../../simulation';

export const PART_FORMAT = 'headroom.part/v1';
const COMPARE_FORMAT = 'headroom.compare/v1';

type Issue = { path: string; message: string };
type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
const isNonNegative = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;

/**
 * What a merge given --allow-partial adds: the shards that were missing. Read from `partial`
 * (electron/backend/shard/shard-run.ts's PartialNote); null when the document is whole.
 */
export interface PartialInfo { shards: number; missingShards: number[] }

export type ResultFile =
  | { kind: 'run'; doc: ResultDocument; partial: PartialInfo | null }
  | { kind: 'sweep'; doc: SweepDocument; partial: PartialInfo | null }
  | { kind: 'refused'; issues: Issue[] };

/** The kind of CLI document `value` is, or null when it is none (then it is read as a scenario). */
export function recogniseResultFile(value: unknown): ResultFile | null {
  if (!isObj(value)) return null;
  if (value.format === PART_FORMAT) {
    return refused('format', 'is one shard\'s part: merge the parts first (headroom merge PART… --out merged.json), then import the merged document');
  }
  if (value.format === COMPARE_FORMAT) {
    return refused('format', 'is a comparison, which the library does not keep: import the two runs\' result documents instead, then compare them in the app');
  }
  if (value.format === RESULT_FORMAT) {
    const issues = resultIssues(value, '');
    if (issues.length > 0) return { kind: 'refused', issues };
    const doc = value as unknown as ResultDocument;
    if (doc.engine.events === 0 && doc.engine.wall_ms === 0) {
      return refused('engine', 'is the analytic document of `headroom analyze`: nothing was simulated; import the document of `headroom run --json`');
    }
    return withPartial('run', doc, value);
  }
  if (Array.isArray(value.parameters) && Array.isArray(value.points)) {
    const issues = sweepIssues(value);
    if (issues.length > 0) return { kind: 'refused', issues };
    const doc: SweepDocument = { parameter: value.parameter as string, parameters: value.parameters as string[], points: value.points as SweepDocument['points'] };
    return withPartial('sweep', doc, value);
  }
  return null;
}

function refused(path: string, message: string): ResultFile {
  return { kind: 'refused', issues: [{ path, message }] };
}

function withPartial<K extends 'run' | 'sweep'>(kind: K, doc: K extends 'run' ? ResultDocument : SweepDocument, value: Obj): ResultFile {
  const p = value.partial;
  if (p === undefined) return { kind, doc, partial: null } as ResultFile;
  if (!isObj(p) || !isCount(p.shards) || p.shards < 1 || !Array.isArray(p.missing_shards) || !p.missing_shards.every((i) => isCount(i) && i < (p.shards as number))) {
    return refused('partial', 'must be { "shards": N, "missing_shards": [indices below N], … } as headroom merge --allow-partial writes it');
  }
  return { kind, doc, partial: { shards: p.shards, missingShards: [...(p.missing_shards as number[])].sort((a, b) => a - b) } } as ResultFile;
}

/** The fields every result document has (docs/result-format.md, "The document"), checked for type. */
export function resultIssues(v: Obj, at: string): Issue[] {
  const issues: Issue[] = [];
  const need = (ok: boolean, field: string, message: string) => { if (!ok) issues.push({ path: `${at}${field}`, message }); };
  need(v.format === RESULT_FORMAT, 'format', `must be "${RESULT_FORMAT}"`);
  const scenario = v.scenario;
  need(isObj(scenario) && typeof scenario.name === 'string', 'scenario.name', 'must be the scenario\'s name (a string)');
  need(isObj(scenario) && typeof scenario.sha256 === 'string' && /^[0-9a-f]{64}$/.test(scenario.sha256), 'scenario.sha256', 'must be 64 lowercase hex digits: the SHA-256 of the scenario that ran');
  const engine = v.engine;
  need(isObj(engine) && typeof engine.version === 'string' && engine.version !== '', 'engine.version', 'must be the engine\'s version (a string)');
  need(isObj(engine) && isCount(engine.events), 'engine.events', 'must be a whole number ≥ 0');
  need(isObj(engine) && isNonNegative(engine.wall_ms), 'engine.wall_ms', 'must be a number ≥ 0');
  need(isCount(v.seed), 'seed', 'must be a whole number ≥ 0');
  need(isCount(v.replications) && v.replications >= 1, 'replications', 'must be a whole number ≥ 1');
  need(isNonNegative(v.horizon_s) && v.horizon_s > 0, 'horizon_s', 'must be a number > 0');
  need(isNonNegative(v.warmup_s), 'warmup_s', 'must be a number ≥ 0');
  need(isObj(v.summary), 'summary', 'must be an object');
  need(v.truncated === undefined || (isObj(v.truncated) && typeof v.truncated.reason === 'string'), 'truncated', 'must be { "reason": … } when present');
  for (const section of ['pipeline', 'cluster', 'serving'] as const) {
    need(v[section] === undefined || isObj(v[section]), section, 'must be an object when present');
  }
  if (isObj(v.serving)) {
    for (const [id, svc] of Object.entries(v.serving)) need(isObj(svc) && isObj(svc.analytic), `serving.${id}.analytic`, 'must be an object');
  }
  return issues;
}

function sweepIssues(v: Obj): Issue[] {
  const params = v.parameters as unknown[];
  const points = v.points as unknown[];
  if (params.length === 0 || !params.every((p) => typeof p === 'string' && p !== '')) return [{ path: 'parameters', message: 'must be a list of the swept paths' }];
  if (v.parameter !== params[0]) return [{ path: 'parameter', message: 'must be the first of parameters' }];
  if (points.length === 0) return [{ path: 'points', message: 'is empty: a sweep document has a point per value' }];
  const issues: Issue[] = [];
  points.forEach((p, i) => {
    const at = `points[${i}]`;
    if (!isObj(p)) {
      issues.push({ path: at, message: 'must be { value, values, result }' });
      return;
    }
    const values = p.values;
    if (!Array.isArray(values) || values.length !== params.length || !values.every((x) => typeof x === 'number' && Number.isFinite(x))) {
      issues.push({ path: `${at}.values`, message: `must be ${params.length} number${params.length === 1 ? '' : 's'}, one per parameter` });
    } else if (p.value !== values[0]) {
      issues.push({ path: `${at}.value`, message: 'must be the first of values' });
    }
    if (!isObj(p.result)) issues.push({ path: `${at}.result`, message: 'must be a result document' });
    else issues.push(...resultIssues(p.result, `${at}.result.`));
  });
  if (issues.length > 0) return issues;
  const first = (points[0] as Obj).result as Obj;
  const same = (field: 'seed' | 'replications', f: (r: Obj) => unknown) =>
    points.forEach((p, i) => { if (f((p as Obj).result as Obj) !== f(first)) issues.push({ path: `points[${i}].result.${field}`, message: 'differs from the first point\'s: not one sweep' }); });
  same('seed', (r) => r.seed);
  same('replications', (r) => r.replications);
  points.forEach((p, i) => {
    if (((p as Obj).result as { scenario: { name: string } }).scenario.name !== (first.scenario as { name: string }).name) issues.push({ path: `points[${i}].result.scenario.name`, message: 'differs from the first point\'s: not one sweep' });
  });
  return issues;
}
