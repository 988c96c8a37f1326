import { describe, expect, it } from 'vitest';
import { editText } from '../../../renderer/editor/text-edit';

// The user's own layout: odd spacing, a one-line service, keys in their order.
const TEXT = `{
  "format": "headroom.scenario/v1",
  "name": "x",     "seed": 3,
  "serving": { "services": [ { "id": "a", "replicas": 2 } ] },
  "pipeline": {
    "tasks": [
      { "id": "t1", "duration_s": 1 },
      { "id": "t2", "duration_s": 2 }
    ],
    "edges": [["t1", "t2"]]
  }
}
`;

const changedLines = (a: string, b: string) => {
  const x = a.split('\n'), y = b.split('\n');
  return x.map((line, i) => (line === y[i] ? null : i)).filter((i) => i !== null);
};

describe('editText (a form edit changes only the text it touches)', () => {
  it('replaces one value and leaves every other character as typed', () => {
    const out = editText(TEXT, [{ path: ['seed'], value: 42 }]);
    expect(out).toBe(TEXT.replace('"seed": 3', '"seed": 42'));
    expect(changedLines(TEXT, out)).toEqual([2]);
  });

  it('edits inside a one-line object without re-printing the document', () => {
    const out = editText(TEXT, [{ path: ['pipeline', 'tasks', 1, 'duration_s'], value: 7 }]);
    expect(changedLines(TEXT, out)).toEqual([7]);
    expect(JSON.parse(out).pipeline.tasks[1].duration_s).toBe(7);
  });

  it('deletes a field, inserts into an array and applies several edits in order', () => {
    const out = editText(TEXT, [
      { path: ['pipeline', 'tasks', 2], value: { id: 't3', duration_s: 3 }, insert: true },
      { path: ['pipeline', 'edges', 1], value: ['t2', 't3'], insert: true },
      { path: ['seed'], value: undefined },
    ]);
    const doc = JSON.parse(out);
    expect(doc.seed).toBeUndefined();
    expect(doc.pipeline.tasks.map((t: { id: string }) => t.id)).toEqual(['t1', 't2', 't3']);
    expect(doc.pipeline.edges).toEqual([['t1', 't2'], ['t2', 't3']]);
    // The services line was not touched.
    expect(out).toContain('"serving": { "services": [ { "id": "a", "replicas": 2 } ] },');
  });

  it('creates missing parents and keeps the text valid JSON', () => {
    const out = editText(TEXT, [{ path: ['serving', 'services', 0, 'autoscaling', 'min_replicas'], value: 1 }]);
    expect(JSON.parse(out).serving.services[0].autoscaling).toEqual({ min_replicas: 1 });
  });

  it('follows tab indentation when the text uses it', () => {
    const tabbed = '{\n\t"name": "x",\n\t"a": {\n\t\t"b": 1\n\t}\n}\n';
    const out = editText(tabbed, [{ path: ['a', 'c'], value: 2 }]);
    expect(out).toContain('\t\t"c": 2');
  });
});
