// Request timestamps from CSV text (scenario-format.md, `trace` arrivals), read with the one CSV
// reader (simulation/csv/reader.ts), with an optional header.
// The time column holds seconds (12.5, 1.7e9) or date-times such as `2023-11-16 18:17:03.9799600`
// (ISO 8601 with a space or T, optional fraction of any length, optional Z or ±hh:mm offset).
// Times are split into whole seconds and a fraction before subtracting, so sub-microsecond
// differences survive even on epoch-sized values; they are sorted and shifted so the first
// request arrives at t = 0. Errors name the line (1-based, counting physical lines). Timestamps
// beyond ±MAX_TRACE_TIMESTAMP_S and spans under MIN_TRACE_SPAN_S are refused (their rate or
// times would not be finite figures). An `llm` service's token columns (`llm.prompt_tokens`,
// `llm.output_tokens` as `{"column": …}`, docs/llm-serving.md) are read in the same pass: one
// count per request, reordered with the times (ties keep the file's order).
import { CsvError, forEachCsvRecord, MAX_TRACE_TIMESTAMP_S, MIN_TRACE_SPAN_S, showBound } from '../../../simulation';

/** The field a trace problem belongs to: the arrivals' `path` or `time_column`, or an `llm` token column. */
export type TraceField = 'path' | 'time_column' | 'prompt_tokens' | 'output_tokens';

export class TraceError extends Error {
  constructor(message: string, readonly field: TraceField = 'path') {
    super(message);
  }
}

/** Token columns to read beside the times, by header name or 0-based index (`llm.*_tokens.column`). */
export interface TokenColumnRefs {
  prompt?: string | number;
  output?: string | number;
}

export interface ParsedTrace {
  /** Seconds since the first request, ascending, first = 0. */
  times: Float64Array;
  /** Whether the first record was taken as a header. */
  header: boolean;
  /** The token columns asked for: one count per request, in the order of `times`. */
  tokens: { prompt?: Float64Array; output?: Float64Array };
}

/** The largest token count a trace cell may hold (far above any model's context length). */
export const MAX_TRACE_TOKENS = 1e9;
const TOKEN_KEYS = ['prompt', 'output'] as const;
const tokenField = (key: 'prompt' | 'output'): TraceField => (key === 'prompt' ? 'prompt_tokens' : 'output_tokens');
const shown = (v: string) => JSON.stringify(v.length > 40 ? `${v.slice(0, 37)}...` : v);

type Kind = 'seconds' | 'datetime';

const SECONDS = /^[+-]?(?:(\d+)(?:\.(\d*))?|\.(\d+))(?:[eE][+-]?\d+)?$/;
const DATETIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/;

