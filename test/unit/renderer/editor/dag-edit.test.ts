// The pipeline editor's structural edits: a drawn edge is refused when it would close a cycle
// (the shortest one named), repeat an edge or loop on one task; adding, removing and renaming a
// task each become one list of text edits that leaves a valid scenario and touches only the
// task and the edges that name it.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenarioText } from '../../../../simulation';
import {
  addEdgeEdits, addTaskEdits, dagOf, edgeRefusal, removeEdgeEdits, removeTaskEdits, renameRefusal, renameTaskEdits,
  resolveSelection, wouldCreateCycle, type Edge,
} from '../../../../renderer/editor/pipeline/dag-edit';
import { editText } from '../../../../renderer/editor/text-edit';

const NIGHTLY = readFileSync(path.resolve(__dirname, '../../../../assets/examples/nightly-retraining.json'), 'utf8');
const dagOfText = (text: string) => dagOf((JSON.parse(text) as { pipeline?: unknown }).pipeline);
const pipelineOf = (text: string) => (JSON.parse(text) as { pipeline: { tasks: { id: string }[]; edges?: [string, string][] } }).pipeline;
const expectValid = (text: string) => {
  const parsed = parseScenarioText(text);
  expect(parsed.ok ? [] : parsed.errors).toEqual([]);
};

const SMALL = `{
  "format": "headroom.scenario/v1",
  "name": "small",
  "pipeline": {
    "tasks": [
      { "id": "a", "duration_s": 1 },
      { "id": "b", "duration_s": 2 }
    ]
  }
}
`;

describe('wouldCreateCycle', () => {
  const ids = ['a', 'b', 'c', 'd'];
  const chain: Edge[] = [['a', 'b'], ['b', 'c'], ['c', 'd']];

  it('names the cycle a new edge closes, from its head round to it', () => {
    expect(wouldCreateCycle(ids, chain, 'd', 'a')).toEqual(['a', 'b', 'c', 'd', 'a']);
    expect(wouldCreateCycle(ids, chain, 'c', 'b')).toEqual(['b', 'c', 'b']);
  });

  it('is null for an edge that keeps the graph acyclic, also a transitive one', () => {
    expect(wouldCreateCycle(ids, chain, 'a', 'd')).toBeNull();
    expect(wouldCreateCycle(ids, chain, 'd', 'e')).toBeNull();
    expect(wouldCreateCycle(ids, [], 'a', 'b')).toBeNull();
  });

  it('names the shortest of several cycles, and a self-edge as its own cycle', () => {
    const edges: Edge[] = [...chain, ['a', 'd']];
    expect(wouldCreateCycle(ids, edges, 'd', 'a')).toEqual(['a', 'd', 'a']);
    expect(wouldCreateCycle(ids, edges, 'b', 'b')).toEqual(['b', 'b']);
  });
});

describe('edgeRefusal', () => {
  const dag = dagOfText(NIGHTLY);

  it('refuses an edge closing a cycle, naming it', () => {
    expect(edgeRefusal(dag, 'evaluate_model', 'train_model')).toBe('Refused: evaluate_model → train_model would close the cycle train_model → evaluate_model → train_model');
    expect(edgeRefusal(dag, 'smoke_test', 'validate_data')).toBe(
      'Refused: smoke_test → validate_data would close the cycle validate_data → build_features → train_model → evaluate_model → approve_model → register_model → deploy_canary → smoke_test → validate_data',
    );
  });

  it('refuses a duplicate, a self-edge and an unknown task; allows a new acyclic edge', () => {
    expect(edgeRefusal(dag, 'train_model', 'evaluate_model')).toBe('Refused: train_model → evaluate_model is already an edge');
    expect(edgeRefusal(dag, 'smoke_test', 'smoke_test')).toMatch(/^Refused: smoke_test → smoke_test /);
    expect(edgeRefusal(dag, 'smoke_test', 'nope')).toBe('Refused: there is no task nope');
    expect(edgeRefusal(dag, 'smoke_test', 'cleanup_scratch')).toBeNull();
  });
});

