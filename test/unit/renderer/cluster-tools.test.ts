// The cluster tools' pure parts: what "Apply to scenario" and "Use this interval" write into the
// scenario, and the goodput-vs-interval chart's scales and markers.
import { describe, expect, it } from 'vitest';
import type { CheckpointSweep, StragglerFit } from '../../../electron/common/contract';
import { checkpointChartModel, secondsLabel } from '../../../renderer/cluster-tools/checkpoint-chart';
import {
  clusterShape, roundInterval, stepTimeTargets, withCheckpointInterval, withStragglerFit,
} from '../../../renderer/cluster-tools/scenario-edits';

const fit: StragglerFit = {
  workers: 10,
  steps: 300,
  measured: { sync_slowdown: 1.1109, mean_worker_step: 450, slow_workers: ['0', '1', '2'], slow_worker_ratio: 1.088 },
  fitted: {
    step_time_s: { dist: 'lognormal', mean: 432.3031234, cv: 0.063863712 },
    stragglers: { slow_node_probability: 0.3, slowdown: 1.057741234 },
    pool: { units: 10, units_per_node: 1 },
  },
  predicted_sync_slowdown: 1.1109,
};

const raw = {
  format: 'headroom.scenario/v1',
  cluster: {
    pools: [{ id: 'gpu', units: 16 }],
    jobs: [{ id: 'a', pool: 'gpu', arrival_s: 0, units: 8, steps: 10, step_time_s: 1 }, { id: 'b', pool: 'gpu', arrival_s: 0, units: 8, steps: 10, step_time_s: 2 }],
    stragglers: { mitigation: 'blacklist' },
  },
};

describe('scenario edits', () => {
  it('writes the fitted stragglers (6 significant digits), keeps the mitigation, and one job\'s step time', () => {
    const targets = stepTimeTargets(raw);
    expect(targets.map((t) => t.label)).toEqual(['job a (cluster.jobs[0])', 'job b (cluster.jobs[1])']);
    const next = withStragglerFit(raw, fit, targets[1]!.path) as typeof raw & { cluster: { stragglers: object; jobs: { step_time_s: unknown }[] } };
    expect(next.cluster.stragglers).toEqual({ mitigation: 'blacklist', slow_node_probability: 0.3, slowdown: 1.05774 });
    expect(next.cluster.jobs[1]!.step_time_s).toEqual({ dist: 'lognormal', mean: 432.303, cv: 0.0638637 });
    expect(next.cluster.jobs[0]!.step_time_s).toBe(1);
    expect(raw.cluster.stragglers).toEqual({ mitigation: 'blacklist' }); // the input is not mutated
    const only = withStragglerFit(raw, fit, null) as typeof next;
    expect(only.cluster.jobs[1]!.step_time_s).toBe(2);
  });

  it('offers the job generator and writes a checkpoint interval in whole seconds', () => {
    expect(stepTimeTargets({ cluster: { job_generator: { count: 3 } } }).map((t) => t.path)).toEqual([['cluster', 'job_generator', 'step_time_s']]);
    expect(roundInterval(2449.4897)).toBe(2449);
    expect(roundInterval(3.14159)).toBe(3.14);
    const next = withCheckpointInterval({ cluster: { failures: { node_mtbf_s: 10 } } }, 2449.49) as { cluster: { failures: object } };
    expect(next.cluster.failures).toEqual({ node_mtbf_s: 10, checkpoint_interval_s: 2449 });
  });

  it('tells whether there is a cluster and failures', () => {
    expect(clusterShape(undefined)).toEqual({ cluster: false, failures: false });
    expect(clusterShape(raw)).toEqual({ cluster: true, failures: false });
    expect(clusterShape({ cluster: { failures: {} } })).toEqual({ cluster: true, failures: true });
  });
});

describe('goodput vs checkpoint interval chart', () => {
  const stat = (m: number, h: number) => ({ mean: m, ci95: [m - h, m + h] as [number, number] });
  const yd = Math.sqrt(2 * 50_000 * 60);
  const sweep: CheckpointSweep = {
    nodes: 4, mtbf_job_s: 50_000, checkpoint_cost_s: 60, young_daly_interval_s: yd,
    points: [0.5, 1, 2].map((f, i) => ({ factor: f, interval_s: f * yd, goodput: stat([0.937, 0.949, 0.932][i]!, 0.004), jct_s: stat(1e6, 1), lost: stat(0.02, 0), checkpoint: stat(0.02, 0) })),
    best: { factor: 1, interval_s: yd },
  };

  it('places the points on a log x scale, the markers at Young/Daly and the optimum, whiskers around the means', () => {
    const m = checkpointChartModel(sweep, { width: 600, height: 260, margin: { top: 40, right: 20, bottom: 40, left: 60 } });
    expect(m.points).toHaveLength(3);
    const [a, b, c] = m.points;
    // Log scale: equal ratios, equal distances.
    expect(b!.x - a!.x).toBeCloseTo(c!.x - b!.x, 6);
    expect(m.youngDalyX).toBeCloseTo(b!.x, 9);
    expect(m.bestX).toBeCloseTo(b!.x, 9);
    expect(b!.best).toBe(true);
    expect(b!.y).toBeLessThan(a!.y); // higher goodput is higher up
    expect(b!.yHigh).toBeLessThan(b!.y);
    expect(b!.yLow).toBeGreaterThan(b!.y);
    for (const p of m.points) expect(p.x).toBeGreaterThanOrEqual(m.plot.left);
    expect(m.line.startsWith('M')).toBe(true);
    expect(m.xTicks.map((t) => t.label)).toEqual(['1,225', '2,449', '4,899']);
    expect(m.yTicks.length).toBeGreaterThan(2);
  });

  it('labels seconds for an axis', () => {
    expect(secondsLabel(612.4)).toBe('612');
    expect(secondsLabel(2449.49)).toBe('2,449');
    expect(secondsLabel(50_000)).toBe('50k');
    expect(secondsLabel(2.5e6)).toBe('2.5M');
    expect(secondsLabel(3.14159)).toBe('3.1');
  });
});
