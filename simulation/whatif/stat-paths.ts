// Figures of a result document by path: `serving.risk_model_api.latency_ms.p99` names the
// statistic `{mean, ci95}` there. Compare, sensitivity and sweeps read figures this way, so a
// path the user gives on the command line is the one the app shows. Ids may contain dots, so a
// path is matched against the document's keys, not split blindly.
import type { Stat } from '../result/stat';

/** Subtrees that are not figures of the run: analytic blocks hold plain numbers, series and grids are charts. */
const SKIP = new Set(['analytic', 'series', 'occupancy', 'quantiles', 'scenario', 'engine', 'truncated', 'summary']);

export function isStat(v: unknown): v is Stat {
  if (typeof v !== 'object' || v === null) return false;
  const s = v as Partial<Stat>;
  return typeof s.mean === 'number' && Array.isArray(s.ci95) && s.ci95.length === 2;
}

/** Every statistic of the document, in document order, by path. A null statistic (an empty set) is kept as null. */
export function statLeaves(doc: unknown): Map<string, Stat | null> {
  const out = new Map<string, Stat | null>();
  const walk = (node: unknown, path: string, depth: number) => {
    if (typeof node !== 'object' || node === null || Array.isArray(node) || depth > 12) return;
    for (const [k, v] of Object.entries(node as Record<string, unknown>)) {
      if (SKIP.has(k)) continue;
      const p = path ? `${path}.${k}` : k;
      if (isStat(v)) out.set(p, v);
      else if (v === null && depth > 0) out.set(p, null);
      else walk(v, p, depth + 1);
    }
  };
  walk(doc, '', 0);
  return out;
}

/**
 * The value at a dotted path, matching keys that themselves contain dots. Undefined when no key
 * sequence spells the path.
 */
export function valueAtPath(doc: unknown, path: string): unknown {
  const parts = path.split('.');
  const walk = (node: unknown, i: number): unknown => {
    if (i === parts.length) return node;
    if (typeof node !== 'object' || node === null || Array.isArray(node)) return undefined;
    const rec = node as Record<string, unknown>;
    // Longest key first, so `a.b` wins over `a` when both exist.
    for (let j = parts.length; j > i; j--) {
      const key = parts.slice(i, j).join('.');
      if (Object.hasOwn(rec, key)) {
        const found = walk(rec[key], j);
        if (found !== undefined) return found;
      }
    }
    return undefined;
  };
  return path === '' ? undefined : walk(doc, 0);
}

/** The statistic at `path`: a Stat, null (defined but empty), or undefined (no such figure). */
export function statAtPath(doc: unknown, path: string): Stat | null | undefined {
  const v = valueAtPath(doc, path);
  if (v === null) return null;
  return isStat(v) ? v : undefined;
}

/** Up to `n` figure paths closest to `path` (shared prefix), for an error that helps. */
export function nearestPaths(doc: unknown, path: string, n = 5): string[] {
  const all = [...statLeaves(doc).keys()];
  const score = (p: string) => {
    let k = 0;
    while (k < p.length && k < path.length && p[k] === path[k]) k++;
    return k;
  };
  return all.sort((a, b) => score(b) - score(a) || a.localeCompare(b)).slice(0, n);
}
