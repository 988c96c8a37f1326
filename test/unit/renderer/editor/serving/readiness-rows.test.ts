// "Add row" writes a row with a dimension no row has, which the CLI's parser accepts.
import { describe, expect, it } from 'vitest';
import { parseScenarioText } from '../../../../../simulation';
import { readinessRowStarter } from '../../../../../renderer/editor/serving/readiness-rows';

describe('readinessRowStarter', () => {
  it('names the row apart from the others', () => {
    expect(readinessRowStarter([]).dimension).toBe('dimension_1');
    expect(readinessRowStarter([{ dimension: 'dimension_1' }, { dimension: 'dimension_2' }, 'junk']).dimension).toBe('dimension_3');
    expect(readinessRowStarter(undefined).dimension).toBe('dimension_1');
  });

  it('validates', () => {
    const readiness = [{ dimension: 'data_pipeline', score: 0.82 }, readinessRowStarter([{ dimension: 'data_pipeline' }])];
    const parsed = parseScenarioText(JSON.stringify({ format: 'headroom.scenario/v1', name: 't', serving: { services: [{ id: 'a', arrivals: { process: 'poisson', rate_rps: 1 }, replicas: 1, service_time_ms: 10, latency_budget_ms: 100 }] }, readiness }));
    expect(parsed.ok ? [] : parsed.errors).toEqual([]);
  });
});
