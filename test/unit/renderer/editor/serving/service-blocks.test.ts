// What a switch writes for batching, autoscaling and replica failures validates with the CLI's
// parser and keeps the service's figures where they were; duplicating and the open groups.
import { describe, expect, it } from 'vitest';
import { parseScenarioText } from '../../../../../simulation';
import { serviceStarter } from '../../../../../renderer/editor/section-starters';
import {
  blockStarter, duplicateService, openAfterInsert, openAfterRemove, serviceSummary, writtenMean, type OptionalBlock,
} from '../../../../../renderer/editor/serving/service-blocks';

const parseService = (service: unknown) =>
  parseScenarioText(JSON.stringify({ format: 'headroom.scenario/v1', name: 't', serving: { services: [service] } }));

describe('blockStarter', () => {
  it.each([
    ['batching', 1], ['batching', 8], ['autoscaling', 1], ['autoscaling', 8], ['replica_failures', 3],
  ] as [OptionalBlock, number][])('%s on a service with %i replicas validates', (block, replicas) => {
    const service = { ...serviceStarter('svc'), replicas, service_time_ms: { dist: 'lognormal', mean: 80, cv: 0.3 } };
    const parsed = parseService({ ...service, [block]: blockStarter(block, service) });
    expect(parsed.ok ? [] : parsed.errors).toEqual([]);
  });

  it('batching: a batch of one takes the current mean service time', () => {
    const b = blockStarter('batching', { service_time_ms: { dist: 'exponential', mean: 80 } }) as { batch_time_ms: { base: number; per_item: number } };
    expect(b.batch_time_ms.base + b.batch_time_ms.per_item).toBe(80);
    const fixed = blockStarter('batching', { service_time_ms: 30 }) as { batch_time_ms: { base: number; per_item: number } };
    expect(fixed.batch_time_ms.base + fixed.batch_time_ms.per_item).toBe(30);
  });

  it('autoscaling brackets the current replicas', () => {
    expect(blockStarter('autoscaling', { replicas: 8 })).toMatchObject({ min_replicas: 1, max_replicas: 16 });
    expect(blockStarter('autoscaling', { replicas: 1 })).toMatchObject({ min_replicas: 1, max_replicas: 2 });
    expect(blockStarter('autoscaling', { replicas: 'x' })).toMatchObject({ min_replicas: 1, max_replicas: 2 });
  });
});

describe('writtenMean', () => {
  it('reads a number, a fixed value or a mean; null otherwise', () => {
    expect(writtenMean(45)).toBe(45);
    expect(writtenMean({ dist: 'fixed', value: 12 })).toBe(12);
    expect(writtenMean({ dist: 'gamma', mean: 9, cv: 1 })).toBe(9);
    expect(writtenMean({ dist: 'uniform', min: 1, max: 3 })).toBeNull();
    expect(writtenMean(undefined)).toBeNull();
  });
});

describe('duplicateService', () => {
  it('copies every field under an id no service has, deeply', () => {
    const original = { ...serviceStarter('api'), batching: { max_batch: 4, max_wait_ms: 5, batch_time_ms: { base: 10, per_item: 2 } } };
    const copy = duplicateService(original, ['api', 'api_2']);
    expect(copy.id).toBe('api_3');
    expect({ ...copy, id: 'api' }).toEqual(original);
    (copy.batching as { max_batch: number }).max_batch = 9;
    expect(original.batching.max_batch).toBe(4);
  });
});

describe('open groups', () => {
  it('follow their services when one is inserted or removed', () => {
    expect([...openAfterInsert(new Set([0, 2]), 1)].sort()).toEqual([0, 3]);
    expect([...openAfterRemove(new Set([0, 1, 3]), 1)].sort()).toEqual([0, 2]);
    expect([...openAfterRemove(new Set([2]), 0)]).toEqual([1]);
  });
});

describe('serviceSummary', () => {
  it('names the process, its mean rate and the replicas', () => {
    expect(serviceSummary(serviceStarter('a'))).toBe('poisson, 10 rps · 1 replica');
    expect(serviceSummary({ arrivals: { process: 'diurnal', mean_rps: 300, peak_to_mean: 1.5, period_s: 60 }, replicas: 4 })).toBe('diurnal, mean 300 rps · 4 replicas');
    expect(serviceSummary({ arrivals: { process: 'trace', path: 'a.csv' } })).toBe('trace');
    expect(serviceSummary(null)).toBe('');
  });
});
