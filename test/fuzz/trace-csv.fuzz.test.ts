// Fuzz of the CSV readers (docs/reliability.md, F2), on mutations of the real files the app
// reads (csv-mutations.ts): serving traces (parseTraceCsv), job traces (parseJobTrace, Tiresias
// and generic) and per-worker step times for calibration (parseWorkerSteps, fitStragglers).
// Each must give a result whose every figure is finite (times sorted from 0), or refuse with a
// message naming the line; nothing else may be thrown.
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTraceCsv, TraceError } from '../../electron/backend/traces/trace-csv';
import { fitStragglers, measuredSyncSlowdown, parseJobTrace, parseWorkerSteps } from '../../simulation';
import { arbCsvMutations, mutateCsv } from './csv-mutations';
import { describeThrown, expectAllFinite, fuzzOptions, recordTally, RUNS, Tally, unfitMessage } from './outcome';

const ROOT = path.resolve(__dirname, '../..');
/** The first `lines` lines of a real file (whole files make each case slower, not more varied). */
const head = (file: string, lines = 300) => fs.readFileSync(path.join(ROOT, file), 'utf8').split('\n').slice(0, lines).join('\n');
/** Fits are slow (≈0.1–0.5 s each): every case is parsed, this many accepted ones are fitted. */
const FITS = Math.max(1, Math.round(RUNS / 40));

function thrownBy(fn: () => void): unknown {
  try {
    fn();
    return null;
  } catch (e) {
    return e;
  }
}

function expectFit(message: string, context: string): void {
  const unfit = unfitMessage(message);
  if (unfit) throw new Error(`${context}: ${unfit}`);
}

describe('serving trace reader fuzz (parseTraceCsv)', () => {
  const label = 'fuzz-trace.csv';
  const bases = [
    { text: head('assets/examples/data/AzureLLMInferenceTrace_code.csv'), column: 'TIMESTAMP' },
    { text: head('test/fixtures/data/azure_llm_2023/AzureLLMInferenceTrace_conv.csv'), column: undefined },
    { text: head('test/fixtures/data/azure_llm_2023/AzureLLMInferenceTrace_conv.csv'), column: 1 },
    { text: head('test/fixtures/data/alibaba_pai_2020/job_2_norm.csv'), column: 'time' },
  ];
  it('gives finite times sorted from 0, or a TraceError naming the file (and the line, for a record)', () => {
    const tally = new Tally();
    fc.assert(fc.property(fc.nat(bases.length - 1), arbCsvMutations, fc.constantFrom<string | number | undefined>(undefined, 'base', 0, 2, 'missing'), (b, mutations, col) => {
      const base = bases[b] as (typeof bases)[number];
      const column = col === 'base' ? base.column : col;
      let parsed: ReturnType<typeof parseTraceCsv> | null = null;
      const thrown = thrownBy(() => { parsed = parseTraceCsv(mutateCsv(base.text, mutations), column, label); });
      if (thrown) {
        if (!(thrown instanceof TraceError)) throw new Error(`not a TraceError: ${describeThrown(thrown)}`);
        expectFit(thrown.message, 'refusal');
        if (!thrown.message.includes(label)) throw new Error(`does not name the file: ${thrown.message}`);
        tally.add('refused');
        return;
      }
      const { times } = parsed as unknown as ReturnType<typeof parseTraceCsv>;
      expect(times.length).toBeGreaterThan(0);
      expect(times[0]).toBe(0);
      for (let i = 0; i < times.length; i++) {
        if (!Number.isFinite(times[i]) || (i > 0 && (times[i] as number) < (times[i - 1] as number))) throw new Error(`time ${i} is ${times[i]} after ${times[i - 1]}`);
      }
      tally.add('accepted');
    }), fuzzOptions(20_251_210));
    recordTally('serving trace CSV', tally);
    expect(tally.get('accepted')).toBeGreaterThan(0);
    expect(tally.get('refused')).toBeGreaterThan(0);
  });
});

