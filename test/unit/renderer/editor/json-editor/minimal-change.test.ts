import { EditorSelection, EditorState } from '@codemirror/state';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { minimalChange } from '../../../../../renderer/editor/json-editor/minimal-change';

const apply = (text: string, c: { from: number; to: number; insert: string }) => text.slice(0, c.from) + c.insert + text.slice(c.to);

describe('minimalChange', () => {
  it('replaces only what differs', () => {
    expect(minimalChange('"replicas": 8,', '"replicas": 10,')).toEqual({ from: 12, to: 13, insert: '10' });
    expect(minimalChange('abc', 'abc')).toBeNull();
    expect(minimalChange('aaa', 'aaaa')).toEqual({ from: 3, to: 3, insert: 'a' }); // prefix and suffix do not overlap
    expect(minimalChange('abcd', 'ad')).toEqual({ from: 1, to: 3, insert: '' });
  });

  it('turns any text into any other, keeping the longest common prefix and then suffix', () => {
    // A small alphabet, so that the texts often share a prefix and a suffix that could overlap.
    const text = fc.string({ unit: fc.constantFrom('a', 'b', '\n'), maxLength: 12 });
    fc.assert(fc.property(text, text, (a, b) => {
      const c = minimalChange(a, b);
      if (a === b) {
        expect(c).toBeNull();
        return;
      }
      expect(c).not.toBeNull();
      expect(apply(a, c!)).toBe(b);
      // Maximal: the text just inside each end of the replaced span differs.
      if (c!.from < a.length && c!.from < b.length) expect(a[c!.from]).not.toBe(b[c!.from]);
      const tail = a.length - c!.to;
      if (c!.to > c!.from && b.length - tail > c!.from) expect(a[c!.to - 1]).not.toBe(b[b.length - tail - 1]);
    }), { numRuns: 1000 });
  });

  it('lets the editor keep a cursor that sits outside the edit', () => {
    const before = '{\n  "seed": 1,\n  "replicas": 8\n}';
    const after = before.replace('"replicas": 8', '"replicas": 12');
    const cursorAfterSeed = before.indexOf('1,') + 1;
    const cursorAtEnd = before.length - 1;
    const state = EditorState.create({ doc: before, extensions: EditorState.allowMultipleSelections.of(true), selection: EditorSelection.create([EditorSelection.cursor(cursorAfterSeed), EditorSelection.cursor(cursorAtEnd)]) });
    const next = state.update({ changes: minimalChange(before, after)! }).state;
    expect(next.doc.toString()).toBe(after);
    expect(next.selection.ranges.map((r) => r.head)).toEqual([cursorAfterSeed, cursorAtEnd + 1]);
  });
});
