// Closed forms used to draw the slowest of n workers exactly with one uniform: for i.i.d. worker
// times X with CDF F, P(max ≤ x) = F(x)^n, so max = F⁻¹(U^{1/n}). We work with the upper tail
// q = 1 − U^{1/n} (computed as −expm1(ln U / n), exact even when q is tiny) and the quantile of
// the upper tail, so large n loses no precision. `at(q)` also gives E[X | X ≤ x], the expected
// compute of the workers that finished before the slowest one, so busy time stays exact in
// expectation without drawing them. Distributions without a closed-form quantile (gamma,
// empirical, a normal whose truncation at 0 matters) return null: the sampler then loops over
// workers.
import { logGamma, normalCdf, normalPdf } from '../random/special';
import type { Dist } from '../scenario/dist-schema';

export interface TailModel {
  /** x with P(X > x) = q, for q in (0, 1]. */
  upper(q: number): number;
  /**
   * Like `upper`, leaving x in `x` and E[X | X ≤ x] in `cm` (fields, not a return value, so the
   * hot loop boxes no double). Knowing q, F(x) = 1 − q needs no CDF call, and e.g. the
   * exponential's e^{−x/m} is q itself, so this costs little more than `upper`.
   */
  at(q: number): void;
  x: number;
  cm: number;
}

/** A normal whose mean is this many sds above 0 is untruncated to double precision (Φ(−8) ≈ 6e-16). */
const UNTRUNCATED_SDS = 8;

/**
 * Whether a cv is so small that the distribution is a point in double precision: ln(1 + cv²)
 * rounds to 0 (the lognormal's σ, as the sampler computes it) or the gamma shape 1/cv² passes
 * 2^52. The CDF would divide 0 by 0 there, and the expected step be NaN.
 */
function pointLike(cv: number): boolean {
  return Math.log(1 + cv * cv) === 0 || cv * cv < Number.EPSILON;
}

/** The fixed value of a Dist that cannot vary (or not in double precision), else null. */
export function constantValue(d: Dist): number | null {
  switch (d.dist) {
    case 'fixed': return d.value;
    case 'lognormal': return pointLike(d.cv) ? d.mean : null;
    case 'gamma': return pointLike(d.cv) ? d.mean : null;
    case 'normal': return d.sd === 0 ? d.mean : null;
    case 'uniform': return d.min === d.max ? d.min : null;
    case 'empirical': return d.values.every((v) => v === d.values[0]) ? (d.values[0] as number) : null;
    default: return null;
  }
}

class ExponentialTail implements TailModel {
  x = 0;
  cm = 0;
  constructor(private readonly m: number) {}
  upper(q: number): number { return -this.m * Math.log(q); }
  at(q: number): void {
    // E[X | X ≤ x] = m − x·e^{−x/m} / (1 − e^{−x/m}), and e^{−x/m} = q.
    const x = -this.m * Math.log(q);
    this.cm = q < 1 ? this.m - (x * q) / (1 - q) : 0;
    this.x = x;
  }
}

class UniformTail implements TailModel {
  x = 0;
  cm = 0;
  constructor(private readonly lo: number, private readonly hi: number) {}
  upper(q: number): number { return this.hi - (this.hi - this.lo) * q; }
  at(q: number): void {
    const x = this.hi - (this.hi - this.lo) * q;
    this.cm = (this.lo + x) / 2;
    this.x = x;
  }
}

class WeibullTail implements TailModel {
  x = 0;
  cm = 0;
  private readonly a: number;
  private readonly ga: number;
  constructor(private readonly k: number, private readonly lam: number) {
    this.a = 1 + 1 / k;
    this.ga = Math.exp(logGamma(this.a));
  }
  upper(q: number): number { return this.lam * Math.pow(-Math.log(q), 1 / this.k); }
  at(q: number): void {
    // E[X 1{X ≤ x}] = λ Γ(1 + 1/k) P(1 + 1/k, (x/λ)^k), and (x/λ)^k = −ln q.
    const z = -Math.log(q);
    this.x = this.lam * Math.pow(z, 1 / this.k);
    this.cm = q < 1 ? (this.lam * this.ga * gammaP(this.a, z)) / (1 - q) : 0;
  }
}

class ParetoTail implements TailModel {
  x = 0;
  cm = 0;
  constructor(private readonly m: number, private readonly al: number) {}
  upper(q: number): number { return this.m * Math.pow(q, -1 / this.al); }
  at(q: number): void {
    // E[X | X ≤ x] = (α m / (α − 1)) (1 − (m/x)^{α−1}) / (1 − (m/x)^α), and (m/x)^α = q.
    const al = this.al;
    this.cm = q < 1 ? (((al * this.m) / (al - 1)) * -Math.expm1(((al - 1) / al) * Math.log(q))) / (1 - q) : this.m;
    this.x = this.m * Math.pow(q, -1 / al);
  }
}

