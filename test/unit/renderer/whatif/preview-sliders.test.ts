// The live what-if's sliders: which inputs of the bundled examples get one, the ranges the issue
// asks for (replicas 1…3×, rates and service times ±80 %, pool units in node steps, probabilities
// 0…min(1, 3×), slowdown 1…3×), each starting exactly at the scenario's value, and the values
// written back for the full-precision run.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { clampToSlider, MAX_SLIDERS, previewSliders, stepBelow, withSliderValues, type SliderSpec } from '../../../../renderer/whatif/preview-sliders';

const example = (name: string): Record<string, unknown> =>
  JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../../assets/examples', `${name}.json`), 'utf8')) as Record<string, unknown>;

const byPath = (sliders: SliderSpec[]) => new Map(sliders.map((s) => [s.path, s]));

/** On the grid: min + k·step for a whole k (to rounding). */
function onGrid(s: SliderSpec, x: number): boolean {
  const k = (x - s.min) / s.step;
  return Math.abs(k - Math.round(k)) < 1e-6;
}

describe('previewSliders', () => {
  it('gives the article example sliders on its service and its task failure probabilities, not on pools no job uses', () => {
    const { sliders, omitted } = previewSliders(example('risk-model-api'));
    expect(omitted).toBe(0);
    const m = byPath(sliders);
    expect(sliders.slice(0, 3).map((s) => s.path)).toEqual([
      'serving.services[0].arrivals.rate_rps', 'serving.services[0].replicas', 'serving.services[0].service_time_ms.mean',
    ]);
    expect(m.get('serving.services[0].replicas')).toMatchObject({ kind: 'replicas', group: 'Service risk_model_api', value: 8, min: 1, max: 24, step: 1, unit: 'replicas' });
    expect(m.get('serving.services[0].arrivals.rate_rps')).toMatchObject({ kind: 'rate', value: 1200, min: 240, max: 2160, step: 10, unit: 'rps' });
    expect(m.get('serving.services[0].service_time_ms.mean')).toMatchObject({ kind: 'service-time', label: 'Service time (mean)', value: 80, min: 16, max: 144, unit: 'ms' });
    expect(m.get('pipeline.tasks[0].failure_probability')).toMatchObject({ kind: 'probability', label: 'ingest_raw_data', value: 0.03, min: 0, max: 0.09, unit: '%', scale: 100 });
    expect(sliders.filter((s) => s.kind === 'probability')).toHaveLength(9);
    expect(sliders.some((s) => s.path.startsWith('cluster.'))).toBe(false);
    expect(sliders.some((s) => /latency_ms|concurrency|duration_s|runs/.test(s.path))).toBe(false);
  });

  it('gives the GPU example pool units in node-size steps from the largest job up, and the straggler settings', () => {
    const m = byPath(previewSliders(example('gpu-training-cluster')).sliders);
    // The largest explicit job on h100_train asks for 32 GPUs, on a10_finetune 16.
    expect(m.get('cluster.pools[0].units')).toMatchObject({ kind: 'pool-units', label: 'h100_train units', value: 64, min: 32, max: 192, step: 8, unit: 'GPUs' });
    expect(m.get('cluster.pools[1].units')).toMatchObject({ value: 16, min: 16, max: 48, step: 8 });
    expect(m.get('cluster.stragglers.slow_node_probability')).toMatchObject({ value: 0.15, min: 0, max: 0.45 });
    expect(m.get('cluster.stragglers.slowdown')).toMatchObject({ kind: 'slowdown', value: 1.8, min: 1, max: 5.4, unit: '×' });
  });

  it('starts every slider of the bundled examples at the scenario value, on its grid and in its range', () => {
    for (const name of ['risk-model-api', 'gpu-training-cluster', 'azure-llm-code-trace', 'llm-token-level', 'nightly-retraining']) {
      for (const s of previewSliders(example(name)).sliders) {
        expect(s.min, s.path).toBeLessThanOrEqual(s.value);
        expect(s.max, s.path).toBeGreaterThanOrEqual(s.value);
        expect(s.min, s.path).toBeLessThan(s.max);
        if (s.kind !== 'probability') expect(onGrid(s, s.value), `${s.path} ${s.value} on ${s.min}+k·${s.step}`).toBe(true);
        expect(onGrid(s, s.max), s.path).toBe(true);
      }
    }
  });

  it('keeps replicas within autoscaling bounds and skips the service time of a batching service', () => {
    const raw = {
      serving: {
        services: [
          { id: 'a', arrivals: { process: 'poisson', rate_rps: 50 }, replicas: 4, service_time_ms: 20, autoscaling: { min_replicas: 2, max_replicas: 6, target_utilization: 0.7, interval_s: 30 } },
          { id: 'b', arrivals: { process: 'diurnal', mean_rps: 10, peak_to_mean: 1.5, period_s: 3600 }, replicas: 1, service_time_ms: { dist: 'fixed', value: 5 }, batching: { max_batch: 8, max_wait_ms: 5, batch_time_ms: { base: 5, per_item: 1 } } },
        ],
      },
    };
    const m = byPath(previewSliders(raw).sliders);
    expect(m.get('serving.services[0].replicas')).toMatchObject({ min: 2, max: 6 });
    expect(m.get('serving.services[0].service_time_ms')).toMatchObject({ label: 'Service time', value: 20, min: 4, max: 36 });
    expect(m.get('serving.services[1].arrivals.mean_rps')).toMatchObject({ label: 'Mean arrival rate', min: 2, max: 18 });
    expect(m.get('serving.services[1].replicas')).toMatchObject({ min: 1, max: 3 });
    expect(m.has('serving.services[1].service_time_ms.value')).toBe(false);
  });

  it('gives a zero probability a range to move in, caps at 1, and ignores stragglers when nothing runs on the cluster', () => {
    const raw = {
      pipeline: { tasks: [{ id: 'a', duration_s: 1, failure_probability: 0 }, { id: 'b', duration_s: 1, failure_probability: 0.5 }] },
      cluster: { pools: [{ id: 'p', units: 4 }], stragglers: { slowdown: 2 } },
    };
    const m = byPath(previewSliders(raw).sliders);
    expect(m.get('pipeline.tasks[0].failure_probability')).toMatchObject({ min: 0, max: 0.1 });
    expect(m.get('pipeline.tasks[1].failure_probability')).toMatchObject({ min: 0, max: 1 });
    expect(m.has('cluster.stragglers.slowdown')).toBe(false);
    expect(m.has('cluster.pools[0].units')).toBe(false);
  });

  it('takes at most MAX_SLIDERS inputs, services first, and counts the rest', () => {
    const tasks = Array.from({ length: 25 }, (_, i) => ({ id: `t${i}`, duration_s: 1, failure_probability: 0.01 }));
    const raw = { pipeline: { tasks }, serving: { services: [{ id: 's', arrivals: { process: 'poisson', rate_rps: 5 }, replicas: 2, service_time_ms: 10 }] } };
    const { sliders, omitted } = previewSliders(raw);
    expect(sliders).toHaveLength(MAX_SLIDERS);
    expect(omitted).toBe(3 + 25 - MAX_SLIDERS);
    expect(sliders[0]!.path).toMatch(/^serving\./);
  });

  it('has no sliders for text that is not a scenario object', () => {
    expect(previewSliders(undefined)).toEqual({ sliders: [], omitted: 0 });
    expect(previewSliders([1, 2])).toEqual({ sliders: [], omitted: 0 });
  });
});

