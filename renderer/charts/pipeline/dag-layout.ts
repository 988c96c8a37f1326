// Layered drawing of a pipeline DAG, top to bottom: a task's layer is its longest path from a
// source, so every edge points down; within a layer, tasks are ordered by the mean position of
// their neighbours (two barycenter sweeps), which untangles the usual fan-out/fan-in shapes.
// Pure: the chart component only turns the boxes and curves into SVG.

export interface DagNode {
  id: string;
  layer: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface DagEdge {
  from: string;
  to: string;
  /** SVG path from the bottom of `from` to the top of `to`. */
  d: string;
}

export interface DagLayout {
  nodes: DagNode[];
  edges: DagEdge[];
  width: number;
  height: number;
  layers: number;
}

/** Narrowest box (room for about a dozen characters). */
export const MIN_NODE_WIDTH = 84;

export interface LayoutOptions {
  width: number;
  nodeHeight?: number;
  layerGap?: number;
  /** Horizontal gap between boxes in one layer. */
  gap?: number;
  maxNodeWidth?: number;
}

/** Successor lists and in-degrees by task index; edges naming unknown tasks are ignored. */
export function successorGraph(ids: readonly string[], edges: readonly (readonly [string, string])[]): { succ: number[][]; indeg: number[] } {
  const index = new Map(ids.map((id, i) => [id, i]));
  const succ: number[][] = ids.map(() => []);
  const indeg = new Array<number>(ids.length).fill(0);
  for (const [a, b] of edges) {
    const i = index.get(a), j = index.get(b);
    if (i === undefined || j === undefined) continue;
    succ[i]!.push(j);
    indeg[j]!++;
  }
  return { succ, indeg };
}

/** Longest-path layer of each task (0 for sources); edges naming unknown tasks are ignored. */
export function layersOf(ids: readonly string[], edges: readonly (readonly [string, string])[]): Map<string, number> {
  const { succ, indeg } = successorGraph(ids, edges);
  const layer = new Array<number>(ids.length).fill(0);
  const ready = ids.flatMap((_, i) => (indeg[i] === 0 ? [i] : []));
  for (let k = 0; k < ready.length; k++) {
    const i = ready[k]!;
    for (const j of succ[i]!) {
      layer[j] = Math.max(layer[j]!, layer[i]! + 1);
      if (--indeg[j]! === 0) ready.push(j);
    }
  }
  // A cycle cannot pass validation; if one slips through, its tasks stay in layer 0.
  return new Map(ids.map((id, i) => [id, layer[i]!]));
}

export function layoutDag(ids: readonly string[], edges: readonly (readonly [string, string])[], opts: LayoutOptions): DagLayout {
  const nodeHeight = opts.nodeHeight ?? 44, layerGap = opts.layerGap ?? 26, gap = opts.gap ?? 10;
  const known = new Set(ids);
  const kept = edges.filter(([a, b]) => known.has(a) && known.has(b));
  const layer = layersOf(ids, kept);
  const count = ids.length === 0 ? 0 : Math.max(...layer.values()) + 1;
  const rows: string[][] = Array.from({ length: count }, () => []);
  for (const id of ids) rows[layer.get(id)!]!.push(id);

  const preds = new Map<string, string[]>(ids.map((id) => [id, []]));
  const succs = new Map<string, string[]>(ids.map((id) => [id, []]));
  for (const [a, b] of kept) { preds.get(b)!.push(a); succs.get(a)!.push(b); }
  const pos = new Map<string, number>();
  const place = (row: string[]) => row.forEach((id, i) => pos.set(id, (i + 0.5) / row.length));
  rows.forEach(place);
  const sweep = (order: number[], neighbours: Map<string, string[]>) => {
    for (const r of order) {
      const row = rows[r]!;
      const key = (id: string) => {
        const n = neighbours.get(id)!;
        return n.length === 0 ? pos.get(id)! : n.reduce((s, m) => s + pos.get(m)!, 0) / n.length;
      };
      const keyed = row.map((id, i) => ({ id, k: key(id), i }));
      keyed.sort((p, q) => p.k - q.k || p.i - q.i);
      rows[r] = keyed.map((e) => e.id);
      place(rows[r]!);
    }
  };
  const down = rows.map((_, r) => r).slice(1);
  sweep(down, preds);
  sweep(down.map((r) => r - 1).reverse(), succs);

  // Boxes shrink to fit the widest layer down to MIN_NODE_WIDTH; a layer wider than that wraps
  // onto several rows (its tasks have no edges between them, so wrapping crosses nothing).
  const perRow = Math.max(1, Math.floor((opts.width - gap) / (MIN_NODE_WIDTH + gap)));
  const widest = Math.min(perRow, Math.max(1, ...rows.map((r) => r.length)));
  const nodeWidth = Math.max(MIN_NODE_WIDTH, Math.min(opts.maxNodeWidth ?? 190, (opts.width - gap * (widest + 1)) / widest));
  const nodes: DagNode[] = [];
  const byId = new Map<string, DagNode>();
  let y = 4;
  rows.forEach((row, r) => {
    for (let start = 0; start < row.length; start += perRow) {
      const chunk = row.slice(start, start + perRow);
      const span = chunk.length * nodeWidth + (chunk.length - 1) * gap;
      const left = Math.max(0, (opts.width - span) / 2);
      chunk.forEach((id, i) => {
        const n = { id, layer: r, x: left + i * (nodeWidth + gap), y, width: nodeWidth, height: nodeHeight };
        nodes.push(n);
        byId.set(id, n);
      });
      y += nodeHeight + (start + perRow < row.length ? gap : layerGap);
    }
  });
  const edgesOut = kept.map(([from, to]): DagEdge => {
    const a = byId.get(from)!, b = byId.get(to)!;
    const x1 = a.x + a.width / 2, y1 = a.y + a.height, x2 = b.x + b.width / 2, y2 = b.y;
    const mid = (y1 + y2) / 2;
    return { from, to, d: `M${r1(x1)},${r1(y1)} C${r1(x1)},${r1(mid)} ${r1(x2)},${r1(mid)} ${r1(x2)},${r1(y2)}` };
  });
  const height = count === 0 ? 0 : y - layerGap + 4;
  return { nodes, edges: edgesOut, width: opts.width, height, layers: count };
}

function r1(v: number): number {
  return Math.round(v * 10) / 10;
}
