// Layered drawing of a pipeline DAG, top to bottom, by dagre (an established layered-layout
// library): every edge points down, crossings are reduced, and an edge that skips layers is
// routed around the boxes between. Pure: the chart component only turns boxes and curves into
// SVG. `layersOf` (longest path from a source) is the layering the thumbnails and sizing use.
import { Graph, layout as dagreLayout } from '@dagrejs/dagre';
import { curveBasis, line } from 'd3';

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
  const kept = edges.filter(([a, b]) => known.has(a) && known.has(b) && a !== b);
  if (ids.length === 0) return { nodes: [], edges: [], width: opts.width, height: 0, layers: 0 };

  // Boxes shrink to fit the widest longest-path layer, down to MIN_NODE_WIDTH; a DAG wider than
  // that is laid out wider than `width` (the figure scrolls) rather than squeezed unreadably.
  const layer = layersOf(ids, kept);
  const perLayer = new Map<number, number>();
  for (const l of layer.values()) perLayer.set(l, (perLayer.get(l) ?? 0) + 1);
  const widest = Math.max(1, ...perLayer.values());
  const nodeWidth = Math.max(MIN_NODE_WIDTH, Math.min(opts.maxNodeWidth ?? 190, (opts.width - gap * (widest + 1)) / widest));

  // dagre (network-simplex ranks, barycentre ordering with transposition, Brandes–Köpf
  // placement) routes an edge that skips layers through points of its own, beside the boxes in
  // between, so a transitive edge a→c is never hidden under b.
  const g = new Graph({ multigraph: false });
  g.setGraph({ rankdir: 'TB', nodesep: gap, ranksep: layerGap, edgesep: gap, marginx: gap / 2, marginy: 4 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const id of ids) g.setNode(id, { width: nodeWidth, height: nodeHeight });
  for (const [a, b] of kept) g.setEdge(a, b);
  dagreLayout(g);

  const graphWidth = g.graph().width ?? 0;
  const shift = Math.max(0, (opts.width - graphWidth) / 2); // centred when narrower
  const ys = [...new Set(ids.map((id) => g.node(id).y))].sort((a, b) => a - b);
  const nodes: DagNode[] = ids.map((id) => {
    const n = g.node(id);
    return { id, layer: ys.indexOf(n.y), x: r1(n.x - nodeWidth / 2 + shift), y: r1(n.y - nodeHeight / 2), width: nodeWidth, height: nodeHeight };
  });
  const edgesOut = kept.map(([from, to]): DagEdge => {
    const points = ((g.edge(from, to) as { points?: { x: number; y: number }[] } | undefined)?.points ?? []).map((p) => [p.x + shift, p.y] as [number, number]);
    return { from, to, d: edgeLine(points) ?? '' };
  });
  return { nodes, edges: edgesOut, width: Math.max(opts.width, r1(graphWidth)), height: r1((g.graph().height ?? 0)), layers: ys.length };
}

/** A smooth curve through dagre's edge points (a B-spline, which stays inside their hull). */
const edgeLine = line<[number, number]>().x((p) => r1(p[0])).y((p) => r1(p[1])).curve(curveBasis);

function r1(v: number): number {
  return Math.round(v * 10) / 10;
}
