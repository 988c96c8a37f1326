// The README's command-line examples run as written, from a clone with nothing beside it: every
// `npx headroom …` line in its code blocks exits 0 (those that write a report file are covered
// by the report tests and skipped here, so the clone stays clean). They run before the checks,
// two at a time; each check reads its example's outcome.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';

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

interface Outcome { stdout: string; error?: unknown }

const runnable = examples.filter((a) => !a.includes('--out'));
const outcomes = new Map<string[], Outcome>();

/** Runs every example, two at a time (the machine has 2 cores; most are short and single-threaded). */
async function runAll(): Promise<void> {
  const queue = [...runnable];
  const next = async (): Promise<void> => {
    for (let args = queue.shift(); args; args = queue.shift()) {
      try {
        const { stdout } = await run(process.execPath, [cli, ...args], { cwd: root, maxBuffer: 64 * 1024 * 1024, timeout: 120_000 });
        outcomes.set(args, { stdout });
      } catch (error) {
        outcomes.set(args, { stdout: '', error });
      }
    }
  };
  await Promise.all([next(), next()]);
}

describe('the README\'s command-line examples', () => {
  beforeAll(runAll, 300_000);

  it('are there', () => expect(examples.length).toBeGreaterThanOrEqual(8));

  for (const args of runnable) {
    it(`headroom ${args.join(' ')}`, () => {
      const { stdout, error } = outcomes.get(args)!;
      if (error) throw error; // a non-zero exit, with its stderr
      expect(stdout.length).toBeGreaterThan(0);
      if (args.includes('--json')) expect(() => JSON.parse(stdout)).not.toThrow();
    });
  }
});
