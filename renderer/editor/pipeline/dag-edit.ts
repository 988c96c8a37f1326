// The pipeline DAG as the editor changes it: which edges may be drawn (no self-edge, no
// duplicate, no cycle — refused with the cycle named), and the text edits that add or remove a
// task or an edge, or rename a task everywhere it is named, each applied as ONE store edit (one
// undo step). Pure; indices are those of the raw scenario's arrays, malformed entries included,
// so an edit lands on the element the user sees even while other entries are invalid.
import { getAtPath } from '../json-path';
import type { FieldEdit } from '../text-edit';
import { uniqueId } from '../section-starters';
import { taskIdProblem } from './task-schema';

export type Edge = readonly [string, string];

export interface PipelineDag {
  /** Each task's id by its index in `pipeline.tasks` (null: the id is not a string). */
  taskIds: readonly (string | null)[];
  /** Each edge by its index in `pipeline.edges` (null: not a pair of strings). */
  edges: readonly (Edge | null)[];
  /** `pipeline.edges` is absent (it defaults to []): the first edge writes the array. */
  edgesAbsent: boolean;
}

const TASKS = ['pipeline', 'tasks'] as const;
const EDGES = ['pipeline', 'edges'] as const;

/** The DAG of a raw (parsed, not validated) `pipeline` value. */
export function dagOf(pipeline: unknown): PipelineDag {
  const tasks = getAtPath(pipeline, ['tasks']);
  const edges = getAtPath(pipeline, ['edges']);
  return {
    taskIds: Array.isArray(tasks) ? tasks.map((t) => { const id = getAtPath(t, ['id']); return typeof id === 'string' ? id : null; }) : [],
    edges: Array.isArray(edges)
      ? edges.map((e): Edge | null => (Array.isArray(e) && e.length === 2 && typeof e[0] === 'string' && typeof e[1] === 'string' ? [e[0], e[1]] : null))
      : [],
    edgesAbsent: edges === undefined,
  };
}

/** The task ids the canvas draws: strings, each once (a duplicate is a validation error shown elsewhere). */
export function drawnIds(dag: PipelineDag): string[] {
  return [...new Set(dag.taskIds.filter((id): id is string => id !== null && id !== ''))];
}

export function validEdges(dag: PipelineDag): Edge[] {
  return dag.edges.filter((e): e is Edge => e !== null);
}

/**
 * The cycle that adding `from → to` would close, as the path to → … → from → to (the shortest
 * one, found breadth-first from `to`), or null when the edge keeps the graph acyclic.
 */
export function wouldCreateCycle(ids: readonly string[], edges: readonly Edge[], from: string, to: string): string[] | null {
  if (from === to) return [from, to];
  const known = new Set(ids);
  const succ = new Map<string, string[]>();
  for (const [a, b] of edges) {
    if (!known.has(a) || !known.has(b)) continue;
    succ.set(a, [...(succ.get(a) ?? []), b]);
  }
  const parent = new Map<string, string | null>([[to, null]]);
  const queue = [to];
  for (let k = 0; k < queue.length; k++) {
    const node = queue[k]!;
    if (node === from) {
      const path: string[] = [];
      for (let at: string | null = from; at !== null; at = parent.get(at) ?? null) path.unshift(at);
      return [...path, to];
    }
    for (const next of succ.get(node) ?? []) {
      if (!parent.has(next)) { parent.set(next, node); queue.push(next); }
    }
  }
  return null;
}

/** Why `from → to` may not be drawn, as the message the editor shows, or null when it may. */
export function edgeRefusal(dag: PipelineDag, from: string, to: string): string | null {
  const ids = drawnIds(dag);
  for (const id of [from, to]) if (!ids.includes(id)) return `Refused: there is no task ${id}`;
  if (from === to) return `Refused: ${from} → ${to} would make the task wait for itself`;
  const edges = validEdges(dag);
  if (edges.some(([a, b]) => a === from && b === to)) return `Refused: ${from} → ${to} is already an edge`;
  const cycle = wouldCreateCycle(ids, edges, from, to);
  return cycle ? `Refused: ${from} → ${to} would close the cycle ${cycle.join(' → ')}` : null;
}

