// The issues no field of an object shows: at the object itself or at a key without a field.
import { describe, expect, it } from 'vitest';
import { strayIssues } from '../../../../renderer/editor/stray-issues';

const issue = (path: string) => ({ path, message: 'm' });

describe('strayIssues', () => {
  const issues = [
    issue('serving.services[0]'),
    issue('serving.services[0].replicas'),
    issue('serving.services[0].bogus'),
    issue('serving.services[0].latency_ms.feature.mean'),
    issue('serving.services[1].replicas'),
    issue('serving.services[10]'),
  ];

  it('keeps the object\'s own issues and those of keys it shows no field for', () => {
    const svc0 = strayIssues(issues, 'serving.services[0]', ['replicas', 'latency_ms']).map((i) => i.path);
    expect(svc0).toEqual(['serving.services[0]', 'serving.services[0].bogus']);
  });

  it('tells array indices apart ([1] is not [10])', () => {
    expect(strayIssues(issues, 'serving.services', [0, 1]).map((i) => i.path)).toEqual(['serving.services[10]']);
  });
});
