// E[X²] of each `Dist`, for the Pollaczek–Khinchine formula. Infinity when it does not exist
// (pareto with alpha ≤ 2).
import type { Dist } from '../scenario/dist-schema';
import { logGamma, normalCdf, normalPdf } from './special';
import { distMean } from './dist-mean';

export function distSecondMoment(d: Dist): number {
  switch (d.dist) {
    case 'fixed':
      return d.value * d.value;
    case 'exponential':
      return 2 * d.mean * d.mean;
    case 'uniform':
      return (d.min * d.min + d.min * d.max + d.max * d.max) / 3;
    case 'normal':
      return truncatedNormalSecondMoment(d.mean, d.sd);
    case 'lognormal':
    case 'gamma':
      return d.mean * d.mean * (1 + d.cv * d.cv);
    case 'weibull':
      return d.scale * d.scale * Math.exp(logGamma(1 + 2 / d.shape));
    case 'pareto':
      return d.alpha > 2 ? (d.alpha * d.min * d.min) / (d.alpha - 2) : Infinity;
    case 'empirical': {
      const w = d.weights;
      let num = 0, den = 0;
      d.values.forEach((v, i) => { const wi = w ? (w[i] as number) : 1; num += wi * v * v; den += wi; });
      return num / den;
    }
  }
}

/** Variance of X ≥ 0 for X ~ N(mu, sd²) plus the squared truncated mean. */
function truncatedNormalSecondMoment(mu: number, sd: number): number {
  if (sd === 0) return mu * mu;
  const alpha = -mu / sd;
  const lambda = normalPdf(alpha) / (1 - normalCdf(alpha));
  const variance = sd * sd * (1 + alpha * lambda - lambda * lambda);
  const m = distMean({ dist: 'normal', mean: mu, sd });
  return variance + m * m;
}
