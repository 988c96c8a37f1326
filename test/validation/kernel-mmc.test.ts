// M/M/c written on the kernel's processes and Resource (kernel-models.ts) against Erlang C:
// P(wait), mean wait, and the wait distribution P(W > t) = C·e^{−(cμ−λ)t}, whose q-quantile is
// ln(C/(1−q))/(cμ−λ) when C > 1 − q and 0 otherwise. c = 4, ρ = 0.7 (C = 0.429), 8 replications
// of ≈ 53 000 measured customers after a warm-up of ≈ 2800; percentiles are computed per
// replication and averaged, as the result document does. The 95% CI half-widths of these runs
// are ≈ 1.1% (P(wait)), 5.3% (mean wait), 4.7–6.4% (p80–p99), 13% (p99.9); the tolerances are
// ≈ 1.5–2× those. A FIFO violation (e.g. LIFO service) keeps the mean but breaks the tail.
// Little's law is checked on every replication.
import { describe, it, expect } from 'vitest';
import { erlangC } from '../../simulation/analytic/erlang';
import { mmcOnProcesses } from './kernel-models';
import { LITTLE_TOLERANCE, relErr } from './helpers';
import { recordCases, recordFidelity } from './fidelity-record';

const c = 4, meanS = 10, lambda = 0.28; // per ms: ρ = λ·S/c = 0.7
const runs = Array.from({ length: 8 }, (_, i) => mmcOnProcesses(c, lambda, meanS, 200_000, 10_000, 2024, i));
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const C = erlangC(c, lambda * meanS);
const drain = c / meanS - lambda;
const quantile = (q: number) => (C > 1 - q ? Math.log(C / (1 - q)) / drain : 0);
const ERLANG = 'Erlang (1917); Kleinrock, Queueing Systems I (1975), ch. 3';
const CASE = 'M/M/c on processes + Resource: c = 4, ρ = 0.7';

describe('M/M/c on processes and a Resource matches Erlang C', () => {
  it('P(wait) within 2% and mean wait within 7% of Erlang C', () => {
    expect(runs.every((r) => r.customers > 50_000)).toBe(true);
    recordFidelity({ model: 'engine', truth: 'Erlang C P(wait)', source: ERLANG, case: CASE, measured: mean(runs.map((r) => r.pWait)), expected: C, tolerance: { rel: 0.02 }, replications: 8 });
    recordFidelity({ model: 'engine', truth: 'Erlang C mean wait, C/(cμ − λ)', source: ERLANG, case: CASE, measured: mean(runs.map((r) => r.waits.mean()!)), expected: C / drain, tolerance: { rel: 0.07 }, replications: 8 });
    expect(relErr(mean(runs.map((r) => r.pWait)), C)).toBeLessThan(0.02);
    expect(relErr(mean(runs.map((r) => r.waits.mean()!)), C / drain)).toBeLessThan(0.07);
  });

  for (const [q, tol] of [[0.8, 0.08], [0.9, 0.08], [0.95, 0.1], [0.99, 0.1], [0.999, 0.25]] as const) {
    it(`wait p${q * 100} within ${tol * 100}% of ln(C/(1−q))/(cμ−λ)`, () => {
      recordFidelity({
        model: 'engine', truth: 'Erlang C wait quantile, ln(C/(1 − q))/(cμ − λ)', source: ERLANG, case: `${CASE}, q = ${q}`,
        measured: mean(runs.map((r) => r.waits.percentile(q * 100)!)), expected: quantile(q), tolerance: { rel: tol }, replications: 8,
      });
      expect(relErr(mean(runs.map((r) => r.waits.percentile(q * 100)!)), quantile(q))).toBeLessThan(tol);
    });
  }

  it('wait percentiles at or below 1 − C are exactly 0 (the atom of customers who never wait)', () => {
    expect(quantile(0.5)).toBe(0);
    recordCases({ model: 'engine', truth: 'Erlang C wait quantile at q ≤ 1 − C is 0', source: ERLANG, case: `${CASE}, q = 0.5, per replication`, agree: runs.filter((r) => r.waits.percentile(50) === 0).length, total: runs.length, replications: 8 });
    for (const r of runs) expect(r.waits.percentile(50)).toBe(0);
  });

  it("Little's law within 2% on every replication (L = X·(W + S))", () => {
    const residuals = runs.map((r) => Math.abs(r.meanInSystem / (r.throughput * (r.waits.mean()! + r.meanService)) - 1));
    recordFidelity({ model: 'engine', truth: "Little's law, residual |L / (X·(W + S)) − 1|, worst replication", source: 'Little (1961)', case: CASE, measured: Math.max(...residuals), expected: 0, tolerance: { abs: LITTLE_TOLERANCE }, replications: 8 });
    recordFidelity({ model: 'engine', truth: 'mean number in system, λ·(Wq + S)', source: `${ERLANG}; Little (1961)`, case: CASE, measured: mean(runs.map((r) => r.meanInSystem)), expected: lambda * (C / drain + meanS), tolerance: { rel: 0.03 }, replications: 8 });
    for (const r of runs) {
      expect(Math.abs(r.meanInSystem / (r.throughput * (r.waits.mean()! + r.meanService)) - 1)).toBeLessThan(LITTLE_TOLERANCE);
    }
    expect(relErr(mean(runs.map((r) => r.meanInSystem)), lambda * (C / drain + meanS))).toBeLessThan(0.03);
  });
});
