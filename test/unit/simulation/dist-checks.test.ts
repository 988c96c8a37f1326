// Bad distribution input never reaches the engine: parameters out of range are rejected by the
// schema (mean ≤ 0, cv < 0, empty empirical values), and so are parameters each in range that
// together would make the engine compute NaN or Infinity, with the path of the field to change.
// A property test throws wide-ranging parameters at both layers.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { validateScenario } from '../../../simulation';
import { distNumericIssue } from '../../../simulation/random/dist-checks';
import { distMean } from '../../../simulation/random/dist-mean';
import { distSecondMoment } from '../../../simulation/random/dist-moments';
import { deriveStream } from '../../../simulation/random/rng';
import { compileDist } from '../../../simulation/random/samplers';
import type { Dist } from '../../../simulation/scenario/dist-schema';

function errorsFor(serviceTime: unknown): string[] {
  const r = validateScenario({
    format: 'headroom.scenario/v1',
    name: 'bad input',
    serving: { services: [{ id: 's', arrivals: { process: 'poisson', rate_rps: 10 }, replicas: 1, service_time_ms: serviceTime, latency_budget_ms: 100 }] },
  });
  return r.ok ? [] : r.errors.map((e) => `${e.path}: ${e.message}`);
}

const at = 'serving.services[0].service_time_ms';

describe('distribution parameters that would give NaN or Infinity are rejected with their path', () => {
  const cases: [string, unknown, RegExp][] = [
    ['out of range: mean ≤ 0', { dist: 'exponential', mean: 0 }, /\.mean: must be a number > 0/],
    ['out of range: cv < 0', { dist: 'gamma', mean: 5, cv: -1 }, /\.cv: must be a number > 0/],
    ['out of range: empty empirical', { dist: 'empirical', values: [] }, /\.values: must be a non-empty array/],
    ['missing parameter', { dist: 'lognormal', mean: 80 }, /\.cv: is required/],
    ['lognormal cv² overflows', { dist: 'lognormal', mean: 80, cv: 1e200 }, /\.cv: is too large: cv² overflows; the parameters are too extreme \(got 1e\+200\)$/],
    ['lognormal E[X²] overflows', { dist: 'lognormal', mean: 1e154, cv: 5 }, /\.cv: gives a second moment \(E\[X²\]\) that overflows/],
    ['gamma shape 1/cv² overflows', { dist: 'gamma', mean: 80, cv: 1e-170 }, /\.cv: is too small: the gamma shape 1\/cv² overflows/],
    ['weibull tiny shape: Γ(1 + 1/shape) overflows', { dist: 'weibull', shape: 0.001, scale: 1 }, /\.shape: gives draws that overflow/],
    ['weibull E[X²] overflows', { dist: 'weibull', shape: 0.01, scale: 1 }, /\.shape: gives a second moment/],
    ['weibull huge scale', { dist: 'weibull', shape: 0.05, scale: 1e290 }, /\.scale: gives/],
    ['pareto draws overflow', { dist: 'pareto', min: 1e300, alpha: 1.5 }, /\.min: gives draws that overflow/],
    ['normal E[X²] overflows', { dist: 'normal', mean: 1, sd: 1e200 }, /\.sd: gives a second moment/],
    ['uniform E[X²] overflows', { dist: 'uniform', min: 0, max: 1e200 }, /\.max: gives a second moment/],
    ['empirical weights sum overflows', { dist: 'empirical', values: [1, 2], weights: [1e308, 1e308] }, /\.weights: must have a finite sum/],
    ['empirical E[X²] overflows', { dist: 'empirical', values: [1, 1e160] }, /\.values: gives a second moment/],
    ['fixed object E[X²] overflows', { dist: 'fixed', value: 1e155 }, /^serving\.services\[0\]\.service_time_ms: gives a second moment .* \(got 1e\+155\)$/],
    ['plain number: E[X²] overflows', 1e200, /^serving\.services\[0\]\.service_time_ms: gives a second moment .* \(got 1e\+200\)$/],
    ['JSON 1e309 (Infinity)', JSON.parse('1e309'), /must be a number ≥ 0 or a distribution object/],
  ];
  for (const [name, d, message] of cases) {
    it(name, () => {
      // The distribution's own problem comes first (a cross-field rule such as "mean > 0" may follow).
      const errors = errorsFor(d);
      expect(errors.length).toBeGreaterThanOrEqual(1);
      expect(errors.every((e) => e.startsWith(at))).toBe(true);
      expect(errors[0]).toMatch(message);
    });
  }

  it('accepts extreme but representable parameters (pareto alpha near 1, tiny lognormal cv, weibull shape 0.05)', () => {
    for (const d of [
      { dist: 'pareto', min: 1, alpha: 1.000001 },
      { dist: 'lognormal', mean: 80, cv: 1e-12 },
      { dist: 'weibull', shape: 0.05, scale: 1 },
      { dist: 'gamma', mean: 80, cv: 1e-6 },
      { dist: 'exponential', mean: 1e100 },
    ]) expect(errorsFor(d)).toEqual([]);
  });

  it('compileDist refuses a hand-built Dist whose draws would overflow, and accepts what the engine builds itself', () => {
    expect(() => compileDist({ dist: 'gamma', mean: 1, cv: 1e-170 }, deriveStream(1, 0, 'x'))).toThrow(/invalid gamma distribution: cv is too small/);
    expect(() => compileDist({ dist: 'weibull', shape: 0.001, scale: 1 }, deriveStream(1, 0, 'x'))).toThrow(/invalid weibull distribution: shape/);
    // A huge time to failure has an overflowing E[X²] but finite draws: the sampler accepts it.
    const draw = compileDist({ dist: 'exponential', mean: 1e200 }, deriveStream(1, 0, 'x'));
    expect(Number.isFinite(draw())).toBe(true);
  });
});

