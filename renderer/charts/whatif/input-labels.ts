// Readable names of scenario inputs for pickers and charts: `serving.services[0].service_time_ms.mean`
// reads "service risk_model_api · service time (ms) › mean" — the element's id instead of its
// index, words instead of snake_case, the unit the key's suffix names. Pure.
import { numericInputs, type NumericInput } from '../../../simulation';

const UNIT_SUFFIXES: [string, string][] = [['_ms', 'ms'], ['_s', 's'], ['_rps', 'rps'], ['_hour', 'per hour']];
const WORDS: Record<string, string> = { mtbf: 'MTBF', cv: 'CV', rps: 'rps', dag: 'DAG', p: 'p' };

/** "service_time_ms" → "service time (ms)", "node_mtbf_s" → "node MTBF (s)". */
export function keyWords(key: string): string {
  let unit = '';
  let base = key;
  for (const [suffix, name] of UNIT_SUFFIXES) {
    if (key.endsWith(suffix) && key.length > suffix.length) {
      base = key.slice(0, -suffix.length);
      unit = ` (${name})`;
      break;
    }
  }
  return base.split('_').map((w) => WORDS[w] ?? w).join(' ') + unit;
}

/** "services" → "service", "pools" → "pool", "tasks" → "task". */
function singular(key: string): string {
  return key.endsWith('ies') ? `${key.slice(0, -3)}y` : key.endsWith('s') ? key.slice(0, -1) : key;
}

export interface InputLabel {
  /** The element the input belongs to ("service risk_model_api", "cluster"), or "" at the top. */
  entity: string;
  /** The field within it ("service time (ms) › mean"). */
  field: string;
  text: string;
}

/** The label of the input at `segments` of `raw` (ids looked up in it). */
export function inputLabel(raw: unknown, segments: readonly (string | number)[]): InputLabel {
  let entity = '';
  let field: string[] = [];
  let node: unknown = raw;
  let prevKey = '';
  for (const seg of segments) {
    const next = typeof node === 'object' && node !== null ? (node as Record<string | number, unknown>)[seg] : undefined;
    if (typeof seg === 'number') {
      const id = typeof next === 'object' && next !== null ? (next as { id?: unknown }).id : undefined;
      if (typeof id === 'string') {
        entity = `${singular(prevKey)} ${id}`;
        field = [];
      } else {
        field.push(`${keyWords(prevKey)} [${seg + 1}]`);
      }
    } else {
      if (entity === '' && field.length === 0 && ['serving', 'cluster', 'pipeline'].includes(seg) && segments.length > 1) {
        entity = seg;
      } else if (!(typeof next === 'object' && next !== null && Array.isArray(next))) {
        field.push(keyWords(seg));
      }
      prevKey = seg;
    }
    node = next;
  }
  const f = field.join(' › ');
  return { entity, field: f, text: entity ? `${entity} · ${f}` : f };
}

export function pathLabel(raw: unknown, path: string): string {
  const input = numericInputs(raw).find((i) => i.path === path);
  return input ? inputLabel(raw, input.segments).text : path;
}

/**
 * Names of several inputs shown together (a sweep's axes, a tornado's rows): the field alone when
 * they all belong to one element, which is then named once as `common`.
 */
export function sharedLabels(raw: unknown, paths: readonly string[]): { labels: string[]; common: string | null } {
  const byPath = new Map(numericInputs(raw).map((i) => [i.path, inputLabel(raw, i.segments)]));
  const found = paths.map((p) => byPath.get(p));
  const entities = new Set(found.map((l) => l?.entity));
  const common = paths.length > 1 && entities.size === 1 && found[0] && found[0].entity ? found[0].entity : null;
  return { labels: found.map((l, i) => (l ? (common ? l.field : l.text) : (paths[i] as string))), common };
}

export interface InputChoice extends NumericInput {
  label: InputLabel;
}

/** The scenario's numeric inputs with their labels, in document order. */
export function inputChoices(raw: unknown): InputChoice[] {
  return numericInputs(raw).map((i) => ({ ...i, label: inputLabel(raw, i.segments) }));
}
