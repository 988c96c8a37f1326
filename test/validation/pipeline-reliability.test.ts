// The pipeline's Monte Carlo figures against theory, each inside its 95% confidence interval:
//   - success rate vs ∏(1 − p) without retries and ∏(1 − p^(r+1)) with retries;
//   - a root task's mean attempts vs Σ_{k=0..r} p^k and its success share vs 1 − p^(r+1);
//   - the makespan of a chain of exponential tasks vs the sum of their means;
//   - the criticality of two parallel exponential tasks vs P(X₁ > X₂) = m₁ / (m₁ + m₂).
// Seeds are fixed, so the outcome is deterministic; the checks are the same ones a planner
// would make. Sizes keep the file to a few seconds.
import { describe, expect, it } from 'vitest';
import { mergeReplications, runReplication, validateScenario, type ResultDocument } from '../../simulation';
import type { ScenarioInput } from '../../simulation/scenario/schema';
import { recordFidelity } from './fidelity-record';

function run(pipeline: NonNullable<ScenarioInput['pipeline']>, replications = 10, seed = 1): ResultDocument {
  const parsed = validateScenario({ format: 'headroom.scenario/v1', name: 'reliability', seed, replications, pipeline });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  const s = parsed.scenario;
  return mergeReplications(s, Array.from({ length: replications }, (_, i) => runReplication(s, i)), { sha256: 'v', wallMs: 0 });
}

/** What a `within` check records on docs/fidelity.md. */
interface Truth { truth: string; source: string; case: string; runs: number }

const within = (stat: { mean: number; ci95: [number, number] } | null | undefined, value: number, t: Truth) => {
  expect(stat).toBeTruthy();
  recordFidelity({ model: 'pipeline', truth: t.truth, source: t.source, case: t.case, measured: stat!.mean, expected: value, tolerance: { ci95: stat!.ci95 }, replications: `10 (${String(t.runs).replace(/\B(?=(\d{3})+$)/g, ',')} runs)` });
  expect(value, `${value} in [${stat!.ci95[0]}, ${stat!.ci95[1]}] (mean ${stat!.mean})`).toBeGreaterThanOrEqual(stat!.ci95[0]);
  expect(value, `${value} in [${stat!.ci95[0]}, ${stat!.ci95[1]}] (mean ${stat!.mean})`).toBeLessThanOrEqual(stat!.ci95[1]);
};

const tasks = [
  { id: 'ingest', p: 0.2, r: 2 },
  { id: 'validate', p: 0.1, r: 0 },
  { id: 'transform', p: 0.3, r: 1 },
  { id: 'features', p: 0.05, r: 3 },
  { id: 'train', p: 0.4, r: 2 },
  { id: 'evaluate', p: 0.15, r: 1 },
];