class LognormalTail implements TailModel {
  x = 0;
  cm = 0;
  private readonly mu: number;
  private readonly sigma: number;
  constructor(private readonly mean: number, cv: number) {
    const s2 = Math.log(1 + cv * cv);
    this.sigma = Math.sqrt(s2);
    this.mu = Math.log(mean) - s2 / 2;
  }
  upper(q: number): number { return Math.exp(this.mu - this.sigma * normalQuantile(q)); }
  at(q: number): void {
    // x = e^{μ + σu} with u = Φ⁻¹(1 − q); E[X | X ≤ x] = mean · Φ(u − σ) / (1 − q).
    const u = q < TAIL_Q ? upperTailQuantile(q) : -normalQuantile(q);
    this.cm = q < 1 ? (this.mean * phi(u - this.sigma)) / (1 - q) : 0;
    this.x = Math.exp(this.mu + this.sigma * u);
  }
}

class NormalTail implements TailModel {
  x = 0;
  cm = 0;
  constructor(private readonly mu: number, private readonly sd: number) {}
  upper(q: number): number { return Math.max(0, this.mu - this.sd * normalQuantile(q)); }
  at(q: number): void {
    const u = q < TAIL_Q ? upperTailQuantile(q) : -normalQuantile(q);
    this.cm = q < 1 ? this.mu - (this.sd * normalPdf(u)) / (1 - q) : 0;
    this.x = Math.max(0, this.mu + this.sd * u);
  }
}

export function tailModel(d: Dist): TailModel | null {
  if (constantValue(d) !== null) return null;
  switch (d.dist) {
    case 'exponential': return new ExponentialTail(d.mean);
    case 'uniform': return new UniformTail(d.min, d.max);
    case 'weibull': return new WeibullTail(d.shape, d.scale);
    case 'pareto': return new ParetoTail(d.min, d.alpha);
    case 'lognormal': return new LognormalTail(d.mean, d.cv);
    case 'normal': return d.mean < UNTRUNCATED_SDS * d.sd ? null : new NormalTail(d.mean, d.sd);
    default: return null;
  }
}

/** CDF of a Dist (the normal truncated at 0), for numerical expectations. */
export function distCdf(d: Dist): (x: number) => number {
  switch (d.dist) {
    case 'fixed': return (x) => (x >= d.value ? 1 : 0);
    case 'exponential': return (x) => (x > 0 ? -Math.expm1(-x / d.mean) : 0);
    case 'uniform': return (x) => (x >= d.max ? 1 : x <= d.min ? 0 : (x - d.min) / (d.max - d.min));
    case 'weibull': return (x) => (x > 0 ? -Math.expm1(-Math.pow(x / d.scale, d.shape)) : 0);
    case 'pareto': return (x) => (x > d.min ? 1 - Math.pow(d.min / x, d.alpha) : 0);
    case 'lognormal': {
      if (pointLike(d.cv)) return (x) => (x >= d.mean ? 1 : 0);
      const s2 = Math.log(1 + d.cv * d.cv), sigma = Math.sqrt(s2), mu = Math.log(d.mean) - s2 / 2;
      return (x) => (x > 0 ? normalCdf((Math.log(x) - mu) / sigma) : 0);
    }
    case 'gamma': {
      if (pointLike(d.cv)) return (x) => (x >= d.mean ? 1 : 0);
      const shape = 1 / (d.cv * d.cv), scale = d.mean * d.cv * d.cv;
      return (x) => (x > 0 ? gammaP(shape, x / scale) : 0);
    }
    case 'normal': {
      if (d.sd === 0) return (x) => (x >= d.mean ? 1 : 0);
      const below = normalCdf(-d.mean / d.sd);
      return (x) => (x > 0 ? (normalCdf((x - d.mean) / d.sd) - below) / (1 - below) : 0);
    }
    case 'empirical': {
      const w = d.weights ?? d.values.map(() => 1);
      const total = w.reduce((a, b) => a + b, 0);
      return (x) => {
        let s = 0;
        d.values.forEach((v, i) => { if (v <= x) s += w[i] as number; });
        return s / total;
      };
    }
  }
}

/** Below this upper-tail probability AS241 takes its tail branch (|p − ½| > 0.425). */
const TAIL_Q = 0.075;

/**
 * −Φ⁻¹(q) for 0 < q < TAIL_Q: AS241's tail branch alone, small enough to be inlined in the hot
 * loop (the slowest of n workers almost always lands here).
 */
export function upperTailQuantile(q: number): number {
  let r = Math.sqrt(-Math.log(q));
  if (r <= 5) {
    r -= 1.6;
    return (((((((0.0007745450142783414 * r + 0.022723844989269184) * r + 0.2417807251774506) * r +
      1.2704582524523684) * r + 3.6478483247632045) * r + 5.769497221460691) * r +
      4.630337846156546) * r + 1.4234371107496835) /
      (((((((1.0507500716444169e-9 * r + 0.0005475938084995345) * r + 0.015198666563616457) * r +
        0.14810397642748008) * r + 0.6897673349851) * r + 1.6763848301838038) * r +
        2.053191626637759) * r + 1);
  }
  return -normalQuantile(q);
}

