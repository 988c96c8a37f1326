// Pure pieces of the cluster form's tables: a distribution in a few words for the step-time cell,
// a row's validation issues split by column.
import { describe, expect, it } from 'vitest';
import { distSummary } from '../../../../renderer/editor/cluster/dist-summary';
import { rowIssues } from '../../../../renderer/editor/cluster/row-issues';

describe('distSummary', () => {
  it('says the kind and its main parameters with the unit', () => {
    expect(distSummary(1.5, 's')).toBe('1.5 s');
    expect(distSummary({ dist: 'fixed', value: 2 }, 's')).toBe('2 s');
    expect(distSummary({ dist: 'exponential', mean: 0.9 }, 's')).toBe('exponential, mean 0.9 s');
    expect(distSummary({ dist: 'lognormal', mean: 1.6, cv: 0.12 }, 's')).toBe('lognormal, mean 1.6 s, cv 0.12');
    expect(distSummary({ dist: 'uniform', min: 1, max: 2 }, 's')).toBe('uniform, 1–2 s');
    expect(distSummary({ dist: 'empirical', values: [1, 2, 3] }, 's')).toBe('empirical, 3 values');
    expect(distSummary({ dist: 'pareto', min: 1, alpha: 2.5 }, 'ms')).toBe('Pareto, min 1 ms, alpha 2.5');
  });

  it('describes what is being typed or invalid rather than hiding it', () => {
    expect(distSummary(undefined, 's')).toBe('not set');
    expect(distSummary({ dist: 'lognormal', mean: 'abc' }, 's')).toBe('lognormal, mean abc s, cv ?');
    expect(distSummary({ dist: 'zipf' }, 's')).toBe('zipf');
    expect(distSummary('fast', 's')).toBe('fast');
  });
});

describe('rowIssues', () => {
  const issues = [
    { path: 'cluster.jobs[1].units', message: 'too many' },
    { path: 'cluster.jobs[1].step_time_s.mean', message: 'must be > 0' },
    { path: 'cluster.jobs[1].extra', message: 'unknown field' },
    { path: 'cluster.jobs[1]', message: 'must be an object' },
    { path: 'cluster.jobs[10].units', message: 'another row' },
    { path: 'cluster.jobs[1].units_x', message: 'not the units column' },
  ];
  it('gives each column its own and below, the rest of the row to "other", and skips other rows', () => {
    const r = rowIssues(issues, 'cluster.jobs[1]', ['units', 'step_time_s', 'pool']);
    expect(r.byColumn.units?.map((i) => i.message)).toEqual(['too many']);
    expect(r.byColumn.step_time_s?.map((i) => i.message)).toEqual(['must be > 0']);
    expect(r.byColumn.pool).toEqual([]);
    expect(r.other.map((i) => i.message)).toEqual(['unknown field', 'must be an object', 'not the units column']);
  });
});
