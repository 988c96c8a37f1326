// The rate line under the arrivals: the offered rate of diurnal and bursty arrivals over the
// horizon, and a path that breaks where values are unknown.
import { describe, expect, it } from 'vitest';
import { offeredRateSeries, sparklinePath } from '../../../../../renderer/editor/serving/rate-sparkline';

describe('offeredRateSeries', () => {
  it('diurnal: trough at 0, peak at half the period, the mean over a whole period', () => {
    const s = offeredRateSeries({ process: 'diurnal', mean_rps: 100, peak_to_mean: 1.5, period_s: 600 }, 600, 600)!;
    expect(s.values[0]).toBeCloseTo(50, 0);
    expect(s.values[300]).toBeCloseTo(150, 0);
    const mean = s.values.reduce((a, b) => a! + b!, 0)! / s.values.length;
    expect(mean).toBeCloseTo(100, 6);
  });

  it('bursty: base rate between bursts, the burst rate during one (from the first period on)', () => {
    const s = offeredRateSeries({ process: 'bursty', rate_rps: 5, burst_rate_rps: 30, burst_every_s: 60, burst_duration_s: 12 }, 120, 120)!;
    expect(s.values[0]).toBe(5);
    expect(s.values[30]).toBe(5);
    expect(s.values[61]).toBe(30);
    expect(s.values[80]).toBe(5);
  });

  it('is null for a constant rate or a horizon that is not a length', () => {
    expect(offeredRateSeries({ process: 'poisson', rate_rps: 10 }, 600)).toBeNull();
    expect(offeredRateSeries({ process: 'diurnal', mean_rps: 100, peak_to_mean: 1.5, period_s: 600 }, 0)).toBeNull();
  });
});

describe('sparklinePath', () => {
  it('draws from a zero baseline up to the largest value', () => {
    const line = sparklinePath([0, 10], 100, 20, 0)!;
    expect(line.d).toBe('M0.0,20.0L100.0,0.0');
    expect([line.min, line.max]).toEqual([0, 10]);
  });

  it('starts a new subpath after an unknown value', () => {
    const line = sparklinePath([1, null, 2, 3], 30, 10, 0)!;
    expect(line.d.match(/M/g)).toHaveLength(2);
  });

  it('is null with nothing to draw', () => {
    expect(sparklinePath([null, null], 30, 10)).toBeNull();
  });
});
