// The runs list's "what changed since the run before": short items from the diff of the two
// scenario documents and the runs' seeds and replications, capped with "+N more".
import { describe, expect, it } from 'vitest';
import { FIRST_RUN, SAME_INPUTS, runChanges, scenarioChangeItems } from '../../../simulation/present';

const service = (id: string, over: Record<string, unknown> = {}) => ({
  id, replicas: 8, concurrency: 4, service_time_ms: { dist: 'exponential', mean: 20 }, ...over,
});
const doc = (services: unknown[], over: Record<string, unknown> = {}) => ({
  format: 'headroom.scenario/v1', name: 'Risk', seed: 1, replications: 5, horizon_s: 60, serving: { services }, ...over,
});
const settings = (seed = 1, replications = 5) => ({ seed, replications });

describe('scenarioChangeItems', () => {
  it('names a field by its path inside a one-item list, with both values', () => {
    expect(scenarioChangeItems(doc([service('api')]), doc([service('api', { replicas: 10 })]))).toEqual(['replicas 8 → 10']);
    expect(scenarioChangeItems(doc([service('api')]), doc([service('api', { service_time_ms: { dist: 'fixed', mean: 20 } })])))
      .toEqual(['service_time_ms.dist exponential → fixed']);
    expect(scenarioChangeItems(doc([service('api')]), doc([service('api')], { horizon_s: 120 }))).toEqual(['horizon_s 60 → 120']);
  });

  it('says which item by its id when the list has several, and names added and removed items', () => {
    const before = doc([service('api'), service('cache')]);
    expect(scenarioChangeItems(before, doc([service('api'), service('cache', { replicas: 2 })]))).toEqual(['cache.replicas 8 → 2']);
    expect(scenarioChangeItems(before, doc([service('api')]))).toEqual(['services cache removed']);
    expect(scenarioChangeItems(doc([service('api')]), before)).toEqual(['services cache added']);
  });

  it('says none for a field added or removed, and shortens long values', () => {
    expect(scenarioChangeItems(doc([service('api')]), doc([service('api')], { warmup_s: 10 }))).toEqual(['warmup_s none → 10']);
    expect(scenarioChangeItems(doc([service('api')], { description: 'x'.repeat(40) }), doc([service('api')])))
      .toEqual([`description ${'x'.repeat(23)}… → none`]);
  });

  it('leaves the seed and replications to the runs', () => {
    expect(scenarioChangeItems(doc([service('api')]), doc([service('api')], { seed: 2, replications: 9 }))).toEqual([]);
  });
});

describe('runChanges', () => {
  it('says first run, same inputs, or the seed and replications that differ', () => {
    expect(runChanges(null, settings(), [])).toEqual([FIRST_RUN]);
    expect(runChanges(settings(), settings(), [])).toEqual([SAME_INPUTS]);
    expect(runChanges(settings(1), settings(2), [])).toEqual(['seed 1 → 2']);
    expect(runChanges(settings(1, 5), settings(1, 3), ['replicas 8 → 10'])).toEqual(['replicas 8 → 10', 'replications 5 → 3']);
  });

  it('lists at most three items, then how many more', () => {
    const items = ['a 1 → 2', 'b 1 → 2', 'c 1 → 2'];
    expect(runChanges(settings(), settings(), items)).toEqual(items);
    expect(runChanges(settings(1), settings(2), items)).toEqual([...items, '+1 more']);
    expect(runChanges(settings(1, 1), settings(2, 2), [...items, 'd 1 → 2'])).toEqual([...items, '+3 more']);
  });
});
