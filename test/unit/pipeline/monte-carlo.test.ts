// The Monte Carlo figures of the `pipeline` block: runs split over replications, outcome rates,
// per-task states and attempts, criticality, blast radius, the modal critical path, empty sets,
// caps, cancel and determinism.
import { describe, expect, it } from 'vitest';
import { mergeReplications, runReplication } from '../../../simulation';
import { runsOfReplication } from '../../../simulation/pipeline/section';
import { pipelineScenario, simulateAll } from './helpers';
import { recordFidelity } from '../../validation/fidelity-record';

describe('runs over replications', () => {
  it('replication i executes ⌊runs/R⌋ runs, plus one if i < runs mod R; the document totals them', () => {
    expect([0, 1, 2].map((i) => runsOfReplication(10, 3, i))).toEqual([4, 3, 3]);
    expect([0, 1, 2, 3].map((i) => runsOfReplication(8, 4, i))).toEqual([2, 2, 2, 2]);
    const s = pipelineScenario([{ id: 'a', duration_s: 1 }], [], { replications: 3 }, { runs: 10 });
    const outcomes = [0, 1, 2].map((i) => runReplication(s, i));
    expect(outcomes.map((o) => [o.pipeline!.planned, o.pipeline!.runs])).toEqual([[4, 4], [3, 3], [3, 3]]);
    expect(mergeReplications(s, outcomes, { sha256: 'x', wallMs: 0 }).pipeline!.runs).toBe(10);
  });
});

describe('outcomes, states and attempts', () => {
  it('success_rate needs every task in success; dag_run_success_rate only the leaves in success or skipped', () => {
    // When train succeeds the alert (one_failed) is skipped: the DAG run succeeds, not every task does.
    const s = pipelineScenario(
      [{ id: 'train', duration_s: 10 }, { id: 'alert', duration_s: 1, trigger_rule: 'one_failed' }],
      [['train', 'alert']], { replications: 2 }, { runs: 20 },
    );
    const p = simulateAll(s).pipeline!;
    expect(p.success_rate!.mean).toBe(0);
    expect(p.dag_run_success_rate!.mean).toBe(1);
    expect(p.tasks!.alert!.skipped!.mean).toBe(1);
  });

  it('per-task state fractions sum to 1; attempts_mean is over the runs in which the task ran, null if it never ran', () => {
    const s = pipelineScenario(
      [{ id: 'a', duration_s: 1, failure_probability: 0.5, retries: 2 }, { id: 'b', duration_s: 1 }, { id: 'never', duration_s: 1, failure_probability: 1 }, { id: 'after', duration_s: 1 }],
      [['a', 'b'], ['never', 'after']], { replications: 3, seed: 4 }, { runs: 300 },
    );
    const doc = simulateAll(s);
    const p = doc.pipeline!;
    for (const [id, t] of Object.entries(p.tasks!)) {
      const sum = t.success!.mean + t.failed!.mean + t.upstream_failed!.mean + t.skipped!.mean;
      expect(sum, id).toBeCloseTo(1, 12);
    }
    expect(p.tasks!.after!.upstream_failed!.mean).toBe(1);
    expect(p.tasks!.after!.attempts_mean).toBeNull();
    expect(p.tasks!.after!.blast_radius).toBeNull();
    expect(p.tasks!.never!.attempts_mean!.mean).toBe(1);
    expect(p.tasks!.a!.attempts_mean!.mean).toBeGreaterThan(1.5);
    expect(p.success_rate!.mean).toBe(0);
    expect(JSON.stringify(doc)).not.toMatch(/NaN|Infinity/);
  });
});

