// The smallest single replacement turning one text into another (common prefix and suffix
// kept), so an edit made elsewhere (the form, Undo) reaches the JSON editor as a change it can
// map the cursor and scroll position through, instead of a whole new document.

export interface TextChange {
  from: number;
  to: number;
  insert: string;
}

export function minimalChange(before: string, after: string): TextChange | null {
  if (before === after) return null;
  const max = Math.min(before.length, after.length);
  let start = 0;
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let end = 0; // length of the common suffix, not overlapping the prefix
  while (end < max - start && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)) end++;
  return { from: start, to: before.length - end, insert: after.slice(start, after.length - end) };
}
