// Job traces: the Tiresias format and the generic CSV, and every problem with its line number.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseJobTrace } from '../../../simulation';
import { normalQuantile, gammaP } from '../../../simulation/cluster/dist-tail';
import { validateScenario } from '../../../simulation';
import { fixtureData } from '../../fixture-data';

const pool = { id: 'gpu', units: 64, path: 'cluster.pools[0].units' };

describe('Tiresias traces', () => {
  it('reads the 60-job sample: units, arrivals, steps and step time duration / iterations', () => {
    const r = parseJobTrace(readFileSync(fixtureData('tiresias', '60_job.csv'), 'utf8'), 'tiresias', pool);
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.jobs).toHaveLength(60);
    expect(r.jobs[0]).toEqual({ id: '0', arrival_s: 0, units: 1, steps: 606, step_time_s: 164 / 606, priority: 0 });
    expect(r.jobs.reduce((s, j) => s + j.units, 0)).toBe(170);
    expect(r.jobs.reduce((s, j) => s + j.steps * j.step_time_s, 0)).toBeCloseTo(10705, 9);
    expect(Math.max(...r.jobs.map((j) => j.arrival_s))).toBe(1779);
  });

  it('names the line of a missing column, a short row, a bad value and a job larger than its pool', () => {
    const head = 'job_id,num_gpu,submit_time,iterations,model_name,duration,interval';
    expect(parseJobTrace('job_id,submit_time,iterations,model_name,duration,interval\n0,0,10,m,5,1\n', 'tiresias', pool))
      .toEqual({ ok: false, issues: [{ line: 1, message: 'missing column num_gpu (header: job_id,submit_time,iterations,model_name,duration,interval)' }] });
    const r = parseJobTrace(`${head}\r\n0,1,0,10,m,5,1\r\n1,2,5\r\n2,x,5,10,m,5,1\r\n3,128,5,10,m,5,1\r\n`, 'tiresias', pool);
    expect(r).toEqual({
      ok: false,
      issues: [
        { line: 3, message: '3 fields, expected 7 (job_id,num_gpu,submit_time,iterations,model_name,duration,interval)' },
        { line: 4, message: 'num_gpu: must be an integer ≥ 1 (got "x")' },
        { line: 5, message: 'num_gpu 128 does not fit in pool "gpu" (cluster.pools[0].units = 64)' },
      ],
    });
    expect(parseJobTrace('', 'tiresias', pool)).toMatchObject({ ok: false, issues: [{ line: 1 }] });
  });
});

describe('generic CSV traces', () => {
  it('reads columns in any order, with defaults, duration_s or step_time_s, and quoted fields', () => {
    const r = parseJobTrace('units,arrival_s,duration_s,steps,id,priority,note\n4,10,100,4,"a,1",2,x\n2,0,50,,,,\n', 'csv', pool);
    expect(r).toEqual({ ok: true, jobs: [
      { id: 'a,1', arrival_s: 10, units: 4, steps: 4, step_time_s: 25, priority: 2 },
      { id: 'line-3', arrival_s: 0, units: 2, steps: 1, step_time_s: 50, priority: 0 },
    ] });
    expect(parseJobTrace('arrival_s,units,step_time_s\n0,1,0.5\n', 'csv', pool)).toEqual({ ok: true, jobs: [{ id: 'line-2', arrival_s: 0, units: 1, steps: 1, step_time_s: 0.5, priority: 0 }] });
  });

  it('requires arrival_s, units and step_time_s or duration_s', () => {
    expect(parseJobTrace('arrival_s,steps\n0,1\n', 'csv', pool)).toEqual({ ok: false, issues: [{ line: 1, message: 'missing columns units, step_time_s or duration_s (header: arrival_s,steps)' }] });
    expect(parseJobTrace('arrival_s,units,step_time_s\n-1,1,2\n', 'csv', pool)).toEqual({ ok: false, issues: [{ line: 2, message: 'arrival_s: must be a number ≥ 0 (got "-1")' }] });
  });
});

describe('scenario rules for the cluster', () => {
  const base = (cluster: Record<string, unknown>) => validateScenario({ format: 'headroom.scenario/v1', name: 'x', cluster: { pools: [{ id: 'p', units: 16 }], ...cluster } });
  it('a job larger than its pool names both paths; so does a fixed generator size', () => {
    expect(base({ jobs: [{ id: 'j', pool: 'p', arrival_s: 0, units: 32, steps: 1, step_time_s: 1 }] })).toMatchObject({ ok: false, errors: [{ path: 'cluster.jobs[0].units', message: '32 units do not fit in pool "p" (cluster.pools[0].units = 16)' }] });
    expect(base({ job_generator: { count: 3, pool: 'p', interarrival_s: 1, units: 17, steps: 1, step_time_s: 1 } })).toMatchObject({ ok: false, errors: [{ path: 'cluster.job_generator.units', message: '17 units do not fit in pool "p" (cluster.pools[0].units = 16)' }] });
  });
  it('unknown pools and units_per_node that does not divide units are errors', () => {
    expect(base({ jobs: [{ id: 'j', pool: 'q', arrival_s: 0, units: 1, steps: 1, step_time_s: 1 }] })).toMatchObject({ ok: false, errors: [{ path: 'cluster.jobs[0].pool', message: 'unknown pool "q" (pools: p)' }] });
    expect(base({ job_trace: { path: 't.csv', format: 'tiresias', pool: 'q' } })).toMatchObject({ ok: false, errors: [{ path: 'cluster.job_trace.pool' }] });
    expect(validateScenario({ format: 'headroom.scenario/v1', name: 'x', cluster: { pools: [{ id: 'p', units: 16, units_per_node: 6 }] } })).toMatchObject({ ok: false, errors: [{ path: 'cluster.pools[0].units_per_node', message: 'must divide units (16, got 6)' }] });
  });
});

describe('numerical helpers', () => {
  it('normalQuantile (AS241) is accurate to ~1e-15 relative, far into the tails', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 14);
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(1e-10)).toBeCloseTo(-6.361340902404056, 12);
    expect(normalQuantile(1e-300)).toBeCloseTo(-37.0470962993612, 10); // Python's statistics.NormalDist
    expect(normalQuantile(0)).toBe(-Infinity);
  });
  it('gammaP matches closed forms', () => {
    expect(gammaP(1, 2)).toBeCloseTo(1 - Math.exp(-2), 14);
    expect(gammaP(2, 3)).toBeCloseTo(1 - 4 * Math.exp(-3), 14);
    expect(gammaP(0.5, 0.7)).toBeCloseTo(0.7632764293, 9); // erf(√0.7)
  });
});
