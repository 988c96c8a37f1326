// The pipeline DAG drawing (dagre): every edge points down, boxes never overlap and stay inside
// the layout, which keeps to the width asked for unless the widest layer cannot fit even at the
// narrowest box; ordering uncrosses a simple fan-out/fan-in; an edge that skips a layer is
// routed beside the box it skips; task end states become shares and bar segments.
import { describe, expect, it } from 'vitest';
import { layersOf, layoutDag, MIN_NODE_WIDTH } from '../../../renderer/charts/pipeline/dag-layout';
import { stateSegments, taskShares } from '../../../renderer/charts/pipeline/task-states';

const stat = (mean: number) => ({ mean, ci95: [mean, mean] as [number, number] });

describe('DAG layout', () => {
  it('layers are longest paths from a source, so every edge goes down', () => {
    const ids = ['a', 'b', 'c', 'd', 'e'];
    const edges: [string, string][] = [['a', 'b'], ['b', 'c'], ['a', 'c'], ['c', 'd'], ['e', 'd']];
    const layer = layersOf(ids, edges);
    expect(Object.fromEntries(layer)).toEqual({ a: 0, b: 1, c: 2, d: 3, e: 0 });
    const l = layoutDag(ids, edges, { width: 600 });
    const byId = new Map(l.nodes.map((n) => [n.id, n]));
    for (const [a, b] of edges) expect(byId.get(b)!.y).toBeGreaterThan(byId.get(a)!.y + byId.get(a)!.height);
    expect(l.layers).toBe(4);
    expect(l.edges).toHaveLength(edges.length);
  });

  it('boxes do not overlap and stay within the layout, which is the width asked for when the widest layer fits', () => {
    const ids = ['root', ...Array.from({ length: 30 }, (_, i) => `t${i}`)];
    const edges = ids.slice(1).map((id): [string, string] => ['root', id]);
    for (const width of [320, 800, 4000]) {
      const l = layoutDag(ids, edges, { width });
      const layer = l.nodes.filter((n) => n.layer === 1);
      expect(layer).toHaveLength(30);
      // 30 boxes of at least MIN_NODE_WIDTH fit in 4000 px, not in 320 or 800: those scroll.
      if (width === 4000) expect(l.width).toBe(4000);
      else expect(l.width).toBeGreaterThanOrEqual(30 * MIN_NODE_WIDTH);
      for (const a of l.nodes) {
        expect(a.x).toBeGreaterThanOrEqual(0);
        expect(a.x + a.width).toBeLessThanOrEqual(l.width);
        for (const b of l.nodes) {
          if (a === b) continue;
          const apart = a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
          expect(apart).toBe(true);
        }
      }
      expect(l.nodes.every((n) => n.y + n.height <= l.height)).toBe(true);
    }
  });

  it('orders a layer by its parents, so two chains do not cross', () => {
    // Listed crosswise: x1 feeds y2's chain and x2 feeds y1's; barycenters put y2 under x1.
    const ids = ['x1', 'x2', 'y1', 'y2'];
    const edges: [string, string][] = [['x1', 'y2'], ['x2', 'y1']];
    const l = layoutDag(ids, edges, { width: 400 });
    const x = new Map(l.nodes.map((n) => [n.id, n.x]));
    expect(x.get('y2')!).toBeLessThan(x.get('y1')!);
  });

  it('routes a transitive edge a→c beside b, not under its box (the old layout hid it)', () => {
    for (const ids of [['a', 'b', 'c'], ['a', 'b', 'c', 'd']]) {
      const edges: [string, string][] = [['a', 'b'], ['b', 'c'], ['a', 'c'], ...(ids.includes('d') ? [['b', 'd'] as [string, string], ['a', 'd'] as [string, string]] : [])];
      const l = layoutDag(ids, edges, { width: 600 });
      const b = l.nodes.find((n) => n.id === 'b')!;
      for (const e of l.edges.filter((x) => x.from === 'a' && x.to !== 'b')) {
        // Every coordinate of the path (its control points; a B-spline stays inside their hull) at b's height is beside b.
        const nums = e.d.match(/-?\d+(\.\d+)?/g)!.map(Number);
        const pts = Array.from({ length: nums.length / 2 }, (_, i) => [nums[2 * i]!, nums[2 * i + 1]!] as const);
        const level = pts.filter(([, y]) => y > b.y && y < b.y + b.height);
        expect(level.length, `${e.from}→${e.to} passes b's level`).toBeGreaterThan(0);
        for (const [x] of level) expect(x < b.x || x > b.x + b.width, `${e.from}→${e.to} at x=${x} inside b [${b.x}, ${b.x + b.width}]`).toBe(true);
      }
    }
  });

  it('ignores edges that name unknown tasks and lays out nothing for no tasks', () => {
    expect(layoutDag(['a'], [['a', 'ghost']], { width: 300 }).edges).toEqual([]);
    const empty = layoutDag([], [], { width: 300 });
    expect(empty.nodes).toEqual([]);
    expect(empty.height).toBe(0);
  });
});

describe('task end states', () => {
  it('shares sum to 1 and classify own failures against propagated ones', () => {
    const own = taskShares({ success: stat(0.9), failed: stat(0.08), upstream_failed: stat(0.02), skipped: stat(0), attempts_mean: null, criticality: null, blast_radius: null });
    expect(own.kind).toBe('fails');
    expect(own.notSuccess).toBeCloseTo(0.1, 12);
    const down = taskShares({ success: stat(0.8), failed: stat(0.01), upstream_failed: stat(0.19), skipped: stat(0), attempts_mean: null, criticality: null, blast_radius: null });
    expect(down.kind).toBe('propagated');
    expect(taskShares(undefined).kind).toBe('ok');
    const segs = stateSegments(down.shares, 100);
    expect(segs.map((s) => s.key)).toEqual(['success', 'failed', 'upstream_failed']);
    expect(segs.reduce((s, g) => s + g.width, 0)).toBeCloseTo(100, 9);
  });
});
