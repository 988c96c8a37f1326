// The trace importer (electron/backend/trace-csv.ts, trace-loader.ts): RFC 4180 parsing, both
// timestamp kinds with sub-microsecond fractions, shift to t = 0, errors that name the line and
// the field; and the Azure LLM traces' counts and spans as their source documents them.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateScenario, type Scenario } from '../../../simulation';
import { traceRates } from '../../../simulation/run/document';
import { forEachCsvRecord } from '../../../simulation';
import { parseTimestamp, parseTraceCsv } from '../../../electron/backend/traces/trace-csv';
import { loadTraces, readTraceFile } from '../../../electron/backend/traces/trace-loader';
import { fixtureData } from '../../fixture-data';

const root = path.resolve(__dirname, '..', '..', '..');
const bundled = path.join(root, 'assets', 'examples', 'data', 'AzureLLMInferenceTrace_code.csv');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'headroom-trace-'));

const times = (text: string, column?: string | number) => Array.from(parseTraceCsv(text, column, 't.csv').times);

describe('CSV records (RFC 4180)', () => {
  it('splits CRLF and LF records, keeps quoted commas, quotes and line breaks, and numbers physical lines', () => {
    const seen: [string[], number][] = [];
    forEachCsvRecord('a,b\r\n"x, y","say ""hi"""\n\n"two\nlines",z\r\nlast,1', (f, line) => seen.push([f, line]));
    expect(seen).toEqual([
      [['a', 'b'], 1],
      [['x, y', 'say "hi"'], 2],
      [['two\nlines', 'z'], 4],
      [['last', '1'], 6],
    ]);
  });

  it('rejects an unclosed quote and text after a closing quote, naming the line', () => {
    expect(() => forEachCsvRecord('t\n1\n"2', () => undefined)).toThrow(/line 3: a quoted field is not closed/);
    expect(() => forEachCsvRecord('t\n"1"x\n', () => undefined)).toThrow(/line 2: unexpected text after a closing quote/);
  });
});

describe('timestamps', () => {
  it('reads seconds and date-times; fractions of 7 digits survive on epoch-sized values', () => {
    expect(parseTimestamp('12.5')).toEqual({ kind: 'seconds', whole: 12, frac: 0.5 });
    expect(parseTimestamp('-1.25')).toEqual({ kind: 'seconds', whole: -2, frac: 0.75 });
    expect(parseTimestamp('1e3')).toEqual({ kind: 'seconds', whole: 1000, frac: 0 });
    const a = parseTimestamp('2023-11-16 18:17:03.9799600')!, b = parseTimestamp('2023-11-16T18:17:03.9799611')!;
    expect(a.whole).toBe(Date.UTC(2023, 10, 16, 18, 17, 3) / 1000);
    expect(b.whole - a.whole + (b.frac - a.frac)).toBeCloseTo(1.1e-6, 12);
    // Offsets: 20:17+02:00 is 18:17Z.
    expect(parseTimestamp('2023-11-16 20:17:03+02:00')!.whole).toBe(a.whole);
    expect(parseTimestamp('2024-02-29 00:00:00')!.whole).toBe(Date.UTC(2024, 1, 29) / 1000);
    for (const bad of ['2023-02-29 00:00:00', '2023-13-01', 'abc', '', '1.2.3', '12:00']) expect(parseTimestamp(bad)).toBeNull();
  });

  it('shifts the first request to 0, sorts, detects a header, and takes the column by name or index', () => {
    expect(times('t\n5\n3.5\n4\n')).toEqual([0, 0.5, 1.5]);
    expect(times('10\n11\n')).toEqual([0, 1]); // no header
    expect(times('id,when\n1,2023-01-01 00:00:01\n2,2023-01-01 00:00:00.25\n', 'when')).toEqual([0, 0.75]);
    expect(times('a,b\r\nx,7\r\ny,9', 1)).toEqual([0, 2]);
  });

  it('names the line of an unparseable timestamp, a missing column and mixed kinds', () => {
    expect(() => times('TIMESTAMP\n1\n2\nnoon\n')).toThrow(/t\.csv line 4: cannot read "noon" as a timestamp/);
    // A quoted field spanning lines still gives the physical line.
    expect(() => times('t,note\n1,"a\nb"\nx,ok\n')).toThrow(/line 4: cannot read "x"/);
    expect(() => times('when\n1\n', 'TIMESTAMP')).toThrow(/no column "TIMESTAMP" in t\.csv \(line 1 has: when\)/);
    expect(() => times('1,2\n3\n', 1)).toThrow(/line 2: has 1 column, no column 1/);
    expect(() => times('1\n2023-01-01 00:00:00\n')).toThrow(/line 2: a date-time where line 1 has a number of seconds/);
    expect(() => times('TIMESTAMP\r\n')).toThrow(/t\.csv has no requests \(only a header\)/);
    expect(() => times('')).toThrow(/has no requests/);
  });
});

