// The scenario limits (simulation/scenario/limits.ts): the memory estimate and its refusal, the
// JSON depth limit shared by every reader, and the wall-clock cap counting a replication's set-up.
import { describe, expect, it } from 'vitest';
import {
  estimateResources, formatBytes, MAX_ENGINE_BYTES, parseScenarioText, resourceIssues, runReplication, validateScenario,
  type Scenario,
} from '../../../simulation';
import { CHECK_EVERY } from '../../../simulation/engine/simulator';
import { wallCapFromHere } from '../../../simulation/run/replication';

const base = { format: 'headroom.scenario/v1', name: 'limits', replications: 2, horizon_s: 60 };
const service = (i: number, over: Record<string, unknown> = {}) => ({
  id: `s${i}`, arrivals: { process: 'poisson', rate_rps: 10 }, replicas: 2, service_time_ms: 50, latency_budget_ms: 200, ...over,
});

function errorsOf(raw: Record<string, unknown>): string[] {
  const r = validateScenario({ ...base, ...raw });
  return r.ok ? [] : r.errors.map((e) => `${e.path}: ${e.message}`);
}

function valid(raw: Record<string, unknown>): Scenario {
  const r = validateScenario({ ...base, ...raw });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.scenario;
}

describe('memory estimate', () => {
  it('refuses 10,000 services, naming serving.services and the estimate', () => {
    const errors = errorsOf({ serving: { services: Array.from({ length: 10_000 }, (_, i) => service(i)) } });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^serving\.services: 10000 services × 2 replications need about 10\.\d GiB; the limit is 2 GiB$/);
  });

  it('names the field that weighs most: replicas × concurrency × batch, or autoscaling.max_replicas', () => {
    expect(errorsOf({ serving: { services: [service(0, { replicas: 100_000, concurrency: 10_000 })] } }))
      .toEqual([expect.stringMatching(/^serving\.services\[0\]\.replicas: 100000 replicas × 10000 concurrency need about 52\.\d GiB; the limit is 2 GiB$/)]);
    const autoscaled = service(0, {
      replicas: 2, concurrency: 100, service_time_ms: undefined,
      batching: { max_batch: 1000, max_wait_ms: 5, batch_time_ms: { base: 1, per_item: 0.1 } },
      autoscaling: { min_replicas: 1, max_replicas: 100_000, target_utilization: 0.7, interval_s: 30 },
    });
    expect(errorsOf({ serving: { services: [autoscaled] } }))
      .toEqual([expect.stringMatching(/^serving\.services\[0\]\.autoscaling\.max_replicas: 100000 replicas × 100 concurrency × 1000 per batch need about 149 GiB; the limit is 2 GiB$/)]);
  });

  it('counts cluster units and nodes, generated jobs and pipeline tasks', () => {
    const cluster = (units: number, count: number) => ({
      cluster: {
        pools: [{ id: 'gpu', units, units_per_node: 1 }],
        job_generator: { count, pool: 'gpu', interarrival_s: 1, units: 1, steps: 1, step_time_s: 1 },
      },
    });
    expect(errorsOf(cluster(10_000_000, 0))).toEqual([expect.stringMatching(/^cluster\.pools\[0\]\.units: 10000000 units on 10000000 nodes need about 2\.5 GiB; the limit is 2 GiB$/)]);
    expect(errorsOf(cluster(8, 10_000_000))).toEqual([expect.stringMatching(/^cluster\.job_generator\.count: 10000000 generated jobs need about 9\.5 GiB/)]);
    const tasks = Array.from({ length: 140_000 }, (_, i) => ({ id: `t${i}`, duration_s: 1 }));
    expect(errorsOf({ pipeline: { runs: 2, tasks } })).toEqual([expect.stringMatching(/^pipeline\.tasks: 140000 tasks need about 2\.3 GiB/)]);
  });

  it('adds the trace rows a host read, counting a file shared by services once', () => {
    const s = valid({ serving: { services: [0, 1].map((i) => service(i, { arrivals: { process: 'trace', path: 't.csv' } })) } });
    const rows = new Float64Array(10);
    const shared = estimateResources(s, { traces: { s0: rows, s1: rows } });
    expect(shared.parts.filter((p) => p.what === '10 trace rows').map((p) => p.path)).toEqual(['serving.services[0].arrivals.path']);
    const big = { length: 200_000_000 } as unknown as Float64Array;
    expect(resourceIssues(s, { traces: { s0: big, s1: big } })).toEqual([
      { path: 'serving.services[0].arrivals.path', message: '200000000 trace rows need about 3 GiB; the limit is 2 GiB' },
    ]);
  });

  it('leaves large but ordinary scenarios far below the limit', () => {
    const s = valid({ replications: 100, serving: { services: Array.from({ length: 20 }, (_, i) => service(i, { replicas: 1000, concurrency: 64 })) } });
    expect(estimateResources(s).bytes).toBeLessThan(MAX_ENGINE_BYTES / 2);
  });

  it('formats sizes in binary units', () => {
    expect([512, 2048, 1.5 * 1024 ** 2, 2 * 1024 ** 3, 96.4 * 1024 ** 3].map(formatBytes)).toEqual(['512 bytes', '2 KiB', '1.5 MiB', '2 GiB', '96.4 GiB']);
  });
});

