// Appending many jobs to `cluster.jobs` in the scenario text, one job per line. jsonc-parser's
// `modify` re-formats every inserted value and re-applies its edits one by one, which takes
// seconds for a few hundred jobs; here the new lines are spliced in after the last job once, and
// everything before and after them stays exactly as written. Pure.
import { findNodeAtLocation, parseTree, type Node } from 'jsonc-parser';
import { JOBS } from './cluster-edits';
import { editText } from '../text-edit';

/** `{ "id": "a", "units": 8 }`: one line, spaced as the bundled examples write jobs. */
export function oneLineJson(value: Record<string, unknown>): string {
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  return entries.length === 0 ? '{}' : `{ ${entries.map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(', ')} }`;
}

/** The whitespace that starts the line holding `offset`. */
function lineIndent(text: string, offset: number): string {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(start))?.[0] ?? '';
}

/** The array node at `cluster.jobs`, or undefined. */
function jobsArray(text: string): Node | undefined {
  const root = parseTree(text);
  const node = root && findNodeAtLocation(root, [...JOBS]);
  return node?.type === 'array' ? node : undefined;
}

/** `text` with `jobs` appended to `cluster.jobs` (created when absent or not a list). */
export function appendJobsText(text: string, jobs: readonly Record<string, unknown>[]): string {
  if (jobs.length === 0) return text;
  let array = jobsArray(text);
  if (!array) {
    text = editText(text, [{ path: JOBS, value: [] }]);
    array = jobsArray(text);
    if (!array) throw new Error('cluster.jobs could not be created');
  }
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const items = array.children ?? [];
  const last = items[items.length - 1];
  const lines = jobs.map(oneLineJson);
  // One level of indentation: the first indented key is one level deep.
  const unit = /\n([ \t]+)"/.exec(text)?.[1] ?? '  ';
  if (last) {
    // After the last job, indented as the first one is when it starts its own line.
    const first = items[0] as Node;
    const ownLine = /\n[ \t]*$/.test(text.slice(0, first.offset));
    const indent = ownLine ? lineIndent(text, first.offset) : lineIndent(text, array.offset) + unit;
    const end = last.offset + last.length;
    return text.slice(0, end) + lines.map((l) => `,${eol}${indent}${l}`).join('') + text.slice(end);
  }
  // An empty list: the jobs on their own lines, the bracket back under the key.
  const outer = lineIndent(text, array.offset);
  const indent = outer + unit;
  const body = `[${eol}${lines.map((l) => `${indent}${l}`).join(`,${eol}`)}${eol}${outer}]`;
  return text.slice(0, array.offset) + body + text.slice(array.offset + array.length);
}
