// Segments of traced runs (gate, attempts, retry waits, pool waits) and the result's
// `sample_runs`: they tile each task's time from trigger to finish, agree with the attempts and
// the state, show contention as pool waits, change no figure, and stay bounded.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runReplication } from '../../../simulation';
import { Simulator } from '../../../simulation/engine/simulator';
import { compileDag } from '../../../simulation/pipeline/dag';
import { runPipelineDirect } from '../../../simulation/pipeline/direct';
import { FifoPools } from '../../../simulation/pipeline/pool-port';
import { PooledPipeline } from '../../../simulation/pipeline/pooled';
import { SAMPLE_MAX_SEGMENTS, SAMPLE_RUNS } from '../../../simulation/pipeline/segments';
import { tracePipelineRuns, type RunTrace } from '../../../simulation/pipeline/trace';
import { TRIGGER_RULES } from '../../../simulation/scenario/schema';
import { pipelineScenario, simulateAll, type TaskInput } from './helpers';

/** Every task that ran: segments contiguous from trigger_s to finish_s; attempts and state agree. */
function expectTiled(run: RunTrace): void {
  for (const k of run.tasks) {
    if (k.state === 'upstream_failed' || k.state === 'skipped') { expect(k.segments).toEqual([]); continue; }
    const segs = k.segments;
    expect(segs.length).toBeGreaterThan(0);
    expect(segs[0]!.start_s).toBe(k.trigger_s);
    expect(segs[segs.length - 1]!.end_s).toBe(k.finish_s);
    for (let i = 1; i < segs.length; i++) expect(segs[i]!.start_s).toBe(segs[i - 1]!.end_s);
    for (const g of segs) expect(g.end_s).toBeGreaterThanOrEqual(g.start_s);
    const attempts = segs.filter((g) => g.kind === 'attempt');
    expect(attempts.length).toBe(k.attempts);
    expect(segs.filter((g) => g.kind === 'retry_wait').length).toBe(Math.max(0, k.attempts - 1));
    // Only the last attempt may succeed; it did exactly when the task ended `success`.
    attempts.slice(0, -1).forEach((a) => expect(a.failed).toBe(true));
    if (attempts.length > 0) expect(attempts[attempts.length - 1]!.failed).toBe(k.state === 'failed');
    else expect(segs).toEqual([{ kind: 'gate', start_s: k.trigger_s, end_s: k.finish_s, failed: true }]);
  }
}

