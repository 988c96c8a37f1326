// Compiles a `Dist` into a sampler closure once, so the hot path is one call with no switch.
// Every Dist in the format is a duration or count, so every sampler returns a value ≥ 0.
import type { Dist } from '../scenario/dist-schema';
import { distSamplingIssue } from './dist-checks';
import type { Rng } from './rng';

export type Sampler = () => number;

export function compileDist(d: Dist, rng: Rng): Sampler {
  // Validated scenarios never carry such a Dist; refuse one built by hand rather than draw NaN.
  const issue = distSamplingIssue(d);
  if (issue) throw new Error(`invalid ${d.dist} distribution: ${issue.field} ${issue.message}`);
  switch (d.dist) {
    case 'fixed': {
      const v = d.value;
      return () => v;
    }
    case 'exponential': {
      const m = d.mean;
      // 1 − u lies in (0, 1], so the log is finite.
      return () => -m * Math.log(1 - rng.next());
    }
    case 'uniform': {
      const lo = d.min, span = d.max - d.min;
      return () => lo + span * rng.next();
    }
    case 'normal':
      return truncatedNormal(d.mean, d.sd, rng);
    case 'lognormal': {
      if (d.cv === 0) { const v = d.mean; return () => v; }
      const s2 = Math.log(1 + d.cv * d.cv);
      const mu = Math.log(d.mean) - s2 / 2, sigma = Math.sqrt(s2);
      const z = standardNormal(rng);
      return () => Math.exp(mu + sigma * z());
    }
    case 'gamma': {
      const shape = 1 / (d.cv * d.cv), scale = d.mean * d.cv * d.cv;
      const g = standardGamma(shape, rng);
      return () => scale * g();
    }
    case 'weibull': {
      const k = 1 / d.shape, scale = d.scale;
      return () => scale * Math.pow(-Math.log(1 - rng.next()), k);
    }
    case 'pareto': {
      const k = -1 / d.alpha, min = d.min;
      return () => min * Math.pow(1 - rng.next(), k);
    }
    case 'empirical':
      return empirical(d.values, d.weights, rng);
  }
}

/** Standard normal by the Marsaglia polar method; the second variate is kept for the next call. */
export function standardNormal(rng: Rng): Sampler {
  let spare = 0, hasSpare = false;
  return () => {
    if (hasSpare) { hasSpare = false; return spare; }
    let u = 0, v = 0, s = 0;
    do {
      u = 2 * rng.next() - 1;
      v = 2 * rng.next() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const f = Math.sqrt((-2 * Math.log(s)) / s);
    spare = v * f;
    hasSpare = true;
    return u * f;
  };
}

/** N(mean, sd²) redrawn until ≥ 0 (truncated, not clamped). mean ≥ 0, so ≥ half the draws pass. */
function truncatedNormal(mean: number, sd: number, rng: Rng): Sampler {
  if (sd === 0) return () => mean;
  const z = standardNormal(rng);
  return () => {
    let x = mean + sd * z();
    while (x < 0) x = mean + sd * z();
    return x;
  };
}

/** Gamma(shape, 1): Marsaglia–Tsang (2000); shape < 1 via the boost X·U^(1/shape). */
function standardGamma(shape: number, rng: Rng): Sampler {
  const boost = shape < 1;
  const a = boost ? shape + 1 : shape;
  const d = a - 1 / 3, c = 1 / Math.sqrt(9 * d);
  const z = standardNormal(rng);
  const invShape = 1 / shape;
  return () => {
    let g: number;
    for (;;) {
      let x: number, v: number;
      do {
        x = z();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      const u = rng.next();
      const x2 = x * x;
      if (u < 1 - 0.0331 * x2 * x2 || Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v))) { g = d * v; break; }
    }
    return boost ? g * Math.pow(1 - rng.next(), invShape) : g;
  };
}

/** One of `values`, with probability ∝ weight (uniform without weights); zero weights never drawn. */
function empirical(values: readonly number[], weights: readonly number[] | undefined, rng: Rng): Sampler {
  const n = values.length;
  if (!weights) {
    const vals = Float64Array.from(values);
    return () => vals[Math.min(n - 1, Math.floor(rng.next() * n))] as number;
  }
  const cum = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) { total += weights[i] as number; cum[i] = total; }
  const vals = Float64Array.from(values);
  return () => {
    const x = rng.next() * total;
    // First index whose cumulative weight exceeds x.
    let lo = 0, hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cum[mid] as number) > x) hi = mid; else lo = mid + 1;
    }
    return vals[lo] as number;
  };
}
