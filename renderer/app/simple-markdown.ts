// The little Markdown the licences dialog shows (assets/examples/ATTRIBUTION.md): headings,
// bulleted lists, paragraphs, and inline **strong**, *emphasis*, `code` and links. Parsed into
// plain data that the view renders as React text, so nothing in the file can inject HTML; a link
// becomes its text and address, not something that navigates the app's window.

export type Inline =
  | { kind: 'text'; text: string }
  | { kind: 'strong' | 'em' | 'code'; text: string }
  | { kind: 'link'; text: string; url: string };

export type Block =
  | { kind: 'heading'; level: number; inlines: Inline[] }
  | { kind: 'list'; items: Inline[][] }
  | { kind: 'paragraph'; inlines: Inline[] };

const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
const ITEM = /^\s{0,3}[-*+]\s+(.*)$/;

/** The blocks of `markdown`; lines that continue a paragraph or a list item are joined with a space. */
export function parseMarkdown(markdown: string): Block[] {
  const blocks: Block[] = [];
  let paragraph: string[] | null = null;
  let items: string[][] | null = null;
  const flush = () => {
    if (paragraph) blocks.push({ kind: 'paragraph', inlines: parseInline(paragraph.join(' ')) });
    if (items) blocks.push({ kind: 'list', items: items.map((lines) => parseInline(lines.join(' '))) });
    paragraph = null;
    items = null;
  };
  for (const raw of markdown.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trimEnd();
    const heading = HEADING.exec(line);
    const item = ITEM.exec(line);
    if (line.trim() === '') {
      flush();
    } else if (heading) {
      flush();
      blocks.push({ kind: 'heading', level: heading[1]!.length, inlines: parseInline(heading[2]!) });
    } else if (item) {
      if (paragraph) flush();
      (items ??= []).push([item[1]!.trim()]);
    } else if (items && /^\s/.test(line)) {
      items[items.length - 1]!.push(line.trim()); // an indented continuation of the last item
    } else {
      if (items) flush();
      (paragraph ??= []).push(line.trim());
    }
  }
  flush();
  return blocks;
}

// `code`, **strong**, *emphasis* or _emphasis_, [text](url), <https://autolink>.
const INLINE = /`([^`]+)`|\*\*(.+?)\*\*|\*([^*\s][^*]*?)\*|(?<![\w])_([^_\s][^_]*?)_(?![\w])|\[([^\]]+)\]\(([^)\s]+)\)|<((?:https?:\/\/|mailto:)[^>\s]+)>/g;

export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  let last = 0;
  for (const m of text.matchAll(INLINE)) {
    if (m.index > last) out.push({ kind: 'text', text: text.slice(last, m.index) });
    if (m[1] !== undefined) out.push({ kind: 'code', text: m[1] });
    else if (m[2] !== undefined) out.push({ kind: 'strong', text: m[2] });
    else if (m[3] !== undefined || m[4] !== undefined) out.push({ kind: 'em', text: (m[3] ?? m[4])! });
    else if (m[5] !== undefined) out.push({ kind: 'link', text: m[5], url: m[6]! });
    else out.push({ kind: 'link', text: m[7]!, url: m[7]! });
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push({ kind: 'text', text: text.slice(last) });
  return out;
}
