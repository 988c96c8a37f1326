// The canvas geometry: arrow keys move through the DAG as it is drawn, Fit shows all of it, and
// a selected task off screen is panned into view without changing the zoom.
import { describe, expect, it } from 'vitest';
import { layoutDag } from '../../../../renderer/charts/pipeline/dag-layout';
import { fitView, neighbour, revealView } from '../../../../renderer/editor/pipeline/dag-view';

// a → b, a → c, b → d, c → d: a diamond, b left of c.
const layout = layoutDag(['a', 'b', 'c', 'd'], [['a', 'b'], ['a', 'c'], ['b', 'd'], ['c', 'd']], { width: 400 });
const left = layout.nodes.filter((n) => n.layer === 1).sort((x, y) => x.x - y.x).map((n) => n.id);

describe('neighbour', () => {
  it('moves down and up by layer, to the nearest box', () => {
    expect(left).toHaveLength(2);
    expect(left).toContain(neighbour(layout.nodes, 'a', 'ArrowDown'));
    expect(neighbour(layout.nodes, left[0]!, 'ArrowDown')).toBe('d');
    expect(neighbour(layout.nodes, left[1]!, 'ArrowUp')).toBe('a');
    expect(neighbour(layout.nodes, 'a', 'ArrowUp')).toBeNull();
    expect(neighbour(layout.nodes, 'd', 'ArrowDown')).toBeNull();
  });

  it('moves left and right in reading order, across layers; Home and End go to the ends', () => {
    expect(neighbour(layout.nodes, 'a', 'ArrowRight')).toBe(left[0]);
    expect(neighbour(layout.nodes, left[0]!, 'ArrowRight')).toBe(left[1]);
    expect(neighbour(layout.nodes, left[1]!, 'ArrowRight')).toBe('d');
    expect(neighbour(layout.nodes, 'a', 'ArrowLeft')).toBeNull();
    expect(neighbour(layout.nodes, left[1]!, 'Home')).toBe('a');
    expect(neighbour(layout.nodes, 'a', 'End')).toBe('d');
    expect(neighbour(layout.nodes, null, 'ArrowDown')).toBe('a');
    expect(neighbour([], 'a', 'ArrowDown')).toBeNull();
  });
});

describe('fitView and revealView', () => {
  it('fits a tall DAG by its height below the kept strip, centred, and never enlarges a small one', () => {
    const tall = fitView({ width: 400, height: 1000 }, { width: 400, height: 414 }, 10, 34);
    expect(tall.k).toBeCloseTo(360 / 1000);
    expect(tall.x + 400 * tall.k / 2).toBeCloseTo(200);
    expect(tall.y).toBeCloseTo(34 + 10);
    const small = fitView({ width: 100, height: 50 }, { width: 400, height: 380 });
    expect(small.k).toBe(1);
    expect(small.x).toBe(150);
  });

  it('pans just enough to show a box outside the view, and leaves a visible one alone', () => {
    const view = { k: 0.5, x: 0, y: 0 };
    const viewport = { width: 400, height: 300 };
    expect(revealView(view, { x: 100, y: 100, width: 80, height: 40 }, viewport)).toBeNull();
    const below = revealView(view, { x: 100, y: 900, width: 80, height: 40 }, viewport, 8)!;
    expect(below.k).toBe(0.5);
    expect(below.y + (900 + 40) * 0.5).toBeCloseTo(300 - 8);
    const leftOf = revealView({ k: 1, x: -300, y: 0 }, { x: 100, y: 10, width: 80, height: 40 }, viewport, 8)!;
    expect(leftOf.x + 100).toBeCloseTo(8);
  });
});
