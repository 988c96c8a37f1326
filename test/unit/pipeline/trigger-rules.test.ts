// Every trigger rule against every combination of upstream states (ordered tuples of 1 to 3
// upstreams, so every multiset and every position), checked against an encoding of the
// decision table of trigger-rules.md written here, independently of the engine. Upstream states
// are produced with failure probabilities 0 and 1 and upstream chains:
//   success          a root with p = 0
//   failed           a root with p = 1
//   upstream_failed  a root with p = 1 → an all_success task
//   skipped          a root with p = 0 → an all_failed task
// Upstream i becomes final at a distinct time, so the test also checks *when* the task is
// decided: one_* as soon as a satisfying upstream ends, everything else when the last one ends,
// `always` at the run start. Each case runs through the direct evaluator and the event-driven
// model (helpers.traceOnce fails if they differ).
import { describe, expect, it } from 'vitest';
import { TRIGGER_RULES } from '../../../simulation/scenario/schema';
import { expected, STATES, type State } from './airflow-table';
import { pipelineScenario, traceOnce, type TaskInput } from './helpers';
import { recordCases } from '../../validation/fidelity-record';

function tuples(n: number): State[][] {
  if (n === 0) return [[]];
  return tuples(n - 1).flatMap((t) => STATES.map((s) => [...t, s]));
}

/** Tasks and edges that make upstream i end in `state` at time `end`. */
function producer(i: number, state: State, end: number): { tasks: TaskInput[]; edges: [string, string][] } {
  const u = `u${i}`, r = `r${i}`;
  switch (state) {
    case 'success': return { tasks: [{ id: u, duration_s: end }], edges: [] };
    case 'failed': return { tasks: [{ id: u, duration_s: end, failure_probability: 1 }], edges: [] };
    case 'upstream_failed':
      return { tasks: [{ id: r, duration_s: end, failure_probability: 1 }, { id: u, duration_s: 1000 }], edges: [[r, u]] };
    case 'skipped':
      return { tasks: [{ id: r, duration_s: end }, { id: u, duration_s: 1000, trigger_rule: 'all_failed' }], edges: [[r, u]] };
  }
}

const layouts: [string, (i: number, n: number) => number][] = [
  ['ascending end times', (i) => 10 * (i + 1)],
  ['descending end times', (i, n) => 10 * (n - i)],
];

describe('trigger rules × upstream state combinations (trigger-rules.md)', () => {
  for (const rule of TRIGGER_RULES) {
    it(`${rule}: every tuple of 1–3 upstream states decides as the table says, at the right time`, () => {
      const failures: string[] = [];
      let cases = 0, disagree = 0;
      for (const n of [1, 2, 3]) {
        for (const states of tuples(n)) {
          for (const [layout, endOf] of layouts) {
            const ends = states.map((_, i) => endOf(i, n));
            const parts = states.map((s, i) => producer(i, s, ends[i] as number));
            const tasks = [...parts.flatMap((p) => p.tasks), { id: 'T', duration_s: 1, trigger_rule: rule } as TaskInput];
            const edges = [...parts.flatMap((p) => p.edges), ...states.map((_, i) => [`u${i}`, 'T'] as [string, string])];
            const run = traceOnce(pipelineScenario(tasks, edges));
            const failedBefore = failures.length;
            states.forEach((s, i) => {
              const u = run.get(`u${i}`)!;
              if (u.state !== s || u.finish_s !== ends[i]) failures.push(`producer u${i}: wanted ${s} at ${ends[i]}, got ${u.state} at ${u.finish_s}`);
            });
            const want = expected(rule, states, ends);
            const got = run.get('T')!;
            const wantState = want.state === 'run' ? 'success' : want.state;
            const wantFinish = want.state === 'run' ? want.at + 1 : want.at;
            cases++;
            if (got.state !== wantState || got.trigger_s !== want.at || got.finish_s !== wantFinish || got.attempts !== (want.state === 'run' ? 1 : 0)) {
              failures.push(`[${states.join(', ')}] (${layout}): wanted ${wantState} decided at ${want.at}, got ${got.state} decided at ${got.trigger_s} (final ${got.finish_s})`);
            }
            if (failures.length > failedBefore) disagree++;
          }
        }
      }
      expect(cases).toBe(2 * (4 + 16 + 64));
      expect(failures).toEqual([]);
      recordCases({
        model: 'pipeline', truth: `trigger rule ${rule}: state and decision time`, source: 'Apache Airflow 2.x trigger_rule_dep.py, as the decision table of docs/pipeline.md',
        case: 'every ordered tuple of 1–3 upstream states × 2 orders of end times', agree: cases - disagree, total: 2 * (4 + 16 + 64), replications: 1,
      });
    });
  }

  it('a task with no upstream runs at the start whatever its rule', () => {
    for (const rule of TRIGGER_RULES) {
      const run = traceOnce(pipelineScenario([{ id: 'solo', duration_s: 7, trigger_rule: rule }]));
      expect(run.get('solo')).toMatchObject({ state: 'success', trigger_s: 0, finish_s: 7, attempts: 1 });
    }
  });

  it('`always` starts at the run start without waiting for its upstreams', () => {
    const run = traceOnce(pipelineScenario(
      [{ id: 'slow', duration_s: 100, failure_probability: 1 }, { id: 'cleanup', duration_s: 5, trigger_rule: 'always' }],
      [['slow', 'cleanup']],
    ));
    expect(run.get('cleanup')).toMatchObject({ state: 'success', trigger_s: 0, finish_s: 5 });
    expect(run.get('slow')).toMatchObject({ state: 'failed', finish_s: 100 });
  });
});