export function addEdgeEdits(dag: PipelineDag, from: string, to: string): FieldEdit[] {
  if (dag.edgesAbsent) return [{ path: [...EDGES], value: [[from, to]] }];
  return [{ path: [...EDGES, dag.edges.length], value: [from, to], insert: true }];
}

/** Removes every copy of `from → to`, last first so the earlier indices stay valid. */
export function removeEdgeEdits(dag: PipelineDag, from: string, to: string): FieldEdit[] {
  return dag.edges
    .flatMap((e, i) => (e && e[0] === from && e[1] === to ? [i] : []))
    .reverse()
    .map((i) => ({ path: [...EDGES, i], value: undefined }));
}

/** What "Add task" writes: a 60 s task inserted after `after` (and an edge from it), or at the end. */
export function addTaskEdits(dag: PipelineDag, after?: string | null): { id: string; edits: FieldEdit[] } {
  const id = uniqueId('task_1', dag.taskIds);
  const afterIndex = after ? dag.taskIds.indexOf(after) : -1;
  const at = afterIndex >= 0 ? afterIndex + 1 : dag.taskIds.length;
  const edits: FieldEdit[] = [{ path: [...TASKS, at], value: { id, duration_s: 60 }, insert: true }];
  if (afterIndex >= 0 && after) edits.push(...addEdgeEdits(dag, after, id));
  return { id, edits };
}

/**
 * Removes task `id` and every edge naming it (edges first, last first), or null when it is the
 * pipeline's only task (a pipeline needs one; remove the section instead).
 */
export function removeTaskEdits(dag: PipelineDag, id: string): { edits: FieldEdit[]; edgeCount: number } | null {
  const index = dag.taskIds.indexOf(id);
  if (index < 0 || dag.taskIds.length <= 1) return null;
  const touching = dag.edges.flatMap((e, i) => (e && (e[0] === id || e[1] === id) ? [i] : [])).reverse();
  const edits: FieldEdit[] = touching.map((i) => ({ path: [...EDGES, i], value: undefined }));
  edits.push({ path: [...TASKS, index], value: undefined });
  return { edits, edgeCount: touching.length };
}

/** Why task `from` may not be called `to`, or null when it may. */
export function renameRefusal(dag: PipelineDag, from: string, to: string): string | null {
  if (to === from) return null;
  const problem = taskIdProblem(to);
  if (problem) return problem;
  if (dag.taskIds.includes(to)) return `Another task is already called ${to}`;
  return null;
}

/** Renames task `from` to `to` in its id and in every edge, in one edit list (no checks: see renameRefusal). */
export function renameTaskEdits(dag: PipelineDag, from: string, to: string): FieldEdit[] {
  const index = dag.taskIds.indexOf(from);
  if (index < 0 || from === to) return [];
  const edits: FieldEdit[] = [{ path: [...TASKS, index, 'id'], value: to }];
  dag.edges.forEach((e, i) => {
    if (!e) return;
    if (e[0] === from) edits.push({ path: [...EDGES, i, 0], value: to });
    if (e[1] === from) edits.push({ path: [...EDGES, i, 1], value: to });
  });
  return edits;
}

/** The selection as the user left it: a task (and where it was), none on purpose, or not yet chosen. */
export type Picked = { id: string; index: number } | 'none' | null;

/**
 * The selected task's id: the picked one while it exists; after undo renamed or removed it, the
 * task now at its index; the first task before anything was picked.
 */
export function resolveSelection(dag: PipelineDag, picked: Picked): string | null {
  const ids = drawnIds(dag);
  if (picked === 'none') return null;
  if (picked === null) return ids[0] ?? null;
  if (ids.includes(picked.id)) return picked.id;
  const at = dag.taskIds[Math.min(picked.index, dag.taskIds.length - 1)];
  return at && ids.includes(at) ? at : ids[ids.length - 1] ?? null;
}
