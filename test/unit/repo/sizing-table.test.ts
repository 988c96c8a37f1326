// docs/scale-out.md's sizing table is measured, not guessed: it lists every bundled example (a new
// one must be measured with scripts/measure-unit-time.mjs), and its expected wall times are the
// study's units × the measured seconds per unit ÷ shards, as the script prints them.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../../..');
const doc = fs.readFileSync(path.join(root, 'docs/scale-out.md'), 'utf8');
const script = fs.readFileSync(path.join(root, 'scripts/measure-unit-time.mjs'), 'utf8');

/** The rows of the Markdown table whose header starts with `head`, as cells. */
function table(head: string): string[][] {
  const lines = doc.split('\n');
  const start = lines.findIndex((l) => l.startsWith(head));
  expect(start, `a table headed "${head}"`).toBeGreaterThan(0);
  const rows: string[][] = [];
  for (const l of lines.slice(start + 2)) {
    if (!l.startsWith('|')) break;
    rows.push(l.split('|').slice(1, -1).map((c) => c.trim()));
  }
  return rows;
}

/** A duration as the script spells it ("9.2 min", "55 s", "1.3 h"), in seconds, and half its last digit's step. */
function seconds(text: string): { s: number; half: number } {
  const m = /^([\d.]+) (s|min|h)$/.exec(text);
  expect(m, `a duration: ${text}`).not.toBeNull();
  const x = Number(m![1]), unit = m![2]!;
  const scale = unit === 'h' ? 3600 : unit === 'min' ? 60 : 1;
  const step = m![1]!.includes('.') ? 0.1 : 1;
  return { s: x * scale, half: (step * scale) / 2 };
}

describe('the sizing table of docs/scale-out.md', () => {
  const perUnit = table('| example | s per unit');
  const wall = table('| example | 1 shard');
  const examples = fs.readdirSync(path.join(root, 'assets/examples')).filter((f) => f.endsWith('.json')).sort();

  it('has a measured row for every bundled example', () => {
    expect(perUnit.map((r) => r[0])).toEqual(examples);
    expect(wall.map((r) => r[0])).toEqual(examples);
    for (const r of perUnit) {
      const [s, engineMs] = [Number(r[1]), Number(r[2])];
      expect(s).toBeGreaterThan(0);
      // The engine's own time is part of the wall time, which adds the process's start-up.
      expect(engineMs / 1000).toBeLessThan(s);
    }
  });

  it('expects units × s per unit ÷ shards for the study the script sizes', () => {
    expect(script).toContain("const STUDY = { label: '20 × 20 sweep × 20 replications', units: 20 * 20 * 20 };");
    expect(script).toContain('const SHARDS = [1, 10, 50, 200];');
    perUnit.forEach((r, i) => {
      [1, 10, 50, 200].forEach((n, j) => {
        // The seconds per unit are shown to 3 decimals; the script computed from the unrounded value.
        const { s: shown, half } = seconds(wall[i]![j + 1]!);
        expect(Math.abs(shown - (8000 * Number(r[1])) / n)).toBeLessThanOrEqual(half + (8000 * 0.0005) / n + 1e-9);
      });
    });
  });
});
