// Checks on JSON text from outside (imports, the editor) before it is parsed or stored: the depth
// limit every scenario reader shares (simulation/scenario/json-depth.ts) and no keys that
// name object-prototype machinery, which a later merge or spread could turn into prototype
// pollution. The schema would reject such keys as unknown fields anyway; this says why, early.
import { jsonDepthIssue, type ValidationIssue } from '../../../simulation';

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Paths of forbidden keys anywhere in a parsed value, e.g. `serving.__proto__`. */
export function forbiddenKeyPaths(value: unknown, at = ''): string[] {
  const found: string[] = [];
  collectForbidden(value, at, found);
  return found;
}

/** Appends to one list (no `push(...spread)`: an array of 100,000 such objects would overflow the stack). */
function collectForbidden(value: unknown, at: string, found: string[]): void {
  if (typeof value !== 'object' || value === null) return;
  if (Array.isArray(value)) {
    value.forEach((item, i) => collectForbidden(item, `${at}[${i}]`, found));
    return;
  }
  for (const key of Object.keys(value)) {
    const path = at === '' ? key : `${at}.${key}`;
    if (FORBIDDEN_KEYS.has(key)) found.push(path);
    else collectForbidden((value as Record<string, unknown>)[key], path, found);
  }
}

/** Problems with the shape of `text` as JSON from outside; empty when it may be parsed and validated. */
export function jsonSafetyIssues(text: string): ValidationIssue[] {
  const deep = jsonDepthIssue(text);
  if (deep) return [deep];
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return []; // the parser that follows reports syntax errors with line and column
  }
  return forbiddenKeyPaths(value).map((path) => ({ path, message: 'this key is not allowed (it names object-prototype machinery)' }));
}
