// The seed service (1200 rps, 12 slots per replica, exponential 80 ms; see CLARIFICATIONS.md):
// at 8 replicas ρ = 1 exactly, so it is reported unstable, yet a full simulated hour keeps its
// waiting line (and so its memory) small and every request is still served; at 9 and 10
// replicas it is stable and its mean wait matches Erlang C. (test/validation/mmc.test.ts checks
// 9 and 10 replicas more tightly with longer runs.)
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseScenarioText, type Scenario } from '../../simulation';
import { Simulator } from '../../simulation/engine/simulator';
import { ServiceModel } from '../../simulation/serving/service-model';
import { erlangCDirect, relErr, simulate } from './helpers';
import { recordFidelity } from './fidelity-record';

const parsed = parseScenarioText(readFileSync(new URL('../../assets/examples/risk-model-api.json', import.meta.url), 'utf8'));
if (!parsed.ok) throw new Error('seed example does not parse');

function seed(replicas: number, over: Partial<Scenario>): Scenario {
  const s = structuredClone(parsed.ok ? parsed.scenario : ({} as Scenario));
  delete s.pipeline;
  delete s.cluster;
  s.serving!.services[0]!.replicas = replicas;
  return { ...s, ...over };
}

describe('the seed service', () => {
  it('8 replicas: stable false; one simulated hour with a bounded waiting line and no NaN', () => {
    const s = seed(8, { replications: 2, horizon_s: 3600, warmup_s: 60 });
    const sim = new Simulator();
    const model = new ServiceModel(sim, s.serving!.services[0]!, { seed: 1, replication: 0, warmupMs: 60_000, horizonMs: 3_600_000 });
    model.start();
    expect(sim.run(Infinity)).toBeUndefined();
    const f = model.figures();
    expect(f.completed).toBe(f.requests);
    // A critically loaded queue drifts like √t (thousands of requests), not like t (millions).
    expect(model.queueCapacity).toBeLessThanOrEqual(1 << 16);
    const { svc, doc } = simulate({ ...s, horizon_s: 300 });
    expect(svc.stable).toBe(false);
    expect(svc.analytic.erlang_c).toBeUndefined();
    expect(JSON.stringify(doc)).not.toMatch(/NaN|Infinity/);
    expect(svc.series!.queue_length.length).toBe(300 / svc.series!.bucket_s);
  });

  for (const [replicas, tol] of [[9, 0.15], [10, 0.3]] as const) {
    it(`${replicas} replicas: stable, mean wait within ${tol * 100}% of Erlang C`, () => {
      const { svc } = simulate(seed(replicas, { replications: 4, horizon_s: 900, warmup_s: 60, seed: 77 }));
      const c = replicas * 12, a = 96;
      const want = erlangCDirect(c, a) / (c / 80 - 1.2);
      expect(svc.stable).toBe(true);
      recordFidelity({
        model: 'serving', truth: 'Erlang C mean wait, C/(cμ − λ)', source: 'Erlang (1917); Kleinrock, Queueing Systems I (1975), ch. 3',
        case: `seed example risk_model_api: ${replicas} replicas × 12 slots, 1200 rps, exponential 80 ms`, measured: svc.wait_ms.mean!.mean, expected: want, tolerance: { rel: tol }, replications: 4,
      });
      expect(relErr(svc.wait_ms.mean!.mean, want)).toBeLessThan(tol);
    });
  }
});