describe('segments of a traced run', () => {
  it('a gate, a failed attempt, the retry wait and the successful attempt, in order', () => {
    const s = pipelineScenario([
      { id: 'a', duration_s: 10 },
      { id: 'b', duration_s: 20, gate: { approval_delay_s: 5 }, failure_probability: 1, retries: 1, retry_delay_s: 7 },
      { id: 'c', duration_s: 1 },
    ], [['a', 'b'], ['b', 'c']]);
    const [run] = tracePipelineRuns(s.pipeline!, { seed: 1, runs: 1 });
    const b = run!.tasks.find((k) => k.id === 'b')!;
    expect(b.segments).toEqual([
      { kind: 'gate', start_s: 10, end_s: 15 },
      { kind: 'attempt', start_s: 15, end_s: 35, failed: true },
      { kind: 'retry_wait', start_s: 35, end_s: 42 },
      { kind: 'attempt', start_s: 42, end_s: 62, failed: true },
    ]);
    expect(run!.tasks.find((k) => k.id === 'c')).toMatchObject({ state: 'upstream_failed', segments: [] });
  });

  it('a rejected gate is one failed gate segment; a timeout cuts the attempt', () => {
    const s = pipelineScenario([
      { id: 'gated', duration_s: 10, gate: { approval_delay_s: 3, rejection_probability: 1 } },
      { id: 'slow', duration_s: 50, timeout_s: 30 },
    ]);
    const [run] = tracePipelineRuns(s.pipeline!, { seed: 1, runs: 1 });
    expect(run!.tasks[0]!.segments).toEqual([{ kind: 'gate', start_s: 0, end_s: 3, failed: true }]);
    expect(run!.tasks[1]!.segments).toEqual([{ kind: 'attempt', start_s: 0, end_s: 30, failed: true }]);
  });

  it('waiting for pool units shows as pool_wait, retry waits hold nothing', () => {
    const s = pipelineScenario(
      [{ id: 'a', duration_s: 30, pool: 'gpu', units: 8 }, { id: 'b', duration_s: 20, pool: 'gpu', units: 8, failure_probability: 1, retries: 1, retry_delay_s: 5 }],
      [], { cluster: { pools: [{ id: 'gpu', units: 8 }] } },
    );
    const sim = new Simulator();
    const [run] = tracePipelineRuns(s.pipeline!, { seed: 1, runs: 1, eventDriven: { port: new FifoPools({ gpu: 8 }, () => sim.now), interval: 1, sim } });
    expect(run!.tasks[1]!.segments).toEqual([
      { kind: 'pool_wait', start_s: 0, end_s: 30 },
      { kind: 'attempt', start_s: 30, end_s: 50, failed: true },
      { kind: 'retry_wait', start_s: 50, end_s: 55 },
      { kind: 'attempt', start_s: 55, end_s: 75, failed: true },
    ]);
    expectTiled(run!);
  });

  it('random DAGs, with and without contention: segments tile every task that ran', () => {
    const taskArb = fc.record({ rule: fc.constantFrom(...TRIGGER_RULES), p: fc.constantFrom(0, 0.4, 1), units: fc.integer({ min: 0, max: 3 }), gate: fc.constantFrom(0, 1, 2) });
    fc.assert(fc.property(fc.array(taskArb, { minLength: 1, maxLength: 7 }), fc.integer({ min: 0, max: 99 }), (ts, seed) => {
      const tasks: TaskInput[] = ts.map((t, i) => ({
        id: `t${i}`, duration_s: { dist: 'exponential', mean: 5 }, failure_probability: t.p, retries: 2,
        retry_delay_s: { dist: 'uniform', min: 0, max: 3 }, retry_exponential_backoff: true, backoff: 'airflow', timeout_s: 8, trigger_rule: t.rule,
        gate: t.gate === 0 ? false : { approval_delay_s: { dist: 'uniform', min: 0, max: 2 }, rejection_probability: t.gate === 2 ? 0.5 : 0 },
        ...(t.units > 0 ? { pool: 'gpu', units: t.units } : {}),
      }));
      const edges = ts.slice(1).map((_, i): [string, string] => [`t${Math.floor(i / 2)}`, `t${i + 1}`]);
      const s = pipelineScenario(tasks, edges, { seed, cluster: { pools: [{ id: 'gpu', units: 3 }] } });
      tracePipelineRuns(s.pipeline!, { seed, runs: 3 }).forEach(expectTiled);
      const sim = new Simulator();
      tracePipelineRuns(s.pipeline!, { seed, runs: 3, eventDriven: { port: new FifoPools({ gpu: 3 }, () => sim.now), interval: 4, sim } }).forEach(expectTiled);
    }), { numRuns: 100 });
  });
});

