// Golden documents: each bundled example, run by the real CLI with a fixed seed, pinned byte for
// byte — the result document, the CLI's text, and the CSV, Markdown and HTML reports rendered
// from that document. A refactor that changes one figure or label anywhere fails here. Wall-clock
// figures are the only thing normalised. On a mismatch the new output is written beside the
// pinned one as `*-changed.*` to diff; HEADROOM_UPDATE_GOLDEN=1 re-pins (say why in the commit).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ResultDocument } from '../../simulation';
import { renderReport } from '../../electron/backend/report';

const root = path.resolve(__dirname, '..', '..');
const cli = path.join(root, 'out', 'node', 'cli.cjs');
const pinned = path.join(__dirname, 'documents');
const update = process.env.HEADROOM_UPDATE_GOLDEN === '1';

/** Each example at a size that runs in about a second, with a seed of its own. */
const CASES = [
  { example: 'risk-model-api', args: ['--replications', '2', '--horizon-s', '120', '--seed', '11'] },
  { example: 'azure-llm-code-trace', args: ['--replications', '2', '--horizon-s', '300', '--seed', '12'] },
  { example: 'llm-token-level', args: ['--replications', '2', '--horizon-s', '900', '--seed', '17'] },
  { example: 'gpu-training-cluster', args: ['--replications', '2', '--horizon-s', '86400', '--seed', '13'] },
  { example: 'diurnal-autoscaling', args: ['--replications', '2', '--horizon-s', '7200', '--seed', '15'] },
  { example: 'nightly-retraining', args: ['--replications', '2', '--horizon-s', '604800', '--seed', '16'] },
];

/** Wall-clock time is the one thing that differs between two runs of the same seed. */
function normalise(text: string): string {
  return text
    // The report's stylesheet is code (report/style.ts and the app's chart CSS), pinned by its hash
    // so that each pinned report holds only what is that report's own.
    // The document's fixed opening (doctype, html, head, meta) is template code: pinned by its hash.
    .replace(/^(<!doctype html>[\s\S]*?)(?=<title>)/i, (prefix: string) => `<!-- document prefix sha256 ${createHash('sha256').update(prefix).digest('hex')} -->\n`)
    .replace(/<style>([\s\S]*?)<\/style>/g, (_m, css: string) => `<style>/* stylesheet sha256 ${createHash('sha256').update(css).digest('hex')} */</style>`)
    .replace(/"wall_ms": \d+(\.\d+)?/g, '"wall_ms": 0')
    .replace(/(Wall-clock time(?:<\/th><td>|,[^,]*,[^,]*,|[^\d\n]*))[\d,.]+/g, '$1<wall>')
    .replace(/(^engine [^\n]* events, )[\d,.]+ ms$/gm, '$1<wall> ms')
    .replace(/^(run,,engine\.wall_ms,)[\d.]+,/gm, '$1<wall>,');
}

function check(name: string, actual: string): void {
  const file = path.join(pinned, name);
  const changed = file.replace(/(\.\w+)$/, '-changed$1');
  if (!update && !fs.existsSync(file)) throw new Error(`${name} is not pinned: run with HEADROOM_UPDATE_GOLDEN=1 to pin it`);
  if (update) {
    fs.mkdirSync(pinned, { recursive: true });
    fs.writeFileSync(file, actual);
    fs.rmSync(changed, { force: true });
    return;
  }
  const expected = fs.readFileSync(file, 'utf8');
  if (expected !== actual) fs.writeFileSync(changed, actual);
  else fs.rmSync(changed, { force: true });
  expect(actual === expected, `${name} differs from the pinned document; see ${path.relative(root, changed)}`).toBe(true);
}

describe('golden documents of the bundled examples', () => {
  for (const c of CASES) {
    it(`${c.example}: result document, CLI text and reports are unchanged`, () => {
      const file = path.join(root, 'assets', 'examples', `${c.example}.json`);
      const json = execFileSync(process.execPath, [cli, 'run', file, ...c.args, '--threads', '1', '--json'], { cwd: root, maxBuffer: 256 << 20 }).toString();
      const text = execFileSync(process.execPath, [cli, 'run', file, ...c.args, '--threads', '2'], { cwd: root, maxBuffer: 256 << 20 }).toString();
      const analyze = execFileSync(process.execPath, [cli, 'analyze', file, '--json'], { cwd: root }).toString();
      const doc = JSON.parse(json) as ResultDocument;
      const scenario: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
      check(`${c.example}.result.json`, normalise(json));
      check(`${c.example}.run.txt`, normalise(text));
      check(`${c.example}.analyze.json`, analyze);
      check(`${c.example}.report.csv`, normalise(renderReport('csv', doc, scenario)));
      check(`${c.example}.report.md`, normalise(renderReport('md', doc, scenario)));
      check(`${c.example}.report.html`, normalise(renderReport('html', doc, scenario)));
    }, 120_000);
  }
});