describe('stepBelow', () => {
  it('is the largest 1, 2 or 5 × 10^k not above x', () => {
    expect([12, 9.6, 0.8, 0.0009, 0.044, 1].map(stepBelow)).toEqual([10, 5, 0.5, 0.0005, 0.02, 1]);
  });
});

describe('clampToSlider', () => {
  const units = { min: 32, max: 192, step: 8, value: 64, integer: true };
  const rate = { min: 240, max: 2160, step: 10, value: 1200, integer: false };
  it('keeps a typed value in range, in whole nodes for units, exact otherwise', () => {
    expect(clampToSlider(units, 70)).toBe(72);
    expect(clampToSlider(units, 1000)).toBe(192);
    expect(clampToSlider(units, 1)).toBe(32);
    expect(clampToSlider(rate, 1234.5)).toBe(1234.5);
    expect(clampToSlider(rate, 5)).toBe(240);
    expect(clampToSlider(rate, Number.NaN)).toBe(1200);
  });
});

describe('withSliderValues', () => {
  it('writes the moved values at their paths and leaves the rest of the scenario as it was', () => {
    const raw = example('risk-model-api');
    const { sliders } = previewSliders(raw);
    const next = withSliderValues(raw, sliders, { 'serving.services[0].replicas': 10, 'pipeline.tasks[4].failure_probability': 0.1, 'serving.services[0].arrivals.rate_rps': 1200 }) as typeof raw;
    const svc = (next.serving as { services: Record<string, unknown>[] }).services[0]!;
    expect(svc.replicas).toBe(10);
    expect((next.pipeline as { tasks: { failure_probability: number }[] }).tasks[4]!.failure_probability).toBe(0.1);
    expect(svc.arrivals).toBe((raw.serving as { services: Record<string, unknown>[] }).services[0]!.arrivals); // unchanged, shared
    expect((raw.serving as { services: { replicas: number }[] }).services[0]!.replicas).toBe(8); // not mutated
    expect(withSliderValues(raw, sliders, {})).toBe(raw);
  });
});
