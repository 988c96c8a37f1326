// Properties on randomly generated DAGs (fast-check):
//   1. no failures, no contention: every run's makespan equals the critical path exactly (CPM
//      computed here by plain recursion), and the realised critical path is the CPM path;
//   2. any rules, probabilities 0 and 1, retries and gates: each task's state and times equal a
//      recursive reading of trigger-rules.md written here (reference below);
//   3. random durations and failures: the direct evaluator and the event-driven model (with and
//      without pools that never bind) give identical runs.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Simulator } from '../../../simulation/engine/simulator';
import { FifoPools } from '../../../simulation/pipeline/pool-port';
import { tracePipelineRuns } from '../../../simulation/pipeline/trace';
import { TRIGGER_RULES } from '../../../simulation/scenario/schema';
import { expected, type Rule, type State } from './airflow-table';
import { pipelineScenario, simulateAll, type TaskInput } from './helpers';

interface GenDag { n: number; edges: [number, number][] }

/** A DAG on tasks 0..n−1 with edges only from lower to higher index, in random order. */
const dagArb = (maxN: number) =>
  fc.integer({ min: 1, max: maxN }).chain((n) => n === 1
    ? fc.constant<GenDag>({ n, edges: [] })
    : fc.uniqueArray(
      fc.tuple(fc.integer({ min: 0, max: n - 2 }), fc.nat()).map(([a, k]): [number, number] => [a, a + 1 + (k % (n - 1 - a))]),
      { maxLength: n * 2, selector: ([a, b]) => a * 1000 + b },
    ).map((edges) => ({ n, edges } as GenDag)));

const ids = (n: number) => Array.from({ length: n }, (_, i) => `t${i}`);
const edgeIds = (d: GenDag) => d.edges.map(([a, b]) => [`t${a}`, `t${b}`] as [string, string]);

/**
 * Longest path by recursion; ties: the lowest-index predecessor, and the highest-index end task
 * (edges go from lower to higher index, so that is the latest in topological order).
 */
function cpm(d: GenDag, dur: number[]): { length: number; path: string[] } {
  const finish = new Map<number, number>();
  const preds = (t: number) => d.edges.filter(([, b]) => b === t).map(([a]) => a).sort((x, y) => x - y);
  const fin = (t: number): number => {
    if (!finish.has(t)) finish.set(t, Math.max(0, ...preds(t).map(fin)) + (dur[t] as number));
    return finish.get(t)!;
  };
  let end = 0;
  for (let t = 0; t < d.n; t++) if (fin(t) >= fin(end)) end = t;
  const path: string[] = [];
  for (let t: number | undefined = end; t !== undefined;) {
    path.unshift(`t${t}`);
    const ps = preds(t);
    t = ps.length === 0 ? undefined : ps.find((q) => fin(q) === Math.max(...ps.map(fin)));
  }
  return { length: fin(end), path };
}

describe('makespan equals the critical path without failures or contention', () => {
  it('on random DAGs with fixed durations (integers, so ties happen, and fractions)', () => {
    fc.assert(fc.property(
      dagArb(14),
      fc.array(fc.oneof(fc.integer({ min: 0, max: 6 }), fc.double({ min: 0.001, max: 1000, noNaN: true })), { minLength: 14, maxLength: 14 }),
      (d, durs) => {
        const dur = durs.slice(0, d.n);
        const s = pipelineScenario(ids(d.n).map((id, i) => ({ id, duration_s: dur[i] as number })), edgeIds(d), { replications: 2 }, { runs: 6 });
        const want = cpm(d, dur);
        const doc = simulateAll(s);
        const p = doc.pipeline!;
        expect(p.makespan_s!.mean!.mean).toBe(want.length);
        expect(p.makespan_s!.p99!.mean).toBe(want.length);
        expect(p.analytic.critical_path_s).toBe(want.length);
        expect(p.analytic.critical_path).toEqual(want.path);
        expect(p.critical_path).toEqual(want.path);
        expect(p.success_rate!.mean).toBe(1);
        for (const id of want.path) expect(p.tasks![id]!.criticality!.mean).toBe(1);
        for (const run of tracePipelineRuns(s.pipeline!, { seed: 1, runs: 3 })) expect(run.makespan_s).toBe(want.length);
      },
    ), { numRuns: 60 });
  });
});

/**
 * The reference: trigger-rules.md read recursively. `course[t]` is what task t does once
 * triggered (computed here from p ∈ {0, 1}, retries, fixed delays and gate).
 */
function reference(d: GenDag, rules: Rule[], course: { elapsed: number; ok: boolean; attempts: number }[]) {
  const memo = new Map<number, { state: State; trigger: number; finish: number; attempts: number }>();
  const resolve = (t: number): { state: State; trigger: number; finish: number; attempts: number } => {
    const hit = memo.get(t);
    if (hit) return hit;
    const preds = d.edges.filter(([, b]) => b === t).map(([a]) => resolve(a));
    const c = course[t]!;
    const decision = preds.length === 0 ? { state: 'run' as const, at: 0 }
      : expected(rules[t]!, preds.map((p) => p.state), preds.map((p) => p.finish));
    const out = decision.state === 'run'
      ? { state: (c.ok ? 'success' : 'failed') as State, trigger: decision.at, finish: decision.at + c.elapsed, attempts: c.attempts }
      : { state: decision.state, trigger: decision.at, finish: decision.at, attempts: 0 };
    memo.set(t, out);
    return out;
  };
  return Array.from({ length: d.n }, (_, t) => resolve(t));
}

