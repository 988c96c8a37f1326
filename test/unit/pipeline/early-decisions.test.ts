// Airflow settles a trigger rule's negative outcome as soon as one violating upstream is final
// (trigger_rule_dep.py with flag_upstream_failed), and judges a DAG run by its leaves. The cases
// here are the ones where waiting for every upstream would give a different final state or a
// later start — each checked in the direct evaluator and the event-driven model (traceOnce) and
// in the merged Monte Carlo figures.
import { describe, expect, it } from 'vitest';
import { recordCases } from '../../validation/fidelity-record';
import { pipelineScenario, simulateAll, traceOnce } from './helpers';

const SOURCE = 'Apache Airflow 2.10, trigger_rule_dep.py with flag_upstream_failed';
const WHEN = 'when a negative trigger outcome is decided: state and decision time';

/** One worked example on docs/fidelity.md: how many of the facts it states hold. */
function example(label: string, facts: boolean[], truth = WHEN, source = SOURCE, replications: number | string = 1): void {
  recordCases({ model: 'pipeline', truth, source, case: label, agree: facts.filter(Boolean).length, total: facts.length, replications });
}

/** toMatchObject as a yes/no: every field of `want` is equal in `got`. */
const is = (got: object | undefined, want: Record<string, unknown>) =>
  got !== undefined && Object.entries(want).every(([k, v]) => (got as Record<string, unknown>)[k] === v);

