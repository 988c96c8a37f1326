// Same scenario + seed ⇒ byte-identical result document, whatever order the replications
// arrive in; a different seed ⇒ different figures.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { mergeReplications, parseScenarioText, runReplication, type Scenario, type ServiceResult } from '../../simulation';

const parsed = parseScenarioText(readFileSync(new URL('../../assets/examples/risk-model-api.json', import.meta.url), 'utf8'));
if (!parsed.ok) throw new Error('seed example does not parse');
const base: Scenario = { ...parsed.scenario, horizon_s: 40, warmup_s: 10, replications: 4 };
base.serving = structuredClone(parsed.scenario.serving);
base.serving!.services[0]!.replicas = 9;
base.serving!.services[0]!.service_time_ms = { dist: 'lognormal', mean: 80, cv: 0.3 };
base.serving!.services[0]!.latency_ms.feature = { dist: 'gamma', mean: 45, cv: 0.5 };

const runAll = (s: Scenario) => Array.from({ length: s.replications }, (_, i) => runReplication(s, i));
const json = (s: Scenario, outcomes: ReturnType<typeof runAll>) => JSON.stringify(mergeReplications(s, outcomes, { sha256: 'h', wallMs: 123 }));

describe('determinism', () => {
  it('same seed ⇒ byte-identical document, also with outcomes in another order', () => {
    const a = runAll(base);
    const b = runAll(structuredClone(base));
    expect(json(base, b)).toBe(json(base, a));
    expect(json(base, [...a].reverse())).toBe(json(base, a));
    expect(json(base, [a[2]!, a[0]!, a[3]!, a[1]!])).toBe(json(base, a));
    // Outcomes survive structured cloning (worker messages) unchanged.
    expect(json(base, a.map((o) => structuredClone(o)))).toBe(json(base, a));
  });

  it('a different seed gives different figures; a replication is independent of the others', () => {
    const a = runAll(base);
    const other = runAll({ ...base, seed: 2 });
    expect(json({ ...base, seed: 2 }, other)).not.toBe(json(base, a));
    expect(other[0]!.serving.risk_model_api!.latency_ms.mean).not.toBe(a[0]!.serving.risk_model_api!.latency_ms.mean);
    // Replication 2 alone equals replication 2 of the full run (seeded by index, not by order).
    expect(runReplication(base, 2)).toEqual(a[2]);
    expect(a[1]!.serving.risk_model_api!.requests).not.toBe(a[2]!.serving.risk_model_api!.requests);
  });

  it('percentiles are computed within each replication, then averaged (mean and Student-t CI of the per-replication values)', () => {
    const a = runAll(base);
    const doc = mergeReplications(base, a, { sha256: 'h', wallMs: 0 });
    const svc = doc.serving!.risk_model_api as ServiceResult;
    const p99s = a.map((o) => o.serving.risk_model_api!.latency_ms.p99!);
    expect(new Set(p99s).size).toBe(4);
    const mean = p99s.reduce((x, y) => x + y, 0) / 4;
    const sd = Math.sqrt(p99s.reduce((x, y) => x + (y - mean) ** 2, 0) / 3);
    const half = (3.182446305 * sd) / 2; // t(3) · sd / √4
    expect(svc.latency_ms.p99!.mean).toBeCloseTo(mean, 9);
    expect(svc.latency_ms.p99!.ci95[0]).toBeCloseTo(mean - half, 9);
    expect(svc.latency_ms.p99!.ci95[1]).toBeCloseTo(mean + half, 9);
  });
});
