// Form edits applied to the scenario text, not to a re-printed object: jsonc-parser's `modify`
// computes the smallest text edit for each path, so a form edit changes only the text it touches
// and the user's own formatting (line breaks, key order, spacing) survives.
import { applyEdits, modify, type FormattingOptions } from 'jsonc-parser';
import type { JsonPath } from './json-path';

/** One change: set (`value`), delete (`value: undefined`) or insert into an array (`insert`). */
export interface FieldEdit {
  path: JsonPath;
  value: unknown;
  /** With a numeric last path element: insert before it instead of replacing it. */
  insert?: boolean;
}

/** Indentation as the text already uses it (two spaces when it says nothing). */
function formattingOf(text: string): FormattingOptions {
  const indent = /\n([ \t]+)"/.exec(text)?.[1] ?? '  ';
  const tabs = indent.startsWith('\t');
  return { insertSpaces: !tabs, tabSize: tabs ? 1 : indent.length, eol: text.includes('\r\n') ? '\r\n' : '\n' };
}

/** `text` with every edit applied in order (each sees the result of the previous ones). */
export function editText(text: string, edits: readonly FieldEdit[]): string {
  const formattingOptions = formattingOf(text);
  let out = text;
  for (const edit of edits) {
    const changes = modify(out, [...edit.path], edit.value, { formattingOptions, isArrayInsertion: edit.insert === true });
    out = applyEdits(out, changes);
  }
  return out;
}
