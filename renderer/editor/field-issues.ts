// Which validation issues belong to a form field: its own path and anything below it
// (`…service_time_ms` owns `…service_time_ms.mean`).
import type { ValidationIssue } from '../../simulation';

export function issuesAt(issues: readonly ValidationIssue[], path: string): ValidationIssue[] {
  return issues.filter((i) => i.path === path || i.path.startsWith(`${path}.`) || i.path.startsWith(`${path}[`));
}
