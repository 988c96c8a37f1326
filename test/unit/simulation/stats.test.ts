import { describe, it, expect } from 'vitest';
import { Histogram, nearestRank } from '../../../simulation/stats/histogram';
import { TimeWeighted } from '../../../simulation/stats/time-weighted';
import { NON_NEGATIVE, SHARE, statOf } from '../../../simulation/stats/stat';
import { deriveStream } from '../../../simulation/random/rng';
import { compileDist } from '../../../simulation/random/samplers';

/** Exact nearest-rank percentile: the smallest x with at least ⌈p·n/100⌉ values ≤ x. */
const exactPercentile = (sorted: number[], p: number) => sorted[Math.ceil((p * sorted.length) / 100 - 1e-9) - 1]!;

describe('Histogram', () => {
  it('percentiles are within 0.1% relative error of the exact nearest-rank values (values over 6 decades)', () => {
    const draw = compileDist({ dist: 'lognormal', mean: 100, cv: 20 }, deriveStream(3, 0, 'hist'));
    const xs = Array.from({ length: 200_000 }, draw);
    const h = new Histogram();
    xs.forEach((x) => h.record(x));
    const sorted = [...xs].sort((a, b) => a - b);
    for (const p of [0.1, 1, 10, 25, 50, 75, 90, 95, 99, 99.9, 99.99, 100]) {
      const exact = exactPercentile(sorted, p);
      expect(Math.abs(h.percentile(p)! / exact - 1)).toBeLessThanOrEqual(0.001);
    }
    expect(h.max).toBe(sorted[sorted.length - 1]);
    expect(h.min).toBe(sorted[0]);
    expect(h.mean()! / (xs.reduce((a, b) => a + b, 0) / xs.length)).toBeCloseTo(1, 12);
  });

  it('reports a value recorded exactly, exactly (a fixed latency)', () => {
    const h = new Histogram();
    for (let i = 0; i < 10_000; i++) h.record(180.1);
    for (const p of [50, 99, 99.9]) expect(h.percentile(p)).toBe(180.1);
    expect(h.mean()).toBe(180.1);
  });

  it('reports exact values when each occupied bucket holds one distinct value', () => {
    const h = new Histogram();
    const values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    values.forEach((v) => h.record(v));
    // Nearest rank on 10 values: p50 → 5th, p90 → 9th, p91 → 10th, p10 → 1st.
    expect(h.percentile(50)).toBe(5);
    expect(h.percentile(90)).toBe(9);
    expect(h.percentile(91)).toBe(10);
    expect(h.percentile(10)).toBe(1);
  });

  it('handles zeros (waits) and is null when empty', () => {
    const h = new Histogram();
    expect(h.percentile(50)).toBeNull();
    expect(h.mean()).toBeNull();
    for (let i = 0; i < 95; i++) h.record(0);
    for (let i = 0; i < 5; i++) h.record(12.5);
    expect(h.percentile(95)).toBe(0);
    expect(h.percentile(96)).toBe(12.5);
  });

  it('nearestRank ignores float noise in p·n/100', () => {
    expect(nearestRank(99.9, 1000)).toBe(999);
    expect(nearestRank(99, 100)).toBe(99);
    expect(nearestRank(99, 101)).toBe(100);
    expect(nearestRank(0.0001, 10)).toBe(1);
  });
});

describe('TimeWeighted', () => {
  it('averages a step function over the measured window only', () => {
    const tw = new TimeWeighted(10, 30);
    tw.set(0, 5);   // 5 on [0, 12) — only [10, 12) counts
    tw.set(12, 1);  // 1 on [12, 20)
    tw.set(20, 3);  // 3 on [20, 40) — only [20, 30] counts
    tw.set(40, 0);
    expect(tw.average(40)).toBeCloseTo((5 * 2 + 1 * 8 + 3 * 10) / 20, 12);
  });

  it('is null over an empty window', () => {
    expect(new TimeWeighted(10, 30).average(10)).toBeNull();
  });
});

describe('statOf', () => {
  it('gives the mean and Student-t 95% interval', () => {
    // n = 5, mean 3, sd = √2.5; t(4) = 2.776445105.
    const s = statOf([1, 2, 3, 4, 5])!;
    expect(s.mean).toBe(3);
    const half = (2.776445105 * Math.sqrt(2.5)) / Math.sqrt(5);
    expect(s.ci95[0]).toBeCloseTo(3 - half, 9);
    expect(s.ci95[1]).toBeCloseTo(3 + half, 9);
  });

  it('is [x, x] with one replication, exact for equal values, null for none', () => {
    expect(statOf([7.25])).toEqual({ mean: 7.25, ci95: [7.25, 7.25] });
    expect(statOf([0.1, 0.1, 0.1])).toEqual({ mean: 0.1, ci95: [0.1, 0.1] });
    expect(statOf([])).toBeNull();
    expect(statOf([null, null])).toBeNull();
    expect(statOf([null, 4])).toEqual({ mean: 4, ci95: [4, 4] });
  });

  it('clips the interval to the figure\'s range, one side at a time, and never moves the mean', () => {
    // Three p99s of 100, 200 and 2,000 ms: the t interval reaches below zero.
    const raw = statOf([100, 200, 2000])!;
    expect(raw.ci95[0]).toBeLessThan(0);
    const clipped = statOf([100, 200, 2000], NON_NEGATIVE)!;
    expect(clipped).toEqual({ mean: raw.mean, ci95: [0, raw.ci95[1]] });
    // Shares: 0.98, 0.99, 1 reach above 1; 0.02, 0.5, 0.98 reach past both ends.
    const high = statOf([0.98, 0.99, 1], SHARE)!;
    expect(high.ci95[1]).toBe(1);
    expect(high.ci95[0]).toBeCloseTo(statOf([0.98, 0.99, 1])!.ci95[0], 12);
    expect(statOf([0.02, 0.5, 0.98], SHARE)!.ci95).toEqual([0, 1]);
    // Within the range nothing changes.
    expect(statOf([1, 2, 3, 4, 5], NON_NEGATIVE)).toEqual(statOf([1, 2, 3, 4, 5]));
  });
});
