// The one CSV reader of the project (trace arrivals, job traces, per-worker step times): RFC
// 4180 — quoted fields, "" for a quote, line breaks inside quotes — with CRLF, LF or lone CR line
// ends and an optional byte-order mark. Every record carries the 1-based physical line it starts
// on, so errors can name it. Blank and whitespace-only lines are skipped (they hold no record).
// Text after a closing quote ("ab"x) is an error rather than silently joined, because a reader
// that guesses would read a damaged file as data.

/** A malformed record: `line` is where it starts (or where the damage is), `reason` says what is wrong. */
export class CsvError extends Error {
  constructor(readonly line: number, readonly reason: string) {
    super(`line ${line}: ${reason}`);
  }
}

export interface CsvRecord {
  /** 1-based line number where the record starts. */
  line: number;
  fields: string[];
}

/** Calls `onRecord(fields, line)` for every record of `text`, in order (no array of records is kept). */
export function forEachCsvRecord(text: string, onRecord: (fields: string[], line: number) => void): void {
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const n = text.length;
  let line = 1;
  while (i < n) {
    const startLine = line;
    const fields: string[] = [];
    let quoted = false;
    for (;;) {
      let value = '';
      if (text.charCodeAt(i) === 34) {
        quoted = true;
        // Quoted field: "" is a quote; anything else, line breaks included, is literal.
        i++;
        let from = i;
        for (;;) {
          const q = text.indexOf('"', i);
          if (q < 0) throw new CsvError(startLine, 'a quoted field is not closed');
          value += text.slice(from, q);
          for (let k = from; k < q; k++) if (text.charCodeAt(k) === 10) line++;
          if (text.charCodeAt(q + 1) === 34) { value += '"'; i = from = q + 2; continue; }
          i = q + 1;
          break;
        }
        const c = text.charCodeAt(i);
        if (i < n && c !== 44 && c !== 10 && c !== 13) throw new CsvError(line, 'unexpected text after a closing quote');
      } else {
        const from = i;
        while (i < n) {
          const c = text.charCodeAt(i);
          if (c === 44 || c === 10 || c === 13) break;
          i++;
        }
        value = text.slice(from, i);
      }
      fields.push(value);
      const c = text.charCodeAt(i);
      if (c === 44) { i++; continue; }
      // End of record: CRLF, LF, lone CR, or end of text.
      if (c === 13) i++;
      if (text.charCodeAt(i) === 10) i++;
      if (i <= n) line++;
      break;
    }
    if (fields.length === 1 && !quoted && (fields[0] as string).trim() === '') continue;
    onRecord(fields, startLine);
  }
}

/** Every record of `text` (for small files; large traces use forEachCsvRecord). */
export function parseCsv(text: string): CsvRecord[] {
  const out: CsvRecord[] = [];
  forEachCsvRecord(text, (fields, line) => out.push({ line, fields }));
  return out;
}

/** Header name → column index (names trimmed, compared case-insensitively). */
export function headerIndex(header: CsvRecord): Map<string, number> {
  const m = new Map<string, number>();
  header.fields.forEach((f, i) => {
    const k = f.trim().toLowerCase();
    if (!m.has(k)) m.set(k, i);
  });
  return m;
}
