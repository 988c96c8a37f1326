// A replication's outcome through a part file: JSON text back to the very values a worker posts.
import { describe, expect, it } from 'vitest';
import { decodeExact, encodeExact, ExactJsonError } from '../../../electron/backend/shard/exact-json';
import { runReplication, validateScenario } from '../../../simulation';

const roundTrip = (v: unknown) => decodeExact(JSON.parse(JSON.stringify(encodeExact(v))));

describe('exact JSON', () => {
  it('keeps what plain JSON loses: NaN, ±Infinity, −0, undefined, typed arrays', () => {
    const value = { a: NaN, b: Infinity, c: -Infinity, d: -0, e: undefined, f: new Float64Array([1.5, -0, Infinity]), g: new Int32Array([3, -4]), h: [undefined, null, 0.1 + 0.2] };
    const back = roundTrip(value) as typeof value;
    expect(Object.is(back.a, NaN)).toBe(true);
    expect(back.b).toBe(Infinity);
    expect(back.c).toBe(-Infinity);
    expect(Object.is(back.d, -0)).toBe(true);
    expect('e' in back && back.e === undefined).toBe(true);
    expect(back.f).toBeInstanceOf(Float64Array);
    expect(Object.is(back.f[1], -0)).toBe(true);
    expect(Array.from(back.f)).toEqual([1.5, -0, Infinity]);
    expect(back.g).toBeInstanceOf(Int32Array);
    expect(back.h).toEqual([undefined, null, 0.30000000000000004]);
    expect(back).toStrictEqual(value);
  });

  it('refuses what it cannot write back exactly', () => {
    expect(() => encodeExact({ m: new Map() })).toThrow(ExactJsonError);
    expect(() => encodeExact({ f: () => 1 })).toThrow(/\$\.f/);
    expect(() => encodeExact({ $exact: 1 })).toThrow(ExactJsonError);
    expect(() => decodeExact({ $exact: 'nonsense' })).toThrow(ExactJsonError);
  });

  it('gives back a real replication outcome exactly (serving and cluster)', () => {
    const v = validateScenario({
      format: 'headroom.scenario/v1', name: 'x', seed: 3, replications: 2, horizon_s: 10, warmup_s: 1,
      serving: { services: [{ id: 'api', arrivals: { process: 'poisson', rate_rps: 30 }, replicas: 2, service_time_ms: 40, latency_budget_ms: 150 }] },
      cluster: { pools: [{ id: 'gpu', units: 8 }], jobs: [{ id: 't', pool: 'gpu', units: 4, steps: 20, step_time_s: 0.2, arrival_s: 0 }] },
    });
    if (!v.ok) throw new Error(JSON.stringify(v.errors));
    const outcome = runReplication(v.scenario, 1);
    expect(roundTrip(outcome)).toStrictEqual(structuredClone(outcome));
  });
});
