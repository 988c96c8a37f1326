// Numeric sanity of a `Dist` whose parameters are each in range but together would make the
// engine compute NaN or Infinity: a mean or second moment that overflows, a gamma shape 1/cv²
// that overflows, a largest draw that overflows. The scenario schema rejects such a Dist with
// the path of the parameter to change; `compileDist` refuses draws that would overflow, so such
// a Dist never reaches the engine. (Pareto with alpha ≤ 2 has an infinite second moment by nature:
// allowed, and the P–K formula is then left out.)
import type { Dist } from '../scenario/dist-schema';
import { distMean } from './dist-mean';
import { distSecondMoment } from './dist-moments';
import { logGamma } from './special';

export interface DistIssue {
  /** The parameter to change, relative to the Dist (e.g. "cv"). */
  field: string;
  message: string;
}

/** −ln of the smallest 1 − u the uniform source gives (u ∈ [0, 1) in steps of 2^−53). */
const MAX_EXP_DRAW = 53 * Math.LN2;
/** The largest |z| the polar method can return: √(−2 ln s) with s ≥ 2^−106. */
const MAX_NORMAL_DRAW = Math.sqrt(2 * 106 * Math.LN2);

/**
 * What the scenario schema rejects: whatever `distSamplingIssue` rejects, and a mean or second
 * moment that is not a finite number (the analytic figures would be NaN or Infinity).
 */
export function distNumericIssue(d: Dist): DistIssue | null {
  const sampling = distSamplingIssue(d);
  if (sampling) return sampling;
  const field = blamedField(d);
  if (!Number.isFinite(distMean(d))) return { field, message: 'gives a mean that is not a finite number; the parameters are too extreme' };
  const m2 = distSecondMoment(d);
  if (!Number.isFinite(m2) && !(d.dist === 'pareto' && d.alpha <= 2)) {
    return { field, message: 'gives a second moment (E[X²]) that overflows; the parameters are too extreme' };
  }
  return null;
}

/**
 * What `compileDist` refuses: parameters whose draws would be NaN or Infinity (a Dist the engine
 * builds itself, such as an exponential time to failure, passes through here only).
 */
export function distSamplingIssue(d: Dist): DistIssue | null {
  if ((d.dist === 'gamma' || d.dist === 'lognormal') && !Number.isFinite(d.cv * d.cv)) {
    return { field: 'cv', message: 'is too large: cv² overflows; the parameters are too extreme' };
  }
  if (d.dist === 'gamma' && !Number.isFinite(1 / (d.cv * d.cv))) {
    return { field: 'cv', message: 'is too small: the gamma shape 1/cv² overflows; use a fixed value instead' };
  }
  if (d.dist === 'empirical' && d.weights && !Number.isFinite(d.weights.reduce((a, b) => a + b, 0))) {
    return { field: 'weights', message: 'must have a finite sum' };
  }
  if (!Number.isFinite(distMean(d)) || !Number.isFinite(largestDraw(d))) {
    return { field: blamedField(d), message: 'gives draws that overflow to Infinity; the parameters are too extreme' };
  }
  return null;
}

/** The largest value the sampler can return (Infinity when the parameters are extreme). */
function largestDraw(d: Dist): number {
  switch (d.dist) {
    case 'weibull':
      return d.scale * Math.pow(MAX_EXP_DRAW, 1 / d.shape);
    case 'pareto':
      return d.min * Math.exp(MAX_EXP_DRAW / d.alpha);
    case 'exponential':
      return d.mean * MAX_EXP_DRAW;
    case 'normal':
      return d.mean + MAX_NORMAL_DRAW * d.sd;
    case 'lognormal': {
      const s2 = Math.log(1 + d.cv * d.cv);
      return Math.exp(Math.log(d.mean) - s2 / 2 + MAX_NORMAL_DRAW * Math.sqrt(s2));
    }
    case 'gamma':
      // Marsaglia–Tsang draws d·v with v ≤ (1 + c·z)³; bounded by a generous multiple of the mean.
      return d.mean * (1 + d.cv * d.cv) * (1 + MAX_NORMAL_DRAW) ** 3;
    default:
      return 0; // uniform, fixed, empirical: bounded by their (finite) values
  }
}

/** The parameter most likely to blame when a Dist overflows. */
function blamedField(d: Dist): string {
  switch (d.dist) {
    case 'fixed':
      return 'value';
    case 'exponential':
      return 'mean';
    case 'uniform':
      return 'max';
    case 'normal':
      return d.sd > d.mean ? 'sd' : 'mean';
    case 'lognormal':
    case 'gamma':
      return d.cv > 1 ? 'cv' : 'mean';
    case 'weibull':
      return Number.isFinite(Math.exp(logGamma(1 + 2 / d.shape))) ? 'scale' : 'shape';
    case 'pareto':
      return Number.isFinite(d.min * 1e16) ? 'alpha' : 'min';
    case 'empirical':
      return 'values';
  }
}