describe('success rate vs the analytic reliability', () => {
  it('with retries: ∏(1 − p^(r+1)) lies in the CI of success_rate (and of dag_run_success_rate)', () => {
    const doc = run({
      runs: 40_000,
      tasks: tasks.map((t) => ({ id: t.id, duration_s: { dist: 'lognormal', mean: 600, cv: 0.3 }, failure_probability: t.p, retries: t.r, retry_delay_s: 30, retry_exponential_backoff: true })),
      edges: tasks.slice(1).map((t, i) => [tasks[i]!.id, t.id] as [string, string]),
    });
    const p = doc.pipeline!;
    const theory = tasks.reduce((a, t) => a * (1 - t.p ** (t.r + 1)), 1);
    expect(p.analytic.reliability_with_retries).toBeCloseTo(theory, 14);
    const chain = { source: 'independent tasks in series, each with r retries', case: 'chain of 6 tasks, p = 0.05–0.4, r = 0–3', runs: 40_000 };
    within(p.success_rate, theory, { ...chain, truth: 'success rate, ∏(1 − p^(r+1))' });
    within(p.dag_run_success_rate, theory, { ...chain, truth: 'DAG-run success rate of a chain, ∏(1 − p^(r+1))' }); // a chain: the only leaf succeeds iff every task does
    // The root always runs: its attempts and success share follow the geometric law.
    const root = tasks[0]!;
    const geometric = { source: 'truncated geometric law', case: 'root task, p = 0.2, r = 2', runs: 40_000 };
    within(p.tasks!.ingest!.attempts_mean, (1 - root.p ** (root.r + 1)) / (1 - root.p), { ...geometric, truth: 'mean attempts, Σ_{k=0..r} p^k' });
    within(p.tasks!.ingest!.success, 1 - root.p ** (root.r + 1), { ...geometric, truth: 'task success share, 1 − p^(r+1)' });
  });

  it('without retries: ∏(1 − p) lies in the CI, on a DAG that is not a chain', () => {
    const ps = [0.1, 0.2, 0.05, 0.3, 0.1];
    const doc = run({
      runs: 30_000,
      tasks: ps.map((p, i) => ({ id: `t${i}`, duration_s: { dist: 'exponential', mean: 60 }, failure_probability: p })),
      edges: [['t0', 't1'], ['t0', 't2'], ['t1', 't3'], ['t2', 't3'], ['t2', 't4']],
    }, 10, 7);
    const theory = ps.reduce((a, p) => a * (1 - p), 1);
    expect(doc.pipeline!.analytic.reliability).toBeCloseTo(theory, 14);
    within(doc.pipeline!.success_rate, theory, { truth: 'success rate, ∏(1 − p)', source: 'independent tasks, no retries', case: 'DAG of 5 tasks (not a chain), p = 0.05–0.3', runs: 30_000 });
  });
});

describe('times', () => {
  it('a chain of exponential tasks: mean makespan = Σ means', () => {
    const means = [100, 250, 50, 400];
    const doc = run({ runs: 20_000, tasks: means.map((m, i) => ({ id: `t${i}`, duration_s: { dist: 'exponential', mean: m } })), edges: [['t0', 't1'], ['t1', 't2'], ['t2', 't3']] }, 10, 3);
    within(doc.pipeline!.makespan_s!.mean, 800, { truth: 'mean makespan of a chain = Σ task means', source: 'linearity of expectation', case: 'chain of 4 exponential tasks, means 100, 250, 50, 400 s', runs: 20_000 });
    expect(doc.pipeline!.analytic.critical_path_s).toBe(800);
  });

  it('two parallel exponential tasks: criticality of each = P(it ends last) = m / (m₁ + m₂)', () => {
    const doc = run({
      runs: 20_000,
      tasks: [{ id: 'a', duration_s: { dist: 'exponential', mean: 30 } }, { id: 'b', duration_s: { dist: 'exponential', mean: 10 } }, { id: 'join', duration_s: 0 }],
      edges: [['a', 'join'], ['b', 'join']],
    }, 10, 5);
    const pair = { source: 'two independent exponentials', runs: 20_000 };
    within(doc.pipeline!.tasks!.a!.criticality, 0.75, { ...pair, truth: 'criticality = P(it ends last) = m₁/(m₁ + m₂)', case: 'exponential tasks of mean 30 s and 10 s: the 30 s task' });
    within(doc.pipeline!.tasks!.b!.criticality, 0.25, { ...pair, truth: 'criticality = P(it ends last) = m₁/(m₁ + m₂)', case: 'exponential tasks of mean 30 s and 10 s: the 10 s task' });
    // E[max(X₁, X₂)] = m₁ + m₂ − m₁m₂/(m₁ + m₂)
    within(doc.pipeline!.makespan_s!.mean, 30 + 10 - 300 / 40, { ...pair, truth: 'mean makespan, E[max(X₁, X₂)] = m₁ + m₂ − m₁m₂/(m₁ + m₂)', case: 'exponential tasks of mean 30 s and 10 s' });
  });
});
