// The actual mean of each `Dist` (the truncated normal's truncated mean), used by every
// analytic formula: the seed table, utilization, expected job durations.
import type { Dist } from '../scenario/dist-schema';
import { logGamma, normalCdf, normalPdf } from './special';

export function distMean(d: Dist): number {
  switch (d.dist) {
    case 'fixed':
      return d.value;
    case 'exponential':
    case 'lognormal':
    case 'gamma':
      return d.mean;
    case 'uniform':
      return (d.min + d.max) / 2;
    case 'normal':
      return truncatedNormalMean(d.mean, d.sd);
    case 'weibull':
      return d.scale * Math.exp(logGamma(1 + 1 / d.shape));
    case 'pareto':
      return (d.alpha * d.min) / (d.alpha - 1);
    case 'empirical': {
      const w = d.weights;
      if (!w) return d.values.reduce((a, b) => a + b, 0) / d.values.length;
      let num = 0, den = 0;
      d.values.forEach((v, i) => { num += v * (w[i] as number); den += w[i] as number; });
      return num / den;
    }
  }
}

/** Mean of N(mu, sd²) conditioned on X ≥ 0. */
export function truncatedNormalMean(mu: number, sd: number): number {
  if (sd === 0) return mu;
  const alpha = -mu / sd;
  const tail = 1 - normalCdf(alpha);
  return mu + (sd * normalPdf(alpha)) / tail;
}
