// A task id is checked as the validator checks it, and a task's box says its mean duration and
// what can hold it up.
import { describe, expect, it } from 'vitest';
import { taskIdProblem } from '../../../../renderer/editor/pipeline/task-schema';
import { taskSummary } from '../../../../renderer/editor/pipeline/task-summary';

describe('task-schema', () => {
  it('checks a task id as the schema does', () => {
    expect(taskIdProblem('train_model.v2-a')).toBeNull();
    expect(taskIdProblem('')).toMatch(/needs an id/);
    expect(taskIdProblem('a b')).toMatch(/only letters/);
    expect(taskIdProblem('x'.repeat(201))).toMatch(/at most 200/);
  });
});

describe('taskSummary', () => {
  it('gives the mean duration in a readable unit (locale aside), the failure share, a gate and the pool', () => {
    expect(taskSummary({ id: 't', duration_s: { dist: 'lognormal', mean: 5400, cv: 0.3 }, failure_probability: 0.15, pool: 'gpu', gate: true }))
      .toMatch(/^~90 min · 15\s?% fail · gate · gpu$/);
    expect(taskSummary({ id: 't', duration_s: { dist: 'uniform', min: 30, max: 90 } })).toBe('~60 s');
    expect(taskSummary({ id: 't', duration_s: 45, failure_probability: 0.04 })).toMatch(/^~45 s · 4[.,]0\s?% fail$/);
  });

  it('says the duration is missing rather than inventing one', () => {
    expect(taskSummary({ id: 't' })).toBe('duration?');
    expect(taskSummary({ id: 't', duration_s: { dist: 'lognormal', mean: 'x' } })).toBe('duration?');
  });
});
