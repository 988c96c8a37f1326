// The licences dialog's Markdown (renderer/app/simple-markdown.ts): blocks and inline spans of
// the bundled ATTRIBUTION.md as plain data, and HTML in the text kept as text.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseInline, parseMarkdown } from '../../../renderer/app/simple-markdown';

describe('parseMarkdown', () => {
  it('splits headings, lists with continued items, and paragraphs joined across lines', () => {
    const md = '# Title\n\nFirst line\nsecond line.\n\n- one\n  continued\n- **two:** `x.csv`\n\n## Sub ##\nAfter.\n';
    expect(parseMarkdown(md)).toEqual([
      { kind: 'heading', level: 1, inlines: [{ kind: 'text', text: 'Title' }] },
      { kind: 'paragraph', inlines: [{ kind: 'text', text: 'First line second line.' }] },
      { kind: 'list', items: [[{ kind: 'text', text: 'one continued' }], [{ kind: 'strong', text: 'two:' }, { kind: 'text', text: ' ' }, { kind: 'code', text: 'x.csv' }]] },
      { kind: 'heading', level: 2, inlines: [{ kind: 'text', text: 'Sub' }] },
      { kind: 'paragraph', inlines: [{ kind: 'text', text: 'After.' }] },
    ]);
  });

  it('reads the bundled attributions: two data files, each with its source, paper, licence and changes', () => {
    const md = fs.readFileSync(path.resolve(__dirname, '../../../assets/examples/ATTRIBUTION.md'), 'utf8');
    const blocks = parseMarkdown(md);
    expect(blocks.filter((b) => b.kind === 'heading').map((b) => b.kind === 'heading' && b.level)).toEqual([1, 2, 2]);
    const lists = blocks.filter((b) => b.kind === 'list');
    expect(lists).toHaveLength(2);
    for (const list of lists) {
      if (list.kind !== 'list') continue;
      expect(list.items.map((item) => item[0])).toEqual(['Source:', 'Paper:', 'Licence:', 'Changes:'].map((text) => ({ kind: 'strong', text })));
    }
    const text = JSON.stringify(blocks);
    expect(text).toContain('{"kind":"link","text":"https://creativecommons.org/licenses/by/4.0/","url":"https://creativecommons.org/licenses/by/4.0/"}');
    expect(text).toContain('{"kind":"em","text":"Splitwise: Efficient Generative LLM Inference Using Phase Splitting."}');
  });
});

describe('parseInline', () => {
  it('turns links into text and address, and leaves HTML and snake_case as text', () => {
    expect(parseInline('see [the site](https://x.org) or <https://y.org>')).toEqual([
      { kind: 'text', text: 'see ' },
      { kind: 'link', text: 'the site', url: 'https://x.org' },
      { kind: 'text', text: ' or ' },
      { kind: 'link', text: 'https://y.org', url: 'https://y.org' },
    ]);
    expect(parseInline('<img src=x onerror=alert(1)> job_1_norm _stress_')).toEqual([
      { kind: 'text', text: '<img src=x onerror=alert(1)> job_1_norm ' },
      { kind: 'em', text: 'stress' },
    ]);
  });
});
