// Distributions whose parameters are each in range but together would make the engine compute
// NaN or Infinity (../random/dist-checks.ts), found wherever they are in the scenario: every
// object with a known `dist` tag is a Dist. Reported with the path of the parameter to change
// (the Dist itself for `fixed`, which may have been written as a plain number).
import { distNumericIssue } from '../random/dist-checks';
import { DIST_KINDS, type Dist } from './dist-schema';
import { formatPath, type ValidationIssue } from './rules';

const KINDS = new Set<string>(DIST_KINDS);

export function distNumericIssues(scenario: unknown): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const walk = (value: unknown, path: (string | number)[]): void => {
    if (Array.isArray(value)) {
      value.forEach((v, i) => walk(v, [...path, i]));
      return;
    }
    if (typeof value !== 'object' || value === null) return;
    const obj = value as Record<string, unknown>;
    if (typeof obj.dist === 'string' && KINDS.has(obj.dist)) {
      const issue = distNumericIssue(obj as unknown as Dist);
      if (!issue) return;
      const at = obj.dist === 'fixed' ? path : [...path, issue.field];
      const shown = obj.dist === 'fixed' ? obj.value : obj[issue.field];
      issues.push({ path: formatPath(at), message: `${issue.message} (got ${gotText(shown)})` });
      return;
    }
    for (const [k, v] of Object.entries(obj)) walk(v, [...path, k]);
  };
  walk(scenario, []);
  return issues;
}

function gotText(v: unknown): string {
  const s = JSON.stringify(v);
  return s === undefined ? String(v) : s.length > 60 ? `${s.slice(0, 57)}...` : s;
}
