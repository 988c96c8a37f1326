// Field builders shared by the scenario schema. Every rule carries the message the user sees,
// so the CLI, the editor and the JSON import all say the same thing (`path: message (got x)`).
import { z } from 'zod';

export function must(desc: string) {
  return { error: `must be ${desc}` };
}

/** A bound as the user reads it: 1e9 rather than 1000000000 (both are valid JSON). */
export function showBound(n: number): string {
  return n >= 1e6 && Number.isInteger(Math.log10(n)) ? `1e${Math.log10(n)}` : String(n);
}

export function integer(min: number, max?: number) {
  const desc = max === undefined ? `an integer ≥ ${min}` : `an integer from ${min} to ${showBound(max)}`;
  const base = z.number(must(desc)).int(must(desc)).min(min, must(desc));
  return max === undefined ? base : base.max(max, must(desc));
}

/** A number > 0, and at most `max` when given (a bound from ./limits.ts). */
export function positive(max?: number) {
  const desc = max === undefined ? 'a number > 0' : `a number > 0 and ≤ ${showBound(max)}`;
  const base = z.number(must(desc)).gt(0, must(desc));
  return max === undefined ? base : base.max(max, must(desc));
}

/** A number ≥ 0, and at most `max` when given. */
export function nonNegative(max?: number) {
  const desc = max === undefined ? 'a number ≥ 0' : `a number from 0 to ${showBound(max)}`;
  const base = z.number(must(desc)).min(0, must(desc));
  return max === undefined ? base : base.max(max, must(desc));
}

export function probability() {
  const desc = 'a probability in [0, 1]';
  return z.number(must(desc)).min(0, must(desc)).max(1, must(desc));
}

export function text(min = 0, max = 10_000) {
  const desc = min > 0 ? `a string of ${min} to ${max} characters` : `a string of at most ${max} characters`;
  return z.string(must(desc)).min(min, must(desc)).max(max, must(desc));
}

/** What an id (task, pool, service, job) may be; the editor checks a rename against the same rule. */
export const IDENTIFIER_PATTERN = /^[A-Za-z0-9_.-]+$/;
export const IDENTIFIER_MAX = 200;

export const identifier = z
  .string(must('a string of letters, digits, "_", "." or "-"'))
  .regex(IDENTIFIER_PATTERN, must('a string of letters, digits, "_", "." or "-"'))
  .max(IDENTIFIER_MAX, must(`at most ${IDENTIFIER_MAX} characters`));
