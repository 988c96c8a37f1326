// The what-if tools' pure parts: figure paths (ids with dots), the numeric inputs a sweep or
// sensitivity may vary and their ±δ values, the input diff, and the sweep grid.
import { describe, expect, it } from 'vitest';
import {
  compareResults, inputChanges, nearestPaths, numericInputs, rankBySwing, relevantInputs, scaledValue, statAtPath, statLeaves,
} from '../../../simulation';
import { NON_NEGATIVE, statOf } from '../../../simulation/stats/stat';
import { welchDiff } from '../../../simulation/whatif/compare';
import { gridValues } from '../../../electron/backend/whatif/sweep-run';
import { parseSetSpec, SweepUsageError } from '../../../electron/backend/tools/sweep';

const s = (mean: number, half = 0) => ({ mean, ci95: [mean - half, mean + half] as [number, number] });

describe('figure paths', () => {
  const doc = { serving: { 'api.v2': { latency_ms: { p99: s(120, 5) }, analytic: { x: 1 } }, api: { latency_ms: { p99: s(90, 1) } } }, summary: { a: 1 } };
  it('matches ids that contain dots, longest key first', () => {
    expect(statAtPath(doc, 'serving.api.v2.latency_ms.p99')).toEqual(s(120, 5));
    expect(statAtPath(doc, 'serving.api.latency_ms.p99')).toEqual(s(90, 1));
    expect(statAtPath(doc, 'serving.api.latency_ms.p50')).toBeUndefined();
  });
  it('lists statistics only, not analytic blocks or the summary', () => {
    expect([...statLeaves(doc).keys()]).toEqual(['serving.api.v2.latency_ms.p99', 'serving.api.latency_ms.p99']);
    expect(nearestPaths(doc, 'serving.api.latency_ms.p95', 1)).toEqual(['serving.api.latency_ms.p99']);
  });
});

describe('numeric inputs', () => {
  const raw = {
    format: 'headroom.scenario/v1', seed: 1, replications: 5, horizon_s: 60,
    serving: { services: [{ id: 'a', replicas: 8, arrivals: { process: 'poisson', rate_rps: 1200 }, latency_budget_ms: 200, service_time_ms: { dist: 'exponential', mean: 80 } }] },
    pipeline: { tasks: [{ id: 't', duration_s: 10, failure_probability: 0.9 }] },
    readiness: [{ dimension: 'x', score: 0.5 }],
  };
  it('leaves out run controls, targets and readiness; knows integers and probabilities', () => {
    const inputs = numericInputs(raw);
    expect(inputs.map((i) => i.path)).toEqual([
      'serving.services[0].replicas', 'serving.services[0].arrivals.rate_rps', 'serving.services[0].service_time_ms.mean',
      'pipeline.tasks[0].duration_s', 'pipeline.tasks[0].failure_probability',
    ]);
    expect(inputs[0]).toMatchObject({ integer: true, min: 1 });
    expect(inputs[4]).toMatchObject({ integer: false, max: 1 });
  });
  it('scales within bounds: integers move at least one step, probabilities stop at 1', () => {
    const [replicas, , , , p] = numericInputs(raw);
    expect(scaledValue(replicas!, 0.8)).toBe(6);
    expect(scaledValue({ ...replicas!, value: 2 }, 1.2)).toBe(3);
    expect(scaledValue({ ...replicas!, value: 1 }, 0.8)).toBeNull();
    expect(scaledValue(p!, 1.2)).toBe(1);
    expect(scaledValue({ ...p!, value: 1 }, 1.2)).toBeNull();
  });
  it('a serving figure is moved only by its own service', () => {
    expect(relevantInputs(raw, 'serving.a.latency_ms.p99').map((i) => i.path)).toEqual([
      'serving.services[0].replicas', 'serving.services[0].arrivals.rate_rps', 'serving.services[0].service_time_ms.mean',
    ]);
    expect(relevantInputs(raw, 'pipeline.success_rate').map((i) => i.path)).toEqual(['pipeline.tasks[0].duration_s', 'pipeline.tasks[0].failure_probability']);
  });
  it('an llm service: its SLOs and trace columns are not inputs; its shape and scheduler are integers', () => {
    const llm = {
      serving: { services: [{
        id: 'l', replicas: 2, arrivals: { process: 'trace', path: 't.csv', time_column: 0 }, latency_budget_ms: 5000,
        llm: {
          hardware: { compute_flops: 6e14, memory_bandwidth: 2.8e12, kv_cache_bytes: 3e10, bytes_per_param: 2, gpus_per_replica: 4 },
          model: { num_parameters: 7e10, num_layers: 80, hidden_dim: 8192, num_heads: 64, num_kv_heads: 8, max_seq_len: 8192 },
          scheduler: { max_num_batched_tokens: 512, max_num_seqs: 256, block_size: 16 },
          prompt_tokens: { column: 3 }, output_tokens: { dist: 'lognormal', mean: 200, cv: 0.5 },
          slo: { ttft_ms: 1000, ttft_percentile: 99, tpot_ms: 50, tpot_percentile: 95 },
        },
      }] },
    };
    const inputs = new Map(numericInputs(llm).map((i) => [i.path.replace('serving.services[0].', ''), i]));
    expect([...inputs.keys()]).toEqual([
      'replicas', 'llm.hardware.compute_flops', 'llm.hardware.memory_bandwidth', 'llm.hardware.kv_cache_bytes', 'llm.hardware.bytes_per_param',
      'llm.hardware.gpus_per_replica', 'llm.model.num_parameters', 'llm.model.num_layers', 'llm.model.hidden_dim', 'llm.model.num_heads',
      'llm.model.num_kv_heads', 'llm.model.max_seq_len', 'llm.scheduler.max_num_batched_tokens', 'llm.scheduler.max_num_seqs',
      'llm.scheduler.block_size', 'llm.output_tokens.mean', 'llm.output_tokens.cv',
    ]);
    // The token budget at ±20% is a whole number of tokens.
    const budget = inputs.get('llm.scheduler.max_num_batched_tokens')!;
    expect(budget.integer).toBe(true);
    expect([scaledValue(budget, 0.8), scaledValue(budget, 1.2)]).toEqual([410, 614]);
    expect(inputs.get('llm.hardware.compute_flops')!.integer).toBe(false);
  });
  it('ranks by swing, inputs without one last', () => {
    const e = (path: string, swing: number | null) => ({ path, base_value: 1, low_value: 0.8, high_value: 1.2, low: null, high: null, swing });
    expect(rankBySwing([e('a', 1), e('b', null), e('c', 5)]).map((x) => x.path)).toEqual(['c', 'a', 'b']);
  });
});

