// Scenario text → complete, validated scenario, or every problem with its JSON path.
// The CLI, the editor and library import all go through here, so they give the same messages.
import type { z } from 'zod';
import { jsonDepthIssue } from './json-depth';
import { locateJsonError } from './json-syntax';
import { distNumericIssues } from './dist-rules';
import { resourceIssues } from './resource-estimate';
import { crossFieldIssues, formatPath, type ValidationIssue } from './rules';
import { SCENARIO_FORMAT, scenarioObjectSchema, type Scenario } from './schema';

export type { ValidationIssue };

export type ParseResult =
  | { ok: true; scenario: Scenario; raw: unknown }
  | { ok: false; errors: ValidationIssue[] };

export function parseScenarioText(text: string): ParseResult {
  const deep = jsonDepthIssue(text);
  if (deep) return { ok: false, errors: [deep] };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    const where = locateJsonError(text);
    const message = where
      ? `JSON syntax error at line ${where.line}, column ${where.column}: ${where.message}`
      : `JSON syntax error: ${(e as Error).message}`;
    return { ok: false, errors: [{ path: '(json)', message }] };
  }
  return validateScenario(raw);
}

export function validateScenario(raw: unknown): ParseResult {
  if (typeof raw === 'object' && raw !== null && !Array.isArray(raw)) {
    const format = (raw as Record<string, unknown>).format;
    if (typeof format === 'string' && format !== SCENARIO_FORMAT && /^headroom\.scenario\/v\d+$/.test(format)) {
      return { ok: false, errors: [{ path: 'format', message: `"${format}" is a newer or unknown format version; this app reads "${SCENARIO_FORMAT}"` }] };
    }
  }
  const parsed = scenarioObjectSchema.safeParse(raw, { reportInput: true });
  if (!parsed.success) return { ok: false, errors: capIssues(dedupe(parsed.error.issues.flatMap((i) => describe(i, [])))) };
  // Distributions that would give NaN or Infinity first: the cross-field rules compute with means.
  const errors = [...distNumericIssues(parsed.data), ...crossFieldIssues(parsed.data)];
  // Last, sizes the engine cannot hold (trace rows are added by the host once it read them).
  if (errors.length === 0) errors.push(...resourceIssues(parsed.data));
  return errors.length > 0 ? { ok: false, errors: capIssues(errors) } : { ok: true, scenario: parsed.data, raw };
}

/** At most this many problems are listed; a 100,000-element array of bad values says so once. */
export const MAX_LISTED_ISSUES = 200;

function capIssues(issues: ValidationIssue[]): ValidationIssue[] {
  if (issues.length <= MAX_LISTED_ISSUES) return issues;
  const rest = issues.length - MAX_LISTED_ISSUES;
  return [...issues.slice(0, MAX_LISTED_ISSUES), { path: '(scenario)', message: `and ${rest.toLocaleString('en-US')} more problems like these (only the first ${MAX_LISTED_ISSUES} are listed)` }];
}

function got(input: unknown): string {
  if (input === undefined) return '';
  let s: string | undefined;
  try {
    s = JSON.stringify(input);
  } catch {
    s = Array.isArray(input) ? '[…]' : '{…}'; // a value too deep to print (validateScenario called directly)
  }
  return ` (got ${s === undefined ? String(input) : s.length > 60 ? `${s.slice(0, 57)}...` : s})`;
}

function describe(issue: z.core.$ZodIssue, prefix: PropertyKey[]): ValidationIssue[] {
  const path = [...prefix, ...issue.path] as (string | number)[];
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((k) => ({ path: formatPath([...path, k]), message: 'unknown field' }));
    case 'invalid_type':
      if (issue.input === undefined) return [{ path: formatPath(path), message: 'is required' }];
      return [{ path: formatPath(path), message: `${issue.message}${got(issue.input)}` }];
    case 'invalid_union': {
      if (issue.discriminator !== undefined && issue.errors.length === 0) {
        const input = (issue.input ?? {}) as Record<string, unknown>;
        const value = input[issue.discriminator];
        const options = ('options' in issue ? (issue.options ?? []) : []).map(String).join(', ');
        if (typeof issue.input !== 'object' || issue.input === null) return [{ path: formatPath(path), message: `${issue.message}${got(issue.input)}` }];
        const at = path[path.length - 1] === issue.discriminator ? path : [...path, issue.discriminator];
        return [{ path: formatPath(at), message: value === undefined ? `is required (one of ${options})` : `must be one of ${options}${got(value)}` }];
      }
      // Report the branch that got furthest: the first one whose errors are not a type mismatch at the union itself.
      const branch = issue.errors.find((errs) => errs.some((e) => !(e.code === 'invalid_type' && e.path.length === 0)));
      if (branch) return branch.flatMap((e) => describe(e, path));
      return [{ path: formatPath(path), message: `${issue.message}${got(issue.input)}` }];
    }
    default:
      return [{ path: formatPath(path), message: `${issue.message}${'input' in issue ? got(issue.input) : ''}` }];
  }
}

function dedupe(issues: ValidationIssue[]): ValidationIssue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const key = `${i.path}\u0000${i.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function formatIssues(issues: ValidationIssue[]): string {
  return issues.map((i) => `${i.path}: ${i.message}`).join('\n');
}