describe('the worked examples of trigger-rules.md', () => {
  // Failure probability 1 for A, 0 elsewhere; no retries. A lasts longer than E, so F visibly
  // runs "as soon as E succeeds", before A has failed.
  const s = pipelineScenario(
    [
      { id: 'A', duration_s: 50, failure_probability: 1 },
      { id: 'B', duration_s: 10 },
      { id: 'C', duration_s: 10, trigger_rule: 'all_done' },
      { id: 'E', duration_s: 20 },
      { id: 'H', duration_s: 10, trigger_rule: 'all_failed' },
      { id: 'I', duration_s: 10 },
      { id: 'F', duration_s: 10, trigger_rule: 'one_success' },
      { id: 'Q', duration_s: 10, trigger_rule: 'one_success' },
      { id: 'P', duration_s: 10, trigger_rule: 'one_failed' },
    ],
    [['A', 'B'], ['B', 'C'], ['E', 'H'], ['H', 'I'], ['A', 'F'], ['E', 'F'], ['A', 'Q'], ['E', 'P']],
  );
  const run = traceOnce(s);

  it('A → B(all_success) gives B upstream_failed; B → C(all_done) runs C', () => {
    expect(run.get('A')).toMatchObject({ state: 'failed', finish_s: 50 });
    expect(run.get('B')).toMatchObject({ state: 'upstream_failed', finish_s: 50, attempts: 0 });
    expect(run.get('C')).toMatchObject({ state: 'success', trigger_s: 50, finish_s: 60, attempts: 1 });
  });

  it('E(success) → H(all_failed) gives H skipped; H → I(all_success) gives I skipped', () => {
    expect(run.get('E')).toMatchObject({ state: 'success', finish_s: 20 });
    expect(run.get('H')).toMatchObject({ state: 'skipped', finish_s: 20 });
    expect(run.get('I')).toMatchObject({ state: 'skipped', finish_s: 20 });
  });

  it('{A, E} → F(one_success) runs F as soon as E succeeds', () => {
    expect(run.get('F')).toMatchObject({ state: 'success', trigger_s: 20, finish_s: 30, early: true });
  });

  it('A → Q(one_success) gives Q upstream_failed; E → P(one_failed) gives P skipped', () => {
    expect(run.get('Q')).toMatchObject({ state: 'upstream_failed', finish_s: 50 });
    expect(run.get('P')).toMatchObject({ state: 'skipped', finish_s: 20 });
  });
});
