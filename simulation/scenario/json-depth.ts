// How deeply JSON text nests, scanned without parsing, so a hostile file cannot exhaust the
// stack of JSON.parse's callers (the error messages walk the value). Every place a scenario is
// read goes through parseScenarioText, which refuses text nested past MAX_JSON_DEPTH.
import { MAX_JSON_DEPTH } from './limits';
import type { ValidationIssue } from './rules';

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

/** The one message for text nested too deeply, or null. */
export function jsonDepthIssue(text: string): ValidationIssue | null {
  return jsonDepth(text) > MAX_JSON_DEPTH ? { path: '(json)', message: `nesting deeper than ${MAX_JSON_DEPTH} levels` } : null;
}