/** Whole seconds and fraction in [0, 1) of one timestamp, or null when it is not one. */
export function parseTimestamp(text: string): { kind: Kind; whole: number; frac: number } | null {
  const s = text.trim();
  const sec = SECONDS.exec(s);
  if (sec) {
    // Plain decimals are split at the point; exponent forms go through Number().
    if (!/[eE]/.test(s)) {
      const neg = s.startsWith('-');
      const intPart = Number(sec[1] ?? '0');
      const fracDigits = sec[2] ?? sec[3] ?? '';
      const frac = fracDigits === '' ? 0 : Number(`0.${fracDigits}`);
      if (!neg) return { kind: 'seconds', whole: intPart, frac };
      return frac === 0 ? { kind: 'seconds', whole: -intPart, frac: 0 } : { kind: 'seconds', whole: -intPart - 1, frac: 1 - frac };
    }
    const v = Number(s);
    if (!Number.isFinite(v)) return null;
    const whole = Math.floor(v);
    return { kind: 'seconds', whole, frac: v - whole };
  }
  const dt = DATETIME.exec(s);
  if (!dt) return null;
  const [, y, mo, d, h = '0', mi = '0', se = '0', fr = '', zone] = dt;
  const year = Number(y), month = Number(mo), day = Number(d), hour = Number(h), minute = Number(mi), second = Number(se);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 60) return null;
  let offset = 0;
  if (zone && zone !== 'Z') {
    const m = /^([+-])(\d{2}):?(\d{2})$/.exec(zone) as RegExpExecArray;
    offset = (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 3600 + Number(m[3]) * 60);
  }
  const whole = daysFromCivil(year, month, day) * 86400 + hour * 3600 + minute * 60 + second - offset;
  return { kind: 'datetime', whole, frac: fr === '' ? 0 : Number(`0.${fr}`) };
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(m) ? 30 : 31;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm). */
function daysFromCivil(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/**
 * Parses the request timestamps of a trace. `column` is a header name or a 0-based index
 * (default 0). With a name (for the times or a token column), the first record is the header;
 * otherwise the first record is a header when its time field is not a timestamp but contains a
 * letter. `tokenColumns` names the token columns to read too (counts ≥ 0, at most
 * MAX_TRACE_TOKENS; the engine rounds them).
 */
export function parseTraceCsv(text: string, column: string | number | undefined, label: string, tokenColumns: TokenColumnRefs = {}): ParsedTrace {
  let index = typeof column === 'number' ? column : 0;
  let header = false;
  let first = true;
  let kind: Kind | null = null;
  let kindLine = 0;
  let wholes = new Float64Array(1024), fracs = new Float64Array(1024);
  let n = 0;
  const wanted = TOKEN_KEYS.filter((k) => tokenColumns[k] !== undefined);
  const tokenAt: Record<'prompt' | 'output', number> = {
    prompt: typeof tokenColumns.prompt === 'number' ? tokenColumns.prompt : -1,
    output: typeof tokenColumns.output === 'number' ? tokenColumns.output : -1,
  };
  const counts: Record<'prompt' | 'output', Float64Array> = { prompt: new Float64Array(wanted.includes('prompt') ? 1024 : 0), output: new Float64Array(wanted.includes('output') ? 1024 : 0) };
  const named = typeof column === 'string' || wanted.some((k) => typeof tokenColumns[k] === 'string');
  const each = (onRecord: (fields: string[], line: number) => void) => {
    try {
      forEachCsvRecord(text, onRecord);
    } catch (e) {
      if (e instanceof CsvError) throw new TraceError(`${label} ${e.message}`);
      throw e;
    }
  };
  each((fields, line) => {
    if (first) {
      first = false;
      if (named) {
        const names = fields.map((f) => f.trim());
        if (typeof column === 'string') {
          const at = names.indexOf(column.trim());
          if (at < 0) throw new TraceError(`no column "${column}" in ${label} (line ${line} has: ${names.join(', ')})`, 'time_column');
          index = at;
        }
        for (const k of wanted) {
          const c = tokenColumns[k];
          if (typeof c !== 'string') continue;
          const at = names.indexOf(c.trim());
          if (at < 0) throw new TraceError(`no column "${c}" in ${label} (line ${line} has: ${names.join(', ')})`, tokenField(k));
          tokenAt[k] = at;
        }
        header = true;
        return;
      }
      const v = fields[index];
      if (v !== undefined && parseTimestamp(v) === null && /[A-Za-z]/.test(v)) { header = true; return; }
    }
    const v = fields[index];
    if (v === undefined) throw new TraceError(`${label} line ${line}: has ${fields.length} column${fields.length === 1 ? '' : 's'}, no column ${index} (time_column is 0-based)`);
    const t = parseTimestamp(v);
    if (!t) throw new TraceError(`${label} line ${line}: cannot read ${JSON.stringify(v.length > 40 ? `${v.slice(0, 37)}...` : v)} as a timestamp (seconds such as 12.5, or a date-time such as 2023-11-16 18:17:03.9799600)`);
    if (!(Math.abs(t.whole) <= MAX_TRACE_TIMESTAMP_S)) {
      throw new TraceError(`${label} line ${line}: timestamp ${JSON.stringify(v.length > 40 ? `${v.slice(0, 37)}...` : v)} is out of range (at most ${showBound(MAX_TRACE_TIMESTAMP_S)} s from 1970 either way)`);
    }
    if (kind === null) { kind = t.kind; kindLine = line; }
    else if (t.kind !== kind) throw new TraceError(`${label} line ${line}: a ${t.kind === 'seconds' ? 'number of seconds' : 'date-time'} where line ${kindLine} has a ${kind === 'seconds' ? 'number of seconds' : 'date-time'}`);
    if (n === wholes.length) {
      const w = new Float64Array(n * 2), f = new Float64Array(n * 2);
      w.set(wholes); f.set(fracs);
      wholes = w; fracs = f;
      for (const k of wanted) {
        const c = new Float64Array(n * 2);
        c.set(counts[k]);
        counts[k] = c;
      }
    }
    for (const k of wanted) counts[k][n] = tokenCount(fields, tokenAt[k], line, k, tokenColumns[k] as string | number, label);
    wholes[n] = t.whole;
    fracs[n] = t.frac;
    n++;
  });
  if (n === 0) throw new TraceError(`${label} has no requests${header ? ' (only a header)' : ''}`);
  // The earliest request, compared exactly on (whole, fraction).
  let m = 0;
  for (let k = 1; k < n; k++) {
    const dw = (wholes[k] as number) - (wholes[m] as number);
    if (dw < 0 || (dw === 0 && (fracs[k] as number) < (fracs[m] as number))) m = k;
  }
  const w0 = wholes[m] as number, f0 = fracs[m] as number;
  const times = new Float64Array(n);
  let sorted = true;
  for (let k = 0; k < n; k++) {
    times[k] = ((wholes[k] as number) - w0) + ((fracs[k] as number) - f0);
    if (k > 0 && (times[k] as number) < (times[k - 1] as number)) sorted = false;
  }
  const tokens: ParsedTrace['tokens'] = {};
  for (const k of wanted) tokens[k] = counts[k].slice(0, n);
  if (!sorted) {
    if (wanted.length === 0) times.sort();
    else {
      // Rows move with their times; equal times keep the file's order (deterministic).
      const order = Array.from({ length: n }, (_, k) => k).sort((a, b) => (times[a] as number) - (times[b] as number) || a - b);
      const before = times.slice();
      for (let k = 0; k < n; k++) times[k] = before[order[k] as number] as number;
      for (const key of wanted) {
        const col = tokens[key] as Float64Array, was = col.slice();
        for (let k = 0; k < n; k++) col[k] = was[order[k] as number] as number;
      }
    }
  }
  const span = (times[n - 1] as number) - (times[0] as number);
  if (span > 0 && span < MIN_TRACE_SPAN_S) {
    throw new TraceError(`${label} spans only ${span} s from first to last request; a trace must span at least ${MIN_TRACE_SPAN_S} s (its rate is requests ÷ span)`);
  }
  return { times, header, tokens };
}

/** The token count in column `at` of one record: a number ≥ 0 and ≤ MAX_TRACE_TOKENS, else a TraceError naming the line. */
function tokenCount(fields: readonly string[], at: number, line: number, key: 'prompt' | 'output', ref: string | number, label: string): number {
  const field = tokenField(key);
  const v = fields[at];
  if (v === undefined) throw new TraceError(`${label} line ${line}: has ${fields.length} column${fields.length === 1 ? '' : 's'}, no column ${at} (llm.${field}.column is 0-based)`, field);
  const s = v.trim();
  const x = s === '' ? Number.NaN : Number(s);
  if (!Number.isFinite(x) || x < 0 || x > MAX_TRACE_TOKENS) {
    const name = typeof ref === 'string' ? `column "${ref}"` : `column ${ref}`;
    throw new TraceError(`${label} line ${line}: cannot read ${shown(v)} in ${name} as a token count (a number from 0 to ${showBound(MAX_TRACE_TOKENS)})`, field);
  }
  return x;
}
