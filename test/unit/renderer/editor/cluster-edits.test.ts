// The cluster form's structural edits: a pool rename carries every reference along in one edit
// list, new and copied items get free ids, and row names stay unique.
import { describe, expect, it } from 'vitest';
import {
  addJobEdit, addPoolEdit, duplicateJobEdit, poolIdProblem, renamePoolEdits, rowNames,
} from '../../../../renderer/editor/cluster/cluster-edits';
import { editText } from '../../../../renderer/editor/text-edit';

const SCENARIO = {
  format: 'headroom.scenario/v1',
  name: 'x',
  pipeline: { tasks: [{ id: 't1', duration_s: 1, pool: 'gpu' }, { id: 't2', duration_s: 1 }] },
  cluster: {
    pools: [{ id: 'gpu', units: 8 }, { id: 'cpu', units: 4 }],
    jobs: [
      { id: 'a', pool: 'gpu', arrival_s: 0, units: 1, steps: 1, step_time_s: 1 },
      { id: 'b', pool: 'cpu', arrival_s: 0, units: 1, steps: 1, step_time_s: 1 },
      { id: 'c', pool: 'gpu', arrival_s: 0, units: 1, steps: 1, step_time_s: 1 },
    ],
    job_generator: { count: 1, pool: 'gpu', interarrival_s: 1, units: 1, steps: 1, step_time_s: 1 },
    job_trace: { path: 'j.csv', format: 'csv', pool: 'cpu' },
  },
};
const TEXT = JSON.stringify(SCENARIO, null, 2);
const apply = (edits: Parameters<typeof editText>[1]) => JSON.parse(editText(TEXT, edits));

describe('renamePoolEdits', () => {
  it('renames the pool and every job, generator, trace and pipeline task that names it', () => {
    const edits = renamePoolEdits(SCENARIO, 0, 'h100');
    const out = apply(edits);
    expect(out.cluster.pools.map((p: { id: string }) => p.id)).toEqual(['h100', 'cpu']);
    expect(out.cluster.jobs.map((j: { pool: string }) => j.pool)).toEqual(['h100', 'cpu', 'h100']);
    expect(out.cluster.job_generator.pool).toBe('h100');
    expect(out.cluster.job_trace.pool).toBe('cpu');
    expect(out.pipeline.tasks.map((t: { pool?: string }) => t.pool)).toEqual(['h100', undefined]);
    expect(edits).toHaveLength(1 + 2 + 1 + 1);
  });

  it('moves the trace too when it names the renamed pool', () => {
    expect(apply(renamePoolEdits(SCENARIO, 1, 'cpu2')).cluster.job_trace.pool).toBe('cpu2');
  });

  it('moves nothing when two pools share the old id (which one a job meant is unknown)', () => {
    const twins = { cluster: { ...SCENARIO.cluster, pools: [{ id: 'gpu', units: 8 }, { id: 'gpu', units: 4 }] } };
    expect(renamePoolEdits(twins, 1, 'other')).toEqual([{ path: ['cluster', 'pools', 1, 'id'], value: 'other' }]);
  });
});

describe('poolIdProblem', () => {
  it('refuses an empty, invalid or taken id and accepts a free one (or the same)', () => {
    expect(poolIdProblem(SCENARIO, 0, '')).toMatch(/needs an id/);
    expect(poolIdProblem(SCENARIO, 0, 'a b')).toMatch(/letters, digits/);
    expect(poolIdProblem(SCENARIO, 0, 'x'.repeat(201))).toMatch(/at most 200/);
    expect(poolIdProblem(SCENARIO, 0, 'cpu')).toMatch(/already called "cpu"/);
    expect(poolIdProblem(SCENARIO, 0, 'gpu')).toBeNull();
    expect(poolIdProblem(SCENARIO, 0, 'h100.sxm-80g')).toBeNull();
  });
});

describe('adding and copying', () => {
  it('a new pool gets an id no pool has and goes at the end', () => {
    const edit = addPoolEdit(SCENARIO);
    expect(edit).toEqual({ path: ['cluster', 'pools', 2], value: { id: 'pool_1', units: 8 }, insert: true });
    const again = addPoolEdit(apply([edit]));
    expect((again.value as { id: string }).id).toBe('pool_2');
  });

  it('a new job goes on the first pool, after the others, or starts the list', () => {
    const edit = addJobEdit(SCENARIO);
    expect(edit.path).toEqual(['cluster', 'jobs', 3]);
    expect(edit.value).toMatchObject({ id: 'job_1', pool: 'gpu', units: 1 });
    const none = addJobEdit({ cluster: { pools: [{ id: 'p', units: 1 }] } });
    expect(none).toMatchObject({ path: ['cluster', 'jobs'], value: [{ id: 'job_1', pool: 'p' }] });
    expect(none.insert).toBeUndefined();
  });

  it('a copy of a job follows it, with a free id and the same fields', () => {
    const edit = duplicateJobEdit(SCENARIO, 1);
    expect(edit).toEqual({ path: ['cluster', 'jobs', 2], value: { ...SCENARIO.cluster.jobs[1], id: 'b_2' }, insert: true });
    const out = apply([edit!]);
    expect(out.cluster.jobs.map((j: { id: string }) => j.id)).toEqual(['a', 'b', 'b_2', 'c']);
    expect(duplicateJobEdit(SCENARIO, 9)).toBeNull();
  });
});

describe('rowNames', () => {
  it('uses unique ids and falls back to the row number for missing or shared ones', () => {
    expect(rowNames(['a', 'b', 'a', '', undefined, 3, 'c'])).toEqual(['row 1', 'b', 'row 3', 'row 4', 'row 5', 'row 6', 'c']);
  });
});
