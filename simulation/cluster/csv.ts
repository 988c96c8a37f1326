// A small RFC 4180 reader (quoted fields, "" escapes, CRLF or LF line ends) that keeps the line
// number each record starts on, so trace errors can name it. Blank lines are skipped.

export interface CsvRecord {
  /** 1-based line number where the record starts. */
  line: number;
  fields: string[];
}

export function parseCsv(text: string): CsvRecord[] {
  const out: CsvRecord[] = [];
  let i = 0, line = 1;
  const n = text.length;
  if (text.charCodeAt(0) === 0xfeff) i = 1; // byte-order mark
  while (i < n) {
    const start = line;
    const fields: string[] = [];
    let field = '';
    for (;;) {
      if (i < n && text[i] === '"' && field === '') {
        i++;
        for (;;) {
          if (i >= n) throw new Error(`line ${start}: unterminated quoted field`);
          const ch = text[i] as string;
          if (ch === '"') {
            if (text[i + 1] === '"') { field += '"'; i += 2; continue; }
            i++;
            break;
          }
          if (ch === '\n') line++;
          field += ch;
          i++;
        }
      }
      while (i < n && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') field += text[i++];
      fields.push(field);
      field = '';
      if (i < n && text[i] === ',') { i++; continue; }
      break;
    }
    if (text[i] === '\r') i++;
    if (text[i] === '\n') i++;
    line++;
    if (!(fields.length === 1 && (fields[0] as string).trim() === '')) out.push({ line: start, fields });
  }
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
