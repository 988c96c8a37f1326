// Which parts may be merged: shape checks on reading, then one computation, none repeated,
// none missing (unless a partial merge is asked for).
import { describe, expect, it } from 'vitest';
import { ENGINE_VERSION } from '../../../simulation';
import { checkPartSet, PART_FORMAT, PartError, readPart, type LoadedPart, type PartDocument } from '../../../electron/backend/shard/part-format';
import { shardUnits } from '../../../electron/backend/shard/units';

const TOTAL = 7;

function part(index: number, count: number, change: Partial<PartDocument> = {}): PartDocument {
  const indices = shardUnits(TOTAL, { index, count });
  return {
    format: PART_FORMAT,
    command: 'run',
    args: { replications: TOTAL },
    scenario: { name: 's', sha256: 'aa' },
    engine: { version: ENGINE_VERSION, events: 0, wall_ms: 5 },
    seed: 1,
    shard: { index, count },
    units: { total: TOTAL, indices },
    sources: [{ sha256: 'aa', raw: { name: 's' }, traces: {} }],
    cases: [{ sha256: 'aa', replications: TOTAL, wall_ms: 5 }],
    outcomes: indices.map((k) => ({ index: k, events: 0, serving: {} })),
    ...change,
  };
}

const load = (doc: PartDocument, file: string): LoadedPart => readPart(JSON.stringify(doc), file);
const set = (count: number, change: (i: number) => Partial<PartDocument> = () => ({})) =>
  Array.from({ length: count }, (_, i) => load(part(i, count, change(i)), `p${i}.json`));

describe('reading a part', () => {
  it('reads a well-formed part and decodes its outcomes', () => {
    const p = load(part(1, 3), 'p1.json');
    expect(p.outcomes.map((o) => o.index)).toEqual([1, 4]);
  });

  it('reads a checkpoint-sweep part: its units are interval samples (NaN and null figures kept)', () => {
    const sample = (k: number) => ({ index: k % 3, events: 10, goodput: k === 4 ? NaN : 0.9, jct_s: null, lost: 0.01, checkpoint: 0.05 });
    const doc = part(1, 3, { command: 'checkpoint-sweep', outcomes: shardUnits(TOTAL, { index: 1, count: 3 }).map((k) => ({ ...sample(k), goodput: k === 4 ? { $exact: 'NaN' } : 0.9 })) });
    const p = load(doc, 'c1.json');
    expect(p.outcomes).toEqual([sample(1), sample(4)]);
  });

  it.each<[string, string, RegExp]>([
    ['not JSON', '{', /is not JSON/],
    ['another document', JSON.stringify({ format: 'headroom.result/v1' }), /expected "headroom\.part\/v1".*give the parts written with --shard/],
    ['a shard outside its count', JSON.stringify(part(0, 3, { shard: { index: 3, count: 3 } })), /^shard:/],
    ['units not its share', JSON.stringify(part(0, 3, { units: { total: TOTAL, indices: [0, 1] } })), /units\.indices: not the units of shard 0 of 3/],
    ['an outcome missing', JSON.stringify(part(0, 3, { outcomes: [] })), /outcomes: expected one per unit \(3\)/],
    ['a checkpoint-sweep unit that is not a sample', JSON.stringify(part(0, 3, { command: 'checkpoint-sweep' })), /outcomes\[0\]: expected a checkpoint sample \{ index, events, goodput, jct_s, lost, checkpoint \}/],
  ])('refuses %s, naming the file', (_what, text, message) => {
    try {
      readPart(text, 'bad.json');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(PartError);
      expect((e as PartError).file).toBe('bad.json');
      expect((e as Error).message).toMatch(message);
    }
  });
});

describe('a set of parts', () => {
  it('accepts every shard once, in any order', () => {
    expect(checkPartSet(set(3).reverse(), false)).toEqual([]);
  });

  it('refuses a missing shard, naming it, unless a partial merge is asked for', () => {
    const parts = set(4).filter((p) => p.part.shard.index !== 2);
    expect(() => checkPartSet(parts, false)).toThrow(/missing shard 2 of 4/);
    expect(checkPartSet(parts, true)).toEqual([2]);
  });

  it('refuses a repeated shard, naming both files', () => {
    const parts = set(3);
    const again = { ...parts[1]!, file: 'copy.json' };
    expect(() => checkPartSet([...parts, again], false)).toThrow(/repeats shard 1 of 3 \(also given as p1\.json\)/);
  });

  it.each<[string, (i: number) => Partial<PartDocument>, RegExp]>([
    ['another scenario', () => ({ sources: [{ sha256: 'bb', raw: {}, traces: {} }] }), /scenario sha256 is "bb", but p0\.json's is "aa"/],
    ['another seed', () => ({ seed: 2 }), /seed is 2/],
    ['other options', () => ({ args: { replications: TOTAL, horizon_s: 9 } }), /options/],
    ['another command', () => ({ command: 'sweep' }), /command is "sweep"/],
  ])('refuses a part of %s', (_what, change, message) => {
    const parts = set(3);
    parts[2] = load(part(2, 3, change(2)), 'other.json');
    expect(() => checkPartSet(parts, false)).toThrow(message);
    expect(() => checkPartSet(parts, true)).toThrow(PartError);
  });

  it('refuses a part of another shard count', () => {
    const parts = [...set(3).slice(0, 2), load(part(2, 4), 'four.json')];
    expect(() => checkPartSet(parts, false)).toThrow(/shard count is 4, but p0\.json's is 3/);
    expect(() => checkPartSet(parts, false)).toThrow(expect.objectContaining({ file: 'four.json' }));
  });

  it('refuses a part of another engine version', () => {
    const parts = set(2);
    parts[1] = load(part(1, 2, { engine: { version: '0.0.1', events: 0, wall_ms: 0 } }), 'old.json');
    expect(() => checkPartSet(parts, false)).toThrow(/engine 0\.0\.1; this is engine/);
  });
});