// Φ on a grid over [−PHI_RANGE, PHI_RANGE] with its density, for cubic Hermite interpolation
// (error ~h⁴/384 ≈ 1e-14, below the 1.2e-7 of the erfc it is built from): the conditional mean
// of the workers under the slowest one needs Φ once per step, and the table makes that a few
// multiplications. Built once, on first use; deterministic.
const PHI_RANGE = 8.5;
const PHI_STEPS_PER_UNIT = 256;
let phiValues: Float64Array | null = null;
let phiSlopes: Float64Array | null = null;

function buildPhi(): void {
  const n = 2 * PHI_RANGE * PHI_STEPS_PER_UNIT + 1;
  phiValues = new Float64Array(n);
  phiSlopes = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const z = -PHI_RANGE + i / PHI_STEPS_PER_UNIT;
    phiValues[i] = normalCdf(z);
    phiSlopes[i] = normalPdf(z) / PHI_STEPS_PER_UNIT;
  }
}

/** Standard normal CDF Φ(z), from the table (erfc outside its range). */
export function phi(z: number): number {
  if (!(z > -PHI_RANGE && z < PHI_RANGE)) return normalCdf(z);
  if (phiValues === null) buildPhi();
  const v = phiValues as Float64Array, d = phiSlopes as Float64Array;
  const pos = (z + PHI_RANGE) * PHI_STEPS_PER_UNIT;
  const i = Math.floor(pos);
  const t = pos - i;
  const y0 = v[i] as number, y1 = v[i + 1] as number, m0 = d[i] as number, m1 = d[i + 1] as number;
  const t2 = t * t, t3 = t2 * t;
  return (2 * t3 - 3 * t2 + 1) * y0 + (t3 - 2 * t2 + t) * m0 + (-2 * t3 + 3 * t2) * y1 + (t3 - t2) * m1;
}

/** Inverse standard normal CDF: Wichura's AS241 (PPND16), ~16 significant digits. */
export function normalQuantile(p: number): number {
  if (!(p > 0)) return -Infinity;
  if (!(p < 1)) return Infinity;
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    const num = (((((((2509.0809287301227 * r + 33430.57558358813) * r + 67265.7709270087) * r +
      45921.95393154987) * r + 13731.69376550946) * r + 1971.5909503065513) * r +
      133.14166789178438) * r + 3.3871328727963665) * q;
    const den = (((((((5226.495278852854 * r + 28729.085735721943) * r + 39307.89580009271) * r +
      21213.794301586597) * r + 5394.196021424751) * r + 687.1870074920579) * r +
      42.31333070160091) * r + 1);
    return num / den;
  }
  let r = Math.sqrt(-Math.log(q < 0 ? p : 1 - p));
  let x: number;
  if (r <= 5) {
    r -= 1.6;
    x = (((((((0.0007745450142783414 * r + 0.022723844989269184) * r + 0.2417807251774506) * r +
      1.2704582524523684) * r + 3.6478483247632045) * r + 5.769497221460691) * r +
      4.630337846156546) * r + 1.4234371107496835) /
      (((((((1.0507500716444169e-9 * r + 0.0005475938084995345) * r + 0.015198666563616457) * r +
        0.14810397642748008) * r + 0.6897673349851) * r + 1.6763848301838038) * r +
        2.053191626637759) * r + 1);
  } else {
    r -= 5;
    x = (((((((2.0103343992922881e-7 * r + 0.000027115555687434876) * r + 0.0012426609473880784) * r +
      0.026532189526576124) * r + 0.29656057182850487) * r + 1.7848265399172913) * r +
      5.463784911164114) * r + 6.657904643501103) /
      (((((((2.0442631033899397e-15 * r + 1.421511758316446e-7) * r + 0.000018463183175100548) * r +
        0.0007868691311456133) * r + 0.014875361290850615) * r + 0.1369298809227358) * r +
        0.599832206555888) * r + 1);
  }
  return q < 0 ? -x : x;
}

/** Regularized lower incomplete gamma P(a, x) (series below a + 1, continued fraction above). */
export function gammaP(a: number, x: number): number {
  if (!(x > 0)) return 0;
  const lg = logGamma(a);
  if (x < a + 1) {
    let sum = 1 / a, term = sum, ap = a;
    for (let n = 0; n < 500; n++) {
      ap += 1;
      term *= x / ap;
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * 1e-16) break;
    }
    return sum * Math.exp(-x + a * Math.log(x) - lg);
  }
  // Lentz's continued fraction for Q(a, x).
  const tiny = 1e-300;
  let b = x + 1 - a, c = 1 / tiny, dd = 1 / b, h = dd;
  for (let i = 1; i < 500; i++) {
    const an = -i * (i - a);
    b += 2;
    dd = an * dd + b;
    if (Math.abs(dd) < tiny) dd = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    dd = 1 / dd;
    const del = dd * c;
    h *= del;
    if (Math.abs(del - 1) < 1e-16) break;
  }
  return 1 - Math.exp(-x + a * Math.log(x) - lg) * h;
}
