// Fidelity records: every check of a model against an outside truth (a formula, a published
// result, another tool, a reference written in the test) records what it measured, and
// scripts/fidelity-page.ts turns the records into docs/fidelity.md. `npm test` checks that page
// against the records of its own `vitest run`; `npm run fidelity` regenerates it.
//
// API — call it beside the assertion it mirrors, with the test's own tolerance:
//
//   recordFidelity({
//     model: 'serving',                          // one of FIDELITY_MODELS: the page's section
//     truth: 'Erlang C mean wait, C/(cμ − λ)',   // what is compared, with its formula
//     source: 'Erlang (1917); Kleinrock, Queueing Systems I (1975) §3.5',
//     case: 'c = 4, ρ = 0.8, exponential service',  // unique within model + truth
//     measured: svc.wait_ms.mean!.mean,
//     expected: pWait / drain,
//     tolerance: { rel: 0.06 },                  // or { abs }, { kind: 'exact' }, { range: [lo, hi] }, { ci95: [lo, hi] }
//     replications: 4,                           // optional: number, or a string such as '200 × 4'
//   });
//   expect(relErr(svc.wait_ms.mean!.mean, pWait / drain)).toBeLessThan(0.06);   // unchanged
//
//   recordCases({ model: 'pipeline', truth, source, case, agree: 168 - failures.length, total: 168 });
//
// Tolerances (inclusive): { rel } |m/e − 1|, { abs } |m − e|, { kind: 'exact' } m === e,
// { range: [lo, hi] } lo ≤ m ≤ hi (e.g. a coverage band; error |m − e|), { ci95: [lo, hi] } the
// expected value inside the simulated CI (error |m − e|). Both functions return { error, within }.
//
// The record is appended to <HEADROOM_FIDELITY_DIR or test-results/fidelity>/<test file>.jsonl
// (one file per test file, so workers never share one; vitest's global setup empties the folder
// at the start of every run). A failed write only warns: recording never fails a passing test.
// A record outside its tolerance throws after it is written, so the test fails even if its own
// assertion were missing or looser: the page and the assertion cannot disagree. A second record
// with the same model, truth and case in one test file throws too (a case label that forgot a
// loop variable).
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { assess, fidelityDir, recordFileFor, REPO_ROOT, type FidelityCheck, type FidelityRecord } from '../../scripts/fidelity/record';

export { FIDELITY_MODELS, type FidelityCheck, type FidelityModel, type Tolerance } from '../../scripts/fidelity/record';

const seen = new Set<string>();

export function recordFidelity(check: FidelityCheck): { error: number | null; within: boolean } {
  const { testPath, currentTestName } = expect.getState();
  if (!testPath) throw new Error('recordFidelity: call it inside a test');
  const test = path.relative(REPO_ROOT, testPath).split(path.sep).join('/');
  const key = `${check.model}\u0000${check.truth}\u0000${check.case}`;
  if (seen.has(key)) throw new Error(`recordFidelity: a second record for ${check.model} / ${check.truth} / ${check.case}: give each case its own label`);
  seen.add(key);
  const { error, within } = assess(check);
  const record: FidelityRecord = { ...check, error, within, test, name: currentTestName ?? '' };
  try {
    const dir = fidelityDir();
    fs.mkdirSync(dir, { recursive: true });
    fs.appendFileSync(recordFileFor(dir, test), `${JSON.stringify(record)}\n`);
  } catch (e) {
    console.warn(`recordFidelity: could not write the record (${(e as Error).message}); docs/fidelity.md cannot be checked`);
  }
  if (!within) {
    throw new Error(`fidelity: ${check.model} / ${check.truth} / ${check.case}: measured ${check.measured}, expected ${check.expected}, ` +
      `error ${error} is outside the tolerance ${JSON.stringify(check.tolerance)}`);
  }
  return { error, within };
}

/** A table-style check (e.g. every rule × every upstream state): one record, `agree` of `total` cases. */
export function recordCases(check: Omit<FidelityCheck, 'measured' | 'expected' | 'tolerance'> & { agree: number; total: number }): { error: number | null; within: boolean } {
  const { agree, total, ...rest } = check;
  return recordFidelity({ ...rest, measured: agree, expected: total, tolerance: { kind: 'cases' } });
}
