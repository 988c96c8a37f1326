// One CSV reader for every format: the cases where the two earlier readers disagreed now give
// one answer, whichever file kind reads them (trace arrivals, job traces, worker step times).
import { describe, expect, it } from 'vitest';
import { parseCsv, parseJobTrace, parseWorkerSteps } from '../../../simulation';
import { parseTraceCsv } from '../../../electron/backend/traces/trace-csv';

describe('the one CSV reader', () => {
  it('refuses text after a closing quote ("ab"x) instead of reading it as abx', () => {
    expect(() => parseCsv('a,b\n"ab"x,c\n')).toThrow(/line 2: unexpected text after a closing quote/);
    expect(() => parseTraceCsv('t\n"1"x\n', 't', 'trace.csv')).toThrow(/trace\.csv line 2: unexpected text after a closing quote/);
    const jobs = 'job_id,num_gpu,submit_time,iterations,model_name,duration,interval\n"j1"x,4,0,10,m,100,1\n';
    expect(parseJobTrace(jobs, 'tiresias', { id: 'p', units: 8, path: 'cluster.pools[0].units' })).toEqual({ ok: false, issues: [{ line: 2, message: 'unexpected text after a closing quote' }] });
    expect(parseWorkerSteps(',worker,time,batch_time_norm\n0,"0"x,1,100\n')).toEqual({ ok: false, line: 2, message: 'unexpected text after a closing quote' });
  });

  it('skips blank and whitespace-only lines in every format', () => {
    expect(parseCsv('a,b\n  \n\t\n1,2\n\n').map((r) => [r.line, r.fields])).toEqual([[1, ['a', 'b']], [4, ['1', '2']]]);
    expect(Array.from(parseTraceCsv('t\n0\n   \n1.5\n', 't', 'trace.csv').times)).toEqual([0, 1.5]);
    const steps = ',worker,gpu,time,batch_time_norm\n0,0,1,1,100\n \n1,1,1,1,110\n2,0,1,2,100\n3,1,1,2,120\n';
    const parsed = parseWorkerSteps(steps);
    expect(parsed.ok && parsed.rows.length).toBe(4);
  });

  it('keeps a quoted field that is only spaces (it is data, not a blank line)', () => {
    expect(parseCsv('a\n"  "\n').map((r) => r.fields)).toEqual([['a'], ['  ']]);
  });
});
