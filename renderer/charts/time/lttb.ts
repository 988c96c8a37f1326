// Largest-Triangle-Three-Buckets downsampling (Steinarsson, "Downsampling Time Series for Visual
// Representation", 2013): keeps the first and last points and, in each of threshold − 2 equal
// buckets between them, the point that spans the largest triangle with the point kept before it
// and the average of the next bucket, so peaks and troughs survive. O(n), typed arrays, pure.
//
// Gaps: a NaN y is a gap (a bucket without data). Each run of finite points between gaps is
// downsampled on its own, with a share of the threshold proportional to its length, and one gap
// index is kept between runs so that a path drawn from the result still breaks there.

/**
 * Indices (increasing) of the points to keep from (x, y). x must be non-decreasing; null means
 * evenly spaced (x = the index), which spares a million-point series its x array. With
 * n ≤ threshold every index is returned (the result is then exact). Without gaps the result has
 * exactly `threshold` points (threshold ≥ 2); with gaps, about that many plus one gap per break.
 */
export function lttbIndices(x: ArrayLike<number> | null, y: ArrayLike<number>, threshold: number): Uint32Array {
  const n = x === null ? y.length : Math.min(x.length, y.length);
  const keep = Math.max(2, Math.floor(threshold));
  if (n <= keep) return Uint32Array.from({ length: n }, (_, i) => i);

  // Runs of finite points: [start, end) pairs.
  const starts: number[] = [];
  const ends: number[] = [];
  let finite = 0;
  for (let i = 0; i < n; ) {
    while (i < n && !Number.isFinite(y[i] as number)) i++;
    if (i >= n) break;
    const s = i;
    while (i < n && Number.isFinite(y[i] as number)) i++;
    starts.push(s);
    ends.push(i);
    finite += i - s;
  }
  const runs = starts.length;
  if (runs === 0) return new Uint32Array(0);

  const budget = Math.max(runs, keep - (runs - 1));
  // Each run keeps at most its share + 1 (rounding) or 2 points, plus one gap before it.
  const out = new Uint32Array(Math.min(n, budget + 4 * runs));
  let o = 0;
  for (let r = 0; r < runs; r++) {
    if (r > 0) out[o++] = ends[r - 1]!; // a gap index between runs (its y is NaN)
    const s = starts[r]!, len = ends[r]! - s;
    const share = runs === 1 ? budget : Math.round((budget * len) / finite);
    o = lttbRun(x, y, s, len, Math.min(len, Math.max(2, share)), out, o);
  }
  return out.slice(0, o);
}

/** Standard LTTB of the run [s, s + len), all finite, keeping m ≤ len points; writes at out[o…]. */
function lttbRun(x: ArrayLike<number> | null, y: ArrayLike<number>, s: number, len: number, m: number, out: Uint32Array, o: number): number {
  if (m >= len || len <= 2) {
    for (let i = 0; i < len; i++) out[o++] = s + i;
    return o;
  }
  if (m <= 2) {
    out[o++] = s;
    out[o++] = s + len - 1;
    return o;
  }
  const every = (len - 2) / (m - 2);
  let a = s;
  out[o++] = s;
  for (let i = 0; i < m - 2; i++) {
    // The average of the next bucket (the last point alone for the last bucket).
    const avgStart = s + Math.floor((i + 1) * every) + 1;
    const avgEnd = s + Math.min(Math.floor((i + 2) * every) + 1, len);
    let ax = 0, ay = 0;
    if (x === null) {
      for (let j = avgStart; j < avgEnd; j++) ay += y[j] as number;
      ax = ((avgStart + avgEnd - 1) / 2) * (avgEnd - avgStart); // Σ j over the bucket
    } else {
      for (let j = avgStart; j < avgEnd; j++) {
        ax += x[j] as number;
        ay += y[j] as number;
      }
    }
    const count = avgEnd - avgStart;
    ax /= count;
    ay /= count;
    // The point of this bucket spanning the largest triangle with a and the average.
    const from = s + Math.floor(i * every) + 1;
    const to = s + Math.floor((i + 1) * every) + 1;
    const xa = x === null ? a : (x[a] as number), ya = y[a] as number;
    let best = from, bestArea = -1;
    if (x === null) {
      for (let j = from; j < to; j++) {
        const area = Math.abs((xa - ax) * ((y[j] as number) - ya) - (xa - j) * (ay - ya));
        if (area > bestArea) {
          bestArea = area;
          best = j;
        }
      }
    } else {
      for (let j = from; j < to; j++) {
        const area = Math.abs((xa - ax) * ((y[j] as number) - ya) - (xa - (x[j] as number)) * (ay - ya));
        if (area > bestArea) {
          bestArea = area;
          best = j;
        }
      }
    }
    out[o++] = best;
    a = best;
  }
  out[o++] = s + len - 1;
  return o;
}

/** values[indices[i]] for each i, as a new Float64Array. */
export function take(values: ArrayLike<number>, indices: Uint32Array): Float64Array {
  const out = new Float64Array(indices.length);
  for (let i = 0; i < indices.length; i++) out[i] = values[indices[i]!] as number;
  return out;
}
