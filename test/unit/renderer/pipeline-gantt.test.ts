// The sampled-run views of a pipeline: the Gantt model (rows in topological order, bars on the
// run's clock, failed attempts marked, markers for tasks that did not run, the summary) and each
// task's state at an instant (the DAG as of the playback cursor).
import { describe, expect, it } from 'vitest';
import type { PipelineSampleRun } from '../../../simulation';
import { tracePipelineRuns } from '../../../simulation/pipeline/trace';
import { ganttModel, runOptionLabel, runSummary, sampleSpan, spanText, topologicalOrder } from '../../../renderer/charts/pipeline/gantt';
import { momentSummary, momentText, taskStateAt } from '../../../renderer/charts/pipeline/state-at';
import { pipelineScenario } from '../pipeline/helpers';

/** prep (0–600) → train (gate 600–900, fails 900–2100, retry wait to 2400, fails 2400–3600) → deploy (upstream_failed); alert one_failed. */
const RUN: PipelineSampleRun = {
  index: 0, start_s: 0, makespan_s: 3660,
  tasks: [
    { id: 'alert', state: 'success', trigger_s: 3600, finish_s: 3660, attempts: 1, early: true, segments: [{ kind: 'attempt', start_s: 3600, end_s: 3660, failed: false }] },
    { id: 'prep', state: 'success', trigger_s: 0, finish_s: 600, attempts: 1, early: false, segments: [{ kind: 'attempt', start_s: 0, end_s: 600, failed: false }] },
    {
      id: 'train', state: 'failed', trigger_s: 600, finish_s: 3600, attempts: 2, early: false,
      segments: [
        { kind: 'gate', start_s: 600, end_s: 900 },
        { kind: 'attempt', start_s: 900, end_s: 2100, failed: true },
        { kind: 'retry_wait', start_s: 2100, end_s: 2400 },
        { kind: 'attempt', start_s: 2400, end_s: 3600, failed: true },
      ],
    },
    { id: 'deploy', state: 'upstream_failed', trigger_s: 3600, finish_s: 3600, attempts: 0, early: false, segments: [] },
  ],
};
const EDGES: [string, string][] = [['prep', 'train'], ['train', 'deploy'], ['train', 'alert']];

describe('topological order', () => {
  it('upstreams first, ties in the listed order; unknown edges ignored; a cycle keeps its tasks at the end', () => {
    expect(topologicalOrder(['alert', 'prep', 'train', 'deploy'], EDGES)).toEqual(['prep', 'train', 'alert', 'deploy']);
    expect(topologicalOrder(['b', 'a'], [['a', 'b'], ['x', 'a']])).toEqual(['a', 'b']);
    expect(topologicalOrder(['a', 'b', 'c'], [['b', 'c'], ['c', 'b']])).toEqual(['a', 'b', 'c']);
  });
});

