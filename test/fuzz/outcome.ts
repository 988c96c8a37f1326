// What every fuzz property asks of an outcome: a refusal is a list of `path: message` issues
// written for people (no stack trace, no internal error name), and an accepted result holds no
// NaN or ±Infinity anywhere.
import { nonFinitePaths } from '../../simulation';
import { recordFigures } from '../reliability-record';

/** The size of each property at the default `npm test` size; HEADROOM_FUZZ_RUNS raises it. */
export const RUNS = Number(process.env.HEADROOM_FUZZ_RUNS ?? 1000);

/**
 * The seed of a property: fixed by default (so `npm test` is repeatable), HEADROOM_FUZZ_SEED=N to
 * replay a failure fast-check printed, HEADROOM_FUZZ_SEED=random for fresh cases.
 */
export function fuzzSeed(fixed: number): number {
  const given = process.env.HEADROOM_FUZZ_SEED;
  if (given === undefined || given === '') return fixed;
  return given === 'random' ? Date.now() % 2 ** 31 : Number(given);
}

/** fast-check options shared by the in-process properties. */
export function fuzzOptions(fixed: number, numRuns = RUNS) {
  return { numRuns, seed: fuzzSeed(fixed), endOnFailure: true } as const;
}

const STACK_LINE = /^\s+at .+/m;
const INTERNAL = /\b(?:TypeError|RangeError|ReferenceError|SyntaxError|EvalError|URIError|InternalError|AggregateError|Error):|Maximum call stack|internal error|undefined is not|Cannot read propert/;

/** Why `text` (a message or a CLI's stderr) is not fit for a person, or null when it is. */
export function unfitMessage(text: string): string | null {
  if (STACK_LINE.test(text)) return `has a stack trace: ${text.slice(0, 300)}`;
  const m = INTERNAL.exec(text);
  if (m) return `names an internal error (${m[0]}): ${text.slice(0, 300)}`;
  return null;
}

export interface Issue {
  path: string;
  message: string;
}

/** Throws unless `issues` is a non-empty list of issues, each naming a path and saying what is wrong. */
export function expectFitIssues(issues: readonly Issue[], context: string): void {
  if (issues.length === 0) throw new Error(`${context}: refused without an issue`);
  for (const i of issues) {
    if (typeof i.path !== 'string' || i.path.trim() === '') throw new Error(`${context}: an issue without a path: ${JSON.stringify(i)}`);
    if (typeof i.message !== 'string' || i.message.trim() === '') throw new Error(`${context}: an issue without a message: ${JSON.stringify(i)}`);
    const unfit = unfitMessage(`${i.path}: ${i.message}`);
    if (unfit) throw new Error(`${context}: message ${unfit}`);
  }
}

/** Throws naming the first paths of `value` that hold a non-finite number. */
export function expectAllFinite(value: unknown, context: string): void {
  const bad = nonFinitePaths(value);
  if (bad.length > 0) throw new Error(`${context}: non-finite numbers at ${bad.slice(0, 5).join(', ')}`);
}

/** A thrown value's message and the start of its stack, for a failing property's report. */
export function describeThrown(e: unknown): string {
  return e instanceof Error ? (e.stack ?? e.message).split('\n').slice(0, 6).join('\n') : String(e);
}

/** Counts of outcomes, so a test can check the fuzz reached both sides (and the figures script can print them). */
export class Tally {
  readonly counts = new Map<string, number>();
  add(kind: string): void {
    this.counts.set(kind, (this.counts.get(kind) ?? 0) + 1);
  }
  get(kind: string): number {
    return this.counts.get(kind) ?? 0;
  }
  total(): number {
    let n = 0;
    for (const v of this.counts.values()) n += v;
    return n;
  }
}

/** Records a property's cases and outcomes for scripts/reliability-figures.ts (test/reliability-record.ts). */
export function recordTally(property: string, tally: Tally): void {
  recordFigures(property, { kind: 'fuzz', cases: tally.total(), outcomes: Object.fromEntries(tally.counts) });
}
