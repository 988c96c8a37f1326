// Checks on JSON text from outside (imports, the editor) before it is parsed or stored: a depth
// limit (scanned without parsing, so a hostile file cannot exhaust the stack) and no keys that
// name object-prototype machinery, which a later merge or spread could turn into prototype
// pollution. The schema would reject such keys as unknown fields anyway; this says why, early.
import type { ValidationIssue } from '../../simulation';

export const MAX_JSON_DEPTH = 64;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** The deepest nesting of arrays/objects in `text`, stopping early once past `limit`. */
export function jsonDepth(text: string, limit = MAX_JSON_DEPTH): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      depth++;
      if (depth > max) max = depth;
      if (max > limit) return max;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return max;
}

/** Paths of forbidden keys anywhere in a parsed value, e.g. `serving.__proto__`. */
export function forbiddenKeyPaths(value: unknown, at = ''): string[] {
  if (typeof value !== 'object' || value === null) return [];
  const found: string[] = [];
  if (Array.isArray(value)) {
    value.forEach((item, i) => found.push(...forbiddenKeyPaths(item, `${at}[${i}]`)));
    return found;
  }
  for (const key of Object.keys(value)) {
    const path = at === '' ? key : `${at}.${key}`;
    if (FORBIDDEN_KEYS.has(key)) found.push(path);
    else found.push(...forbiddenKeyPaths((value as Record<string, unknown>)[key], path));
  }
  return found;
}

/** Problems with the shape of `text` as JSON from outside; empty when it may be parsed and validated. */
export function jsonSafetyIssues(text: string): ValidationIssue[] {
  const depth = jsonDepth(text);
  if (depth > MAX_JSON_DEPTH) {
    return [{ path: '(json)', message: `is nested more than ${MAX_JSON_DEPTH} levels deep` }];
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return []; // the parser that follows reports syntax errors with line and column
  }
  return forbiddenKeyPaths(value).map((path) => ({ path, message: 'this key is not allowed (it names object-prototype machinery)' }));
}