describe('tracing changes no figure', () => {
  const tasks: TaskInput[] = [
    { id: 'a', duration_s: { dist: 'lognormal', mean: 10, cv: 0.5 }, failure_probability: 0.2, retries: 2, retry_delay_s: 3, gate: { approval_delay_s: 2, rejection_probability: 0.1 } },
    { id: 'b', duration_s: { dist: 'exponential', mean: 8 }, failure_probability: 0.3, retries: 1, retry_delay_s: 1, pool: 'gpu', units: 2 },
    { id: 'c', duration_s: 3, trigger_rule: 'all_done' },
  ];
  const edges: [string, string][] = [['a', 'b'], ['b', 'c']];

  it('direct: same figures and events with and without samples; the samples are the traced runs', () => {
    const s = pipelineScenario(tasks.map((t) => ({ ...t, pool: undefined, units: undefined })), edges, {}, { runs: 400 });
    const dag = compileDag(s.pipeline!);
    const plain = runPipelineDirect(s.pipeline!, { seed: 3, replication: 0, runs: 400, dag });
    const traced = runPipelineDirect(s.pipeline!, { seed: 3, replication: 0, runs: 400, dag, sample: 5 });
    expect(JSON.stringify(traced.figures)).toBe(JSON.stringify(plain.figures));
    expect(traced.events).toBe(plain.events);
    expect(traced.samples).toEqual(tracePipelineRuns(s.pipeline!, { seed: 3, runs: 5 }));
  });

  it('event-driven with contention: same figures with and without tracing', () => {
    const s = pipelineScenario(tasks, edges, { cluster: { pools: [{ id: 'gpu', units: 2 }] } }, { runs: 300 });
    const figures = (trace: number) => {
      const sim = new Simulator();
      const m = new PooledPipeline(sim, s.pipeline!, new FifoPools({ gpu: 2 }, () => sim.now), { seed: 3, replication: 0, runs: 300, interval: 5, trace });
      m.start();
      sim.run(Infinity);
      return { figures: JSON.stringify(m.figures()), events: sim.events, samples: m.samples.length };
    };
    const plain = figures(0), traced = figures(5);
    expect(traced.figures).toBe(plain.figures);
    expect(traced.events).toBe(plain.events);
    expect([plain.samples, traced.samples]).toEqual([0, 5]);
  });
});

describe('pipeline.sample_runs in the result', () => {
  it('replication 0 only, its first runs, after analytic; identical to the traced runs', () => {
    const s = pipelineScenario([{ id: 'a', duration_s: { dist: 'exponential', mean: 4 }, failure_probability: 0.3 }, { id: 'b', duration_s: 1 }], [['a', 'b']], { replications: 3, seed: 8 }, { runs: 30 });
    const doc = simulateAll(s);
    const samples = doc.pipeline!.sample_runs!;
    expect(samples.map((r) => r.index)).toEqual([0, 1, 2, 3, 4].slice(0, SAMPLE_RUNS));
    expect(samples).toEqual(tracePipelineRuns(s.pipeline!, { seed: 8, runs: SAMPLE_RUNS }));
    expect(runReplication(s, 1).pipelineSamples).toBeUndefined();
  });

  it('fewer runs than the sample: all of them; with pools: from the shared simulation, runs spaced run_interval_s', () => {
    const s = pipelineScenario([{ id: 'a', duration_s: 5, pool: 'gpu', units: 1 }], [], { replications: 1, horizon_s: 100, cluster: { pools: [{ id: 'gpu', units: 1 }] } }, { runs: 3 });
    const samples = simulateAll(s).pipeline!.sample_runs!;
    expect(samples.map((r) => [r.index, r.start_s, r.makespan_s])).toEqual([0, 1, 2].map((k) => [k, k * (100 / 3), 5]));
  });

  it('omitted for DAGs of more than 200 tasks and when a run holds too many segments', () => {
    const many = pipelineScenario(Array.from({ length: 201 }, (_, i) => ({ id: `t${i}`, duration_s: 1 })), [], {}, { runs: 2 });
    expect(simulateAll(many).pipeline!.sample_runs).toBeUndefined();
    const retries = Math.ceil(SAMPLE_MAX_SEGMENTS / 2);
    const flaky = pipelineScenario([{ id: 'a', duration_s: 1, failure_probability: 1, retries, retry_delay_s: 0 }], [], {}, { runs: 2 });
    expect(simulateAll(flaky).pipeline!.sample_runs).toBeUndefined();
    // Runs of 2r + 1 segments each, r = MAX / 6: two fit, a third does not.
    const r = Math.floor(SAMPLE_MAX_SEGMENTS / 6);
    const fewer = pipelineScenario([{ id: 'a', duration_s: 1, failure_probability: 1, retries: r, retry_delay_s: 0 }], [], {}, { runs: 5 });
    expect(simulateAll(fewer).pipeline!.sample_runs!.length).toBe(2);
  });
});
