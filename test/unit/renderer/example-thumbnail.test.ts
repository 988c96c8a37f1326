// The example gallery's catalogue and thumbnails: every bundled example has a story and a
// thumbnail, and each thumbnail draws what its scenario says (load against capacity, latency
// parts against the budget, the DAG's stages, the pools' nodes and allocated units).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_CATALOGUE, galleryEntries } from '../../../renderer/library/example-catalogue';
import { exampleThumbnail, rateAt, THUMB_HEIGHT, THUMB_WIDTH, type Thumbnail, type ThumbShape } from '../../../renderer/library/example-thumbnail';

const dir = path.resolve(__dirname, '../../../assets/examples');
const bundled = fs.readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, ''));
const read = (id: string) => fs.readFileSync(path.join(dir, `${id}.json`), 'utf8');
const asExample = (id: string) => ({ id, name: id, description: `about ${id}`, json: read(id) });

const rects = (t: Thumbnail, role: ThumbShape['role']) => t.shapes.filter((s): s is Extract<ThumbShape, { kind: 'rect' }> => s.kind === 'rect' && s.role === role);
const path1 = (t: Thumbnail, role: ThumbShape['role']) => {
  const p = t.shapes.find((s) => s.kind === 'path' && s.role === role);
  if (p?.kind !== 'path') throw new Error(`no ${role} path`);
  return p.d;
};
/** A staircase `M x,y (H x V y)* H x` as levels, each from its x0 on. */
function capacitySteps(d: string): { x0: number; y: number }[] {
  const m = /^M([\d.]+),([\d.]+)/.exec(d)!;
  const steps = [{ x0: Number(m[1]), y: Number(m[2]) }];
  for (const [, x, y] of d.matchAll(/H([\d.]+)V([\d.]+)/g)) steps.push({ x0: Number(x), y: Number(y) });
  return steps;
}
/** The y of every point of an M/L path. */
const ys = (d: string) => [...d.matchAll(/[ML]([\d.]+),([\d.]+)/g)].map((m) => Number(m[2]));

describe('example catalogue', () => {
  it('every bundled example has a story and a thumbnail of a section it has', () => {
    expect(bundled.length).toBeGreaterThanOrEqual(4);
    for (const id of bundled) {
      const entry = EXAMPLE_CATALOGUE.find((c) => c.id === id);
      expect(entry, `${id} has no entry in renderer/library/example-catalogue.ts`).toBeDefined();
      expect(entry!.story.length, `${id}'s story`).toBeGreaterThan(200);
      expect(exampleThumbnail(read(id), entry!.thumbnail), `${id}'s thumbnail`).not.toBeNull();
    }
  });

  it('orders catalogued examples as the catalogue does, then the others with their own description', () => {
    const examples = ['zz-mine', 'gpu-training-cluster', 'risk-model-api'].map((id) =>
      id === 'zz-mine' ? { id, name: 'Mine', description: 'my own', json: read('risk-model-api') } : asExample(id));
    const entries = galleryEntries(examples);
    expect(entries.map((e) => e.example.id)).toEqual(['risk-model-api', 'gpu-training-cluster', 'zz-mine']);
    expect(entries[2]).toMatchObject({ story: 'my own', thumbnail: null });
    expect(entries[0]!.story).toContain('1,200 requests/s');
  });
});

