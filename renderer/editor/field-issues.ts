// Which validation issues belong to a form field: its own path and anything below it
// (`…service_time_ms` owns `…service_time_ms.mean`); and why the engine ignores a field in the
// scenario's configuration, if it does (the form then disables the field and says why).
import { ignoredFields, type Scenario, type ValidationIssue } from '../../simulation';
import { isAtOrBelow } from './stray-issues';

export function issuesAt(issues: readonly ValidationIssue[], path: string): ValidationIssue[] {
  return issues.filter((i) => isAtOrBelow(i.path, path));
}

/** Ignored fields by path, computed once per parsed scenario (every field asks on each change). */
const ignoredByScenario = new WeakMap<Scenario, Map<string, string>>();

/** Why the field at `path` is ignored (also when it is unset), as a sentence; undefined if it counts. */
export function ignoredReason(scenario: Scenario, path: string): string | undefined {
  let byPath = ignoredByScenario.get(scenario);
  if (!byPath) {
    byPath = new Map(ignoredFields(scenario, { includeUnset: true }).map((f) => [f.path, f.message]));
    ignoredByScenario.set(scenario, byPath);
  }
  // A field inside an ignored one is ignored too (a distribution's mean, a block's member).
  let message: string | undefined;
  for (let at: string | null = path; at !== null && message === undefined; at = parentPath(at)) message = byPath.get(at);
  return message === undefined ? undefined : message.charAt(0).toUpperCase() + message.slice(1);
}

/** `a.b[2]` → `a.b`, `a.b` → `a`, `a` → null: the formatted path one level up. */
function parentPath(path: string): string | null {
  const cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
  return cut > 0 ? path.slice(0, cut) : null;
}
