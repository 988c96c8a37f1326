// The editor's distribution sketch: mean and p99 against their closed forms, and bins that are
// the exact CDF's probabilities (they integrate to F(xMax) and match the density).
import { describe, expect, it } from 'vitest';
import { distSketch } from '../../../simulation/present';

const integral = (s: { bins: number[]; xMax: number }) => s.bins.reduce((a, b) => a + b, 0) * (s.xMax / s.bins.length);

describe('distSketch', () => {
  it('exponential mean 80: p99 = 80·ln 100, and the bins hold ≥ 99.5% of the mass', () => {
    const s = distSketch({ dist: 'exponential', mean: 80 });
    expect(s.mean).toBe(80);
    expect(s.p99).toBeCloseTo(80 * Math.log(100), 6);
    expect(integral(s)).toBeGreaterThanOrEqual(0.995);
    expect(integral(s)).toBeLessThanOrEqual(1 + 1e-12);
    // The first bin's density is close to the pdf at its middle, 1/80·e^(−x/80).
    const w = s.xMax / s.bins.length;
    expect(s.bins[0]!).toBeCloseTo(Math.exp(-w / 2 / 80) / 80, 4);
    expect(s.atoms).toEqual([]);
  });

  it('lognormal mean 400 cv 0.5: p99 = exp(μ + 2.3263σ)', () => {
    const s2 = Math.log(1 + 0.25), mu = Math.log(400) - s2 / 2;
    const s = distSketch({ dist: 'lognormal', mean: 400, cv: 0.5 });
    expect(s.p99).toBeCloseTo(Math.exp(mu + 2.326347874 * Math.sqrt(s2)), 3);
  });

  it('uniform 10–30: flat at 1/20 inside, 0 outside; p99 = 29.8', () => {
    const s = distSketch({ dist: 'uniform', min: 10, max: 30 }, 100);
    expect(s.p99).toBeCloseTo(29.8, 9);
    const w = s.xMax / 100;
    s.bins.forEach((b, i) => {
      const lo = i * w, hi = (i + 1) * w;
      if (lo >= 10 && hi <= 30) expect(b).toBeCloseTo(1 / 20, 9);
      if (hi <= 10 || lo >= 30) expect(b).toBe(0);
    });
  });

  it('atoms for fixed, empirical and a degenerate lognormal', () => {
    expect(distSketch({ dist: 'fixed', value: 80 })).toMatchObject({ mean: 80, p99: 80, atoms: [{ x: 80, p: 1 }], bins: [] });
    const e = distSketch({ dist: 'empirical', values: [10, 20, 10, 50], weights: [1, 1, 1, 1] });
    expect(e.atoms).toEqual([{ x: 10, p: 0.5 }, { x: 20, p: 0.25 }, { x: 50, p: 0.25 }]);
    expect(e.p99).toBe(50);
    expect(distSketch({ dist: 'lognormal', mean: 5, cv: 0 }).atoms).toEqual([{ x: 5, p: 1 }]);
  });
});