describe('JSON depth', () => {
  const nested = (depth: number) => `{"format":"headroom.scenario/v1","name":"x","description":${'['.repeat(depth - 1)}${']'.repeat(depth - 1)}}`;

  it('refuses text nested past 64 levels before parsing, with one message', () => {
    expect(parseScenarioText(nested(65))).toEqual({ ok: false, errors: [{ path: '(json)', message: 'nesting deeper than 64 levels' }] });
    expect(parseScenarioText('['.repeat(100_000))).toEqual({ ok: false, errors: [{ path: '(json)', message: 'nesting deeper than 64 levels' }] });
  });

  it('lets 64 levels through to the schema, and brackets inside strings do not count', () => {
    const r = parseScenarioText(nested(64));
    expect(r.ok ? [] : r.errors.map((e) => e.path)).toEqual(['description']);
    expect(parseScenarioText(`{"format":"headroom.scenario/v1","name":"${'['.repeat(100)}","serving":{"services":[${JSON.stringify(service(0))}]}}`).ok).toBe(true);
  });

  it('validateScenario given a deep value directly reports it instead of overflowing the stack', () => {
    let deep: unknown = [];
    for (let i = 0; i < 20_000; i++) deep = [deep];
    const r = validateScenario({ ...base, description: deep, serving: { services: [service(0)] } });
    expect(r.ok ? [] : r.errors).toEqual([{ path: 'description', message: 'must be a string of at most 100000 characters (got […])' }]);
  });
});

describe('the wall-clock cap counts set-up', () => {
  it('each section is given what is left of the replication\'s cap when it asks', () => {
    let t = 1000;
    const control = wallCapFromHere({ now: () => t, maxWallMs: 500 });
    t = 1300; // set-up took 300 ms
    expect(control.maxWallMs).toBe(200);
    t = 2000;
    expect(control.maxWallMs).toBe(0);
    expect(wallCapFromHere({ maxWallMs: 500 }).maxWallMs).toBe(500); // no clock: nothing to measure
  });

  it('a replication whose set-up took the whole cap stops at its first check (max_wall_s)', () => {
    const s = valid({ horizon_s: 60, serving: { services: [service(0, { arrivals: { process: 'poisson', rate_rps: 1000 } })] } });
    let readings = 0;
    const outcome = runReplication(s, 0, { now: () => (readings++ === 0 ? 0 : 1000), maxWallMs: 500 });
    expect(outcome.stopped).toBe('max_wall_s');
    expect(outcome.events).toBeLessThanOrEqual(CHECK_EVERY);
  });
});
