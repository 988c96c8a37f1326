// Quantiles of the scenario's distributions (the verdicts' "no replica count meets it" bound):
// closed forms against textbook values, the numeric inversions against their own CDFs.
import { describe, expect, it } from 'vitest';
import { distCdf, normalQuantile } from '../../../simulation/cluster/dist-tail';
import { distMin, distQuantile } from '../../../simulation/present/dist-quantile';
import type { Dist } from '../../../simulation/scenario/dist-schema';

const q = (d: Dist, p: number) => distQuantile(d, p)!;

describe('distQuantile', () => {
  it('gives the exponential\'s m·ln(1/(1−p)): 80 ms at p99 is 80·ln 100', () => {
    expect(q({ dist: 'exponential', mean: 80 }, 0.99).value).toBeCloseTo(80 * Math.log(100), 9);
    expect(q({ dist: 'exponential', mean: 80 }, 0.99).method).toBe('closed-form');
    expect(q({ dist: 'exponential', mean: 80 }, 0.5).value).toBeCloseTo(80 * Math.LN2, 9);
  });

  it('gives closed forms for fixed, uniform, weibull, pareto and lognormal', () => {
    expect(q({ dist: 'fixed', value: 80 }, 0.99).value).toBe(80);
    expect(q({ dist: 'uniform', min: 10, max: 30 }, 0.75).value).toBeCloseTo(25, 9);
    expect(q({ dist: 'weibull', shape: 1, scale: 80 }, 0.99).value).toBeCloseTo(80 * Math.log(100), 9);
    expect(q({ dist: 'weibull', shape: 2, scale: 10 }, 0.9).value).toBeCloseTo(10 * Math.sqrt(Math.log(10)), 9);
    expect(q({ dist: 'pareto', min: 5, alpha: 2 }, 0.99).value).toBeCloseTo(5 * Math.sqrt(100), 9);
    const s2 = Math.log(1 + 0.3 ** 2);
    expect(q({ dist: 'lognormal', mean: 80, cv: 0.3 }, 0.99).value).toBeCloseTo(Math.exp(Math.log(80) - s2 / 2 + Math.sqrt(s2) * normalQuantile(0.99)), 6);
    // A normal far from 0 is untruncated: mean + sd·z.
    expect(q({ dist: 'normal', mean: 100, sd: 5 }, 0.99).value).toBeCloseTo(100 + 5 * normalQuantile(0.99), 6);
  });

  it('inverts the gamma and the truncated normal numerically, to their own CDFs', () => {
    // A gamma with cv 1 is the exponential.
    const g1 = q({ dist: 'gamma', mean: 80, cv: 1 }, 0.99);
    expect(g1.method).toBe('numeric');
    expect(g1.value).toBeCloseTo(80 * Math.log(100), 6);
    for (const d of [{ dist: 'gamma', mean: 80, cv: 0.5 }, { dist: 'normal', mean: 10, sd: 20 }] as Dist[]) {
      for (const p of [0.5, 0.95, 0.99, 0.999]) expect(distCdf(d)(q(d, p).value)).toBeCloseTo(p, 6);
    }
  });

  it('takes the weighted nearest rank of an empirical distribution', () => {
    const d: Dist = { dist: 'empirical', values: [30, 10, 20], weights: [1, 8, 1] };
    expect(q(d, 0.5).value).toBe(10);
    expect(q(d, 0.8).value).toBe(10);
    expect(q(d, 0.85).value).toBe(20);
    expect(q(d, 0.99).value).toBe(30);
    expect(q({ dist: 'empirical', values: [1, 2, 3, 4] }, 0.5).value).toBe(2);
  });

  it('refuses probabilities outside (0, 1)', () => {
    expect(distQuantile({ dist: 'exponential', mean: 1 }, 0)).toBeNull();
    expect(distQuantile({ dist: 'exponential', mean: 1 }, 1)).toBeNull();
  });
});

describe('distMin', () => {
  it('is the lower end of the support', () => {
    expect(distMin({ dist: 'fixed', value: 45 })).toBe(45);
    expect(distMin({ dist: 'uniform', min: 3, max: 9 })).toBe(3);
    expect(distMin({ dist: 'pareto', min: 5, alpha: 2 })).toBe(5);
    expect(distMin({ dist: 'exponential', mean: 5 })).toBe(0);
    expect(distMin({ dist: 'lognormal', mean: 15, cv: 0.5 })).toBe(0);
    expect(distMin({ dist: 'normal', mean: 15, sd: 0 })).toBe(15);
    expect(distMin({ dist: 'empirical', values: [7, 2, 9], weights: [1, 0, 1] })).toBe(7);
  });
});