describe('edge edits', () => {
  it('the first edge writes the absent edges array; later ones append; each removal takes only its edge', () => {
    let text = editText(SMALL, addEdgeEdits(dagOfText(SMALL), 'a', 'b'));
    expect(pipelineOf(text).edges).toEqual([['a', 'b']]);
    expectValid(text);
    text = editText(text, addTaskEdits(dagOfText(text)).edits);
    text = editText(text, addEdgeEdits(dagOfText(text), 'task_1', 'b'));
    expect(pipelineOf(text).edges).toEqual([['a', 'b'], ['task_1', 'b']]);
    text = editText(text, removeEdgeEdits(dagOfText(text), 'a', 'b'));
    expect(pipelineOf(text).edges).toEqual([['task_1', 'b']]);
    expectValid(text);
  });
});

describe('task edits', () => {
  it('adds a task after the selected one, with an edge from it, and a unique id', () => {
    const { id, edits } = addTaskEdits(dagOfText(NIGHTLY), 'train_model');
    expect(id).toBe('task_1');
    const text = editText(NIGHTLY, edits);
    const p = pipelineOf(text);
    const at = p.tasks.findIndex((t) => t.id === 'train_model');
    expect(p.tasks[at + 1]).toEqual({ id: 'task_1', duration_s: 60 });
    expect(p.tasks).toHaveLength(14);
    expect(p.edges?.at(-1)).toEqual(['train_model', 'task_1']);
    expectValid(text);
    const second = addTaskEdits(dagOfText(text));
    expect(second.id).toBe('task_2');
    expect(pipelineOf(editText(text, second.edits)).tasks.at(-1)).toEqual({ id: 'task_2', duration_s: 60 });
  });

  it('removes a task with every edge naming it, and nothing else', () => {
    const before = pipelineOf(NIGHTLY);
    const removal = removeTaskEdits(dagOfText(NIGHTLY), 'validate_data');
    expect(removal?.edgeCount).toBe(5);
    const text = editText(NIGHTLY, removal!.edits);
    const after = pipelineOf(text);
    expect(after.tasks.map((t) => t.id)).toEqual(before.tasks.map((t) => t.id).filter((id) => id !== 'validate_data'));
    expect(after.edges).toEqual(before.edges!.filter(([a, b]) => a !== 'validate_data' && b !== 'validate_data'));
    expectValid(text);
  });

  it('refuses to remove the only task', () => {
    const one = editText(SMALL, removeTaskEdits(dagOfText(SMALL), 'b')!.edits);
    expect(removeTaskEdits(dagOfText(one), 'a')).toBeNull();
  });

  it('renames a task in its id and in every edge, changing no other text', () => {
    const text = editText(NIGHTLY, renameTaskEdits(dagOfText(NIGHTLY), 'train_model', 'fit_model'));
    expect(text).toBe(NIGHTLY.replaceAll('"train_model"', '"fit_model"'));
    expect(text).not.toBe(NIGHTLY);
    expectValid(text);
  });

  it('refuses a rename to an id that is taken, empty or not an identifier', () => {
    const dag = dagOfText(NIGHTLY);
    expect(renameRefusal(dag, 'train_model', 'evaluate_model')).toBe('Another task is already called evaluate_model');
    expect(renameRefusal(dag, 'train_model', '')).toBe('A task needs an id');
    expect(renameRefusal(dag, 'train_model', 'train model')).toMatch(/letters, digits/);
    expect(renameRefusal(dag, 'train_model', 'train_model')).toBeNull();
    expect(renameRefusal(dag, 'train_model', 'train.model-2')).toBeNull();
  });
});

describe('resolveSelection', () => {
  const dag = dagOfText(NIGHTLY);
  it('keeps the picked task, falls back to the task at its index once it is gone, and starts at the first', () => {
    expect(resolveSelection(dag, null)).toBe('extract_events');
    expect(resolveSelection(dag, 'none')).toBeNull();
    expect(resolveSelection(dag, { id: 'train_model', index: 0 })).toBe('train_model');
    expect(resolveSelection(dag, { id: 'renamed_away', index: 5 })).toBe('train_model');
    expect(resolveSelection(dag, { id: 'removed_last', index: 40 })).toBe('cleanup_scratch');
  });
});