describe('criticality and the critical path', () => {
  it('fixed durations: the longer branch is always critical, the shorter never', () => {
    const s = pipelineScenario(
      [{ id: 'src', duration_s: 1 }, { id: 'long', duration_s: 10 }, { id: 'short', duration_s: 5 }, { id: 'sink', duration_s: 1 }],
      [['src', 'long'], ['src', 'short'], ['long', 'sink'], ['short', 'sink']], { replications: 2 }, { runs: 10 },
    );
    const p = simulateAll(s).pipeline!;
    expect(p.critical_path).toEqual(['src', 'long', 'sink']);
    expect(p.analytic.critical_path).toEqual(['src', 'long', 'sink']);
    expect(p.tasks!.long!.criticality!.mean).toBe(1);
    expect(p.tasks!.short!.criticality!.mean).toBe(0);
    expect(p.tasks!.sink!.criticality!.mean).toBe(1);
    recordFidelity({
      model: 'pipeline', truth: 'critical path = the longest path (CPM)', source: 'critical path method (Kelley & Walker, 1959)',
      case: 'diamond, fixed durations 1, 10 ∥ 5, 1 s: criticality of the longer branch', measured: p.tasks!.long!.criticality!.mean, expected: 1, tolerance: { kind: 'exact' }, replications: '2 (10 runs)',
    });
  });

  it('random durations: criticality lies between 0 and 1 and the modal path follows the likelier branch', () => {
    const s = pipelineScenario(
      [{ id: 'a', duration_s: { dist: 'exponential', mean: 30 } }, { id: 'b', duration_s: { dist: 'exponential', mean: 10 } }, { id: 'join', duration_s: 1 }],
      [['a', 'join'], ['b', 'join']], { replications: 4, seed: 2 }, { runs: 2000 },
    );
    const p = simulateAll(s).pipeline!;
    const ca = p.tasks!.a!.criticality!.mean, cb = p.tasks!.b!.criticality!.mean;
    expect(ca + cb).toBeCloseTo(1, 12); // exactly one of them triggers join in each run
    expect(ca).toBeGreaterThan(0.6);
    recordFidelity({
      model: 'pipeline', truth: 'criticality = P(it ends last) = m₁/(m₁ + m₂)', source: 'two independent exponentials',
      case: 'exponential tasks of mean 30 s and 10 s, then a join: the 30 s task', measured: ca, expected: 0.75, tolerance: { range: [0.6, 1] }, replications: '4 (2,000 runs)',
    });
    expect(p.tasks!.join!.criticality!.mean).toBe(1);
    expect(p.critical_path).toEqual(['a', 'join']);
  });

  it('a failure cuts the path; a task made upstream_failed lies on it only when it triggered a task that ran', () => {
    const s = pipelineScenario(
      [{ id: 'a', duration_s: 10, failure_probability: 1 }, { id: 'b', duration_s: 100 }, { id: 'c', duration_s: 3 }],
      [['a', 'b']], {}, { runs: 3 },
    );
    const p = simulateAll(s).pipeline!;
    expect(p.makespan_s!.mean!.mean).toBe(10);
    expect(p.critical_path).toEqual(['a']);
    expect(p.tasks!.b!.criticality!.mean).toBe(0);
    const withCleanup = pipelineScenario(
      [{ id: 'a', duration_s: 10, failure_probability: 1 }, { id: 'b', duration_s: 100 }, { id: 'cleanup', duration_s: 3, trigger_rule: 'all_done' }],
      [['a', 'b'], ['b', 'cleanup']], {}, { runs: 3 },
    );
    const q = simulateAll(withCleanup).pipeline!;
    expect(q.makespan_s!.mean!.mean).toBe(13);
    expect(q.critical_path).toEqual(['a', 'b', 'cleanup']);
  });
});

