// A table row's validation issues split by column, plus those no column shows (an unknown
// field, a rule about the whole row), so every message of the parser appears under its row. Pure.
import type { ValidationIssue } from '../../../simulation';
import { isAtOrBelow as under } from '../stray-issues';

export interface RowIssues {
  /** Issues at or below `row.<key>`, per column key (empty arrays included). */
  byColumn: Record<string, ValidationIssue[]>;
  /** Issues of the row that no column owns. */
  other: ValidationIssue[];
}

/** `issues` of the row at `rowPath` (as formatPath writes it, e.g. `cluster.jobs[2]`). */
export function rowIssues(issues: readonly ValidationIssue[], rowPath: string, columns: readonly string[]): RowIssues {
  const byColumn: Record<string, ValidationIssue[]> = Object.fromEntries(columns.map((c) => [c, []]));
  const other: ValidationIssue[] = [];
  for (const issue of issues) {
    if (!under(issue.path, rowPath)) continue;
    const column = columns.find((c) => under(issue.path, `${rowPath}.${c}`));
    (column === undefined ? other : byColumn[column] as ValidationIssue[]).push(issue);
  }
  return { byColumn, other };
}
