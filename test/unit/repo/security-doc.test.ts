// docs/security.md is the checklist table the desktop shell is held to: all 20 items of
// Electron's security checklist, in order, each with a test that exists (and, where a test's
// title is quoted, a test of that title in that file). Also item 16: a current Electron.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '..', '..', '..');
const doc = fs.readFileSync(path.join(root, 'docs', 'security.md'), 'utf8');
const rows = doc.split('\n').filter((l) => /^\| \d+ \|/.test(l)).map((l) => l.split(' | ').map((c) => c.replace(/^\| |\s*\|$/g, '')));

/** The oldest Electron major Headroom accepts (Electron supports the latest three majors). */
const OLDEST_SUPPORTED_MAJOR = 45;

describe('docs/security.md', () => {
  it('has all 20 checklist items, numbered in order, each with how and a test', () => {
    expect(rows.map((r) => Number(r[0]))).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    for (const r of rows) {
      expect(r, r.join(' | ')).toHaveLength(4);
      expect(r[2]!.length, `item ${r[0]}: how`).toBeGreaterThan(20);
    }
  });

  it('names, for each item, test files that exist and test titles that are in them', () => {
    for (const r of rows) {
      const cell = r[3]!;
      const refs = [...cell.matchAll(/`(test\/[^`]+)`(?: › "([^"]+)")?/g)];
      expect(refs.length, `item ${r[0]} names a test`).toBeGreaterThan(0);
      for (const [, file, title] of refs) {
        const text = fs.readFileSync(path.join(root, file!), 'utf8');
        if (title) expect(text, `item ${r[0]}: "${title}" in ${file}`).toContain(title.replace(/'/g, "\\'"));
      }
    }
  });

  it('item 16: electron is pinned to a supported major', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
    const major = Number(/(\d+)/.exec(pkg.devDependencies.electron ?? '')?.[1]);
    expect(major).toBeGreaterThanOrEqual(OLDEST_SUPPORTED_MAJOR);
  });
});
