// The fidelity page's generator (scripts/fidelity-page.ts, scripts/fidelity/): how an error is
// measured, formatting to 2 significant digits, grouping and sorting, the check that fails when
// docs/fidelity.md and the records disagree, and the recorder the validation tests call.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkPage, formatError, formatTolerance, groupRecords, naturalCompare, renderPage, shortDiff, sig } from '../../../scripts/fidelity/page';
import { assess, readRecords, REPO_ROOT, type FidelityRecord } from '../../../scripts/fidelity/record';
import { recordCases, recordFidelity } from '../../validation/fidelity-record';

function rec(over: Partial<FidelityRecord>): FidelityRecord {
  const base = { model: 'serving', truth: 'Erlang C mean wait', source: 'Erlang (1917)', case: 'c = 4', measured: 10.2, expected: 10, tolerance: { rel: 0.05 }, replications: 4, test: 'test/validation/mmc.test.ts', name: 'x' } as const;
  const r = { ...base, ...over } as FidelityRecord;
  return { ...r, ...assess(r) };
}

describe('assess: the error and the verdict of a check', () => {
  it('measures each kind of tolerance, bounds inclusive', () => {
    expect(assess({ measured: 10.2, expected: 10, tolerance: { rel: 0.02 } }).error).toBeCloseTo(0.02, 12);
    expect(assess({ measured: 10.3, expected: 10, tolerance: { rel: 0.02 } }).within).toBe(false);
    expect(assess({ measured: 1, expected: 1.5, tolerance: { abs: 0.5 } })).toEqual({ error: 0.5, within: true });
    expect(assess({ measured: 3, expected: 3, tolerance: { kind: 'exact' } })).toEqual({ error: 0, within: true });
    expect(assess({ measured: 3, expected: 3 + 1e-15, tolerance: { kind: 'exact' } }).within).toBe(false);
    expect(assess({ measured: 0.94, expected: 0.95, tolerance: { range: [0.88, 0.99] } }).within).toBe(true);
    expect(assess({ measured: 0.87, expected: 0.95, tolerance: { range: [0.88, 0.99] } }).within).toBe(false);
    // ci95: the truth must lie in the simulated interval, whatever the distance to the mean.
    expect(assess({ measured: 5, expected: 5.9, tolerance: { ci95: [4, 6] } }).within).toBe(true);
    expect(assess({ measured: 5, expected: 6.1, tolerance: { ci95: [4, 6] } }).within).toBe(false);
    expect(assess({ measured: 167, expected: 168, tolerance: { kind: 'cases' } })).toEqual({ error: 1, within: false });
    expect(assess({ measured: Number.NaN, expected: 1, tolerance: { abs: 1 } })).toEqual({ error: null, within: false });
  });

  it('refuses a relative tolerance around zero', () => {
    expect(() => assess({ measured: 0, expected: 0, tolerance: { rel: 0.1 } })).toThrow(/non-zero expected/);
  });
});

describe('formatting', () => {
  it('sig: 2 significant digits, no float noise, exponent for the very small', () => {
    expect([0, 0.0042, 0.0123456, 1.25, 36.36, 12345678, 1.4e-14, -0.000012].map((x) => sig(x))).toEqual(['0', '0.0042', '0.012', '1.3', '36', '1.2e7', '1.4e-14', '-1.2e-5']);
    expect(sig(0.95 - 0.016, 3)).toBe('0.934');
  });

  it('errors: relative in percent, float noise as such, cases as a count, a band with what was measured', () => {
    expect(formatError(rec({ measured: 10.2123 }))).toBe('2.1%');
    expect(formatError(rec({ measured: 10 * (1 + 1e-15) }))).toBe('< 1e-10%');
    expect(formatError(rec({ measured: 166, expected: 168, tolerance: { kind: 'cases' } }))).toBe('166/168 agree');
    expect(formatError(rec({ measured: 0.935, expected: 0.95, tolerance: { range: [0.88, 0.99] } }))).toBe('0.015 (measured 0.935)');
    expect(formatError(rec({ measured: 2, expected: 2, tolerance: { kind: 'exact' } }))).toBe('0');
  });

  it('tolerances', () => {
    expect(formatTolerance({ rel: 0.015 }, 1)).toBe('≤ 1.5% relative');
    expect(formatTolerance({ abs: 5e-10 }, 1)).toBe('≤ 5e-10 absolute');
    expect(formatTolerance({ range: [0.95 - 0.016, 0.99] }, 0.95)).toBe('measured in [0.934, 0.99] (truth 0.95)');
    expect(formatTolerance({ ci95: [0.7, 0.8] }, 0.75)).toBe('inside the 95% CI (±0.05)');
    expect(formatTolerance({ kind: 'cases' }, 1)).toBe('every case');
  });

  it('natural order: numbers by value', () => {
    expect(['c = 150', 'c = 20', 'c = 4', 'b'].sort(naturalCompare)).toEqual(['b', 'c = 4', 'c = 20', 'c = 150']);
  });
});

