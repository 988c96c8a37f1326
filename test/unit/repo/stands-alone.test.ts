// The repository stands alone: a user's clone has nothing beside it, so no tracked file may
// point outside the repository (a sibling `shared` folder of our build machines) or at an
// absolute path of one particular machine (a home folder, a build workspace).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '..', '..', '..');

// Built from pieces so this file does not match itself.
const SIBLING = ['..', 'shared'].join('/');
export const FORBIDDEN: { what: string; re: RegExp }[] = [
  { what: 'the sibling shared folder', re: new RegExp(`\\.\\.[/\\\\]+(?:\\.\\.[/\\\\]+)*${'shared'}\\b`) },
  { what: 'a build workspace', re: new RegExp(`(?:^|[\\s'"\`(=:])/${'work'}/`) },
  { what: "root's home folder", re: new RegExp(`(?:^|[\\s'"\`(=:])/${'root'}/`) },
  { what: 'a Linux home folder', re: new RegExp(`(?:^|[\\s'"\`(=:])/${'home'}/[a-z][\\w.-]*/`) },
  { what: 'a macOS home folder', re: new RegExp(`(?:^|[\\s'"\`(=:])/${'Users'}/[A-Za-z][\\w.-]*/`) },
  { what: 'a Windows home folder', re: new RegExp(`[A-Za-z]:\\\\+${'Users'}\\\\`, 'i') },
];

/** The files git tracks (what a clone gets); outside a checkout, every file but dependencies and build output. */
function trackedFiles(): string[] {
  try {
    return execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).split('\0').filter(Boolean);
  } catch {
    const out: string[] = [];
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
        const rel = dir ? `${dir}/${e.name}` : e.name;
        if (['node_modules', 'out', '.git', 'test-results', 'playwright-report'].includes(e.name)) continue;
        if (e.isDirectory()) walk(rel);
        else if (e.isFile()) out.push(rel);
      }
    };
    walk('');
    return out;
  }
}

export function findReferences(text: string): { line: number; what: string; text: string }[] {
  const hits: { line: number; what: string; text: string }[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    for (const f of FORBIDDEN) if (f.re.test(line)) hits.push({ line: i + 1, what: f.what, text: line.trim().slice(0, 120) });
  });
  return hits;
}

describe('the repository stands alone', () => {
  it('the patterns catch what they are for, and leave ordinary paths alone', () => {
    expect(findReferences(`see ${SIBLING}/spec/x.md`)).toHaveLength(1);
    expect(findReferences(`path.resolve(__dirname, '..', '..', '${SIBLING}')`)).toHaveLength(1);
    expect(findReferences(`const p = '/${'work'}/main/x';`)).toHaveLength(1);
    expect(findReferences(`cd /${'home'}/alice/repo`)).toHaveLength(1);
    expect(findReferences(`open /${'Users'}/bob/x`)).toHaveLength(1);
    expect(findReferences(`C:\\${'Users'}\\carol\\x`)).toHaveLength(1);
    expect(findReferences(`'/usr/bin/chromium' and ./shared/chart.ts and docs/x.md`)).toHaveLength(0);
  });

  it('no tracked file refers to the sibling shared folder or to one machine\'s absolute paths', () => {
    const files = trackedFiles();
    expect(files.length).toBeGreaterThan(100);
    const problems: string[] = [];
    for (const rel of files) {
      const abs = path.join(root, rel);
      if (!fs.existsSync(abs) || fs.statSync(abs).size > 4 * 1024 * 1024) continue;
      const buf = fs.readFileSync(abs);
      if (buf.includes(0)) continue; // binary (images, fonts)
      for (const h of findReferences(buf.toString('utf8'))) problems.push(`${rel}:${h.line}: ${h.what}: ${h.text}`);
    }
    expect(problems).toEqual([]);
  });
});
