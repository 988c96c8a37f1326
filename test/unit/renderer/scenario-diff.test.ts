// The history panel's field-by-field comparison of two scenario versions (a pure function).
import { describe, expect, it } from 'vitest';
import { diffScenarios, formatDiffValue } from '../../../renderer/history/scenario-diff';

const base = {
  format: 'headroom.scenario/v1',
  name: 'Chat',
  seed: 1,
  serving: { services: [{ id: 'a', replicas: 8, latency_ms: { network: 35 } }, { id: 'b', replicas: 2 }] },
  pipeline: { tasks: [{ id: 't', duration_s: 5 }], edges: [['t', 'u'], ['u', 'v']] },
};
const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

describe('diffScenarios', () => {
  it('finds nothing between equal documents, whatever their key order', () => {
    const { seed, name, ...rest } = clone(base);
    const reordered = { seed, name, ...rest };
    expect(diffScenarios(base, reordered)).toEqual([]);
  });

  it('names each changed, added and removed field by its CLI path, with before and after', () => {
    const next = clone(base) as any;
    next.seed = 2;
    next.serving.services[0].replicas = 9;
    delete next.serving.services[0].latency_ms.network;
    next.serving.services[0].latency_ms.feature = 45;
    next.description = 'new';
    expect(diffScenarios(base, next)).toEqual([
      { path: 'seed', kind: 'changed', before: 1, after: 2 },
      { path: 'serving.services[0].replicas', kind: 'changed', before: 8, after: 9 },
      { path: 'serving.services[0].latency_ms.network', kind: 'removed', before: 35 },
      { path: 'serving.services[0].latency_ms.feature', kind: 'added', after: 45 },
      { path: 'description', kind: 'added', after: 'new' },
    ]);
  });

  it('matches list items by id, so an inserted service is one addition', () => {
    const next = clone(base) as any;
    next.serving.services.unshift({ id: 'new', replicas: 1 });
    next.serving.services[2].replicas = 3; // b moved from [1] to [2]
    expect(diffScenarios(base, next)).toEqual([
      { path: 'serving.services[2].replicas', kind: 'changed', before: 2, after: 3 },
      { path: 'serving.services[0]', kind: 'added', after: { id: 'new', replicas: 1 } },
    ]);
    const fewer = clone(base) as any;
    fewer.serving.services.shift();
    expect(diffScenarios(base, fewer)).toEqual([
      { path: 'serving.services[0]', kind: 'removed', before: base.serving.services[0] },
    ]);
  });

  it('compares other lists by position, and a change of type as a whole', () => {
    const next = clone(base) as any;
    next.pipeline.edges.push(['v', 'w']);
    next.pipeline.tasks[0].duration_s = { dist: 'exponential', mean: 5 };
    expect(diffScenarios(base, next)).toEqual([
      { path: 'pipeline.tasks[0].duration_s', kind: 'changed', before: 5, after: { dist: 'exponential', mean: 5 } },
      { path: 'pipeline.edges[2]', kind: 'added', after: ['v', 'w'] },
    ]);
    expect(diffScenarios('a', 'b')).toEqual([{ path: '(root)', kind: 'changed', before: 'a', after: 'b' }]);
  });

  it('formats values on one short line', () => {
    expect(formatDiffValue(undefined)).toBe('—');
    expect(formatDiffValue({ a: 1 })).toBe('{"a":1}');
    expect(formatDiffValue('x'.repeat(100), 10)).toBe(`"${'x'.repeat(8)}…`);
  });
});
