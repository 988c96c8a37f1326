// `--set PATH=FROM:TO[:STEP]`: paths as error messages spell them, inclusive ranges without
// float drift, and copies that leave the original scenario untouched.
import { describe, expect, it } from 'vitest';
import { parsePath, parseSetSpec, setAtPath, sweepValues } from '../../../electron/backend/tools/sweep';

describe('sweep ranges and paths', () => {
  it('parses PATH=FROM:TO[:STEP] into segments and inclusive values', () => {
    expect(parseSetSpec('serving.services[0].replicas=6:14')).toEqual({
      path: 'serving.services[0].replicas', segments: ['serving', 'services', 0, 'replicas'], values: [6, 7, 8, 9, 10, 11, 12, 13, 14],
    });
    expect(sweepValues('0.1:0.5:0.1')).toEqual([0.1, 0.2, 0.3, 0.4, 0.5]);
    expect(sweepValues('1:2:0.3')).toEqual([1, 1.3, 1.6, 1.9]);
    expect(sweepValues('5:5')).toEqual([5]);
    expect(parsePath('horizon_s')).toEqual(['horizon_s']);
  });

  it('refuses malformed specs with a message saying what is expected', () => {
    expect(() => parseSetSpec('replicas')).toThrow(/PATH=FROM:TO/);
    expect(() => parseSetSpec('a=1')).toThrow(/FROM:TO or FROM:TO:STEP/);
    expect(() => parseSetSpec('a=3:1')).toThrow(/FROM must be ≤ TO/);
    expect(() => parseSetSpec('a=1:3:0')).toThrow(/STEP must be > 0/);
    expect(() => parseSetSpec('a=x:3')).toThrow(/FROM must be a number/);
    expect(() => parseSetSpec('a=0:1e6')).toThrow(/more than 1000/);
    expect(() => parseSetSpec('serving..x=1:2')).toThrow(/cannot read the path/);
    expect(() => parseSetSpec('[0]=1:2')).toThrow(/cannot read the path/);
  });

  it('sets a value on a copy; every container on the way must exist', () => {
    const raw = { serving: { services: [{ id: 'a', replicas: 2 }, { id: 'b', replicas: 3 }] }, seed: 1 };
    const out = setAtPath(raw, ['serving', 'services', 1, 'replicas'], 9) as typeof raw;
    expect(out.serving.services[1]!.replicas).toBe(9);
    expect(raw.serving.services[1]!.replicas).toBe(3);
    expect(out.serving.services[0]).toBe(raw.serving.services[0]);
    expect((setAtPath(raw, ['serving', 'services', 0, 'timeout_ms'], 50) as any).serving.services[0].timeout_ms).toBe(50);
    expect(() => setAtPath(raw, ['serving', 'services', 2, 'replicas'], 1)).toThrow(/serving\.services\[2\] does not exist \(serving\.services has 2 entries\)/);
    expect(() => setAtPath(raw, ['cluster', 'pools', 0, 'units'], 1)).toThrow(/cluster does not exist in the scenario/);
    expect(() => setAtPath(raw, ['seed', 'x'], 1)).toThrow(/seed is not an object/);
  });
});
