// What a form input's text means in the scenario: empty removes the field (so a default applies
// or "is required" names it), a number is written as a number, anything else is kept as typed
// so the validator reports it against the field ("must be a number (got "abc")").
const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;

export function numberFromInput(text: string): number | string | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  return NUMBER.test(t) ? Number(t) : t;
}

export function textFromValue(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** True when `text` already denotes `value` (so "1." or "1e" being typed is not overwritten). */
export function inputMatches(text: string, value: unknown): boolean {
  return Object.is(numberFromInput(text), value) || text === textFromValue(value);
}

const MAX_DIGITS = 12;

/**
 * The text one arrow-key step up (+1) or down (-1) from `text`, or null when it is not a number.
 * The step is one unit of its last typed digit (7 → 8, 0.25 → 0.26, 2.50 → 2.51, 1e-3 → 2e-3 written
 * 0.002), ten of them with `big` (Shift). A value that is not negative does not step below zero:
 * most scenario numbers are counts, rates or times.
 */
export function stepNumberText(text: string, direction: 1 | -1, big = false): string | null {
  const t = text.trim();
  if (!NUMBER.test(t)) return null;
  const [mantissa = '', exponent] = t.toLowerCase().split('e');
  const decimals = mantissa.includes('.') ? mantissa.length - mantissa.indexOf('.') - 1 : 0;
  const power = (exponent === undefined ? 0 : Number(exponent)) - decimals;
  const digits = Math.min(MAX_DIGITS, Math.max(0, -power));
  const value = Number(t);
  const step = 10 ** power * (big ? 10 : 1);
  let next = Number((value + direction * step).toFixed(digits));
  if (value >= 0 && next < 0) next = 0;
  return exponent === undefined ? next.toFixed(digits) : String(next);
}