const taskArb = fc.record({
  rule: fc.constantFrom(...TRIGGER_RULES),
  duration: fc.integer({ min: 0, max: 5 }),
  fails: fc.boolean(),
  retries: fc.integer({ min: 0, max: 2 }),
  delay: fc.integer({ min: 0, max: 3 }),
  gate: fc.constantFrom<'none' | 'pass' | 'delay' | 'reject'>('none', 'pass', 'delay', 'reject'),
});

describe('random DAGs, every rule, probabilities 0 and 1: the model reads trigger-rules.md as written', () => {
  it('states, trigger times, end times and attempts match the recursive reference', () => {
    fc.assert(fc.property(dagArb(10), fc.array(taskArb, { minLength: 10, maxLength: 10 }), (d, spec) => {
      const ts = spec.slice(0, d.n);
      const tasks: TaskInput[] = ts.map((t, i) => ({
        id: `t${i}`, duration_s: t.duration, failure_probability: t.fails ? 1 : 0, retries: t.retries, retry_delay_s: t.delay,
        trigger_rule: t.rule,
        gate: t.gate === 'none' ? false : t.gate === 'pass' ? true : { approval_delay_s: 2, rejection_probability: t.gate === 'reject' ? 1 : 0 },
      }));
      const course = ts.map((t) => {
        const gate = t.gate === 'delay' || t.gate === 'reject' ? 2 : 0;
        if (t.gate === 'reject') return { elapsed: gate, ok: false, attempts: 0 };
        if (!t.fails) return { elapsed: gate + t.duration, ok: true, attempts: 1 };
        return { elapsed: gate + (t.retries + 1) * t.duration + t.retries * t.delay, ok: false, attempts: t.retries + 1 };
      });
      const want = reference(d, ts.map((t) => t.rule), course);
      const s = pipelineScenario(tasks, edgeIds(d));
      for (const eventDriven of [undefined, { port: null, interval: 1 }]) {
        const run = tracePipelineRuns(s.pipeline!, { seed: 9, runs: 1, eventDriven })[0]!;
        run.tasks.forEach((got, t) => {
          const w = want[t]!;
          expect({ id: got.id, state: got.state, trigger: got.trigger_s, finish: got.finish_s, attempts: got.attempts })
            .toEqual({ id: `t${t}`, state: w.state, trigger: w.trigger, finish: w.finish, attempts: w.attempts });
        });
      }
    }), { numRuns: 150 });
  });
});

describe('the direct evaluator and the event-driven model agree run by run', () => {
  it('random durations, failures, retries with backoff, timeouts, gates; pools that never bind', () => {
    fc.assert(fc.property(dagArb(9), fc.array(taskArb, { minLength: 9, maxLength: 9 }), fc.integer({ min: 0, max: 1000 }), (d, spec, seed) => {
      const tasks: TaskInput[] = spec.slice(0, d.n).map((t, i) => ({
        id: `t${i}`,
        duration_s: { dist: 'lognormal', mean: 1 + t.duration, cv: 0.5 },
        failure_probability: t.fails ? 0.3 : 0,
        retries: t.retries,
        retry_delay_s: { dist: 'exponential', mean: 1 + t.delay },
        retry_exponential_backoff: t.delay % 2 === 0,
        max_retry_delay_s: 3,
        timeout_s: t.duration % 3 === 0 ? 4 : undefined,
        trigger_rule: t.rule,
        gate: t.gate === 'none' ? false : t.gate === 'pass' ? true : { approval_delay_s: { dist: 'uniform', min: 0, max: 2 }, rejection_probability: t.gate === 'reject' ? 0.5 : 0 },
        pool: i % 2 === 0 ? 'gpu' : undefined,
      }));
      const s = pipelineScenario(tasks, edgeIds(d), { seed, cluster: { pools: [{ id: 'gpu', units: 1000 }] } });
      const direct = tracePipelineRuns(s.pipeline!, { seed, runs: 5 });
      const plain = tracePipelineRuns({ ...s.pipeline!, tasks: s.pipeline!.tasks.map((t) => ({ ...t, pool: undefined })) }, { seed, runs: 5, eventDriven: { port: null, interval: 0 } });
      const sim = new Simulator();
      const pooled = tracePipelineRuns(s.pipeline!, { seed, runs: 5, eventDriven: { port: new FifoPools({ gpu: 1000 }, () => sim.now), interval: 0, sim } });
      expect(plain).toEqual(direct);
      expect(pooled).toEqual(direct);
    }), { numRuns: 80 });
  });
});

describe('structural blast radius', () => {
  it('analytic.blast_radius[X] equals the simulated blast radius of X when only X fails', () => {
    fc.assert(fc.property(dagArb(8), fc.array(fc.constantFrom(...TRIGGER_RULES), { minLength: 8, maxLength: 8 }), (d, rules) => {
      const tasks = (failing: number): TaskInput[] => ids(d.n).map((id, i) => ({ id, duration_s: 1 + (i % 3), trigger_rule: rules[i], failure_probability: i === failing ? 1 : 0 }));
      const analytic = simulateAll(pipelineScenario(tasks(-1), edgeIds(d))).pipeline!.analytic.blast_radius!;
      for (let x = 0; x < d.n; x++) {
        const p = simulateAll(pipelineScenario(tasks(x), edgeIds(d))).pipeline!;
        const simulated = p.tasks![`t${x}`]!.blast_radius;
        expect(simulated === null ? null : simulated.mean).toBe(analytic[`t${x}`]);
      }
    }), { numRuns: 40 });
  });
});
