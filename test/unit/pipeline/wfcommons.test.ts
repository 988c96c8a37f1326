// WfCommons workflow JSON → a pipeline scenario (schema ≤ 1.4 and 1.5), then simulated.
import { describe, expect, it } from 'vitest';
import { validateScenario } from '../../../simulation';
import { importWfCommons } from '../../../simulation/pipeline/wfcommons';
import { simulateAll } from './helpers';

// A small Montage-like diamond: two projections, a difference, a background fit.
const v14 = {
  name: 'montage-mini',
  schemaVersion: '1.4',
  workflow: {
    tasks: [
      { name: 'mProject_1', id: 'ID01', type: 'compute', runtimeInSeconds: 12.5, parents: [] },
      { name: 'mProject_2', id: 'ID02', type: 'compute', runtimeInSeconds: 10, parents: [] },
      { name: 'mDiffFit 1:2', id: 'ID03', type: 'compute', runtimeInSeconds: 3, parents: ['ID01', 'mProject_2'] },
      { name: 'mBgModel', id: 'ID04', type: 'compute', runtimeInSeconds: 7, parents: ['ID03'], children: [] },
    ],
  },
};

const v15 = {
  name: 'epigenomics-mini',
  schemaVersion: '1.5',
  workflow: {
    specification: {
      tasks: [
        { name: 'fastqSplit', id: 'fastqSplit_00000001', parents: [], children: ['filterContams_00000002', 'filterContams_00000003'] },
        { name: 'filterContams', id: 'filterContams_00000002', parents: ['fastqSplit_00000001'], children: ['map_00000004'] },
        { name: 'filterContams', id: 'filterContams_00000003', parents: ['fastqSplit_00000001'], children: ['map_00000004'] },
        { name: 'map', id: 'map_00000004', parents: [], children: [] },
      ],
      files: [],
    },
    execution: {
      makespanInSeconds: 100,
      executedAt: '2024-01-01T00:00:00Z',
      tasks: [
        { id: 'fastqSplit_00000001', runtimeInSeconds: 20 },
        { id: 'filterContams_00000002', runtimeInSeconds: 30 },
        { id: 'filterContams_00000003', runtimeInSeconds: 45 },
        { id: 'map_00000004', runtimeInSeconds: 10 },
      ],
    },
  },
};

describe('WfCommons import', () => {
  it('schema 1.4: tasks by id, parents by id or by name; the scenario validates and its makespan is the critical path', () => {
    const r = importWfCommons(v14, { runs: 10 });
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.tasks).toBe(4);
    expect(r.edges).toBe(3);
    expect(r.scenario.name).toBe('montage-mini');
    const parsed = validateScenario({ ...r.scenario, replications: 2 });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    expect(parsed.scenario.pipeline!.edges).toEqual([['ID01', 'ID03'], ['ID02', 'ID03'], ['ID03', 'ID04']]);
    const p = simulateAll(parsed.scenario).pipeline!;
    expect(p.makespan_s!.mean!.mean).toBe(12.5 + 3 + 7);
    expect(p.critical_path).toEqual(['ID01', 'ID03', 'ID04']);
  });

  it('schema 1.5: structure joined with execution runtimes; children links count as edges', () => {
    const r = importWfCommons(v15, { cv: 0.2, failure_probability: 0.01, retries: 1, retry_delay_s: 30 });
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    const parsed = validateScenario(r.scenario);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const pl = parsed.scenario.pipeline!;
    expect(pl.edges).toHaveLength(4);
    expect(pl.tasks[2]).toMatchObject({ id: 'filterContams_00000003', duration_s: { dist: 'lognormal', mean: 45, cv: 0.2 }, failure_probability: 0.01, retries: 1 });
    const fixed = importWfCommons(v15);
    if (!fixed.ok) throw new Error('x');
    const s = validateScenario({ ...fixed.scenario, replications: 1, pipeline: { ...fixed.scenario.pipeline!, runs: 3 } });
    if (!s.ok) throw new Error('x');
    expect(simulateAll(s.scenario).pipeline!.makespan_s!.mean!.mean).toBe(20 + 45 + 10);
  });

  it('rewrites ids that are not valid scenario ids, keeping them unique', () => {
    const r = importWfCommons({ workflow: { tasks: [
      { name: 'mDiffFit 1:2', runtimeInSeconds: 1 },
      { name: 'mDiffFit 1/2', runtimeInSeconds: 1, parents: ['mDiffFit 1:2'] },
      { name: 'mDiffFit_1_2', runtimeInSeconds: 1 },
    ] } });
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.renamed).toEqual({ 'mDiffFit 1:2': 'mDiffFit_1_2_2', 'mDiffFit 1/2': 'mDiffFit_1_2_3' });
    expect(validateScenario(r.scenario).ok).toBe(true);
  });

  it('bad instances: errors name the path in the WfCommons file', () => {
    const bad = importWfCommons({ workflow: { tasks: [
      { name: 'a', runtimeInSeconds: -1 },
      { name: 'b', runtimeInSeconds: 2, parents: ['ghost'] },
      { name: 'a', runtimeInSeconds: 1 },
      { name: 'c', parents: ['c'], runtimeInSeconds: 1 },
    ] } });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.issues.map((i) => `${i.path}: ${i.message}`)).toEqual([
      'workflow.tasks[2].id: duplicate task "a"',
      'workflow.tasks[1].parents[0]: unknown task "ghost"',
      'workflow.tasks[3].parents[0]: self-loop on "c"',
      'workflow.tasks[0].runtimeInSeconds: must be a number ≥ 0 (got -1)',
    ]);
    expect(importWfCommons({ nope: 1 })).toEqual({ ok: false, issues: [{ path: 'workflow', message: 'must be an object (a WfCommons workflow instance)' }] });
    const missing = importWfCommons({ workflow: { specification: { tasks: [{ id: 'x', name: 'x' }] }, execution: { tasks: [] } } });
    expect(missing.ok ? [] : missing.issues.map((i) => i.path)).toEqual(['workflow.execution.tasks (no entry with id "x")']);
  });

  it('a cycle in the workflow is caught by scenario validation, naming the tasks', () => {
    const r = importWfCommons({ workflow: { tasks: [
      { name: 'a', runtimeInSeconds: 1, parents: ['b'] },
      { name: 'b', runtimeInSeconds: 1, parents: ['a'] },
    ] } });
    if (!r.ok) throw new Error('x');
    const v = validateScenario(r.scenario);
    expect(v.ok ? [] : v.errors.map((e) => `${e.path}: ${e.message}`)).toEqual(['pipeline.edges: cycle a → b → a']);
  });
});
