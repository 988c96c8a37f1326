// Coverage of the replication confidence intervals: a Student-t 95% CI over replications should
// contain the true mean in about 95% of independent experiments. 200 experiments (seeds 1–200)
// of M/M/1 at ρ = 0.5 (λ = 50 rps, 10 ms exponential service: mean wait 10 ms, utilization 0.5),
// each 4 replications of 100 s after 5 s of warm-up (≈ 4 750 measured requests each). With 200
// trials the coverage of a correct 95% interval lies in [0.88, 0.99] with probability > 0.999
// (binomial: 190 ± 3.1). These seeds give 188 and 187 of 200; a z-interval (1.96 instead of
// t₃ = 3.18) covers 170 and 165 of the same experiments, and an interval of ±sd instead of
// ±sd/√n covers > 99%: both fail. Little's law is asserted on every experiment.
import { describe, it, expect } from 'vitest';
import { mergeReplications, runReplication, type ServiceResult, type Stat } from '../../simulation';
import { assertLittleEverywhere, servingScenario } from './helpers';
import { recordFidelity } from './fidelity-record';

const TRIALS = 200;
const contains = (s: Stat | null, x: number) => s !== null && s.ci95[0] <= x && x <= s.ci95[1];

describe('replication CIs cover the analytic mean about 95% of the time', () => {
  it(`M/M/1 ρ = 0.5, ${TRIALS} experiments × 4 replications: coverage of the mean wait and of utilization in [0.88, 0.99]`, () => {
    let waitHits = 0, utilHits = 0;
    for (let trial = 1; trial <= TRIALS; trial++) {
      const s = servingScenario({ arrivals: { process: 'poisson', rate_rps: 50 } }, { seed: trial, replications: 4, horizon_s: 100, warmup_s: 5 });
      const outcomes = Array.from({ length: 4 }, (_, i) => runReplication(s, i));
      const doc = mergeReplications(s, outcomes, { sha256: 'coverage', wallMs: 0 });
      assertLittleEverywhere(s, doc);
      const svc = doc.serving!.s as ServiceResult;
      if (contains(svc.wait_ms.mean, 10)) waitHits++;
      if (contains(svc.utilization, 0.5)) utilHits++;
    }
    const coverage = { wait: waitHits / TRIALS, utilization: utilHits / TRIALS };
    const base = {
      model: 'statistics', source: 'Student (1908) t-interval; 200 trials: binomial band [0.88, 0.99]', expected: 0.95,
      tolerance: { range: [0.88, 0.99] }, replications: `${TRIALS} × 4`,
    } as const;
    recordFidelity({ ...base, truth: '95% CI coverage of the analytic mean wait', case: 'M/M/1 ρ = 0.5, 4 replications of 100 s', measured: coverage.wait });
    recordFidelity({ ...base, truth: '95% CI coverage of the analytic utilization', case: 'M/M/1 ρ = 0.5, 4 replications of 100 s', measured: coverage.utilization });
    expect(coverage.wait).toBeGreaterThanOrEqual(0.88);
    expect(coverage.wait).toBeLessThanOrEqual(0.99);
    expect(coverage.utilization).toBeGreaterThanOrEqual(0.88);
    expect(coverage.utilization).toBeLessThanOrEqual(0.99);
  });
});
