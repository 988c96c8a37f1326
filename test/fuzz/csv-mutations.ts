// Mutations of real CSV files for the trace fuzz: fields replaced by edge values (400-digit
// numbers, ±1e308, NaN, impossible dates, NUL, quotes, 100,000-character fields), lines deleted,
// duplicated or swapped, line ends changed to CRLF, CR or a mix, stray quotes, truncation,
// header-only and empty files, a byte-order mark. Plain data, so fast-check shrinks and prints it.
import fc from 'fast-check';

export type CsvMutation =
  | { op: 'field'; line: number; col: number; value: string }
  | { op: 'deleteLine'; line: number }
  | { op: 'duplicateLine'; line: number }
  | { op: 'swapLines'; a: number; b: number }
  | { op: 'lineEnds'; style: 'crlf' | 'cr' | 'mixed' }
  | { op: 'insert'; at: number; text: string }
  | { op: 'truncate'; at: number }
  | { op: 'headerOnly' }
  | { op: 'empty' }
  | { op: 'bom' };

const EDGE_FIELDS = [
  '9'.repeat(400), `-${'9'.repeat(400)}`, `0.${'0'.repeat(398)}1`, '1e308', '-1e308', '1.7976931348623157e308', '1e309', '-1e309', '5e-324', '-0', '0', '-1',
  '1e12', '1e13', '-1e13', 'NaN', 'Infinity', '-Infinity', '', ' ', '0x10', '1,5', '"1"', '"', '""', '"a""b"', '"a\nb"', '\u0000', '1\u0000', '٣',
  '2023-11-16 18:17:03.9799600', '2023-02-29 00:00:00', '2024-02-29T23:59:60Z', '2023-13-01 00:00:00', '0000-01-01 00:00:00', '9999-12-31 23:59:59.999999999999999',
  '-271821-04-20', '2023-11-16T18:17:03+14:00', '2023-11-16T18:17:03-99:99', '1970-01-01', 'x'.repeat(100_000), '1'.repeat(100_000),
];

const arbField = fc.oneof(
  { arbitrary: fc.constantFrom(...EDGE_FIELDS), weight: 4 },
  { arbitrary: fc.double().map(String), weight: 2 },
  { arbitrary: fc.integer().map(String), weight: 1 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 12 }), weight: 1 },
);

export const arbCsvMutation: fc.Arbitrary<CsvMutation> = fc.oneof(
  { arbitrary: fc.record({ op: fc.constant('field' as const), line: fc.nat(), col: fc.nat(), value: arbField }), weight: 8 },
  { arbitrary: fc.record({ op: fc.constant('deleteLine' as const), line: fc.nat() }), weight: 1 },
  { arbitrary: fc.record({ op: fc.constant('duplicateLine' as const), line: fc.nat() }), weight: 1 },
  { arbitrary: fc.record({ op: fc.constant('swapLines' as const), a: fc.nat(), b: fc.nat() }), weight: 1 },
  { arbitrary: fc.record({ op: fc.constant('lineEnds' as const), style: fc.constantFrom('crlf' as const, 'cr' as const, 'mixed' as const) }), weight: 1 },
  { arbitrary: fc.record({ op: fc.constant('insert' as const), at: fc.nat(), text: fc.constantFrom('"', '""', ',', '\n', '\r', '\r\n', '\u0000', '\u0000\u0000\u0000', '\ufeff', 'x"y') }), weight: 2 },
  { arbitrary: fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }), weight: 1 },
  { arbitrary: fc.constant({ op: 'headerOnly' as const }), weight: 1 },
  { arbitrary: fc.constant({ op: 'empty' as const }), weight: 1 },
  { arbitrary: fc.constant({ op: 'bom' as const }), weight: 1 },
);

/** One to three mutations, or none (the file as it is must be read, too). */
export const arbCsvMutations = fc.oneof(
  { arbitrary: fc.array(arbCsvMutation, { minLength: 1, maxLength: 3 }), weight: 12 },
  { arbitrary: fc.constant([] as CsvMutation[]), weight: 1 },
);

export function mutateCsv(text: string, mutations: readonly CsvMutation[]): string {
  let t = text;
  for (const m of mutations) {
    const lines = t.split('\n');
    const pick = (i: number) => i % Math.max(1, lines.length);
    switch (m.op) {
      case 'field': {
        const i = pick(m.line);
        const fields = (lines[i] ?? '').split(',');
        fields[m.col % Math.max(1, fields.length)] = m.value;
        lines[i] = fields.join(',');
        t = lines.join('\n');
        break;
      }
      case 'deleteLine': lines.splice(pick(m.line), 1); t = lines.join('\n'); break;
      case 'duplicateLine': lines.splice(pick(m.line), 0, lines[pick(m.line)] ?? ''); t = lines.join('\n'); break;
      case 'swapLines': {
        const a = pick(m.a), b = pick(m.b);
        [lines[a], lines[b]] = [lines[b] ?? '', lines[a] ?? ''];
        t = lines.join('\n');
        break;
      }
      case 'lineEnds':
        t = m.style === 'crlf' ? lines.join('\r\n') : m.style === 'cr' ? lines.join('\r') : lines.map((l, i) => l + ['\n', '\r\n', '\r'][i % 3]).join('');
        break;
      case 'insert': { const at = m.at % (t.length + 1); t = t.slice(0, at) + m.text + t.slice(at); break; }
      case 'truncate': t = t.slice(0, m.at % (t.length + 1)); break;
      case 'headerOnly': t = `${lines[0] ?? ''}\n`; break;
      case 'empty': t = ''; break;
      case 'bom': t = `\ufeff${t}`; break;
    }
  }
  return t;
}
