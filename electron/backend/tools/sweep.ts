// `headroom sweep --set PATH=FROM:TO[:STEP]`: the values of one parameter, and the scenario
// with each value set. PATH names a field of the scenario JSON as the error messages do
// (`serving.services[0].replicas`); every point is validated like a scenario file.

export class SweepUsageError extends Error {}

export interface SetSpec {
  path: string;
  segments: (string | number)[];
  values: number[];
}

/** The most points one sweep may have. */
export const MAX_SWEEP_POINTS = 1000;

export function parsePath(text: string): (string | number)[] {
  const segments: (string | number)[] = [];
  const re = /^(?:([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\])/;
  let rest = text;
  let first = true;
  while (rest.length > 0) {
    if (!first) {
      if (rest.startsWith('.')) rest = rest.slice(1);
      else if (!rest.startsWith('[')) throw new SweepUsageError(`--set: cannot read the path ${JSON.stringify(text)} (use e.g. serving.services[0].replicas)`);
    }
    const m = re.exec(rest);
    if (!m || (first && m[2] !== undefined)) throw new SweepUsageError(`--set: cannot read the path ${JSON.stringify(text)} (use e.g. serving.services[0].replicas)`);
    segments.push(m[1] !== undefined ? m[1] : Number(m[2]));
    rest = rest.slice(m[0].length);
    first = false;
  }
  if (segments.length === 0) throw new SweepUsageError('--set: the path is empty (use e.g. serving.services[0].replicas=6:14)');
  return segments;
}

/** FROM, FROM + STEP, … up to TO inclusive (STEP defaults to 1), rounded to 12 significant digits. */
export function sweepValues(range: string): number[] {
  const parts = range.split(':');
  if (parts.length < 2 || parts.length > 3 || parts.some((p) => p.trim() === '')) {
    throw new SweepUsageError(`--set: the range must be FROM:TO or FROM:TO:STEP (got ${JSON.stringify(range)})`);
  }
  const [from, to, step = 1] = parts.map((p) => Number(p)) as [number, number, number?];
  for (const [name, v] of [['FROM', from], ['TO', to], ['STEP', step]] as const) {
    if (!Number.isFinite(v)) throw new SweepUsageError(`--set: ${name} must be a number (got ${JSON.stringify(range)})`);
  }
  if (!(step > 0)) throw new SweepUsageError(`--set: STEP must be > 0 (got ${step})`);
  if (from > to) throw new SweepUsageError(`--set: FROM must be ≤ TO (got ${from}:${to})`);
  const count = Math.floor((to - from) / step + 1e-9) + 1;
  if (count > MAX_SWEEP_POINTS) throw new SweepUsageError(`--set: ${count} points is more than ${MAX_SWEEP_POINTS}; use a larger STEP`);
  return Array.from({ length: count }, (_, k) => Number((from + k * step).toPrecision(12)));
}

export function parseSetSpec(spec: string): SetSpec {
  const eq = spec.indexOf('=');
  if (eq < 0) throw new SweepUsageError(`--set: expected PATH=FROM:TO[:STEP] (got ${JSON.stringify(spec)})`);
  const path = spec.slice(0, eq).trim();
  return { path, segments: parsePath(path), values: sweepValues(spec.slice(eq + 1).trim()) };
}

function describe(segments: readonly (string | number)[]): string {
  return segments.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
}

/**
 * A copy of `raw` with `value` at `segments` (copied along the path, shared elsewhere). Every
 * object or array on the way must exist; the last field may be new (validation then says
 * whether it is allowed).
 */
export function setAtPath(raw: Record<string, unknown>, segments: readonly (string | number)[], value: number): Record<string, unknown> {
  const copy = (node: unknown, depth: number): unknown => {
    const key = segments[depth] as string | number;
    const here = describe(segments.slice(0, depth));
    if (typeof key === 'number') {
      if (!Array.isArray(node)) throw new SweepUsageError(`--set: ${here} is not an array`);
      if (key >= node.length) throw new SweepUsageError(`--set: ${describe(segments.slice(0, depth + 1))} does not exist (${here} has ${node.length} entries)`);
    } else if (typeof node !== 'object' || node === null || Array.isArray(node)) {
      throw new SweepUsageError(`--set: ${here || '(root)'} is not an object`);
    } else if (depth < segments.length - 1 && !(key in node)) {
      throw new SweepUsageError(`--set: ${describe(segments.slice(0, depth + 1))} does not exist in the scenario`);
    }
    const child = (node as Record<string | number, unknown>)[key];
    const next = depth === segments.length - 1 ? value : copy(child, depth + 1);
    if (Array.isArray(node)) return node.map((v: unknown, i) => (i === key ? next : v));
    return { ...(node as Record<string, unknown>), [key]: next };
  };
  return copy(raw, 0) as Record<string, unknown>;
}
