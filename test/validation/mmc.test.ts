// The seed service (1200 rps, 12 slots per replica, exponential 80 ms, fixed 45 + 35 + 20 ms
// outside the slot) at 9 and 10 replicas is M/M/c with c = 108 and 120: the fixed feature delay
// only shifts the Poisson arrivals. Simulated P(wait) and mean wait against Erlang C (computed
// here independently of the engine's formula), 8 replications of 1800 s after 60 s of warm-up.
// Waits at these loads come from rare congestion episodes, so per-replication means are skewed;
// tolerances are ≈ 2.5–3× the 95% CI half-widths measured for this run length (c = 108: ≈ 2% on
// P(wait), ≈ 4% on the mean wait; c = 120: ≈ 4% and ≈ 8%).
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseScenarioText } from '../../simulation';
import { logGamma } from '../../simulation/random/special';
import { littleResidual, meanOf, relErr, simulate } from './helpers';

/** Erlang C from its definition in log space: P(wait) for load a on c servers. */
function erlangC(c: number, a: number): number {
  const logTerm = (k: number) => k * Math.log(a) - logGamma(k + 1);
  const top = logTerm(c) - Math.log(1 - a / c);
  const terms = [...Array.from({ length: c }, (_, k) => logTerm(k)), top];
  const m = Math.max(...terms);
  return Math.exp(top - m) / terms.reduce((s, t) => s + Math.exp(t - m), 0);
}

const parsed = parseScenarioText(readFileSync(new URL('../../assets/examples/risk-model-api.json', import.meta.url), 'utf8'));
if (!parsed.ok) throw new Error('seed example does not parse');
const seedScenario = parsed.scenario;

describe('M/M/c matches Erlang C (seed service)', () => {
  const cases = [
    { replicas: 9, pTol: 0.05, wTol: 0.1 },
    { replicas: 10, pTol: 0.12, wTol: 0.25 },
  ];
  for (const { replicas, pTol, wTol } of cases) {
    it(`${replicas} replicas: P(wait) within ${pTol * 100}%, mean wait within ${wTol * 100}%, utilization within 1%, Little within 2%`, () => {
      const s = structuredClone(seedScenario);
      delete s.pipeline;
      delete s.cluster;
      Object.assign(s, { replications: 8, horizon_s: 1800, warmup_s: 60, seed: 11 });
      s.serving!.services[0]!.replicas = replicas;
      const { svc, outcomes } = simulate(s);
      const c = replicas * 12, a = 1200 * 0.08, lambdaPerMs = 1.2, muPerMs = 1 / 80;
      const pWait = erlangC(c, a);
      const meanWait = pWait / (c * muPerMs - lambdaPerMs);
      expect(relErr(meanOf(outcomes, (o) => o.serving.risk_model_api!.wait_probability), pWait)).toBeLessThan(pTol);
      expect(relErr(svc.wait_ms.mean!.mean, meanWait)).toBeLessThan(wTol);
      expect(relErr(svc.utilization!.mean, a / c)).toBeLessThan(0.01);
      expect(littleResidual(svc)).toBeLessThan(0.02);
      expect(svc.stable).toBe(true);
      // The engine's own Erlang C agrees with the independent one.
      expect(svc.analytic.erlang_c!.p_wait).toBeCloseTo(pWait, 9);
      expect(svc.analytic.erlang_c!.mean_wait_ms).toBeCloseTo(meanWait, 9);
      // Latency = fixed 100 ms of extras + wait + service.
      expect(svc.components_ms.feature!.mean).toBe(45);
      expect(relErr(svc.latency_ms.mean!.mean, 100 + svc.wait_ms.mean!.mean + svc.components_ms.service!.mean)).toBeLessThan(1e-9);
    });
  }
});
