import { describe, it, expect } from 'vitest';
import { deriveStream } from '../../../simulation/random/rng';
import { cdfs, ksCritical, ksStatistic } from './cdf';

const draws = (seed: number, rep: number, name: string, n: number) => {
  const r = deriveStream(seed, rep, name);
  return Array.from({ length: n }, () => r.next());
};

describe('seeded streams', () => {
  it('same (seed, replication, name) gives the same sequence', () => {
    expect(draws(42, 3, 'serving/a/arrivals', 1000)).toEqual(draws(42, 3, 'serving/a/arrivals', 1000));
  });

  it('a different seed, replication or name gives a different sequence', () => {
    const base = draws(42, 3, 'arrivals', 8);
    expect(draws(43, 3, 'arrivals', 8)).not.toEqual(base);
    expect(draws(42, 4, 'arrivals', 8)).not.toEqual(base);
    expect(draws(42, 3, 'service', 8)).not.toEqual(base);
    // Seeds above 2^32 use their high bits too.
    expect(draws(2 ** 32 + 42, 3, 'arrivals', 8)).not.toEqual(base);
  });

  it('doubles lie in [0, 1), carry 53 random bits, and are uniform (KS at α = 0.001)', () => {
    const xs = draws(7, 0, 'u', 100_000);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(xs.every((x) => Number.isInteger(x * 2 ** 53))).toBe(true);
    expect(xs.some((x) => !Number.isInteger(x * 2 ** 32))).toBe(true);
    expect(ksStatistic(xs, cdfs.uniform(0, 1))).toBeLessThan(ksCritical(xs.length));
  });

  it('streams of neighbouring replications and names are uncorrelated (|r| < 4/√n)', () => {
    const n = 100_000;
    const pairs: [number[], number[]][] = [
      [draws(1, 0, 'arrivals', n), draws(1, 1, 'arrivals', n)],
      [draws(1, 0, 'arrivals', n), draws(1, 0, 'service', n)],
      [draws(1, 0, 'serving/a/service', n), draws(1, 0, 'serving/b/service', n)],
    ];
    for (const [a, b] of pairs) {
      const ma = a.reduce((s, x) => s + x, 0) / n, mb = b.reduce((s, x) => s + x, 0) / n;
      let cov = 0, va = 0, vb = 0;
      for (let i = 0; i < n; i++) { cov += (a[i]! - ma) * (b[i]! - mb); va += (a[i]! - ma) ** 2; vb += (b[i]! - mb) ** 2; }
      expect(Math.abs(cov / Math.sqrt(va * vb))).toBeLessThan(4 / Math.sqrt(n));
    }
  });

  it('streams do not overlap: 1000 streams (200 replications × 5 concerns) share no window of their first 1000 draws', () => {
    // Each stream starts at a hashed point of xoshiro128**'s 2^128 − 1 cycle. Were one stream a
    // shifted copy of another (or of itself) within 1000 draws, a 53-bit window of two
    // consecutive outputs would repeat. 10^6 random 53-bit windows collide by chance with
    // probability ≈ 10^12 / 2^54 ≈ 6·10^-5.
    const seen = new Set<number>();
    let repeats = 0;
    const concerns = ['arrivals', 'service', 'feature', 'network', 'failures'];
    for (let rep = 0; rep < 200; rep++) {
      for (const c of concerns) {
        const r = deriveStream(2024, rep, `serving/api/${c}`);
        let prev = r.nextU32();
        for (let k = 0; k < 1000; k++) {
          const next = r.nextU32();
          const key = prev * 2 ** 21 + (next >>> 11);
          if (seen.has(key)) repeats++;
          seen.add(key);
          prev = next;
        }
      }
    }
    expect(repeats).toBe(0);
    expect(seen.size).toBe(200 * 5 * 1000);
  });
});