describe('serving thumbnails', () => {
  it('diurnal autoscaling: the load rises from the trough to the peak and back; capacity steps follow it', () => {
    const t = exampleThumbnail(read('diurnal-autoscaling'), 'serving')!;
    expect(t.drawing).toBe('load');
    // mean 30 rps, peak/mean 1.8: 6 at t = 0, 54 at period/2; 7.5 rps per replica at 75% → ⌈54 ÷ 5.625⌉ = 10.
    expect(t.label).toContain('6 to 54 requests/s');
    expect(t.label).toContain('2 to 10 replicas');
    const load = ys(path1(t, 'load-line'));
    const peak = load.indexOf(Math.min(...load)); // SVG y grows downward
    expect(peak).toBe((load.length - 1) / 2);
    expect(load[0]).toBeCloseTo(load[load.length - 1]!, 5);
    // Capacity is a staircase that never falls below the load where the autoscaler is not at a bound.
    const steps = capacitySteps(path1(t, 'capacity'));
    expect(steps.length).toBeGreaterThanOrEqual(1 + 8 * 2); // up 2 → 10 replicas, and down again
    const points = [...path1(t, 'load-line').matchAll(/[ML]([\d.]+),([\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])] as const);
    for (const [x, y] of points) {
      const level = steps.filter((s) => s.x0 <= x + 1e-9).at(-1)!;
      expect(level.y, `capacity at x = ${x}`).toBeLessThanOrEqual(y + 0.1); // SVG y grows downward
    }
  });

  it('the article: a flat 1,200 requests/s exactly at the capacity of 8 replicas', () => {
    const t = exampleThumbnail(read('risk-model-api'), 'serving')!;
    expect(t.label).toBe('risk_model_api: offered load over the run, poisson, 1,200 requests/s; capacity 8 replicas, 1,200 requests/s');
    const load = new Set(ys(path1(t, 'load-line')));
    expect(load.size).toBe(1);
    expect(path1(t, 'capacity')).toBe(`M8,${[...load][0]}H232`);
  });

  it('a trace: the latency parts of one batch against the budget (the renderer cannot read the trace)', () => {
    const t = exampleThumbnail(read('azure-llm-code-trace'), 'serving')!;
    expect(t.drawing).toBe('budget');
    // network 30 + a full batch 180 + 45 × 8 = 540 + postprocess 15 = 585 ms, budget 2,000 ms.
    expect(t.label).toContain('model 540 ms');
    expect(t.label).toContain('585 ms in all against a budget of 2,000 ms');
    const [model] = rects(t, 'service');
    const [post] = rects(t, 'postprocess');
    const budgetX = Number(/M([\d.]+)/.exec(path1(t, 'budget'))![1]);
    expect(post!.x + post!.width).toBeLessThan(budgetX);
    expect(model!.width / (post!.x + post!.width - 8)).toBeCloseTo(540 / 585, 2);
  });

  it('rates: bursts replace the base rate from the first burst on', () => {
    const a = { process: 'bursty', rate_rps: 10, burst_rate_rps: 50, burst_every_s: 100, burst_duration_s: 20 } as const;
    expect([0, 5, 100, 119, 120, 205].map((t) => rateAt(a, t))).toEqual([10, 10, 50, 50, 10, 50]);
  });
});

describe('pipeline thumbnails', () => {
  it('the article\'s chain of 9 tasks is one row of 9 stages, gates marked', () => {
    const t = exampleThumbnail(read('risk-model-api'), 'pipeline')!;
    const nodes = [...rects(t, 'task'), ...rects(t, 'gate')];
    expect(nodes).toHaveLength(9);
    expect(rects(t, 'gate')).toHaveLength(5);
    expect(t.label).toMatch(/^pipeline of 9 tasks in \d+ stages, 5 of them gates/);
    for (const n of nodes) {
      expect(n.x).toBeGreaterThanOrEqual(0);
      expect(n.x + n.width).toBeLessThanOrEqual(THUMB_WIDTH);
    }
  });

  it('a fan-out and fan-in: siblings share a column, one above the other; edges join box sides', () => {
    const json = JSON.stringify({
      format: 'headroom.scenario/v1', name: 'fan',
      pipeline: { tasks: ['a', 'b', 'c', 'd'].map((id) => ({ id, duration_s: 60 })), edges: [['a', 'b'], ['a', 'c'], ['b', 'd'], ['c', 'd']] },
    });
    const t = exampleThumbnail(json, null)!;
    expect(t.drawing).toBe('dag');
    const [a, b, c, d] = rects(t, 'task');
    expect(b!.x).toBe(c!.x);
    expect(Math.abs(b!.y - c!.y)).toBeGreaterThan(b!.height);
    expect(a!.x).toBeLessThan(b!.x);
    expect(d!.x).toBeGreaterThan(b!.x);
    expect(a!.y + a!.height / 2).toBeCloseTo(THUMB_HEIGHT / 2, 0);
    const edges = t.shapes.filter((s) => s.kind === 'path' && s.role === 'edge');
    expect(edges).toHaveLength(4);
    expect((edges[0] as { d: string }).d.startsWith(`M${Math.round((a!.x + a!.width) * 10) / 10},`)).toBe(true);
  });
});

describe('cluster thumbnails', () => {
  it('the GPU cluster: 8 nodes of 8 and 2 of 8, the allocated units filled, the expected slow node marked', () => {
    const t = exampleThumbnail(read('gpu-training-cluster'), 'cluster')!;
    expect(t.drawing).toBe('pools');
    const busy = rects(t, 'unit-busy'), free = rects(t, 'unit-free');
    expect(busy.length + free.length).toBe(64 + 16);
    expect(busy).toHaveLength(54 + 10);
    expect(rects(t, 'node').length + rects(t, 'slow').length).toBe(8 + 2);
    // 15% of 8 nodes ≈ 1; of 2 nodes ≈ 0.
    expect(rects(t, 'slow')).toHaveLength(1);
    expect(t.label).toContain('h100_train, 64 units in 8 nodes, 54 allocated');
    expect(t.label).toContain('nodes fail about every 3 days');
    for (const r of [...busy, ...free]) expect(r.y + r.height).toBeLessThanOrEqual(THUMB_HEIGHT);
  });
});

it('a scenario that does not parse has no thumbnail', () => {
  expect(exampleThumbnail('{ not json', 'serving')).toBeNull();
  expect(exampleThumbnail(read('gpu-training-cluster'), 'serving')).toBeNull();
});