describe('input diff', () => {
  it('matches arrays by id and leaves names out', () => {
    const a = { name: 'A', pipeline: { tasks: [{ id: 'x', d: 1 }, { id: 'y', d: 2 }] }, serving: { services: [{ id: 's', replicas: 8 }] } };
    const b = { name: 'B', pipeline: { tasks: [{ id: 'y', d: 2 }, { id: 'x', d: 1 }] }, serving: { services: [{ id: 's', replicas: 10, extra: true }] } };
    expect(inputChanges(a, b)).toEqual([
      { path: 'serving.services[s].replicas', a: 8, b: 10 },
      { path: 'serving.services[s].extra', a: null, b: true },
    ]);
  });
});

describe('compare', () => {
  it('pairs when both used the same seed and their replications are known, else Welch', () => {
    const doc = (m: number) => ({ x: { y: s(m, 1) } });
    const rep = (m: number) => ({ x: { y: s(m) } });
    const a = { doc: doc(10), seed: 1, replications: 3, perReplication: [rep(9), rep(10), rep(11)] };
    const b = { doc: doc(12), seed: 1, replications: 3, perReplication: [rep(11.1), rep(11.9), rep(13)] };
    const paired = compareResults(a, b);
    expect(paired).toMatchObject({ method: 'paired', pairs: 3 });
    expect(paired.figures[0]).toMatchObject({ path: 'x.y', significant: true });
    expect(compareResults(a, { ...b, seed: 2 }).method).toBe('welch');
  });

  it('Welch is unchanged by CIs clipped to a figure\'s range', () => {
    // Replication p99s whose t interval reaches below 0; the documents show it clipped at 0.
    const xs = [100, 200, 2000], ys = [900, 1000, 1100];
    const clipped = (v: number[]) => ({ x: statOf(v, NON_NEGATIVE)! });
    const raw = welchDiff(statOf(xs)!, statOf(ys)!, 3, 3);
    const reps = (v: number[]) => v.map((m) => ({ x: s(m) }));
    const fromValues = compareResults({ doc: clipped(xs), seed: 1, replications: 3, perReplication: reps(xs) }, { doc: clipped(ys), seed: 2, replications: 3, perReplication: reps(ys) });
    expect(fromValues.figures[0]!.diff).toEqual(raw.diff);
    // Without the replications, the CI read back from its wider (unclipped) side gives the same.
    const fromCis = compareResults({ doc: clipped(xs), seed: 1, replications: 3 }, { doc: clipped(ys), seed: 2, replications: 3 });
    expect(fromCis.figures[0]!.diff!.ci95[0]).toBeCloseTo(raw.diff!.ci95[0], 9);
    expect(fromCis.figures[0]!.diff!.ci95[1]).toBeCloseTo(raw.diff!.ci95[1], 9);
  });
});

describe('sweep grid', () => {
  it('one parameter, or the product of two, the first varying slowest', () => {
    const r = parseSetSpec('serving.services[0].replicas=8:9');
    const c = parseSetSpec('serving.services[0].concurrency=1:3:2');
    expect(gridValues([r])).toEqual([[8], [9]]);
    expect(gridValues([r, c])).toEqual([[8, 1], [8, 3], [9, 1], [9, 3]]);
  });
  it('refuses three parameters, the same one twice, and grids over the point limit', () => {
    const r = parseSetSpec('serving.services[0].replicas=1:40');
    expect(() => gridValues([r, r])).toThrow(SweepUsageError);
    expect(() => gridValues([r, parseSetSpec('a=1:40'), parseSetSpec('b=1:2')])).toThrow(/one or two/);
    expect(() => gridValues([r, parseSetSpec('a=1:40')])).toThrow(/1600 points is more than 1000/);
  });
});
