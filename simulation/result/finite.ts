// The documented rule that no figure is ever NaN or ±Infinity (JSON.stringify would silently
// print null for them, the text output "Infinity"). Hosts check a document with this before
// writing it out: a non-finite number there is a bug, reported with its path instead of printed.

/** Paths of every number in `value` that is not finite, e.g. `$.summary.x = Infinity`. */
export function nonFinitePaths(value: unknown, path = '$'): string[] {
  if (typeof value === 'number') return Number.isFinite(value) ? [] : [`${path} = ${value}`];
  if (ArrayBuffer.isView(value)) return nonFinitePaths(Array.from(value as unknown as ArrayLike<number>), path);
  if (Array.isArray(value)) return value.flatMap((v, i) => nonFinitePaths(v, `${path}[${i}]`));
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([k, v]) => nonFinitePaths(v, `${path}.${k}`));
  }
  return [];
}

/** Whether every number in `value` is finite; no paths built, so cheap on a large document. */
export function allFinite(value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value);
  if (typeof value !== 'object' || value === null) return true;
  if (ArrayBuffer.isView(value)) return allFinite(Array.from(value as unknown as ArrayLike<number>));
  if (Array.isArray(value)) {
    for (const v of value) if (!allFinite(v)) return false;
    return true;
  }
  for (const k in value) if (!allFinite((value as Record<string, unknown>)[k])) return false;
  return true;
}

/** Throws, naming the first few paths, when `value` holds a non-finite number. */
export function assertFinite(value: unknown, what: string): void {
  if (allFinite(value)) return;
  const bad = nonFinitePaths(value);
  if (bad.length > 0) throw new Error(`${what} would contain a non-finite number (a bug): ${bad.slice(0, 5).join(', ')}${bad.length > 5 ? ` and ${bad.length - 5} more` : ''}`);
}
