// A distribution's sketch for the editor's picker: its exact mean and p99 (the p99 is what an
// SLO feels) and its density over [0, a little past the p99.5] as bin probabilities from the
// exact CDF — no sampling, so the sketch is the distribution the engine draws from, not an
// estimate of it. A distribution with atoms (fixed, empirical, lognormal or gamma with cv 0)
// is drawn as spikes. Pure.
import { distCdf } from '../cluster/dist-tail';
import { distMean } from '../random/dist-mean';
import type { Dist } from '../scenario/dist-schema';
import { distQuantile } from './dist-quantile';

export interface DistSketch {
  mean: number;
  p99: number;
  /** The x range drawn: [0, xMax]. */
  xMax: number;
  /** Probability density per bin over [0, xMax] (bins of xMax / bins.length), for a continuous distribution. */
  bins: number[];
  /** Point masses (value, probability), for a distribution with atoms; empty otherwise. */
  atoms: { x: number; p: number }[];
}

export function distSketch(d: Dist, binCount = 48): DistSketch {
  const mean = distMean(d);
  const p99 = distQuantile(d, 0.99)?.value ?? mean;
  const far = distQuantile(d, 0.995)?.value ?? p99;
  const xMax = Math.max(far * 1.05, mean * 1.2, 1e-9);
  const cdf = distCdf(d);
  const atoms = atomsOf(d, cdf);
  if (atoms.length > 0) return { mean, p99, xMax, bins: [], atoms };
  const w = xMax / binCount;
  const bins: number[] = [];
  let prev = cdf(0);
  for (let i = 1; i <= binCount; i++) {
    const next = cdf(i * w);
    bins.push(Math.max(0, next - prev) / w);
    prev = next;
  }
  return { mean, p99, xMax, bins, atoms: [] };
}

function atomsOf(d: Dist, cdf: (x: number) => number): { x: number; p: number }[] {
  switch (d.dist) {
    case 'fixed': return [{ x: d.value, p: 1 }];
    case 'empirical': {
      const w = d.weights ?? d.values.map(() => 1);
      const total = w.reduce((a, b) => a + b, 0);
      const byValue = new Map<number, number>();
      d.values.forEach((v, i) => byValue.set(v, (byValue.get(v) ?? 0) + (w[i] as number) / total));
      return [...byValue.entries()].filter(([, p]) => p > 0).sort((a, b) => a[0] - b[0]).map(([x, p]) => ({ x, p }));
    }
    default:
      // A degenerate continuous kind (cv 0, sd 0, min = max) is one atom at its mean.
      return cdf(d.dist === 'uniform' ? d.min : distMean(d)) === 1 && cdf(distMean(d) * (1 - 1e-9)) === 0 ? [{ x: distMean(d), p: 1 }] : [];
  }
}
