// Issues of an object that no field of the form shows: at the object itself ("must be an
// object", a rule about the whole) or at a key it has no field for ("unknown field"). The form
// lists them at the top of the object's group so no CLI message goes unseen. Pure.
import type { ValidationIssue } from '../../simulation';

/** Whether the formatted `path` is `prefix` or below it. */
export const isAtOrBelow = (path: string, prefix: string) => path === prefix || path.startsWith(`${prefix}.`) || path.startsWith(`${prefix}[`);

/** `prefix.key`, or `prefix[n]` for an array index, as formatPath writes them. */
const child = (prefix: string, key: string | number) => (typeof key === 'number' ? `${prefix}[${key}]` : `${prefix}.${key}`);

/** Issues at or below `prefix` that are not at or below one of its shown keys (names, or array indices). */
export function strayIssues(issues: readonly ValidationIssue[], prefix: string, shownKeys: readonly (string | number)[]): ValidationIssue[] {
  return issues.filter((i) => isAtOrBelow(i.path, prefix) && !shownKeys.some((k) => isAtOrBelow(i.path, child(prefix, k))));
}
