// A field inside one the engine ignores is disabled with the same reason: with batching, the
// service time's mean is ignored as the service time is.
import { describe, expect, it } from 'vitest';
import { parseScenarioText } from '../../../../simulation';
import { ignoredReason } from '../../../../renderer/editor/field-issues';

const scenario = (batching: boolean) => {
  const parsed = parseScenarioText(JSON.stringify({
    format: 'headroom.scenario/v1', name: 'x',
    serving: { services: [{
      id: 's', arrivals: { process: 'poisson', rate_rps: 10 }, replicas: 1, latency_budget_ms: 200,
      service_time_ms: { dist: 'exponential', mean: 20 },
      ...(batching ? { batching: { max_batch: 4, max_wait_ms: 5, batch_time_ms: { base: 10, per_item: 2 } } } : {}),
    }] },
  }));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.scenario;
};

describe('ignoredReason', () => {
  it('covers the fields inside an ignored field', () => {
    const s = scenario(true);
    const own = ignoredReason(s, 'serving.services[0].service_time_ms');
    expect(own).toMatch(/batch/i);
    expect(ignoredReason(s, 'serving.services[0].service_time_ms.mean')).toBe(own);
  });

  it('leaves fields that count alone', () => {
    const s = scenario(false);
    expect(ignoredReason(s, 'serving.services[0].service_time_ms')).toBeUndefined();
    expect(ignoredReason(s, 'serving.services[0].service_time_ms.mean')).toBeUndefined();
    expect(ignoredReason(s, 'serving.services[0].replicas')).toBeUndefined();
  });
});