describe('Gantt model', () => {
  const order = topologicalOrder(RUN.tasks.map((k) => k.id), EDGES);
  const m = ganttModel(RUN, { width: 800, endS: 3660, order, rowHeight: 20 });

  it('one row per task in topological order, bars where the segments are on the run clock', () => {
    expect(m.rows.map((r) => r.id)).toEqual(['prep', 'train', 'alert', 'deploy']);
    expect(m.rows.map((r) => r.y)).toEqual([18, 38, 58, 78]);
    const train = m.rows[1]!;
    expect(train.bars.map((b) => [b.kind, b.failed])).toEqual([['gate', false], ['attempt', true], ['retry_wait', false], ['attempt', true]]);
    for (const [b, s] of train.bars.map((b, i) => [b, RUN.tasks[2]!.segments[i]!] as const)) {
      expect(b.x).toBeCloseTo(m.axis.x(s.start_s));
      expect(b.x + b.width).toBeCloseTo(m.axis.x(s.end_s));
    }
    expect(train.bars[1]!.className).toBe('gantt-seg attempt failed');
    expect(train.bars[1]!.height).toBeGreaterThan(train.bars[0]!.height); // attempts taller than waits
    expect(train.bars[1]!.tip).toBe('train: attempt 1 of 2, 15 min – 35 min (20 min), failed');
    expect(m.axis.x(0)).toBe(m.plot.left);
    expect(m.axis.x(3660)).toBeCloseTo(m.plot.right);
  });

  it('a task that did not run gets a marker where it became final, no bars', () => {
    const deploy = m.rows[3]!;
    expect(deploy.bars).toEqual([]);
    expect(deploy.marker!.x).toBeCloseTo(m.axis.x(3600));
    expect(deploy.tip).toBe('deploy: upstream failed at 60 min, did not run');
    expect(m.rows[0]!.marker).toBeNull();
  });

  it('very short attempts stay visible; the axis can be longer than the run (runs share one)', () => {
    const wide = ganttModel(RUN, { width: 800, endS: 36_000, order });
    expect(wide.rows[2]!.bars[0]!.width).toBe(2);
    expect(wide.axis.endS).toBe(36_000);
    expect(wide.axis.unit.unit).toBe('h');
  });

  it('larger chart text (the presentation view) widens the label column and the rows; a narrow chart shortens names', () => {
    const big = ganttModel(RUN, { width: 800, endS: 3660, order, fontPx: 16 });
    expect(big.labelWidth).toBeGreaterThan(m.labelWidth);
    expect(big.rows[1]!.y - big.rows[0]!.y).toBe(28);
    expect(big.titleY).toBeGreaterThan(big.plot.bottom + 16);
    expect(big.height).toBeGreaterThan(big.titleY);
    const long: PipelineSampleRun = { ...RUN, tasks: [{ ...RUN.tasks[1]!, id: 'a_very_long_task_name_indeed_for_a_row' }] };
    const narrow = ganttModel(long, { width: 300, endS: 3660 });
    expect(narrow.labelWidth).toBe(96);
    expect(narrow.rows[0]!.label).toBe('a_very_lo…');
    expect(narrow.rows[0]!.label.length * 11 * 0.62).toBeLessThanOrEqual(narrow.labelWidth - 22);
    expect(m.rows.map((r) => r.label)).toEqual(m.rows.map((r) => r.id));
  });

  it('summaries say what happened', () => {
    expect(runSummary(RUN)).toBe('run 1: 4 tasks, makespan 61 min, train failed after 2 attempts, 1 task upstream failed');
    expect(m.summary).toBe(runSummary(RUN));
    expect(runOptionLabel({ ...RUN, index: 2 })).toBe('Run 3 — 61 min, train failed after 2 attempts, 1 task upstream failed');
    const ok: PipelineSampleRun = { ...RUN, makespan_s: 12_240, tasks: RUN.tasks.map((k) => ({ ...k, state: 'success' as const })) };
    expect(runSummary(ok)).toBe('run 1: 4 tasks, makespan 3.4 h, every task succeeded');
    const rejected: PipelineSampleRun = { ...RUN, tasks: [{ ...RUN.tasks[2]!, attempts: 0, segments: [{ kind: 'gate', start_s: 600, end_s: 900, failed: true }] }] };
    expect(runSummary(rejected)).toContain('train rejected at its gate');
    expect([spanText(42), spanText(12 * 60), spanText(6.4 * 3600), spanText(3 * 86_400), spanText(6 * 86_400)]).toEqual(['42 s', '12 min', '6.4 h', '72.0 h', '6.0 d']);
    expect(sampleSpan([RUN, { ...RUN, makespan_s: 9000 }])).toBe(9000);
  });

  it('draws a traced run of the engine: segments in topological rows, every bar inside the plot', () => {
    const s = pipelineScenario([
      { id: 'b', duration_s: { dist: 'exponential', mean: 50 }, failure_probability: 0.5, retries: 3, retry_delay_s: 10 },
      { id: 'a', duration_s: { dist: 'uniform', min: 10, max: 30 }, gate: { approval_delay_s: 20 } },
    ], [['a', 'b']]);
    const [run] = tracePipelineRuns(s.pipeline!, { seed: 4, runs: 1 });
    const g = ganttModel(run!, { width: 640, endS: run!.makespan_s, order: topologicalOrder(['b', 'a'], [['a', 'b']]) });
    expect(g.rows.map((r) => r.id)).toEqual(['a', 'b']);
    expect(g.rows[0]!.bars[0]!.kind).toBe('gate');
    for (const r of g.rows) for (const b of r.bars) {
      expect(b.x).toBeGreaterThanOrEqual(g.plot.left - 1e-9);
      expect(b.x + b.width).toBeLessThanOrEqual(g.plot.right + 2);
    }
  });
});

describe('task state at an instant', () => {
  const at = (t: number) => Object.fromEntries(Object.entries(taskStateAt(RUN, t)).map(([id, m]) => [id, momentText(m)]));

  it('waiting before the trigger, running through gate, attempts and waits, final from the finish on', () => {
    expect(at(0)).toEqual({ prep: 'attempt 1', train: 'waiting', deploy: 'waiting', alert: 'waiting' });
    expect(at(600)).toMatchObject({ prep: 'success', train: 'awaiting approval' });
    expect(at(1000)).toMatchObject({ train: 'attempt 1' });
    expect(at(2200)).toMatchObject({ train: 'retry wait after 1' });
    expect(at(2400)).toMatchObject({ train: 'attempt 2' });
    expect(at(3600)).toEqual({ prep: 'success', train: 'failed', deploy: 'upstream failed', alert: 'attempt 1' });
    expect(at(1e9)).toEqual({ prep: 'success', train: 'failed', deploy: 'upstream failed', alert: 'success' });
    expect(taskStateAt(RUN, -5).prep).toEqual({ state: 'waiting', segment: null, attempt: 0 });
    expect(taskStateAt(RUN, 2200).train).toEqual({ state: 'running', segment: 'retry_wait', attempt: 1 });
  });

  it('summarises the moment', () => {
    expect(momentSummary(RUN, 1000, taskStateAt(RUN, 1000))).toBe('At 16 min 40 s in run 1: running train (attempt 1); 1 of 4 tasks final.');
    expect(momentSummary(RUN, 3600, taskStateAt(RUN, 3600))).toBe('At 60 min in run 1: running alert (attempt 1); 3 of 4 tasks final, failed train.');
  });

  it('on every traced run, each task is final exactly from its finish and never running outside its segments', () => {
    const s = pipelineScenario([
      { id: 'x', duration_s: { dist: 'exponential', mean: 5 }, failure_probability: 0.4, retries: 2, retry_delay_s: 1 },
      { id: 'y', duration_s: 2, trigger_rule: 'all_done' },
      { id: 'z', duration_s: 2 },
    ], [['x', 'y'], ['x', 'z']]);
    for (const run of tracePipelineRuns(s.pipeline!, { seed: 2, runs: 20 })) {
      for (const k of run.tasks) {
        expect(taskStateAt(run, k.finish_s)[k.id]!.state).toBe(k.state);
        if (k.segments.length > 0 && k.finish_s > k.trigger_s) {
          const mid = (k.trigger_s + k.finish_s) / 2;
          const m = taskStateAt(run, mid)[k.id]!;
          expect(m.state).toBe('running');
          expect(m.segment).not.toBeNull();
        }
      }
    }
  });
});
