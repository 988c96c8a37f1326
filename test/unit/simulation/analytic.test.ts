import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { erlangB, erlangC, mmcWait, pkMeanWait } from '../../../simulation/analytic/erlang';
import { pipelineAnalytic } from '../../../simulation/analytic/pipeline';
import { analyzeScenario, parseScenarioText, validateScenario, type Scenario } from '../../../simulation';
import { erlangCDirect } from '../../validation/helpers';

describe('Erlang formulas', () => {
  it('match closed forms for small systems', () => {
    expect(erlangB(1, 1)).toBeCloseTo(0.5, 15);
    expect(erlangC(1, 0.7)).toBeCloseTo(0.7, 14); // M/M/1: P(wait) = ρ
    expect(erlangC(2, 1)).toBeCloseTo(1 / 3, 14); // M/M/2 at ρ = 0.5: 2ρ²/(1+ρ)
    expect(erlangC(4, 4)).toBe(1);
  });

  it('agree with the direct formula to 1e-9 for c from 1 to 2000', () => {
    for (const [c, a] of [[1, 0.5], [12, 9], [108, 96], [120, 96], [1000, 950], [2000, 1990]] as const) {
      expect(Math.abs(erlangC(c, a) - erlangCDirect(c, a))).toBeLessThan(1e-9);
    }
  });

  it('M/M/1 wait figures: mean ρ/(μ−λ), p99 ln(ρ/0.01)/(μ−λ)', () => {
    // λ = 80 rps, S = 10 ms: ρ = 0.8, μ − λ = 0.02 per ms.
    const f = mmcWait(80, 10, 1);
    expect(f.p_wait).toBeCloseTo(0.8, 12);
    expect(f.mean_wait_ms).toBeCloseTo(0.8 / 0.02, 9);
    expect(f.p99_wait_ms).toBeCloseTo(Math.log(80) / 0.02, 9);
    // P-K with E[S²] = 2S² reproduces the M/M/1 mean; fixed service halves it (M/D/1).
    expect(pkMeanWait(80, 10, 200)).toBeCloseTo(40, 9);
    expect(pkMeanWait(80, 10, 100)).toBeCloseTo(20, 9);
  });

  it('p99 wait is 0 when P(wait) ≤ 1%', () => {
    expect(mmcWait(1, 10, 4).p99_wait_ms).toBe(0);
  });
});

describe('pipeline analytic', () => {
  it('finds the critical path by CPM on mean durations', () => {
    const parsed = validateScenario({
      format: 'headroom.scenario/v1', name: 'dag',
      pipeline: {
        tasks: [
          { id: 'a', duration_s: 10, failure_probability: 0.1, retries: 1 },
          { id: 'b', duration_s: { dist: 'exponential', mean: 30 } },
          { id: 'c', duration_s: 5, failure_probability: 0.5 },
          { id: 'd', duration_s: 1 },
        ],
        edges: [['a', 'b'], ['a', 'c'], ['b', 'd'], ['c', 'd']],
      },
    });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const p = pipelineAnalytic(parsed.scenario.pipeline!);
    expect(p.critical_path).toEqual(['a', 'b', 'd']);
    expect(p.critical_path_s).toBe(41);
    expect(p.total_duration_s).toBe(46);
    expect(p.reliability).toBeCloseTo(0.9 * 0.5, 15);
    expect(p.reliability_with_retries).toBeCloseTo((1 - 0.01) * 0.5, 15);
  });
});

describe('analyzeScenario on the seed example', () => {
  const text = readFileSync(new URL('../../../assets/examples/risk-model-api.json', import.meta.url), 'utf8');
  const parsed = parseScenarioText(text);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  const seed: Scenario = parsed.scenario;

  it('gives the seed table and analytic blocks, without simulated statistics', () => {
    const doc = analyzeScenario(seed, { sha256: 'abc' });
    expect(doc.engine.events).toBe(0);
    expect(doc.summary.serving_required_replicas).toBe(8);
    expect(doc.summary.serving_total_latency_ms).toBe(180);
    expect(doc.pipeline!.analytic.total_duration_s).toBe(12180);
    expect(doc.cluster!.analytic.pools.gpu_pool_b!.over_target).toBe(true);
    const svc = doc.serving!.risk_model_api!;
    expect(Object.keys(svc)).toEqual(['offered_rps', 'analytic']);
    expect(svc.analytic.utilization).toBeCloseTo(1, 12);
    expect(svc.analytic.erlang_c).toBeUndefined(); // ρ = 1: unstable, no Erlang C
  });

  it('adds Erlang C when the service is a stable M/M/c', () => {
    const s = structuredClone(seed);
    s.serving!.services[0]!.replicas = 9;
    const a = analyzeScenario(s, { sha256: 'abc' }).serving!.risk_model_api!.analytic;
    expect(a.erlang_c!.p_wait).toBeCloseTo(erlangCDirect(108, 96), 9);
    expect(a.pk).toBeUndefined();
  });
});
