// The job CSV import's preview: the engine's trace reader decides the columns and messages, the
// import adds pools, unique valid ids and problems that name the line and the column.
import { describe, expect, it } from 'vitest';
import { parseJobTrace } from '../../../../simulation';
import { MAX_IMPORT_JOBS, previewJobCsv, type ImportOptions } from '../../../../renderer/editor/cluster/job-csv-import';

const OPTIONS: ImportOptions = {
  pools: [{ id: 'h100', units: 64, index: 0 }, { id: 'a10', units: 16, index: 1 }],
  defaultPool: 'h100',
  takenIds: ['existing'],
};

const GOOD = [
  'id,arrival_s,units,steps,step_time_s,priority,team',
  'train-a,0,8,1000,1.5,2,nlp',
  'train-b,60,16,500,0.25,,vision',
  ',120,4,10,2,0,infra',
].join('\n');

describe('previewJobCsv', () => {
  it('reads a good generic file: every row a job, columns mapped, extra columns named', () => {
    const p = previewJobCsv(GOOD, OPTIONS);
    expect(p.problems).toEqual([]);
    expect(p.format).toBe('csv');
    expect(p.rows).toBe(3);
    expect(p.jobs).toEqual([
      { id: 'train-a', pool: 'h100', arrival_s: 0, units: 8, steps: 1000, step_time_s: 1.5, priority: 2 },
      { id: 'train-b', pool: 'h100', arrival_s: 60, units: 16, steps: 500, step_time_s: 0.25 },
      { id: 'line-4', pool: 'h100', arrival_s: 120, units: 4, steps: 10, step_time_s: 2 },
    ]);
    expect(p.columns.find((c) => c.field === 'step time (s)')?.source).toBe('step_time_s');
    expect(p.columns.find((c) => c.field === 'pool')?.source).toContain('"h100"');
    expect(p.unused).toEqual(['team']);
    expect(p.renamed).toEqual([]);
  });

  it('agrees with the engine\'s trace reader on every job (the CLI reads the same file alike)', () => {
    const text = 'units,arrival_s,duration_s,steps\n8,5,100,40\n2,7.5,9,3\n';
    const engine = parseJobTrace(text, 'csv', { id: 'h100', units: 64, path: 'cluster.pools[0].units' });
    const p = previewJobCsv(text, OPTIONS);
    expect(engine.ok).toBe(true);
    if (!engine.ok) return;
    expect(p.jobs.map(({ id, arrival_s, units, steps, step_time_s }) => ({ id, arrival_s, units, steps, step_time_s, priority: 0 }))).toEqual(engine.jobs);
    expect(p.jobs[0]?.step_time_s).toBe(2.5);
    expect(p.columns.find((c) => c.field === 'step time (s)')?.source).toBe('duration_s ÷ steps');
  });

  it('detects the Tiresias format from its header', () => {
    const text = 'job_id,num_gpu,submit_time,iterations,model_name,duration,interval\n7,4,30,100,resnet50,250,0\n';
    const p = previewJobCsv(text, OPTIONS);
    expect(p.format).toBe('tiresias');
    expect(p.jobs).toEqual([{ id: '7', pool: 'h100', arrival_s: 30, units: 4, steps: 100, step_time_s: 2.5 }]);
    expect(p.unused).toEqual(['model_name', 'interval']);
  });

  it('names a missing column and reads no row', () => {
    const p = previewJobCsv('id,arrival_s,steps\na,0,10\nb,1,10\n', OPTIONS);
    expect(p.jobs).toEqual([]);
    expect(p.problems).toEqual([{ line: 1, message: expect.stringMatching(/^missing columns units, step_time_s or duration_s \(header: id,arrival_s,steps\)$/) }]);
  });

  it('names the line and the column of a bad number, and imports nothing', () => {
    const text = 'id,arrival_s,units,step_time_s\na,0,8,1\nb,soon,8,1\nc,2,2.5,1\n';
    const p = previewJobCsv(text, OPTIONS);
    expect(p.jobs).toEqual([]);
    expect(p.problems).toEqual([
      { line: 3, message: 'arrival_s: must be a number ≥ 0 (got "soon")' },
      { line: 4, message: 'units: must be an integer ≥ 1 (got "2.5")' },
    ]);
  });

  it('makes duplicate ids unique, against the file and the scenario\'s jobs, and says which changed', () => {
    const text = 'id,arrival_s,units,step_time_s\nexisting,0,1,1\njob,0,1,1\njob,0,1,1\nbad id!,0,1,1\n';
    const p = previewJobCsv(text, OPTIONS);
    expect(p.problems).toEqual([]);
    expect(p.jobs.map((j) => j.id)).toEqual(['existing_2', 'job', 'job_2', 'bad_id_']);
    expect(p.renamed).toEqual([
      { line: 2, from: 'existing', to: 'existing_2' },
      { line: 4, from: 'job', to: 'job_2' },
      { line: 5, from: 'bad id!', to: 'bad_id_' },
    ]);
    expect(new Set(p.jobs.map((j) => j.id)).size).toBe(p.jobs.length);
  });

  it('says when a pool column names a pool the cluster does not have', () => {
    const text = 'id,arrival_s,units,step_time_s,pool\na,0,8,1,a10\nb,0,8,1,tpu\nc,0,8,1,\n';
    const p = previewJobCsv(text, OPTIONS);
    expect(p.jobs).toEqual([]);
    expect(p.problems).toEqual([{ line: 3, message: 'pool: there is no pool "tpu" in this cluster (pools: h100, a10)' }]);
    const fixed = previewJobCsv(text.replace('tpu', 'h100'), OPTIONS);
    expect(fixed.jobs.map((j) => j.pool)).toEqual(['a10', 'h100', 'h100']);
  });

  it('checks each job against its own pool\'s units, with the CLI\'s message', () => {
    const text = 'id,arrival_s,units,step_time_s,pool\na,0,32,1,h100\nb,0,32,1,a10\n';
    const p = previewJobCsv(text, OPTIONS);
    expect(p.problems).toEqual([{ line: 3, message: 'units 32 does not fit in pool "a10" (cluster.pools[1].units = 16)' }]);
    expect(previewJobCsv(text, { ...OPTIONS, defaultPool: 'a10' }).problems).toHaveLength(1);
  });

  it('the default pool is the one chosen', () => {
    const p = previewJobCsv('arrival_s,units,step_time_s\n0,2,1\n', { ...OPTIONS, defaultPool: 'a10' });
    expect(p.jobs[0]?.pool).toBe('a10');
  });

  it('refuses an empty file, a header without rows, a broken quote and too many rows', () => {
    expect(previewJobCsv('', OPTIONS).problems[0]?.message).toMatch(/empty/);
    expect(previewJobCsv('arrival_s,units,step_time_s\n', OPTIONS).problems).toEqual([{ line: 1, message: 'the file has a header but no jobs' }]);
    expect(previewJobCsv('arrival_s,units,step_time_s\n0,"1,1\n', OPTIONS).problems).toEqual([{ line: 2, message: 'a quoted field is not closed' }]);
    const many = ['arrival_s,units,step_time_s', ...Array.from({ length: MAX_IMPORT_JOBS + 1 }, (_, i) => `${i},1,1`)].join('\n');
    const p = previewJobCsv(many, OPTIONS);
    expect(p.jobs).toEqual([]);
    expect(p.problems[0]?.message).toMatch(/at most 2,000/);
  });

  it('reads quoted fields and CRLF line ends as the one CSV reader does', () => {
    const p = previewJobCsv('"id",arrival_s,units,step_time_s\r\n"a,b",0,1,1\r\n', OPTIONS);
    expect(p.jobs.map((j) => j.id)).toEqual(['a_b']);
  });

  it('lists at most 20 problems and counts the rest', () => {
    const rows = Array.from({ length: 30 }, (_, i) => `j${i},0,8,1,nowhere`);
    const p = previewJobCsv(['id,arrival_s,units,step_time_s,pool', ...rows].join('\n'), OPTIONS);
    expect(p.problems).toHaveLength(20);
    expect(p.moreProblems).toBe(10);
    expect(p.problems[0]).toEqual({ line: 2, message: expect.stringContaining('no pool "nowhere"') });
  });
});
