// A pipeline compiled for the hot loops: tasks by index (their position in `tasks[]`), direct
// upstreams and downstreams as CSR arrays sorted by index, a topological order (Kahn's algorithm
// taking the lowest ready index first, so it is deterministic) and each task's trigger rule.
// The scenario validator has already rejected unknown tasks, self-loops and cycles; `compileDag`
// still throws on a cycle so the engine never loops on bad input it was handed directly.
import type { PipelineSpec } from '../scenario/schema';
import { TRIGGER_RULES } from '../scenario/schema';

export type RuleName = (typeof TRIGGER_RULES)[number];

/** Trigger rules by code (the index in TRIGGER_RULES). */
export const ALL_SUCCESS = 0, ALL_FAILED = 1, ALL_DONE = 2, ALL_SKIPPED = 3, ONE_SUCCESS = 4,
  ONE_FAILED = 5, ONE_DONE = 6, NONE_FAILED = 7, NONE_FAILED_MIN_ONE_SUCCESS = 8, NONE_SKIPPED = 9,
  ALWAYS = 10;

export function ruleCode(name: RuleName): number {
  return TRIGGER_RULES.indexOf(name);
}

export interface Dag {
  n: number;
  ids: readonly string[];
  /** Upstreams of task t: predList[predStart[t] .. predStart[t+1]), ascending. */
  predStart: Int32Array;
  predList: Int32Array;
  /** Downstreams of task t: succList[succStart[t] .. succStart[t+1]), ascending. */
  succStart: Int32Array;
  succList: Int32Array;
  /** Position of each downstream edge in predList (so counts can be kept per edge). */
  succEdge: Int32Array;
  topo: Int32Array;
  rule: Uint8Array;
  /** Tasks with no downstream (Airflow's leaves). */
  leaves: Int32Array;
}

export function compileDag(p: Pick<PipelineSpec, 'tasks' | 'edges'>): Dag {
  const n = p.tasks.length;
  const ids = p.tasks.map((t) => t.id);
  const index = new Map(ids.map((id, i) => [id, i]));
  const pairs: [number, number][] = [];
  const seen = new Set<number>();
  for (const [from, to] of p.edges) {
    const a = index.get(from), b = index.get(to);
    if (a === undefined || b === undefined) throw new Error(`pipeline.edges: unknown task in [${from}, ${to}]`);
    if (a === b) throw new Error(`pipeline.edges: self-loop on "${from}"`);
    const key = a * n + b;
    if (seen.has(key)) continue;
    seen.add(key);
    pairs.push([a, b]);
  }
  const predStart = csrStarts(n, pairs.map(([, b]) => b));
  const succStart = csrStarts(n, pairs.map(([a]) => a));
  const predList = new Int32Array(pairs.length);
  const succList = new Int32Array(pairs.length);
  // Sorting the pairs by (to, from) fills predList in ascending order; by (from, to) succList.
  const byTo = [...pairs].sort((x, y) => x[1] - y[1] || x[0] - y[0]);
  byTo.forEach(([a], k) => { predList[k] = a; });
  const byFrom = [...pairs].sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  const succEdge = new Int32Array(pairs.length);
  const edgeAt = new Map(byTo.map(([a, b], k) => [a * n + b, k]));
  byFrom.forEach(([a, b], k) => { succList[k] = b; succEdge[k] = edgeAt.get(a * n + b) as number; });
  const topo = topologicalOrder(n, predStart, succStart, succList, ids);
  const rule = Uint8Array.from(p.tasks.map((t) => ruleCode(t.trigger_rule)));
  const leaves = Int32Array.from(ids.flatMap((_, t) => (succStart[t + 1] === succStart[t] ? [t] : [])));
  return { n, ids, predStart, predList, succStart, succList, succEdge, topo, rule, leaves };
}

function csrStarts(n: number, keys: number[]): Int32Array {
  const start = new Int32Array(n + 1);
  for (const k of keys) start[k + 1]!++;
  for (let i = 0; i < n; i++) start[i + 1]! += start[i]!;
  return start;
}

/** Kahn's algorithm with a binary min-heap of ready indices. Throws on a cycle. */
function topologicalOrder(n: number, predStart: Int32Array, succStart: Int32Array, succList: Int32Array, ids: readonly string[]): Int32Array {
  const indegree = new Int32Array(n);
  for (let t = 0; t < n; t++) indegree[t] = predStart[t + 1]! - predStart[t]!;
  const heap: number[] = [];
  const push = (v: number) => {
    let i = heap.length;
    heap.push(v);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (heap[parent]! <= v) break;
      heap[i] = heap[parent]!;
      i = parent;
    }
    heap[i] = v;
  };
  const pop = (): number => {
    const top = heap[0]!;
    const last = heap.pop()!;
    if (heap.length > 0) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= heap.length) break;
        const c = l + 1 < heap.length && heap[l + 1]! < heap[l]! ? l + 1 : l;
        if (last <= heap[c]!) break;
        heap[i] = heap[c]!;
        i = c;
      }
      heap[i] = last;
    }
    return top;
  };
  for (let t = 0; t < n; t++) if (indegree[t] === 0) push(t);
  const topo = new Int32Array(n);
  let k = 0;
  while (heap.length > 0) {
    const t = pop();
    topo[k++] = t;
    for (let e = succStart[t]!; e < succStart[t + 1]!; e++) {
      const s = succList[e]!;
      if (--indegree[s]! === 0) push(s);
    }
  }
  if (k < n) {
    const stuck = ids.filter((_, t) => indegree[t]! > 0);
    throw new Error(`pipeline.edges: cycle among ${stuck.join(', ')}`);
  }
  return topo;
}

/**
 * Descendants of every task as bit sets (row t: n bits, ⌈n/32⌉ words), or null when n is so
 * large that the matrix would exceed `maxBytes`.
 */
export function descendantBits(dag: Dag, maxBytes = 8 * 1024 * 1024): { words: number; bits: Uint32Array } | null {
  const words = (dag.n + 31) >>> 5;
  if (dag.n * words * 4 > maxBytes) return null;
  const bits = new Uint32Array(dag.n * words);
  for (let i = dag.n - 1; i >= 0; i--) {
    const t = dag.topo[i]!;
    const row = t * words;
    for (let e = dag.succStart[t]!; e < dag.succStart[t + 1]!; e++) {
      const s = dag.succList[e]!;
      bits[row + (s >>> 5)]! |= 1 << (s & 31);
      const srow = s * words;
      for (let w = 0; w < words; w++) bits[row + w]! |= bits[srow + w]!;
    }
  }
  return { words, bits };
}