describe('property: every Dist the schema accepts has finite moments and finite, non-negative draws', () => {
  // Magnitudes from 1e-300 to 1e300, where overflow lives, plus ordinary values.
  const magnitude = fc.oneof(
    fc.double({ min: 1e-6, max: 1e6, noNaN: true }),
    fc.integer({ min: -300, max: 300 }).map((e) => 10 ** e),
  );
  const anyDist = fc.oneof(
    fc.record({ dist: fc.constant('fixed'), value: magnitude }),
    fc.record({ dist: fc.constant('exponential'), mean: magnitude }),
    fc.tuple(magnitude, magnitude).map(([a, b]) => ({ dist: 'uniform', min: Math.min(a, b), max: Math.max(a, b) })),
    fc.record({ dist: fc.constant('normal'), mean: magnitude, sd: magnitude }),
    fc.record({ dist: fc.constant('lognormal'), mean: magnitude, cv: magnitude }),
    fc.record({ dist: fc.constant('gamma'), mean: magnitude, cv: magnitude }),
    fc.record({ dist: fc.constant('weibull'), shape: magnitude, scale: magnitude }),
    fc.record({ dist: fc.constant('pareto'), min: magnitude, alpha: magnitude.map((a) => 1 + a) }),
    fc.record({ dist: fc.constant('empirical'), values: fc.array(magnitude, { minLength: 1, maxLength: 4 }) }),
  );

  it('holds for 3000 random parameter sets', () => {
    let accepted = 0;
    fc.assert(
      fc.property(anyDist, fc.nat(1000), (raw, seed) => {
        if (errorsFor(raw).length > 0) return;
        accepted++;
        const d = raw as Dist;
        expect(distNumericIssue(d)).toBeNull();
        expect(Number.isFinite(distMean(d))).toBe(true);
        if (!(d.dist === 'pareto' && d.alpha <= 2)) expect(Number.isFinite(distSecondMoment(d))).toBe(true);
        const draw = compileDist(d, deriveStream(seed, 0, 'property'));
        for (let i = 0; i < 200; i++) {
          const x = draw();
          if (!(Number.isFinite(x) && x >= 0)) throw new Error(`${JSON.stringify(d)} drew ${x}`);
        }
      }),
      { numRuns: 3000, seed: 42 },
    );
    expect(accepted).toBeGreaterThan(1000);
  });
});
