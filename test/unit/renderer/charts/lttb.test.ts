// LTTB downsampling (renderer/charts/time/lttb.ts): exact below the threshold, the threshold's
// length above it, increasing indices with the first and last points kept, peaks kept, the shape
// of a smooth curve kept, the same choices as a plain transcription of Steinarsson's algorithm,
// and gaps (NaN) kept as breaks between separately downsampled runs.
import { describe, expect, it } from 'vitest';
import { lttbIndices, take } from '../../../../renderer/charts/time/lttb';

/** A small deterministic generator (mulberry32) for test data. */
function rand(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const range = (n: number) => Float64Array.from({ length: n }, (_, i) => i);

/** Steinarsson's pseudo-code (thesis, 2013, algorithm 4.2) on plain arrays, as a reference. */
function referenceLttb(data: [number, number][], threshold: number): number[] {
  const n = data.length;
  if (threshold >= n || threshold === 0) return data.map((_, i) => i);
  const sampled = [0];
  const every = (n - 2) / (threshold - 2);
  let a = 0;
  for (let i = 0; i < threshold - 2; i++) {
    let avgX = 0, avgY = 0;
    let avgRangeStart = Math.floor((i + 1) * every) + 1;
    let avgRangeEnd = Math.floor((i + 2) * every) + 1;
    avgRangeEnd = avgRangeEnd < n ? avgRangeEnd : n;
    const avgRangeLength = avgRangeEnd - avgRangeStart;
    for (; avgRangeStart < avgRangeEnd; avgRangeStart++) {
      avgX += data[avgRangeStart]![0];
      avgY += data[avgRangeStart]![1];
    }
    avgX /= avgRangeLength;
    avgY /= avgRangeLength;
    let rangeOffs = Math.floor(i * every) + 1;
    const rangeTo = Math.floor((i + 1) * every) + 1;
    const [pointAX, pointAY] = data[a]!;
    let maxArea = -1, next = rangeOffs;
    for (; rangeOffs < rangeTo; rangeOffs++) {
      const area = Math.abs((pointAX - avgX) * (data[rangeOffs]![1] - pointAY) - (pointAX - data[rangeOffs]![0]) * (avgY - pointAY)) * 0.5;
      if (area > maxArea) {
        maxArea = area;
        next = rangeOffs;
      }
    }
    sampled.push(next);
    a = next;
  }
  sampled.push(n - 1);
  return sampled;
}

function expectIncreasing(idx: Uint32Array): void {
  for (let i = 1; i < idx.length; i++) expect(idx[i]!).toBeGreaterThan(idx[i - 1]!);
}

describe('lttbIndices', () => {
  it('returns every point when n ≤ threshold (exact)', () => {
    for (const n of [0, 1, 2, 3, 60, 500]) {
      const x = range(n), y = x.map((v) => Math.sin(v));
      expect(Array.from(lttbIndices(x, y, 500))).toEqual(Array.from({ length: n }, (_, i) => i));
    }
  });

  it('returns exactly `threshold` increasing indices, first and last included', () => {
    const r = rand(1);
    const n = 100_000;
    const x = range(n), y = Float64Array.from({ length: n }, () => r());
    for (const threshold of [3, 10, 999, 2000]) {
      const idx = lttbIndices(x, y, threshold);
      expect(idx).toHaveLength(threshold);
      expect(idx[0]).toBe(0);
      expect(idx[idx.length - 1]).toBe(n - 1);
      expectIncreasing(idx);
    }
    // A threshold below 2 still keeps the two ends.
    expect(Array.from(lttbIndices(x, y, 1))).toEqual([0, n - 1]);
  });

  it('chooses the same points as the published algorithm', () => {
    const r = rand(7);
    const n = 5_000;
    const data: [number, number][] = [];
    let t = 0, v = 0;
    for (let i = 0; i < n; i++) {
      t += 0.5 + r(); // uneven spacing
      v += r() - 0.5;
      data.push([t, v]);
    }
    const x = Float64Array.from(data, (p) => p[0]), y = Float64Array.from(data, (p) => p[1]);
    for (const threshold of [3, 50, 321, 1000]) expect(Array.from(lttbIndices(x, y, threshold))).toEqual(referenceLttb(data, threshold));
  });

  it('keeps isolated peaks and dips that uniform decimation would drop', () => {
    const r = rand(3);
    const n = 200_000;
    const x = range(n), y = Float64Array.from({ length: n }, () => r() * 2 - 1); // noise in [-1, 1]
    const spikes = [1_234, 50_001, 99_999, 150_017, 198_765];
    spikes.forEach((k, i) => (y[k] = i % 2 === 0 ? 100 : -100));
    const kept = new Set(lttbIndices(x, y, 1000));
    for (const k of spikes) expect(kept.has(k), `spike at ${k}`).toBe(true);
    // Every 200th point (the same budget) misses all of them: these spikes are not on the grid.
    expect(spikes.filter((k) => k % 200 === 0)).toEqual([]);
  });

  it('keeps the shape of a smooth curve: linear interpolation of the kept points stays within 0.5% of the amplitude', () => {
    const n = 1_000_000;
    const x = Float64Array.from({ length: n }, (_, i) => i / 1000); // 0–1000 s
    const y = x.map((t) => 300 * Math.sin(t / 40) + 100 * Math.sin(t / 7));
    const idx = lttbIndices(x, y, 2000);
    const kx = take(x, idx), ky = take(y, idx);
    let worst = 0;
    for (let i = 0, j = 0; i < n; i++) {
      while (j < kx.length - 2 && kx[j + 1]! < x[i]!) j++;
      const f = (x[i]! - kx[j]!) / (kx[j + 1]! - kx[j]!);
      worst = Math.max(worst, Math.abs(ky[j]! + f * (ky[j + 1]! - ky[j]!) - y[i]!));
    }
    // Amplitude 400; 2,000 points over ~25 periods of the fast term: the chord error is ~0.1%.
    expect(worst).toBeLessThan(0.005 * 400);
    // The extremes survive to within the curve's change between neighbouring samples.
    const max = (a: Float64Array) => a.reduce((m, v) => Math.max(m, v), -Infinity);
    expect(max(ky)).toBeCloseTo(max(y), 1);
  });

  it('downsamples each run between gaps on its own and keeps one gap index between runs', () => {
    const n = 30_000;
    const x = range(n), y = x.map((v) => Math.sin(v / 100));
    for (let i = 10_000; i < 12_000; i++) y[i] = NaN; // a gap
    for (let i = 0; i < 50; i++) y[i] = NaN; // leading nulls
    y[n - 1] = NaN; // a trailing null
    const idx = lttbIndices(x, y, 600);
    expectIncreasing(idx);
    const ky = take(y, idx);
    const gaps = Array.from(idx).filter((_, i) => Number.isNaN(ky[i]));
    expect(gaps).toEqual([10_000]); // the one break, no leading or trailing NaN
    // Each run's ends are kept, so its line starts and stops where the data does.
    for (const k of [50, 9_999, 12_000, n - 2]) expect(idx.includes(k), `index ${k}`).toBe(true);
    expect(idx.length).toBeLessThanOrEqual(600 + 2);
    expect(idx.length).toBeGreaterThanOrEqual(590);
  });

  it('returns nothing for a series of nulls, and isolated points between gaps as they are', () => {
    const n = 1_000;
    expect(lttbIndices(range(n), new Float64Array(n).fill(NaN), 100)).toHaveLength(0);
    const y = new Float64Array(n).fill(NaN);
    y[10] = 1;
    y[500] = 2;
    y[900] = 3;
    expect(Array.from(lttbIndices(range(n), y, 100))).toEqual([10, 11, 500, 501, 900]);
  });

  it('with x = null chooses exactly as with x = 0, 1, 2, … (evenly spaced points), gaps included', () => {
    const n = 20_000;
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) y[i] = i % 4_001 === 17 ? NaN : Math.sin(i / 300) * 50 + ((i * 7919) % 101) - (i % 997 === 0 ? 400 : 0);
    for (const threshold of [3, 100, 777, 2000]) expect(Array.from(lttbIndices(null, y, threshold))).toEqual(Array.from(lttbIndices(range(n), y, threshold)));
  });
});
