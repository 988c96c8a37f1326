// What a form field needs from the store: its value, its validation issues, and why the engine
// ignores it in the scenario's configuration (when it does).
import { useShallow } from 'zustand/react/shallow';
import type { ValidationIssue } from '../../simulation';
import { formatPath } from '../../simulation';
import { useAppStore } from '../store';
import { ignoredReason, issuesAt } from './field-issues';
import { getAtPath, type JsonPath } from './json-path';

const NO_ISSUES: ValidationIssue[] = [];

export function useFieldIssues(path: JsonPath): ValidationIssue[] {
  const key = formatPath(path);
  return useAppStore(useShallow((s) => (s.parse && !s.parse.ok ? issuesAt(s.parse.errors, key) : NO_ISSUES)));
}

export function useFieldValue(path: JsonPath): unknown {
  return useAppStore((s) => getAtPath(s.raw, path));
}

/** Known only while the scenario is valid; an invalid one shows its errors with every field enabled. */
export function useFieldIgnored(path: JsonPath): string | undefined {
  const key = formatPath(path);
  return useAppStore((s) => (s.parse?.ok ? ignoredReason(s.parse.scenario, key) : undefined));
}
