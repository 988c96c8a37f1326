// Bad pipeline input is rejected as a whole, each problem naming its JSON path (the CLI side,
// exit code 2, is in test/cli/pipeline-cli.test.ts).
import { describe, expect, it } from 'vitest';
import { validateScenario } from '../../../simulation';
import { compileDag } from '../../../simulation/pipeline/dag';

function problems(pipeline: Record<string, unknown>, top: Record<string, unknown> = {}): string[] {
  const r = validateScenario({ format: 'headroom.scenario/v1', name: 'bad', ...top, pipeline });
  return r.ok ? [] : r.errors.map((e) => `${e.path}: ${e.message}`);
}

const t = (id: string, more: Record<string, unknown> = {}) => ({ id, duration_s: 1, ...more });

describe('pipeline validation', () => {
  it('a cycle is rejected with an error that names the tasks in the cycle, in order', () => {
    expect(problems({ tasks: [t('d'), t('a'), t('b'), t('c')], edges: [['d', 'a'], ['a', 'b'], ['b', 'c'], ['c', 'a']] }))
      .toEqual(['pipeline.edges: cycle a → b → c → a']);
    expect(problems({ tasks: [t('train_model'), t('evaluate_model')], edges: [['train_model', 'evaluate_model'], ['evaluate_model', 'train_model']] }))
      .toEqual(['pipeline.edges: cycle train_model → evaluate_model → train_model']);
  });

  it('duplicate task ids, unknown tasks in edges and self-loops name their paths', () => {
    expect(problems({ tasks: [t('a'), t('b'), t('a')] })).toEqual(['pipeline.tasks[2].id: duplicate task id "a" (also pipeline.tasks[0])']);
    expect(problems({ tasks: [t('a')], edges: [['a', 'ghost'], ['nobody', 'a']] }))
      .toEqual(['pipeline.edges[0][1]: unknown task "ghost"', 'pipeline.edges[1][0]: unknown task "nobody"']);
    expect(problems({ tasks: [t('a')], edges: [['a', 'a']] })).toEqual(['pipeline.edges[0]: self-loop on "a"']);
  });

  it('probabilities outside [0, 1] are rejected wherever they appear', () => {
    expect(problems({ tasks: [t('a', { failure_probability: 1.5 }), t('b', { gate: { approval_delay_s: 60, rejection_probability: -0.2 } })] })).toEqual([
      'pipeline.tasks[0].failure_probability: must be a probability in [0, 1] (got 1.5)',
      'pipeline.tasks[1].gate.rejection_probability: must be a probability in [0, 1] (got -0.2)',
    ]);
  });

  it('an unknown pool, a pool without a cluster and too many units are rejected', () => {
    const cluster = { pools: [{ id: 'gpu_pool_a', units: 8 }] };
    expect(problems({ tasks: [t('train', { pool: 'gpu_pool_b' })] }, { cluster })).toEqual(['pipeline.tasks[0].pool: unknown pool "gpu_pool_b" (pools: gpu_pool_a)']);
    expect(problems({ tasks: [t('train', { pool: 'gpu_pool_a' })] })).toEqual(['pipeline.tasks[0].pool: names pool "gpu_pool_a" but the scenario has no cluster section']);
    expect(problems({ tasks: [t('train', { pool: 'gpu_pool_a', units: 16 })] }, { cluster })).toEqual(['pipeline.tasks[0].units: 16 units do not fit in pool "gpu_pool_a" (8 units)']);
  });

  it('an unknown trigger rule, runs below replications and unknown fields are rejected', () => {
    expect(problems({ tasks: [t('a', { trigger_rule: 'one_sucess' })] })[0]).toMatch(/^pipeline\.tasks\[0\]\.trigger_rule: must be one of all_success, .* \(got "one_sucess"\)$/);
    expect(problems({ runs: 2, tasks: [t('a')] }, { replications: 5 })).toEqual(['pipeline.runs: must be at least replications (5, got 2)']);
    expect(problems({ tasks: [t('a', { retrys: 2 })] })).toEqual(['pipeline.tasks[0].retrys: unknown field']);
  });

  it('long chains validate and compile (no recursion limits)', () => {
    const n = 20_000;
    const tasks = Array.from({ length: n }, (_, i) => t(`t${i}`));
    const edges = tasks.slice(1).map((x, i) => [`t${i}`, x.id]);
    const r = validateScenario({ format: 'headroom.scenario/v1', name: 'chain', pipeline: { tasks, edges } });
    expect(r.ok).toBe(true);
    if (r.ok) expect(compileDag(r.scenario.pipeline!).topo[n - 1]).toBe(n - 1);
  });

  it('compileDag still refuses a cycle it is handed directly, naming the tasks on it', () => {
    expect(() => compileDag({ tasks: [t('a'), t('b'), t('c')] as never, edges: [['a', 'b'], ['b', 'a'], ['a', 'c']] })).toThrow('pipeline.edges: cycle among a, b');
  });
});
