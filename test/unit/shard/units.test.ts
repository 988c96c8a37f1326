// Work units and their assignment to shards: every unit in exactly one shard, in the
// single-machine order (case by case, replications by index), round-robin.
import { describe, expect, it } from 'vitest';
import { shardOfUnit, shardUnits, unitsOf } from '../../../electron/backend/shard/units';

describe('units', () => {
  it('numbers units case by case, replications by index', () => {
    const units = unitsOf([{ scenario: { replications: 2 } }, { scenario: { replications: 3 } }]);
    expect(units).toEqual([
      { case: 0, index: 0 }, { case: 0, index: 1 },
      { case: 1, index: 0 }, { case: 1, index: 1 }, { case: 1, index: 2 },
    ]);
  });

  it('gives unit k to shard k mod N', () => {
    expect(shardUnits(10, { index: 1, count: 4 })).toEqual([1, 5, 9]);
    expect(shardUnits(3, { index: 3, count: 4 })).toEqual([]);
    for (const k of shardUnits(10, { index: 2, count: 4 })) expect(shardOfUnit(k, 4)).toBe(2);
  });

  it('puts every unit in exactly one shard, for any N', () => {
    for (const total of [0, 1, 7, 30]) {
      for (const count of [1, 2, 3, 8, 31]) {
        const all = Array.from({ length: count }, (_, index) => shardUnits(total, { index, count })).flat().sort((a, b) => a - b);
        expect(all).toEqual(Array.from({ length: total }, (_, k) => k));
      }
    }
  });
});
