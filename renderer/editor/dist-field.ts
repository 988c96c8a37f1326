// Which number the form edits for a `Dist` field: a plain number, a fixed distribution's value,
// or the `mean` of a distribution that has one, keeping its kind. Other kinds (uniform,
// weibull, pareto, empirical) have no single editable number and are left to the JSON view.
import type { JsonPath } from './json-path';

const HAS_MEAN = new Set(['exponential', 'normal', 'lognormal', 'gamma']);

export type DistTarget =
  | { editable: true; path: JsonPath; value: unknown; kind: string | null }
  | { editable: false; kind: string };

export function distTarget(raw: unknown, path: JsonPath): DistTarget {
  if (raw === undefined || typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { editable: true, path, value: raw, kind: typeof raw === 'number' ? 'fixed' : null };
  }
  const dist = (raw as Record<string, unknown>).dist;
  const kind = typeof dist === 'string' ? dist : 'distribution';
  if (kind === 'fixed') return { editable: true, path: [...path, 'value'], value: (raw as Record<string, unknown>).value, kind };
  if (HAS_MEAN.has(kind)) return { editable: true, path: [...path, 'mean'], value: (raw as Record<string, unknown>).mean, kind };
  return { editable: false, kind };
}
