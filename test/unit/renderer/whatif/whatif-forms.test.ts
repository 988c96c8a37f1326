// The what-if forms' pure parts: readable input names, figure choices from a result and from the
// catalogue, the sweep's default range and point count, and what a solve says when nothing meets.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ResultDocument, Scenario } from '../../../../simulation';
import { defaultFigure, figureChoices, isLatencyFigure, scenarioFigureChoices } from '../../../../renderer/charts/whatif/figure-choices';
import { inputChoices, inputLabel, keyWords, pathLabel } from '../../../../renderer/charts/whatif/input-labels';
import { answerText, noAnswerReason, type AnySolve } from '../../../../renderer/charts/whatif/solve-text';
import { defaultRange, parseRange, pointCount } from '../../../../renderer/whatif/sweep-range';
import { EN_US } from '../../../../simulation/present';

const root = path.resolve(__dirname, '../../../..');
const risk = JSON.parse(fs.readFileSync(path.join(root, 'assets/examples/risk-model-api.json'), 'utf8'));
const gpu = JSON.parse(fs.readFileSync(path.join(root, 'assets/examples/gpu-training-cluster.json'), 'utf8'));
const golden = JSON.parse(fs.readFileSync(path.join(root, 'test/golden/documents/gpu-training-cluster.result.json'), 'utf8')) as ResultDocument;

describe('input labels', () => {
  it('names the element by its id and the field in words with its unit', () => {
    expect(keyWords('service_time_ms')).toBe('service time (ms)');
    expect(keyWords('node_mtbf_s')).toBe('node MTBF (s)');
    expect(pathLabel(risk, 'serving.services[0].replicas')).toBe('service risk_model_api · replicas');
    expect(pathLabel(risk, 'serving.services[0].service_time_ms.mean')).toBe('service risk_model_api · service time (ms) › mean');
    expect(pathLabel(risk, 'pipeline.tasks[4].duration_s')).toBe('task train_model · duration (s)');
    expect(pathLabel(gpu, 'cluster.pools[0].units')).toBe('pool h100_train · units');
    expect(pathLabel(gpu, 'cluster.failures.node_mtbf_s')).toBe('cluster · failures › node MTBF (s)');
    expect(pathLabel(risk, 'no.such.path')).toBe('no.such.path');
  });

  it('numbers elements without an id', () => {
    const raw = { serving: { services: [{ id: 'a', arrivals: { mix: [{ weight: 2 }, { weight: 3 }] } }] } };
    expect(inputLabel(raw, ['serving', 'services', 0, 'arrivals', 'mix', 1, 'weight']).text).toBe('service a · arrivals › mix [2] › weight');
  });

  it('offers every numeric input of the scenario, not its run controls or targets', () => {
    const paths = inputChoices(risk).map((c) => c.path);
    expect(paths).toContain('serving.services[0].replicas');
    expect(paths).not.toContain('horizon_s');
    expect(paths).not.toContain('serving.services[0].latency_budget_ms');
  });
});

describe('figure choices', () => {
  it('labels every statistic of a result from the catalogue, grouped by what it belongs to', () => {
    const choices = figureChoices(golden);
    const goodput = choices.find((c) => c.path === 'cluster.jobs.goodput');
    expect(goodput).toMatchObject({ label: 'Goodput', unit: 'fraction', group: 'Cluster jobs' });
    const pool = choices.find((c) => c.path === 'cluster.pools.h100_train.utilization');
    expect(pool).toMatchObject({ group: 'Pool h100_train', unit: 'fraction' });
    expect(choices.every((c) => c.label.length > 0)).toBe(true);
    expect(defaultFigure(choices)).toBe(choices[0]!.path); // no service: the first figure
  });

  it('before a run, offers the catalogue of the scenario and starts at the latency at the SLO', () => {
    const choices = scenarioFigureChoices(risk as Scenario);
    expect(defaultFigure(choices)).toBe('serving.risk_model_api.latency_at_slo_ms');
    expect(choices.find((c) => c.path === 'serving.risk_model_api.latency_ms.p99')?.label).toBe('Latency p99');
    expect(isLatencyFigure('serving.risk_model_api.latency_ms.p99')).toBe(true);
    expect(isLatencyFigure('serving.risk_model_api.utilization')).toBe(false);
  });

  it('an llm service: its token-level figures too, labelled as a result labels them, starting at TTFT', () => {
    const llm = JSON.parse(fs.readFileSync(path.join(root, 'assets/examples/llm-token-level.json'), 'utf8'));
    const choices = scenarioFigureChoices(llm as Scenario);
    expect(defaultFigure(choices)).toBe('serving.code_llm.llm.ttft_at_slo_ms');
    const label = (p: string) => choices.find((c) => c.path === `serving.code_llm.${p}`)?.label;
    expect([label('llm.ttft_at_slo_ms'), label('llm.tpot_at_slo_ms'), label('llm.tpot_ms.p99'), label('llm.goodput_rps'), label('llm.kv_cache_utilization')])
      .toEqual(['TTFT at its SLO percentile', 'TPOT at its SLO percentile', 'TPOT p99', 'Goodput (completions meeting both SLOs)', 'KV cache utilization']);
    // Configured SLOs and roofline figures are no statistics to analyse.
    expect(choices.filter((c) => /\.llm\.slo\.|analytic/.test(c.path))).toEqual([]);
  });
});