describe('job trace reader fuzz (parseJobTrace)', () => {
  const tiresias = head('test/fixtures/data/tiresias/60_job.csv', 61);
  // The generic format, made from the same real jobs: arrival_s,units,steps,step_time_s,id,priority.
  const generic = ['arrival_s,units,steps,step_time_s,id,priority', ...tiresias.split('\n').slice(1).filter((l) => l.trim() !== '').map((l) => {
    const [id, gpus, submit, iterations, , duration] = l.split(',');
    return `${submit},${gpus},${iterations},${Number(duration) / Number(iterations)},${id},${Number(id) % 3}`;
  })].join('\n');
  const bases = [{ text: tiresias, format: 'tiresias' as const }, { text: generic, format: 'csv' as const }];

  it('gives jobs with finite figures that fit the pool, or issues naming a line', () => {
    const tally = new Tally();
    fc.assert(fc.property(fc.nat(1), arbCsvMutations, fc.constantFrom(1, 8, 64), (b, mutations, units) => {
      const base = bases[b] as (typeof bases)[number];
      const text = mutateCsv(base.text, mutations);
      let result: ReturnType<typeof parseJobTrace> | undefined;
      const thrown = thrownBy(() => { result = parseJobTrace(text, base.format, { id: 'pool', units, path: 'cluster.pools[0].units' }); });
      if (thrown) throw new Error(`thrown: ${describeThrown(thrown)}`);
      const r = result as ReturnType<typeof parseJobTrace>;
      if (!r.ok) {
        expect(r.issues.length).toBeGreaterThan(0);
        for (const issue of r.issues) {
          if (!(Number.isSafeInteger(issue.line) && issue.line >= 1)) throw new Error(`issue without a line: ${JSON.stringify(issue)}`);
          expectFit(issue.message, 'issue');
        }
        tally.add('refused');
        return;
      }
      expectAllFinite(r.jobs, 'jobs');
      for (const j of r.jobs) {
        if (!(Number.isSafeInteger(j.units) && j.units >= 1 && j.units <= units && j.arrival_s >= 0 && Number.isSafeInteger(j.steps) && j.steps >= 1 && j.step_time_s >= 0)) {
          throw new Error(`job out of range: ${JSON.stringify(j)}`);
        }
      }
      tally.add('accepted');
    }), fuzzOptions(20_251_211));
    recordTally('job trace CSV', tally);
    expect(tally.get('accepted')).toBeGreaterThan(0);
    expect(tally.get('refused')).toBeGreaterThan(0);
  });
});

describe('worker step reader fuzz (parseWorkerSteps, fitStragglers)', () => {
  const bases = [1, 2, 3, 4].map((n) => head(`test/fixtures/data/alibaba_pai_2020/job_${n}_norm.csv`, 200));
  bases.push(head('assets/examples/data/pai-job-1-worker-steps.csv', 200));

  it('gives rows whose slowdown and fit are finite, or a refusal naming the line', () => {
    const tally = new Tally();
    let fits = 0;
    fc.assert(fc.property(fc.nat(bases.length - 1), arbCsvMutations, (b, mutations) => {
      const text = mutateCsv(bases[b] as string, mutations);
      const thrown = thrownBy(() => {
        const parsed = parseWorkerSteps(text);
        if (!parsed.ok) {
          if (!(Number.isSafeInteger(parsed.line) && parsed.line >= 1)) throw new Error(`refusal without a line: ${JSON.stringify(parsed)}`);
          expectFit(parsed.message, 'refusal');
          tally.add('refused');
          return;
        }
        expectAllFinite(parsed.rows, 'rows');
        expectAllFinite(measuredSyncSlowdown(parsed.rows), 'measured sync slowdown');
        if (fits < FITS) {
          fits++;
          expectAllFinite(fitStragglers(parsed.rows), 'the fit');
          tally.add('fitted');
        } else tally.add('accepted');
      });
      if (thrown) throw new Error(describeThrown(thrown));
    }), fuzzOptions(20_251_212));
    recordTally('worker steps CSV', tally);
    expect(tally.get('fitted')).toBeGreaterThan(0);
    expect(tally.get('refused')).toBeGreaterThan(0);
  });
});