describe('blast radius', () => {
  it('counts the descendants that end upstream_failed or skipped when the task fails', () => {
    const s = pipelineScenario(
      [
        { id: 'a', duration_s: 1, failure_probability: 1 },
        { id: 'b', duration_s: 1 },
        { id: 'c', duration_s: 1 },
        { id: 'cleanup', duration_s: 1, trigger_rule: 'all_done' },
        { id: 'other', duration_s: 1, failure_probability: 1 },
        { id: 'after_other', duration_s: 1 },
      ],
      [['a', 'b'], ['b', 'c'], ['a', 'cleanup'], ['other', 'after_other']], { replications: 2 }, { runs: 4 },
    );
    const p = simulateAll(s).pipeline!;
    expect(p.tasks!.a!.blast_radius!.mean).toBe(2); // b, c; cleanup runs
    expect(p.tasks!.other!.blast_radius!.mean).toBe(1);
    expect(p.tasks!.b!.blast_radius).toBeNull(); // never failed
    expect(p.analytic.blast_radius).toEqual({ a: 2, b: 1, c: 0, cleanup: 0, other: 1, after_other: 0 });
  });

  it('is a mean over the runs in which the task failed', () => {
    const s = pipelineScenario(
      [{ id: 'a', duration_s: 1, failure_probability: 0.5 }, { id: 'b', duration_s: 1, failure_probability: 0.5 }, { id: 'c', duration_s: 1 }],
      [['a', 'b'], ['b', 'c']], { seed: 3 }, { runs: 400 },
    );
    const p = simulateAll(s).pipeline!;
    expect(p.tasks!.a!.blast_radius!.mean).toBe(2);
    expect(p.tasks!.b!.blast_radius!.mean).toBe(1);
  });
});

describe('caps, cancel, determinism', () => {
  const s = pipelineScenario(
    [{ id: 'a', duration_s: { dist: 'lognormal', mean: 10, cv: 0.5 }, failure_probability: 0.2, retries: 1 }, { id: 'b', duration_s: 5 }],
    [['a', 'b']], { replications: 3, seed: 11 }, { runs: 3000 },
  );

  it('the event cap stops a replication between runs; the figures cover the runs that ended', () => {
    const o = runReplication(s, 0, { maxEvents: 500 });
    expect(o.stopped).toBe('max_events');
    expect(o.pipeline!.runs).toBeGreaterThan(0);
    expect(o.pipeline!.runs).toBeLessThan(o.pipeline!.planned);
    expect(o.events).toBeGreaterThanOrEqual(500);
    expect(mergeReplications(s, [o], { sha256: 'x', wallMs: 0 }).truncated).toEqual({ reason: 'max_events' });
  });

  it('cancel stops it too, and progress is reported', () => {
    const fractions: number[] = [];
    const o = runReplication(s, 0, { isCancelled: () => fractions.length >= 2, onProgress: (p) => fractions.push(p.fraction) });
    expect(o.stopped).toBe('cancelled');
    expect(fractions[0]).toBeGreaterThan(0);
    expect(fractions[1]).toBeGreaterThan(fractions[0]!);
  });

  it('same scenario and seed: byte-identical document whatever the order replications finish in', () => {
    const a = JSON.stringify(simulateAll(s));
    const outcomes = [2, 1, 0].map((i) => runReplication(s, i));
    expect(JSON.stringify(mergeReplications(s, outcomes, { sha256: 'test', wallMs: 0 }))).toBe(a);
    const other = pipelineScenario(s.pipeline!.tasks as never, s.pipeline!.edges, { replications: 3, seed: 12 }, { runs: 3000 });
    expect(JSON.stringify(simulateAll(other))).not.toBe(a);
  });

  it('result block has the documented keys in a fixed order', () => {
    const p = simulateAll(s).pipeline!;
    expect(Object.keys(p)).toEqual(['runs', 'success_rate', 'dag_run_success_rate', 'makespan_s', 'tasks', 'critical_path', 'analytic', 'sample_runs']);
    expect(Object.keys(p.tasks!.a!)).toEqual(['success', 'failed', 'upstream_failed', 'skipped', 'attempts_mean', 'criticality', 'blast_radius']);
    expect(Object.keys(p.analytic)).toEqual(['reliability', 'reliability_with_retries', 'total_duration_s', 'critical_path_s', 'critical_path', 'blast_radius']);
  });
});
