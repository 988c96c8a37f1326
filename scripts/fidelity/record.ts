// The fidelity records: one JSON line per check of a model against an outside truth, written by
// the validation tests (test/validation/fidelity-record.ts) and read by scripts/fidelity-page.ts,
// which turns them into docs/fidelity.md. Shared here so the writer and the reader agree on the
// shape and on how an error is measured.
import fs from 'node:fs';
import path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');

/** The models of the page, in the page's order. */
export const FIDELITY_MODELS = ['serving', 'cluster', 'pipeline', 'engine', 'statistics', 'what-if'] as const;
export type FidelityModel = (typeof FIDELITY_MODELS)[number];

/**
 * How far `measured` may be from `expected`:
 *   { rel }       |measured / expected − 1| ≤ rel (expected ≠ 0); the error is that ratio
 *   { abs }       |measured − expected| ≤ abs; the error is that difference
 *   { kind: 'exact' }  measured === expected; the error is |measured − expected|
 *   { range }     lo ≤ measured ≤ hi (a band the test accepts, e.g. a CI coverage); error |measured − expected|
 *   { ci95 }      lo ≤ expected ≤ hi, the simulated 95% CI around measured; error |measured − expected|
 *   { kind: 'cases' }  a table of cases: measured cases agree of expected; the error is how many do not
 */
export type Tolerance =
  | { rel: number }
  | { abs: number }
  | { kind: 'exact' }
  | { range: readonly [number, number] }
  | { ci95: readonly [number, number] }
  | { kind: 'cases' };

export interface FidelityCheck {
  model: FidelityModel;
  /** What is compared, with its formula: 'Erlang C mean wait, C/(cμ − λ)'. */
  truth: string;
  /** Where the truth comes from: a paper, a book, a data set, another tool, a hand derivation. */
  source: string;
  /** The parameters of this case: 'c = 4, ρ = 0.8, exponential service'. */
  case: string;
  measured: number;
  expected: number;
  tolerance: Tolerance;
  /** Replications (or runs, trials) behind `measured`; a string for products such as '200 × 4'. */
  replications?: number | string;
}

export interface FidelityRecord extends FidelityCheck {
  /** Null when measured or expected is not finite (the check then fails). */
  error: number | null;
  within: boolean;
  /** The test file, relative to the repository root, with / separators. */
  test: string;
  /** The test's full name. */
  name: string;
}

/** The error of a check and whether it is within its tolerance (inclusive bounds). */
export function assess(check: Pick<FidelityCheck, 'measured' | 'expected' | 'tolerance'>): { error: number | null; within: boolean } {
  const { measured: m, expected: e, tolerance: t } = check;
  const finite = (x: number) => (Number.isFinite(x) ? x : null);
  if ('rel' in t) {
    if (e === 0) throw new Error('fidelity: a relative tolerance needs a non-zero expected value; use { abs }');
    const error = finite(Math.abs(m / e - 1));
    return { error, within: error !== null && error <= t.rel };
  }
  if ('abs' in t) {
    const error = finite(Math.abs(m - e));
    return { error, within: error !== null && error <= t.abs };
  }
  if ('range' in t) return { error: finite(Math.abs(m - e)), within: t.range[0] <= m && m <= t.range[1] };
  if ('ci95' in t) return { error: finite(Math.abs(m - e)), within: t.ci95[0] <= e && e <= t.ci95[1] };
  if (t.kind === 'cases') return { error: finite(e - m), within: m === e };
  return { error: finite(Math.abs(m - e)), within: m === e };
}

/** The records' folder: HEADROOM_FIDELITY_DIR, else test-results/fidelity/ (git-ignored). */
export function fidelityDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.HEADROOM_FIDELITY_DIR ? path.resolve(env.HEADROOM_FIDELITY_DIR) : path.join(REPO_ROOT, 'test-results', 'fidelity');
}

/** The file a test file's records go to: one per test file, so parallel workers never share one. */
export function recordFileFor(dir: string, testFile: string): string {
  return path.join(dir, `${testFile.replace(/[\\/]/g, '__')}.jsonl`);
}

/** Removes the records (only *.jsonl files) from `dir`, creating it if needed. */
export function clearRecords(dir: string): void {
  fs.mkdirSync(dir, { recursive: true });
  for (const f of fs.readdirSync(dir)) if (f.endsWith('.jsonl')) fs.rmSync(path.join(dir, f), { force: true });
}

/** Every record in `dir`, files in name order, lines in file order; [] when there is none. */
export function readRecords(dir: string): FidelityRecord[] {
  if (!fs.existsSync(dir)) return [];
  const out: FidelityRecord[] = [];
  for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.jsonl')).sort()) {
    const lines = fs.readFileSync(path.join(dir, f), 'utf8').split('\n');
    lines.forEach((line, i) => {
      if (line.trim() === '') return;
      try {
        out.push(JSON.parse(line) as FidelityRecord);
      } catch {
        throw new Error(`${path.join(dir, f)}:${i + 1}: not a JSON fidelity record`);
      }
    });
  }
  return out;
}
