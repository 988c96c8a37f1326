// Where in the scenario text each validation problem is: the formatted path of a problem
// (`serving.services[0].replicas`, `tasks[2]["odd key"]`, see formatPath) read back into
// segments and found in the text's syntax tree; a JSON syntax error by its line and column.
import { findNodeAtLocation, parseTree, type Node } from 'jsonc-parser';
import type { ValidationIssue } from '../../../simulation';

export type PathSegment = string | number;

export interface IssueRange {
  from: number;
  to: number;
  issue: ValidationIssue;
}

/** The segments of a path written by formatPath, or null when it names no field ("(json)", "(scenario)"). */
export function parseIssuePath(path: string): PathSegment[] | null {
  if (path === '(root)') return [];
  if (path === '' || path === '(json)' || path === '(scenario)') return null;
  const segments: PathSegment[] = [];
  let i = 0;
  while (i < path.length) {
    if (path[i] === '[') {
      if (path[i + 1] === '"') {
        const end = closingQuote(path, i + 1);
        if (end < 0 || path[end + 1] !== ']') return null;
        try {
          segments.push(JSON.parse(path.slice(i + 1, end + 1)) as string);
        } catch {
          return null;
        }
        i = end + 2;
      } else {
        const m = /^\[(\d+)\]/.exec(path.slice(i));
        if (!m) return null;
        segments.push(Number(m[1]));
        i += m[0].length;
      }
      continue;
    }
    // A bare key: first, or after a dot; it runs to the next dot or bracket.
    if (segments.length > 0) {
      if (path[i] !== '.') return null;
      i++;
    }
    const m = /^[^.[]+/.exec(path.slice(i));
    if (!m) return null;
    segments.push(m[0]);
    i += m[0].length;
  }
  return segments;
}

/** Index of the quote closing the JSON string that opens at `start`, or -1. */
function closingQuote(s: string, start: number): number {
  for (let i = start + 1; i < s.length; i++) {
    if (s[i] === '\\') i++;
    else if (s[i] === '"') return i;
  }
  return -1;
}

/**
 * The text a node stands for: a scalar itself; an object or array by its key (a long block
 * underlined whole would hide the rest), or by its opening bracket when it has no key.
 */
function nodeRange(node: Node): { from: number; to: number } {
  if (node.type !== 'object' && node.type !== 'array') return { from: node.offset, to: node.offset + node.length };
  const key = node.parent?.type === 'property' ? node.parent.children?.[0] : undefined;
  return key ? { from: key.offset, to: key.offset + key.length } : { from: node.offset, to: node.offset + 1 };
}

/** The value at `segments`, or its nearest ancestor in the text (a missing field: its object). */
function nearestNode(root: Node, segments: PathSegment[]): Node {
  for (let n = segments.length; n > 0; n--) {
    const node = findNodeAtLocation(root, segments.slice(0, n));
    if (node) return node;
  }
  return root;
}

const SYNTAX = /^JSON syntax error at line (\d+), column (\d+)/;

/** Offset of a 1-based line and column (as locateJsonError counts them), clamped to the text. */
function offsetAt(text: string, line: number, column: number): number {
  let start = 0;
  for (let l = 1; l < line; l++) {
    const nl = text.indexOf('\n', start);
    if (nl < 0) return text.length;
    start = nl + 1;
  }
  return Math.min(start + column - 1, text.length);
}

/**
 * Text ranges of the problems of `text`. A problem with no place of its own (nesting too deep,
 * an unreadable path) marks the document's start; the "and N more" note marks nothing.
 */
export function issueRanges(text: string, issues: readonly ValidationIssue[]): IssueRange[] {
  let root: Node | undefined;
  let parsed = false;
  const out: IssueRange[] = [];
  for (const issue of issues) {
    if (issue.path === '(scenario)') continue;
    const syntax = issue.path === '(json)' ? SYNTAX.exec(issue.message) : null;
    if (syntax) {
      const from = offsetAt(text, Number(syntax[1]), Number(syntax[2]));
      out.push({ from, to: Math.min(from + 1, text.length), issue });
      continue;
    }
    const segments = parseIssuePath(issue.path);
    if (!parsed) {
      root = parseTree(text);
      parsed = true;
    }
    if (!segments || !root) {
      out.push({ from: 0, to: Math.min(1, text.length), issue });
      continue;
    }
    out.push({ ...nodeRange(nearestNode(root, segments)), issue });
  }
  return out;
}
