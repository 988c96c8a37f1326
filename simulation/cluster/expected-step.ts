// Expected barrier time of a step: E[k-th largest of n i.i.d. worker times] (k = 1: the slowest).
// Exponential times give m·H_n exactly; other distributions are integrated numerically:
// E[Y] = ∫₀^∞ P(Y > x) dx with P(Y ≤ x) = Σ_{i<k} C(n,i) (1−F)^i F^{n−i}, in log-space so that
// light and heavy tails alike are covered. Also the compute a worker does before the barrier,
// which the analytic parallel efficiency divides by E[step].
import { distMean } from '../random/dist-mean';
import type { Dist } from '../scenario/dist-schema';
import { constantValue, distCdf } from './dist-tail';

export function harmonic(n: number): number {
  let h = 0;
  for (let i = 1; i <= n; i++) h += 1 / i;
  return h;
}

/** P(k-th largest of n ≤ x) given F(x) = f: at most k − 1 of the n exceed x. */
function orderCdf(f: number, n: number, k: number): number {
  if (k === 1) return Math.pow(f, n);
  let sum = 0, binom = 1;
  for (let i = 0; i < k; i++) {
    sum += binom * Math.pow(1 - f, i) * Math.pow(f, n - i);
    binom = (binom * (n - i)) / (i + 1);
  }
  return Math.min(1, sum);
}

/** E[k-th largest of n draws of `d`]; null when the integral does not converge (very heavy tails). */
export function expectedOrderStat(d: Dist, n: number, k = 1): number | null {
  const c = constantValue(d);
  if (c !== null) return c;
  if (d.dist === 'exponential' && k === 1) return d.mean * harmonic(n);
  const F = distCdf(d);
  if (d.dist === 'empirical') {
    const xs = [...new Set(d.values)].sort((a, b) => a - b);
    let e = 0, prev = 0;
    for (const x of xs) {
      const g = orderCdf(F(x), n, k);
      e += x * (g - prev);
      prev = g;
    }
    return e;
  }
  return integrateTail((x) => orderCdf(F(x), n, k), distMean(d), 4000);
}

/**
 * E[min(X₁, Y)]: the compute one of n held workers does per step when the step ends at Y, the
 * `units`-th fastest of the n (backups still running at Y are cut off). n × this is the expected
 * busy time the simulation counts per step (step-sampler.ts: Σ min(tᵢ, end)), so it is ≤ E[Y].
 * min(X₁, Y) > x ⟺ X₁ > x and at least n − units of the other n − 1 exceed x. Without backups
 * (units = n) it is the mean. Null when the integral does not converge.
 */
export function expectedComputeToBarrier(d: Dist, n: number, units: number): number | null {
  if (units >= n) return distMean(d);
  const c = constantValue(d);
  if (c !== null) return c;
  const F = distCdf(d);
  const b = n - units;
  // P(min ≤ x) = 1 − (1 − F)·P(at least b of n − 1 exceed x); orderCdf gives P(at most b − 1 do).
  const G = (x: number) => { const f = F(x); return 1 - (1 - f) * (1 - orderCdf(f, n - 1, b)); };
  if (d.dist === 'empirical') {
    const xs = [...new Set(d.values)].sort((p, q) => p - q);
    let e = 0, prev = 0;
    for (const x of xs) {
      const g = G(x);
      e += x * (g - prev);
      prev = g;
    }
    return e;
  }
  // A min rises at 0 like F itself (gamma with a large cv: like x^0.2), so the lower end is where
  // what lies below it, ≤ x·G(x), is negligible, not where G is.
  return integrateTail(G, distMean(d), 4000, true);
}

/**
 * ∫₀^∞ (1 − G(x)) dx for a CDF G on [0, ∞), with x = e^y and Simpson's rule between a lower end
 * where G < 1e-15 (below it the integrand is 1; with `belowAbs`, where x·G(x) < 1e-15·scale) and
 * an upper end where the tail is < 1e-13·scale.
 */
function integrateTail(G: (x: number) => number, scale: number, points: number, belowAbs = false): number | null {
  const tail = (y: number) => { const x = Math.exp(y); return (1 - G(x)) * x; };
  const above = belowAbs ? (x: number) => x * G(x) > 1e-15 * scale : (x: number) => G(x) > 1e-15;
  let lo = Math.log(scale);
  for (let i = 0; above(Math.exp(lo)); i++) {
    if (i > 400) return null;
    lo -= 0.5;
  }
  let hi = Math.log(scale);
  for (let i = 0; tail(hi) > 1e-13 * scale; i++) {
    if (i > 400) return null;
    hi += 0.5;
  }
  const h = (hi - lo) / points;
  let s = tail(lo) + tail(hi);
  for (let i = 1; i < points; i++) s += (i % 2 === 1 ? 4 : 2) * tail(lo + i * h);
  return Math.exp(lo) + (s * h) / 3;
}

/**
 * E[max] of n1 workers with times from `d` and n2 with times s × `d` (slow nodes), by the same
 * log-space integration: E = ∫₀^∞ 1 − F(x)^{n1} F(x/s)^{n2} dx. `points` sets the resolution.
 */
export function expectedMaxOfGroups(d: Dist, n1: number, n2: number, s: number, points = 2000): number | null {
  if (n2 === 0) return expectedOrderStat(d, n1);
  if (n1 === 0) { const e = expectedOrderStat(d, n2); return e === null ? null : s * e; }
  const F = distCdf(d);
  return integrateTail((x) => Math.pow(F(x), n1) * Math.pow(F(x / s), n2), distMean(d), points);
}
