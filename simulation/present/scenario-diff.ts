// Field-by-field differences between two versions of a scenario (the history view's table, the
// runs list's "what changed"): a pure function over the two parsed JSON documents, so formatting
// changes (spacing, key order) are not differences. Paths are written as the CLI writes them
// (`serving.services[0].replicas`). Lists whose items all carry a unique `id` (services, tasks,
// pools, jobs) are matched by id, so inserting a service shows one added service rather than
// every later one changed.
export type DiffKind = 'added' | 'removed' | 'changed';

export interface DiffEntry {
  path: string;
  kind: DiffKind;
  /** Absent when the field was added. */
  before?: unknown;
  /** Absent when the field was removed. */
  after?: unknown;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function join(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return path === '' ? key : `${path}.${key}`;
}

/** The ids of a list whose items are all objects with distinct string ids, else null. */
function idsOf(list: unknown[]): string[] | null {
  const ids = list.map((item) => (isObject(item) && typeof item.id === 'string' ? item.id : null));
  if (ids.some((id) => id === null)) return null;
  return new Set(ids).size === ids.length ? (ids as string[]) : null;
}

function walk(before: unknown, after: unknown, path: string, out: DiffEntry[]): void {
  if (Object.is(before, after)) return;
  if (isObject(before) && isObject(after)) {
    for (const key of Object.keys(before)) {
      if (!(key in after)) out.push({ path: join(path, key), kind: 'removed', before: before[key] });
      else walk(before[key], after[key], join(path, key), out);
    }
    for (const key of Object.keys(after)) if (!(key in before)) out.push({ path: join(path, key), kind: 'added', after: after[key] });
    return;
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    const beforeIds = idsOf(before);
    const afterIds = idsOf(after);
    if (beforeIds && afterIds && before.length + after.length > 0) {
      beforeIds.forEach((id, i) => {
        const j = afterIds.indexOf(id);
        if (j === -1) out.push({ path: join(path, i), kind: 'removed', before: before[i] });
        else walk(before[i], after[j], join(path, j), out);
      });
      afterIds.forEach((id, j) => {
        if (!beforeIds.includes(id)) out.push({ path: join(path, j), kind: 'added', after: after[j] });
      });
      return;
    }
    const n = Math.max(before.length, after.length);
    for (let i = 0; i < n; i++) {
      if (i >= after.length) out.push({ path: join(path, i), kind: 'removed', before: before[i] });
      else if (i >= before.length) out.push({ path: join(path, i), kind: 'added', after: after[i] });
      else walk(before[i], after[i], join(path, i), out);
    }
    return;
  }
  out.push({ path: path === '' ? '(root)' : path, kind: 'changed', before, after });
}

/** Every field that differs between `before` and `after`, in document order. */
export function diffScenarios(before: unknown, after: unknown): DiffEntry[] {
  const out: DiffEntry[] = [];
  walk(before, after, '', out);
  return out;
}

/** A short, single-line rendering of a value (JSON, so strings keep their quotes). */
export function formatDiffValue(value: unknown, max = 80): string {
  if (value === undefined) return '—';
  const text = JSON.stringify(value as Json);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
