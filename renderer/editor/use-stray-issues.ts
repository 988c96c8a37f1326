// The issues of an object that none of its shown fields displays (see ./stray-issues.ts).
import { useShallow } from 'zustand/react/shallow';
import { formatPath, type ValidationIssue } from '../../simulation';
import { useAppStore } from '../store';
import type { JsonPath } from './json-path';
import { strayIssues } from './stray-issues';

const NONE: ValidationIssue[] = [];

export function useStrayIssues(path: JsonPath, shownKeys: readonly (string | number)[]): ValidationIssue[] {
  const prefix = formatPath(path);
  return useAppStore(useShallow((s) => (s.parse && !s.parse.ok ? strayIssues(s.parse.errors, prefix, shownKeys) : NONE)));
}