describe('negative outcomes settled early, as Airflow 2 does', () => {
  // SRC → K (all_failed: skipped when SRC succeeds at 10 s); F fails at 1000 s; T (all_success) ← {K, F}.
  const tasks = [
    { id: 'SRC', duration_s: 10 },
    { id: 'K', duration_s: 5, trigger_rule: 'all_failed' as const },
    { id: 'F', duration_s: 1000, failure_probability: 1 },
    { id: 'T', duration_s: 5 },
  ];
  const edges: [string, string][] = [['SRC', 'K'], ['K', 'T'], ['F', 'T']];

  it('T is skipped at 10 s, when K is skipped, not upstream_failed at 1000 s', () => {
    const run = traceOnce(pipelineScenario(tasks, edges));
    example('SRC → K (all_failed) → T (all_success) ← F (fails at 1000 s): T skipped at 10 s with K, not upstream_failed at 1000 s', [
      is(run.get('K'), { state: 'skipped', finish_s: 10 }), is(run.get('F'), { state: 'failed', finish_s: 1000 }),
      is(run.get('T'), { state: 'skipped', trigger_s: 10, finish_s: 10, attempts: 0 }),
    ]);
    expect(run.get('K')).toMatchObject({ state: 'skipped', finish_s: 10 });
    expect(run.get('F')).toMatchObject({ state: 'failed', finish_s: 1000 });
    expect(run.get('T')).toMatchObject({ state: 'skipped', trigger_s: 10, finish_s: 10, attempts: 0 });
  });

  it('the DAG run succeeds (its only leaf, T, is skipped) while the strict success rate is 0', () => {
    const doc = simulateAll(pipelineScenario(tasks, edges, { replications: 2 }, { runs: 20 }));
    const p = doc.pipeline!;
    example('SRC → K (all_failed) → T (all_success) ← F (fails): the only leaf T is skipped, so the DAG run succeeds (strict success rate 0)', [
      p.dag_run_success_rate!.mean === 1, p.success_rate!.mean === 0, p.tasks!['T']!.skipped!.mean === 1, p.tasks!['T']!.upstream_failed!.mean === 0,
    ], 'DAG-run state judged by its leaves', `${SOURCE}; DagRun.update_state (leaves)`, '2 (40 runs)');
    expect(p.dag_run_success_rate!.mean).toBe(1);
    expect(p.success_rate!.mean).toBe(0);
    expect(p.tasks!['T']!.skipped!.mean).toBe(1);
    expect(p.tasks!['T']!.upstream_failed!.mean).toBe(0);
  });

  it('an all_done clean-up after T starts at 10 s, as in Airflow, not at 1000 s', () => {
    const run = traceOnce(pipelineScenario([...tasks, { id: 'cleanup', duration_s: 3, trigger_rule: 'all_done' }], [...edges, ['T', 'cleanup']]));
    example('SRC → K (all_failed) → T (all_success) ← F (fails at 1000 s), then an all_done clean-up after T: starts at 10 s, not at 1000 s', [is(run.get('cleanup'), { state: 'success', trigger_s: 10, finish_s: 13 })]);
    expect(run.get('cleanup')).toMatchObject({ state: 'success', trigger_s: 10, finish_s: 13 });
  });

  it('all_success ends upstream_failed at the first failure, without waiting for a slow sibling', () => {
    const run = traceOnce(pipelineScenario(
      [{ id: 'fast_fail', duration_s: 20, failure_probability: 1 }, { id: 'slow', duration_s: 500 }, { id: 'T', duration_s: 1 }],
      [['fast_fail', 'T'], ['slow', 'T']],
    ));
    example('all_success ← a failure at 20 s and a success at 500 s: upstream_failed at 20 s', [is(run.get('T'), { state: 'upstream_failed', trigger_s: 20, finish_s: 20 })]);
    expect(run.get('T')).toMatchObject({ state: 'upstream_failed', trigger_s: 20, finish_s: 20 });
  });

  it('none_failed, all_failed, all_skipped and none_skipped settle at the first violating upstream', () => {
    const cases = [
      { rule: 'none_failed' as const, early: { failure_probability: 1 }, want: 'upstream_failed' },
      { rule: 'all_failed' as const, early: {}, want: 'skipped' },
      { rule: 'all_skipped' as const, early: {}, want: 'skipped' },
    ];
    const facts: boolean[] = [];
    for (const c of cases) {
      const run = traceOnce(pipelineScenario(
        [{ id: 'first', duration_s: 30, ...c.early }, { id: 'late', duration_s: 900 }, { id: 'T', duration_s: 1, trigger_rule: c.rule }],
        [['first', 'T'], ['late', 'T']],
      ));
      facts.push(is(run.get('T'), { state: c.want, trigger_s: 30 }));
      expect(run.get('T'), c.rule).toMatchObject({ state: c.want, trigger_s: 30 });
    }
    // none_skipped: a skipped upstream (S → X all_failed) settles it at 10 s.
    const run = traceOnce(pipelineScenario(
      [{ id: 'S', duration_s: 10 }, { id: 'X', duration_s: 1, trigger_rule: 'all_failed' }, { id: 'late', duration_s: 900 }, { id: 'T', duration_s: 1, trigger_rule: 'none_skipped' }],
      [['S', 'X'], ['X', 'T'], ['late', 'T']],
    ));
    facts.push(is(run.get('T'), { state: 'skipped', trigger_s: 10 }));
    example('none_failed, all_failed, all_skipped, none_skipped: settled by the first violating upstream, not by a sibling ending at 900 s', facts);
    expect(run.get('T')).toMatchObject({ state: 'skipped', trigger_s: 10 });
  });

  it('one_success still waits for every upstream before a negative outcome', () => {
    const run = traceOnce(pipelineScenario(
      [
        { id: 'fail', duration_s: 10, failure_probability: 1 }, { id: 'late_fail', duration_s: 400, failure_probability: 1 },
        { id: 'O', duration_s: 1, trigger_rule: 'one_success' },
      ],
      [['fail', 'O'], ['late_fail', 'O']],
    ));
    example('one_success ← failures at 10 s and 400 s: upstream_failed only at 400 s, once every upstream is final', [is(run.get('O'), { state: 'upstream_failed', trigger_s: 400 })]);
    expect(run.get('O')).toMatchObject({ state: 'upstream_failed', trigger_s: 400 });
  });

  it('upstreams final at the same instant are judged together: upstream_failed beats skipped', () => {
    // A fails at 10 s; B (all_success) is upstream_failed and C (all_skipped) skipped at that
    // same instant; T (all_success) ← {B, C, slow} sees both at once.
    const run = traceOnce(pipelineScenario(
      [
        { id: 'A', duration_s: 10, failure_probability: 1 }, { id: 'C', duration_s: 1, trigger_rule: 'all_skipped' },
        { id: 'B', duration_s: 1 }, { id: 'slow', duration_s: 100 }, { id: 'T', duration_s: 1 },
      ],
      [['A', 'C'], ['A', 'B'], ['C', 'T'], ['B', 'T'], ['slow', 'T']],
    ));
    example('all_success ← a skipped and an upstream_failed upstream, both final at 10 s: upstream_failed beats skipped', [
      is(run.get('C'), { state: 'skipped', finish_s: 10 }), is(run.get('B'), { state: 'upstream_failed', finish_s: 10 }),
      is(run.get('T'), { state: 'upstream_failed', trigger_s: 10 }),
    ]);
    expect(run.get('C')).toMatchObject({ state: 'skipped', finish_s: 10 });
    expect(run.get('B')).toMatchObject({ state: 'upstream_failed', finish_s: 10 });
    expect(run.get('T')).toMatchObject({ state: 'upstream_failed', trigger_s: 10 });
  });
});
