// Reference CDFs and a Kolmogorov–Smirnov statistic for the sampler tests.
import { logGamma, normalCdf } from '../../../simulation/random/special';

/** Regularized lower incomplete gamma P(a, x) (Numerical Recipes: series / continued fraction). */
export function gammaP(a: number, x: number): number {
  if (x <= 0) return 0;
  const lg = logGamma(a);
  if (x < a + 1) {
    let sum = 1 / a, term = sum;
    for (let n = 1; n < 1000; n++) {
      term *= x / (a + n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * 1e-15) break;
    }
    return sum * Math.exp(-x + a * Math.log(x) - lg);
  }
  let b = x + 1 - a, c = 1 / 1e-300, d = 1 / b, h = d;
  for (let i = 1; i < 1000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b; if (Math.abs(d) < 1e-300) d = 1e-300;
    c = b + an / c; if (Math.abs(c) < 1e-300) c = 1e-300;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < 1e-15) break;
  }
  return 1 - Math.exp(-x + a * Math.log(x) - lg) * h;
}

export const cdfs = {
  exponential: (mean: number) => (x: number) => (x <= 0 ? 0 : 1 - Math.exp(-x / mean)),
  uniform: (lo: number, hi: number) => (x: number) => (x <= lo ? 0 : x >= hi ? 1 : (x - lo) / (hi - lo)),
  truncatedNormal: (mu: number, sd: number) => {
    const z0 = normalCdf(-mu / sd);
    return (x: number) => (x <= 0 ? 0 : (normalCdf((x - mu) / sd) - z0) / (1 - z0));
  },
  lognormal: (mean: number, cv: number) => {
    const s2 = Math.log(1 + cv * cv), mu = Math.log(mean) - s2 / 2, s = Math.sqrt(s2);
    return (x: number) => (x <= 0 ? 0 : normalCdf((Math.log(x) - mu) / s));
  },
  gamma: (mean: number, cv: number) => {
    const k = 1 / (cv * cv), theta = mean * cv * cv;
    return (x: number) => gammaP(k, x / theta);
  },
  weibull: (shape: number, scale: number) => (x: number) => (x <= 0 ? 0 : 1 - Math.exp(-((x / scale) ** shape))),
  pareto: (min: number, alpha: number) => (x: number) => (x <= min ? 0 : 1 - (min / x) ** alpha),
};

/** KS statistic D = sup |F_n − F| of a sample against a continuous CDF. */
export function ksStatistic(sample: number[], cdf: (x: number) => number): number {
  const xs = [...sample].sort((a, b) => a - b);
  const n = xs.length;
  let d = 0;
  xs.forEach((x, i) => {
    const f = cdf(x);
    d = Math.max(d, Math.abs(f - i / n), Math.abs((i + 1) / n - f));
  });
  return d;
}

/** KS critical value at significance 0.001 (asymptotic: 1.949 / √n). */
export function ksCritical(n: number): number {
  return 1.949 / Math.sqrt(n);
}

export function meanVar(xs: number[]): { mean: number; variance: number } {
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  const variance = xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (xs.length - 1);
  return { mean, variance };
}
