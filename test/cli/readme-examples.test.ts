// The README's command-line examples run as written, from a clone with nothing beside it: every
// `npx headroom …` line in its code blocks exits 0 (those that write a report file are covered
// by the report tests and skipped here, so the clone stays clean).
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = path.resolve(__dirname, '..', '..');
const cli = path.join(root, 'out', 'node', 'cli.cjs');

/** Splits a shell line into words: plain words and '…' quoted ones, up to a # comment. */
function words(line: string): string[] {
  const out: string[] = [];
  for (const m of line.matchAll(/'([^']*)'|(#.*$)|(\S+)/g)) {
    if (m[2] !== undefined) break;
    out.push(m[1] ?? m[3]!);
  }
  return out;
}

const examples = fs.readFileSync(path.join(root, 'README.md'), 'utf8')
  .split('\n')
  .filter((l) => l.startsWith('npx headroom '))
  .map((l) => words(l).slice(2));

describe('the README\'s command-line examples', () => {
  it('are there', () => expect(examples.length).toBeGreaterThanOrEqual(8));

  for (const args of examples.filter((a) => !a.includes('--out'))) {
    it(`headroom ${args.join(' ')}`, async () => {
      const { stdout } = await run(process.execPath, [cli, ...args], { cwd: root, maxBuffer: 64 * 1024 * 1024 });
      expect(stdout.length).toBeGreaterThan(0);
      if (args.includes('--json')) expect(() => JSON.parse(stdout)).not.toThrow();
    }, 60_000);
  }
});
