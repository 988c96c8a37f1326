// The README and docs/ are what a user of a clone reads: every relative link in them must lead
// to a file in the repository, and a link to a heading (`file.md#anchor`) to a heading that
// exists, with the anchor GitHub derives from it.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '..', '..');

function markdownFiles(): string[] {
  const docs = fs.readdirSync(path.join(root, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`);
  return ['README.md', ...docs];
}

/** Text outside fenced code blocks and inline code, where a `[x](y)` is not a link. */
function proseOf(text: string): string {
  return text.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '').replace(/`[^`\n]*`/g, '');
}

/** Link targets `[text](target)` and images `![alt](target)`, with an optional title dropped. */
export function linkTargets(text: string): string[] {
  const out: string[] = [];
  for (const m of proseOf(text).matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) out.push(m[1] as string);
  return out;
}

/** GitHub's heading anchor: lower case, punctuation dropped, spaces to hyphens, -1, -2 … for repeats. */
export function headingAnchors(text: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  const body = text.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '');
  for (const m of body.matchAll(/^#{1,6}[ \t]+(.+?)[ \t#]*$/gm)) {
    const slug = (m[1] as string).toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/\s/g, '-');
    const n = seen.get(slug) ?? 0;
    seen.set(slug, n + 1);
    anchors.add(n === 0 ? slug : `${slug}-${n}`);
  }
  return anchors;
}

function isExternal(target: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(target);
}

/** Every broken relative link of the README and docs/*.md, as `file: target (why)`. */
function brokenLinks(): string[] {
  const broken: string[] = [];
  for (const file of markdownFiles()) {
    const text = fs.readFileSync(path.join(root, file), 'utf8');
    for (const target of linkTargets(text)) {
      if (isExternal(target)) continue;
      const [pathPart = '', anchor] = target.split('#', 2);
      const resolved = pathPart === '' ? path.join(root, file) : path.resolve(path.dirname(path.join(root, file)), decodeURIComponent(pathPart));
      const rel = path.relative(root, resolved);
      if (rel.startsWith('..') || path.isAbsolute(rel)) {
        broken.push(`${file}: ${target} (leaves the repository)`);
      } else if (!fs.existsSync(resolved)) {
        broken.push(`${file}: ${target} (no such file)`);
      } else if (anchor && resolved.endsWith('.md') && !headingAnchors(fs.readFileSync(resolved, 'utf8')).has(anchor)) {
        broken.push(`${file}: ${target} (no heading with that anchor)`);
      }
    }
  }
  return broken;
}

describe('links in the README and docs/', () => {
  it('finds links and images, and skips code', () => {
    const text = 'See [a](docs/a.md#x) and ![b](b.png "t").\n`[c](c.md)`\n```\n[d](d.md)\n```\n[e](https://example.com)';
    expect(linkTargets(text)).toEqual(['docs/a.md#x', 'b.png', 'https://example.com']);
  });

  it('derives anchors as GitHub does', () => {
    const anchors = headingAnchors('# The `serving.<service id>` block\n## Runs and time\n## Runs and time\n### Trace formats (`cluster.job_trace`)\n```\n# not a heading\n```');
    expect([...anchors]).toEqual(['the-servingservice-id-block', 'runs-and-time', 'runs-and-time-1', 'trace-formats-clusterjob_trace']);
  });

  it('every relative link resolves to a file in the repository, and every anchor to a heading', () => {
    expect(brokenLinks()).toEqual([]);
  });
});
