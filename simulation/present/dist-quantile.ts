// Quantiles and least values of the scenario's distributions, for the verdicts' "no replica count
// meets it" reasoning: a request's latency is at least its service time plus its latency
// components, so the service time's own p-th percentile plus the components' least values bounds
// the latency's p-th percentile from below, whatever the queue does. Closed forms where they exist
// (the tails of ../cluster/dist-tail.ts); the gamma and the normal truncated at 0 by bisection on
// their exact CDFs; the empirical by weighted nearest rank. Pure.
import { constantValue, distCdf, tailModel } from '../cluster/dist-tail';
import type { Dist } from '../scenario/dist-schema';

export interface DistQuantile {
  value: number;
  /** 'closed-form' or 'numeric' (bisection on the CDF): both exact to the ms the text shows. */
  method: 'closed-form' | 'numeric';
}

/** x with P(X ≤ x) ≥ q (the least such x), for q in (0, 1); null for q outside it. */
export function distQuantile(d: Dist, q: number): DistQuantile | null {
  if (!(q > 0 && q < 1)) return null;
  const constant = constantValue(d);
  if (constant !== null) return { value: constant, method: 'closed-form' };
  if (d.dist === 'empirical') return { value: empiricalQuantile(d.values, d.weights, q), method: 'closed-form' };
  const tail = tailModel(d);
  if (tail) return { value: tail.upper(1 - q), method: 'closed-form' };
  // Gamma, and a normal whose truncation at 0 matters: invert the CDF, which is continuous here.
  return { value: invertCdf(distCdf(d), q, 'mean' in d ? Math.max(d.mean, 1) : 1), method: 'numeric' };
}

/** The least value a draw can take (the lower end of the support). */
export function distMin(d: Dist): number {
  switch (d.dist) {
    case 'fixed': return d.value;
    case 'uniform': return d.min;
    case 'pareto': return d.min;
    case 'empirical': {
      const w = d.weights;
      return Math.min(...d.values.filter((_, i) => !w || (w[i] as number) > 0));
    }
    case 'normal': return d.sd === 0 ? d.mean : 0;
    case 'lognormal':
    case 'gamma': return constantValue(d) ?? 0;
    case 'exponential':
    case 'weibull': return 0;
  }
}

function empiricalQuantile(values: number[], weights: number[] | undefined, q: number): number {
  const pairs = values.map((v, i) => [v, weights ? (weights[i] as number) : 1] as const).filter(([, w]) => w > 0).sort((a, b) => a[0] - b[0]);
  const total = pairs.reduce((s, [, w]) => s + w, 0);
  let cum = 0;
  for (const [v, w] of pairs) {
    cum += w;
    if (cum >= q * total * (1 - 1e-12)) return v;
  }
  return (pairs.at(-1) as readonly [number, number])[0];
}

/** Bisection of a continuous, increasing CDF on [0, hi], hi doubled from `start` until it brackets q. */
function invertCdf(cdf: (x: number) => number, q: number, start: number): number {
  let lo = 0, hi = start;
  for (let i = 0; i < 2000 && cdf(hi) < q; i++) hi *= 2;
  for (let i = 0; i < 200 && hi - lo > 1e-12 * hi; i++) {
    const mid = (lo + hi) / 2;
    if (cdf(mid) < q) lo = mid;
    else hi = mid;
  }
  return hi;
}
