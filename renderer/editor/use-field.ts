// What a form field needs from the store: its value, its validation issues and a writer.
import { useShallow } from 'zustand/react/shallow';
import type { ValidationIssue } from '../../simulation';
import { formatPath } from '../../simulation';
import { useAppStore } from '../store';
import { issuesAt } from './field-issues';
import { getAtPath, type JsonPath } from './json-path';

const NO_ISSUES: ValidationIssue[] = [];

export function useFieldIssues(path: JsonPath): ValidationIssue[] {
  const key = formatPath(path);
  return useAppStore(useShallow((s) => (s.parse && !s.parse.ok ? issuesAt(s.parse.errors, key) : NO_ISSUES)));
}

export function useFieldValue(path: JsonPath): unknown {
  return useAppStore((s) => getAtPath(s.raw, path));
}
