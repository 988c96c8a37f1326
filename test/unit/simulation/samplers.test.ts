import { describe, it, expect } from 'vitest';
import { deriveStream } from '../../../simulation/random/rng';
import { compileDist } from '../../../simulation/random/samplers';
import { distMean } from '../../../simulation/random/dist-mean';
import { distSecondMoment } from '../../../simulation/random/dist-moments';
import type { Dist } from '../../../simulation/scenario/dist-schema';
import { cdfs, ksCritical, ksStatistic, meanVar } from './cdf';

const N = 200_000;
const sample = (d: Dist, n = N, name = 'samplers') => {
  const draw = compileDist(d, deriveStream(11, 0, name));
  return Array.from({ length: n }, draw);
};

// Each case: the Dist, its CDF (for KS), and the relative tolerance on the sample variance
// (a few standard errors of the sample variance for that distribution's kurtosis at N draws).
const cases: { d: Dist; cdf: (x: number) => number; varTol: number }[] = [
  { d: { dist: 'exponential', mean: 80 }, cdf: cdfs.exponential(80), varTol: 0.03 },
  { d: { dist: 'uniform', min: 20, max: 50 }, cdf: cdfs.uniform(20, 50), varTol: 0.02 },
  { d: { dist: 'normal', mean: 10, sd: 8 }, cdf: cdfs.truncatedNormal(10, 8), varTol: 0.02 },
  { d: { dist: 'lognormal', mean: 80, cv: 0.3 }, cdf: cdfs.lognormal(80, 0.3), varTol: 0.03 },
  { d: { dist: 'gamma', mean: 80, cv: 0.5 }, cdf: cdfs.gamma(80, 0.5), varTol: 0.03 },
  { d: { dist: 'gamma', mean: 5, cv: 2 }, cdf: cdfs.gamma(5, 2), varTol: 0.06 },
  { d: { dist: 'weibull', shape: 1.5, scale: 100 }, cdf: cdfs.weibull(1.5, 100), varTol: 0.03 },
  { d: { dist: 'pareto', min: 10, alpha: 5 }, cdf: cdfs.pareto(10, 5), varTol: 0.08 },
  // Edges of the parameter space: half-normal (mean 0), gamma at cv 1 (exponential) and cv 0.1
  // (shape 100), lognormal cv 1, weibull shape 0.5 (kurtosis 88: sd of the sample variance 2.1%).
  { d: { dist: 'normal', mean: 0, sd: 5 }, cdf: cdfs.truncatedNormal(0, 5), varTol: 0.02 },
  { d: { dist: 'gamma', mean: 80, cv: 1 }, cdf: cdfs.gamma(80, 1), varTol: 0.03 },
  { d: { dist: 'gamma', mean: 80, cv: 0.1 }, cdf: cdfs.gamma(80, 0.1), varTol: 0.02 },
  { d: { dist: 'lognormal', mean: 80, cv: 1 }, cdf: cdfs.lognormal(80, 1), varTol: 0.06 },
  { d: { dist: 'weibull', shape: 0.5, scale: 10 }, cdf: cdfs.weibull(0.5, 10), varTol: 0.09 },
  { d: { dist: 'weibull', shape: 5, scale: 10 }, cdf: cdfs.weibull(5, 10), varTol: 0.02 },
];

describe('samplers', () => {
  for (const { d, cdf, varTol } of cases) {
    it(`${JSON.stringify(d)}: mean within 4 standard errors, variance within ${varTol * 100}%, KS at α = 0.001`, () => {
      const xs = sample(d);
      const mean = distMean(d);
      const variance = distSecondMoment(d) - mean * mean;
      const got = meanVar(xs);
      expect(Math.abs(got.mean - mean)).toBeLessThan(4 * Math.sqrt(variance / N));
      expect(Math.abs(got.variance / variance - 1)).toBeLessThan(varTol);
      expect(xs.every((x) => x >= 0)).toBe(true);
      expect(ksStatistic(xs.slice(0, 50_000), cdf)).toBeLessThan(ksCritical(50_000));
    });
  }

  it('heavy-tailed pareto (alpha 1.5, no variance) passes KS at α = 0.001; E[X²] is Infinity', () => {
    const d: Dist = { dist: 'pareto', min: 10, alpha: 1.5 };
    expect(ksStatistic(sample(d, 50_000), cdfs.pareto(10, 1.5))).toBeLessThan(ksCritical(50_000));
    expect(distSecondMoment(d)).toBe(Infinity);
  });

  it('fixed and zero-spread distributions return their value exactly', () => {
    expect(new Set(sample({ dist: 'uniform', min: 3.3, max: 3.3 }, 100))).toEqual(new Set([3.3]));
    expect(new Set(sample({ dist: 'fixed', value: 45.1 }, 100))).toEqual(new Set([45.1]));
    expect(new Set(sample({ dist: 'lognormal', mean: 7, cv: 0 }, 100))).toEqual(new Set([7]));
    expect(new Set(sample({ dist: 'normal', mean: 3, sd: 0 }, 100))).toEqual(new Set([3]));
  });

  it('empirical draws values in proportion to weights (each within 4 binomial sd), never a zero weight', () => {
    const d: Dist = { dist: 'empirical', values: [1, 2, 3, 4], weights: [1, 0, 3, 6] };
    const xs = sample(d);
    const p = [0.1, 0, 0.3, 0.6];
    [1, 2, 3, 4].forEach((v, i) => {
      const count = xs.filter((x) => x === v).length;
      const sd = Math.sqrt(N * p[i]! * (1 - p[i]!));
      expect(Math.abs(count - N * p[i]!)).toBeLessThanOrEqual(4 * sd);
    });
    expect(xs.includes(2)).toBe(false);
    const got = meanVar(xs);
    expect(got.mean).toBeCloseTo(distMean(d), 1);
    expect(got.variance / (distSecondMoment(d) - distMean(d) ** 2)).toBeCloseTo(1, 1);
  });

  it('unweighted empirical is uniform over its values (each within 4 binomial sd)', () => {
    const xs = sample({ dist: 'empirical', values: [5, 6, 7] });
    for (const v of [5, 6, 7]) {
      const count = xs.filter((x) => x === v).length;
      expect(Math.abs(count - N / 3)).toBeLessThanOrEqual(4 * Math.sqrt((N * 2) / 9));
    }
  });

  it('weighted empirical over 20 values passes a chi-square goodness-of-fit test (19 df, α = 0.001)', () => {
    const values = Array.from({ length: 20 }, (_, i) => i * 1.5);
    const weights = values.map((_, i) => 1 + (i % 7));
    const total = weights.reduce((a, b) => a + b, 0);
    const xs = sample({ dist: 'empirical', values, weights });
    let chi2 = 0;
    values.forEach((v, i) => {
      const expected = (N * weights[i]!) / total;
      const observed = xs.filter((x) => x === v).length;
      chi2 += (observed - expected) ** 2 / expected;
    });
    expect(chi2).toBeLessThan(43.82); // χ²(19) at 0.999
    expect(xs.every((x) => values.includes(x))).toBe(true);
  });
});
