// The KV cache in blocks (simulation/serving/llm/kv-cache.ts) and the sequence table and
// waiting line it works with (sequences.ts).
import { describe, expect, it } from 'vitest';
import { KvCache } from '../../../simulation/serving/llm/kv-cache';
import { IdDeque, SequenceTable } from '../../../simulation/serving/llm/sequences';

describe('KvCache', () => {
  it('rounds tokens up to whole blocks and never over-allocates', () => {
    const kv = new KvCache(10, 16);
    expect([kv.blocksFor(1), kv.blocksFor(16), kv.blocksFor(17), kv.blocksFor(0)]).toEqual([1, 1, 2, 0]);
    expect(kv.tryAllocate(7)).toBe(true);
    expect(kv.tryAllocate(4)).toBe(false);
    expect([kv.free, kv.used]).toEqual([3, 7]);
    expect(kv.tryAllocate(3)).toBe(true);
    kv.release(5);
    expect([kv.free, kv.used]).toEqual([5, 5]);
  });
});

describe('SequenceTable', () => {
  it('recycles ids and stops at its cap', () => {
    const t = new SequenceTable(3);
    const ids = [t.acquire(0, 10, 5), t.acquire(1, 20, 1), t.acquire(2, 30, 2)];
    expect(ids).toEqual([0, 1, 2]);
    expect(t.acquire(3, 1, 1)).toBe(-1);
    t.release(1);
    expect(t.acquire(4, 7, 3)).toBe(1);
    expect([t.prompt[1], t.target[1], t.generated[1], t.computed[1], t.tokens(1)]).toEqual([7, 3, 0, 0, 7]);
    expect(Number.isNaN(t.firstToken[1] as number)).toBe(true);
    expect(t.live).toBe(3);
  });

  it('grows by doubling, keeping what it holds', () => {
    const t = new SequenceTable(10_000);
    for (let i = 0; i < 1000; i++) expect(t.acquire(i, i + 1, 1)).toBe(i);
    expect(t.capacity).toBe(1024);
    expect(t.prompt[999]).toBe(1000);
  });
});

describe('IdDeque', () => {
  it('pushes at the back, puts back at the front, and grows', () => {
    const q = new IdDeque();
    for (let i = 0; i < 100; i++) q.push(i);
    q.unshift(-1);
    q.unshift(-2);
    expect([q.length, q.peek(), q.at(1), q.at(2), q.at(101)]).toEqual([102, -2, -1, 0, 99]);
    expect([q.shift(), q.shift(), q.shift()]).toEqual([-2, -1, 0]);
    expect(q.length).toBe(99);
  });
});