describe('sweep ranges', () => {
  it('starts around the value, within the bounds', () => {
    expect(defaultRange({ value: 8, integer: true, min: 1, max: null })).toEqual({ from: '6', to: '14', step: '1' });
    expect(defaultRange({ value: 1, integer: true, min: 1, max: null })).toEqual({ from: '1', to: '3', step: '1' });
    expect(defaultRange({ value: 0.9, integer: false, min: 0, max: 1 })).toEqual({ from: '0.45', to: '1', step: '0.0688' });
    expect(defaultRange({ value: 80, integer: false, min: 0, max: null })).toEqual({ from: '40', to: '120', step: '10' });
  });

  it('counts points as the backend does, and names the field in what it refuses', () => {
    expect(pointCount(8, 14, 1)).toBe(7);
    expect(pointCount(0.1, 0.3, 0.1)).toBe(3);
    expect(pointCount(5, 4, 1)).toBe(0);
    expect(parseRange('a', { from: '8', to: '14', step: '2' }, 'Parameter 1')).toEqual({ ok: true, set: { path: 'a', from: 8, to: 14, step: 2 }, points: 4 });
    expect(parseRange('a', { from: '9', to: '8', step: '1' }, 'Parameter 1')).toEqual({ ok: false, message: 'Parameter 1 to: must be ≥ from (9)' });
    expect(parseRange('a', { from: '1', to: '8', step: '0' }, 'Parameter 2')).toEqual({ ok: false, message: 'Parameter 2 step: must be a number > 0' });
    expect(parseRange('a', { from: '', to: '8', step: '1' }, 'Parameter 1')).toEqual({ ok: false, message: 'Parameter 1 from: must be a number' });
  });
});

describe('solve text', () => {
  const stat = (mean: number, half: number) => ({ mean, ci95: [mean - half, mean + half] as [number, number] });
  const service = (last: { latency: number; half: number; utilization: number }, replicas: number | null): AnySolve => ({
    target: 'service', service: 'api', replicas, slo_percentile: 99, latency_budget_ms: 150, replications: 10, estimate: 9, search_max: 36,
    evidence: [{ replicas: 36, latency_at_slo_ms: stat(last.latency, last.half), utilization: stat(last.utilization, 0.01), meets: false, cost_per_hour: null, stable: true }],
  });

  it('says when replicas cannot help: little queueing, still over the budget', () => {
    const r = noAnswerReason(EN_US, service({ latency: 180, half: 2, utilization: 0.25 }, null));
    expect(r).toContain('the service time and latency components alone exceed the budget');
    expect(r).toContain('utilization 25.0%');
    expect(answerText(service({ latency: 180, half: 2, utilization: 0.25 }, null))).toBe('No replica count from 9 to 36 meets the SLO.');
  });

  it('says when only the CI reaches over the budget', () => {
    expect(noAnswerReason(EN_US, service({ latency: 140, half: 20, utilization: 0.6 }, null))).toContain('its CI still reaches over the 150 ms budget');
  });

  it('says nothing more when there is an answer, and gives a pool its own reason', () => {
    expect(noAnswerReason(EN_US, service({ latency: 100, half: 2, utilization: 0.6 }, 12))).toBeNull();
    const pool: AnySolve = {
      target: 'pool', pool: 'gpu', units: null, evidence: [], percentile: 95, max_queue_delay_s: 60, replications: 2, search_min: 8, search_max: 64,
      reason: 'even with 64 units, enough for every job of the pool at once, the wait comes from failures',
    };
    expect(noAnswerReason(EN_US, pool)).toBe('Even with 64 units, enough for every job of the pool at once, the wait comes from failures.');
    expect(answerText({ ...pool, units: 48, reason: null })).toBe('Answer: 48 units.');
  });
});