describe('grouping and the page', () => {
  const records = [
    rec({ model: 'cluster', truth: 'E[step] = m · H_n', case: 'n = 64', test: 'test/validation/cluster-steps.test.ts' }),
    rec({ case: 'c = 150' }),
    rec({ case: 'c = 20' }),
    rec({ truth: 'a | b', case: 'c = 4' }),
    rec({ model: 'engine', truth: 'Erlang C P(wait)', case: 'c = 4', test: 'test/validation/kernel-mmc.test.ts' }),
  ];

  it('groups by model in the page order, rows by truth then case, whatever the input order', () => {
    const groups = groupRecords(records);
    expect([...groups.keys()]).toEqual(['serving', 'cluster', 'engine']);
    expect(groups.get('serving')!.map((r) => `${r.truth} / ${r.case}`)).toEqual(['a | b / c = 4', 'Erlang C mean wait / c = 20', 'Erlang C mean wait / c = 150']);
    expect(renderPage([...records].reverse())).toBe(renderPage(records));
  });

  it('the page: a provenance line, a table per model, pipes escaped, a link to each test', () => {
    const page = renderPage(records);
    expect(page).toContain('Generated by `npm run fidelity` from the validation suite; do not edit.');
    expect(page).toContain('## Serving: model-serving queues');
    expect(page).toContain('| a \\| b — *Erlang (1917)* | c = 4 | ≤ 5% relative | 2% | 4 | [mmc.test.ts](../test/validation/mmc.test.ts) |');
    expect(page).not.toContain('## Pipeline');
    expect(page).not.toMatch(/\d{4}-\d{2}-\d{2}/); // no date: the page only changes with the records
  });

  it('a rerun in the same file keeps its last record; the same check from two files, a failed check or an unknown model is an error', () => {
    expect(groupRecords([rec({ measured: 10.1 }), rec({ measured: 10.3 })]).get('serving')![0]!.measured).toBe(10.3);
    expect(() => groupRecords([rec({}), rec({ test: 'test/validation/other.test.ts' })])).toThrow('two tests record serving / Erlang C mean wait / c = 4');
    expect(() => groupRecords([rec({ measured: 20 })])).toThrow(/outside its tolerance/);
    expect(() => groupRecords([rec({ model: 'queues' as never })])).toThrow(/unknown fidelity model "queues"/);
  });
});

describe('--check', () => {
  const records = [rec({}), rec({ model: 'cluster', truth: 'E[step]', case: 'n = 8', test: 'test/validation/cluster-steps.test.ts' })];
  const page = renderPage(records);

  it('passes when the page is what the records give', () => {
    expect(checkPage(page, records)).toBeNull();
  });

  it('reports a changed error as an out-of-date page, with a diff', () => {
    const changed = [rec({ measured: 10.3 }), records[1]!];
    const problem = checkPage(page, changed)!;
    expect(problem).toMatch(/^docs\/fidelity\.md is out of date: run npm run fidelity\n/);
    expect(problem).toContain('- | Erlang C mean wait — *Erlang (1917)* | c = 4 | ≤ 5% relative | 2% |');
    expect(problem).toContain('+ | Erlang C mean wait — *Erlang (1917)* | c = 4 | ≤ 5% relative | 3% |');
  });

  it('names the models and test files the page lists that no record covers (a partial run)', () => {
    const problem = checkPage(page, [records[0]!])!;
    expect(problem).toContain('records are missing for what docs/fidelity.md lists');
    expect(problem).toContain('model cluster: no record');
    expect(problem).toContain('test/validation/cluster-steps.test.ts: no record');
    expect(checkPage(page, [])).toMatch(/^no fidelity records/);
    expect(checkPage(null, records)).toBe('docs/fidelity.md does not exist: run npm run fidelity');
  });

  it('shortDiff stops after max changed lines', () => {
    const a = Array.from({ length: 50 }, (_, i) => `a${i}`).join('\n'), b = Array.from({ length: 50 }, (_, i) => `b${i}`).join('\n');
    const d = shortDiff(a, b, 10).split('\n');
    expect(d).toHaveLength(11);
    expect(d[10]).toBe('… and 90 more changed lines');
  });

  it('the script exits 1 and says why when there are no records', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fidelity-empty-'));
    const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'scripts/fidelity-page.ts'), '--check'], { encoding: 'utf8', env: { ...process.env, HEADROOM_FIDELITY_DIR: dir } });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('no fidelity records');
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe('recordFidelity, as the validation tests call it', () => {
  const saved = process.env.HEADROOM_FIDELITY_DIR;
  afterEach(() => {
    if (saved === undefined) delete process.env.HEADROOM_FIDELITY_DIR;
    else process.env.HEADROOM_FIDELITY_DIR = saved;
  });

  it('appends one line per check to this test file\'s records, and throws after writing one outside its tolerance', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fidelity-record-'));
    process.env.HEADROOM_FIDELITY_DIR = dir;
    const check = { model: 'serving', truth: 'unit test', source: 'here', measured: 1.01, expected: 1, tolerance: { rel: 0.02 } } as const;
    expect(recordFidelity({ ...check, case: 'inside' })).toEqual({ error: expect.closeTo(0.01, 12) as number, within: true });
    expect(() => recordFidelity({ ...check, case: 'outside', measured: 1.05 })).toThrow(/serving \/ unit test \/ outside: measured 1.05, expected 1, error .* is outside the tolerance/);
    recordCases({ model: 'pipeline', truth: 'unit test table', source: 'here', case: 'all', agree: 3, total: 3 });
    expect(() => recordFidelity({ ...check, case: 'inside' })).toThrow(/a second record for serving \/ unit test \/ inside/);
    expect(fs.readdirSync(dir)).toEqual(['test__unit__scripts__fidelity-page.test.ts.jsonl']);
    const written = readRecords(dir);
    expect(written.map((r) => [r.case, r.within, r.test])).toEqual([
      ['inside', true, 'test/unit/scripts/fidelity-page.test.ts'], ['outside', false, 'test/unit/scripts/fidelity-page.test.ts'], ['all', true, 'test/unit/scripts/fidelity-page.test.ts'],
    ]);
    expect(written[2]).toMatchObject({ measured: 3, expected: 3, tolerance: { kind: 'cases' }, error: 0 });
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
