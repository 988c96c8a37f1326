// Chart buckets: nice widths, time-weighted state per bucket and over the measured window, and
// coarse per-bucket percentiles (nearest rank, within 0.55%, exact for a constant).
import { describe, expect, it } from 'vitest';
import { BucketCounts, bucketCount, bucketWidthS, StateClock } from '../../../simulation/serving/series';

describe('bucket widths', () => {
  it('picks the smallest 1-2-3-5-6 width giving at most 60 buckets', () => {
    expect(bucketWidthS(3600)).toBe(60);
    expect(bucketWidthS(600)).toBe(10);
    expect(bucketWidthS(40)).toBe(1);
    expect(bucketWidthS(1234.5)).toBe(30);
    expect(bucketWidthS(86400)).toBe(2000);
    expect(bucketWidthS(0.3)).toBe(0.005);
    expect(bucketCount(1234.5, 30)).toBe(42);
    expect(bucketCount(600, 10)).toBe(60);
  });
});

describe('StateClock', () => {
  it('integrates piecewise-constant state per bucket, over the window, and from 0 for the autoscaler', () => {
    const c = new StateClock(5, 30, 10); // window [5, 30], buckets of 10
    c.busy = 2; c.inService = 2; c.waiting = 1; c.ready = 3; c.slots = 6; c.billed = 4;
    c.advance(12);
    c.busy = 4; c.inService = 4; c.waiting = 0;
    c.advance(25);
    c.busy = 0; c.inService = 0;
    c.advance(40); // past the horizon: only the autoscaler integral grows
    expect(c.busyIntegral).toBe(2 * 12 + 4 * 13);
    expect(c.winBusy).toBe(2 * 7 + 4 * 13);
    expect(c.winInSystem).toBe((2 + 1) * 7 + 4 * 13);
    expect(c.winSlots).toBe(6 * 25);
    expect(c.winBilled).toBe(4 * 25);
    const avg = c.averages(40);
    expect(avg.busy).toEqual([2, (2 * 2 + 4 * 8) / 10, (4 * 5) / 10]);
    expect(avg.queue).toEqual([1, 0.2, 0]);
    expect(avg.ready).toEqual([3, 3, 3]);
  });
});

describe('BucketCounts', () => {
  it('gives nearest-rank percentiles per bucket within 0.55%, exact for constants, null when empty', () => {
    const b = new BucketCounts(100, 10);
    for (let i = 1; i <= 1000; i++) b.recordLatency(3, i); // bucket 0: 1..1000
    for (let i = 0; i < 50; i++) b.recordLatency(15, 42.5); // bucket 1: constant
    b.recordLatency(99.9, 0);
    b.recordLatency(100, 7); // at the horizon: not in any bucket
    for (const [p, want] of [[50, 500], [95, 950], [99, 990]] as const) {
      expect(Math.abs(b.percentile(0, p)! / want - 1)).toBeLessThan(0.0055);
    }
    expect(b.percentile(0, 100)).toBe(1000);
    expect(b.percentile(1, 99)).toBe(42.5);
    expect(b.percentile(2, 50)).toBeNull();
    expect(b.percentile(9, 50)).toBe(0);
    expect(b.index(100)).toBe(-1);
    expect(b.index(99.99)).toBe(9);
  });
});
