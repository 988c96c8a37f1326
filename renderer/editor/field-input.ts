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