describe('Azure LLM inference traces (counts and spans as the dataset documents them)', () => {
  const cases = [
    { file: bundled, count: 8819, span: 3435.948056, first: '2023-11-16 18:17:03.9799600' },
    { file: fixtureData('azure_llm_2023', 'AzureLLMInferenceTrace_conv.csv'), count: 19366, span: 3501.721937, first: '2023-11-16 18:15:46.6805900' },
  ];
  for (const c of cases) {
    it(`${path.basename(c.file)}: ${c.count} requests over ${c.span} s, first at 0, ascending`, () => {
      const t = readTraceFile(c.file, 'TIMESTAMP');
      expect(t.length).toBe(c.count);
      expect(t[0]).toBe(0);
      // The span is exact to the 7th decimal of the last timestamp (100 ns).
      expect(Math.abs(t[t.length - 1]! - c.span)).toBeLessThan(1e-6);
      for (let i = 1; i < t.length; i++) expect(t[i]!).toBeGreaterThanOrEqual(t[i - 1]!);
      // The default column (0) reads the same file the same way.
      expect(readTraceFile(c.file, undefined)).toEqual(t);
    });
  }

  it('the bundled trace\'s offered rate is requests ÷ span × scale', () => {
    const s = scenario({ process: 'trace', path: 'data/AzureLLMInferenceTrace_code.csv', time_column: 'TIMESTAMP', scale: 4 });
    const loaded = loadTraces(s, [path.dirname(path.dirname(bundled))]);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
    expect(traceRates(s, loaded.inputs).get('api')).toBeCloseTo((8819 / 3435.948056) * 4, 9);
  });
});

function scenario(arrivals: Record<string, unknown>): Scenario {
  const r = validateScenario({
    format: 'headroom.scenario/v1', name: 't',
    serving: { services: [{ id: 'api', arrivals, replicas: 1, service_time_ms: 10, latency_budget_ms: 100 }] },
  });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.scenario;
}

describe('loadTraces', () => {
  const write = (name: string, text: string) => fs.writeFileSync(path.join(tmp, name), text);

  it('resolves a relative path against the first folder that has it; errors name the field', () => {
    write('ok.csv', 't\n0\n0.5\n1\n');
    const found = loadTraces(scenario({ process: 'trace', path: 'ok.csv' }), [path.join(tmp, 'nowhere'), tmp]);
    expect(found.ok && Array.from(found.inputs.traces!.api!)).toEqual([0, 0.5, 1]);

    const missing = loadTraces(scenario({ process: 'trace', path: 'gone.csv' }), [tmp]);
    expect(missing).toEqual({ ok: false, errors: [{ path: 'serving.services[0].arrivals.path', message: `cannot read gone.csv (${path.join(tmp, 'gone.csv')}): no such file` }] });

    write('empty.csv', 'TIMESTAMP\r\n');
    const empty = loadTraces(scenario({ process: 'trace', path: 'empty.csv' }), [tmp]);
    expect(!empty.ok && empty.errors[0]).toEqual({ path: 'serving.services[0].arrivals.path', message: 'empty.csv has no requests (only a header)' });

    write('one.csv', '5\n');
    const one = loadTraces(scenario({ process: 'trace', path: 'one.csv' }), [tmp]);
    expect(!one.ok && one.errors[0]!.message).toMatch(/needs at least two requests at different times/);

    const column = loadTraces(scenario({ process: 'trace', path: 'ok.csv', time_column: 'when' }), [tmp]);
    expect(!column.ok && column.errors[0]!.path).toBe('serving.services[0].arrivals.time_column');

    write('bad.csv', 't\n1\n2\n2023-99-01\n');
    const bad = loadTraces(scenario({ process: 'trace', path: 'bad.csv' }), [tmp]);
    expect(!bad.ok && bad.errors[0]!.message).toMatch(/^bad\.csv line 4: cannot read "2023-99-01" as a timestamp/);
  });
});
