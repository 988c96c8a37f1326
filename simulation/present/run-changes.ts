// What changed since the run before, as the runs list says it: a few short items such as
// "replicas 8 → 10" or "service_time_ms.dist exponential → fixed". Made from the diff of the two
// runs' scenario documents, and from the runs' own seed and replications (a run may override
// the version's), so two runs of one version still say "seed 1 → 2".
import { diffScenarios, formatDiffValue, type DiffEntry } from './scenario-diff';

export const FIRST_RUN = 'first run';
export const SAME_INPUTS = 'same inputs';
/** Items shown before "+N more". */
export const MAX_CHANGE_ITEMS = 3;

/** The inputs a run carries besides its scenario document. */
export interface RunSettings {
  seed: number;
  replications: number;
}

type Token = string | number;

function tokens(path: string): Token[] {
  return [...path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) => (m[2] === undefined ? m[1]! : Number(m[2])));
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function at(doc: unknown, path: readonly Token[]): unknown {
  let v = doc;
  for (const t of path) v = typeof t === 'number' ? (Array.isArray(v) ? v[t] : undefined) : isObject(v) ? v[t] : undefined;
  return v;
}

function dotted(path: readonly Token[]): string {
  return path.map((t, i) => (typeof t === 'number' ? `[${t}]` : i === 0 ? t : `.${t}`)).join('');
}

function shortValue(v: unknown): string {
  if (v === undefined) return 'none';
  if (typeof v === 'string') return v.length > 24 ? `${v.slice(0, 23)}…` : v;
  if (typeof v === 'number' || typeof v === 'boolean' || v === null) return String(v);
  return formatDiffValue(v, 24);
}

/**
 * The entry's path without the lists it sits in: `serving.services[0].replicas` → `replicas`,
 * or `api.replicas` when the list holds more than one item (the item's id tells which).
 */
function shortPath(entry: DiffEntry, doc: unknown): { name: string; wholeItem: boolean } {
  const path = tokens(entry.path);
  let last = path.length - 1;
  while (last >= 0 && typeof path[last] !== 'number') last--;
  if (last === -1) return { name: entry.path, wholeItem: false };
  const item = at(doc, path.slice(0, last + 1));
  const list = at(doc, path.slice(0, last));
  const id = isObject(item) && typeof item.id === 'string' ? item.id : null;
  if (last === path.length - 1) {
    const listName = path[last - 1];
    if (typeof listName !== 'string') return { name: entry.path, wholeItem: false };
    return { name: `${listName} ${id ?? `#${(path[last] as number) + 1}`}`, wholeItem: true };
  }
  const rest = dotted(path.slice(last + 1));
  const ambiguous = Array.isArray(list) && list.length > 1;
  return { name: ambiguous && id ? `${id}.${rest}` : rest, wholeItem: false };
}

function describeEntry(entry: DiffEntry, before: unknown, after: unknown): string {
  const { name, wholeItem } = shortPath(entry, entry.kind === 'removed' ? before : after);
  if (wholeItem && entry.kind !== 'changed') return `${name} ${entry.kind}`;
  return `${name} ${shortValue(entry.before)} → ${shortValue(entry.after)}`;
}

/**
 * One short item per difference between two scenario documents, in document order. The
 * top-level seed and replications are left out: the runs' own values say those.
 */
export function scenarioChangeItems(before: unknown, after: unknown): string[] {
  return diffScenarios(before, after)
    .filter((e) => e.path !== 'seed' && e.path !== 'replications')
    .map((e) => describeEntry(e, before, after));
}

/**
 * The runs list's "what changed": FIRST_RUN without a previous run, SAME_INPUTS when nothing
 * differs, else up to `max` items and "+N more". `versionItems` are scenarioChangeItems of the
 * two runs' documents (empty for one version).
 */
export function runChanges(previous: RunSettings | null, run: RunSettings, versionItems: readonly string[], max = MAX_CHANGE_ITEMS): string[] {
  if (previous === null) return [FIRST_RUN];
  const items = [...versionItems];
  if (previous.seed !== run.seed) items.push(`seed ${previous.seed} → ${run.seed}`);
  if (previous.replications !== run.replications) items.push(`replications ${previous.replications} → ${run.replications}`);
  if (items.length === 0) return [SAME_INPUTS];
  return items.length > max ? [...items.slice(0, max), `+${items.length - max} more`] : items;
}
