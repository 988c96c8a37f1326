// Escaping for user text (scenario name, service/pool/job/task ids, labels) placed inline in
// the Markdown memo. The memo is pasted into review documents whose renderers may allow raw HTML
// and links, so user text must stay one run of literal characters: it cannot start a line, a
// block, a table row, a link, an emphasis or an HTML tag.

/** Line breaks, tabs, other C0/C1 control characters and runs of white space. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const BREAKS = /[\s\u0000-\u001f\u007f-\u009f]+/g;
/** Markdown punctuation that can open or close an inline or block construct (GFM included). */
const MARKDOWN_PUNCTUATION = /[\\`*_{}[\]()#+\-.!|~]/g;

/**
 * `s` as literal inline Markdown text: control characters and line breaks collapse to one space
 * (so the text cannot begin a new line, row or block), Markdown punctuation is backslash-escaped
 * (`|` included, so the result is safe in a table cell) and `& < >` become HTML entities (no raw
 * `<` reaches a renderer that passes HTML through).
 */
export function mdText(s: string): string {
  return s
    .replace(BREAKS, ' ')
    .replace(MARKDOWN_PUNCTUATION, '\\$&')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}
