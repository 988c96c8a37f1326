// The distribution kinds the form's DistPicker edits, their parameters, and the distribution a
// change of kind writes (keeping the mean). `empirical` stays in the JSON view.

/** The kinds the form edits, each with its parameters in order; `empirical` stays in the JSON view. */
export const FORM_DIST_PARAMS = {
  fixed: ['value'],
  exponential: ['mean'],
  lognormal: ['mean', 'cv'],
  gamma: ['mean', 'cv'],
  normal: ['mean', 'sd'],
  uniform: ['min', 'max'],
  weibull: ['shape', 'scale'],
  pareto: ['min', 'alpha'],
} as const;
export type FormDistKind = keyof typeof FORM_DIST_PARAMS;

/** Parameters that carry the field's unit (the others, cv, shape and alpha, are pure numbers). */
export const TIMED_PARAMS = new Set(['value', 'mean', 'sd', 'min', 'max', 'scale']);

/** Γ(1 + 1/1.5), for a Weibull of shape 1.5 with a given mean. */
const GAMMA_1_PLUS_2_3 = 0.9027452929509336;

/**
 * A distribution of `kind` with mean `mean` (the current one's, so a change of kind keeps what
 * the analytic figures read), and usual shapes: cv 0.5 for lognormal and gamma, sd = mean/4,
 * uniform on [0, 2·mean], Weibull of shape 1.5, Pareto with alpha 2.5.
 */
export function distOfKind(kind: FormDistKind, mean: number): Record<string, unknown> {
  const m = Number.isFinite(mean) && mean > 0 ? mean : 1;
  const r = (v: number) => Math.round(v * 1000) / 1000;
  switch (kind) {
    case 'fixed': return { dist: 'fixed', value: r(m) };
    case 'exponential': return { dist: 'exponential', mean: r(m) };
    case 'lognormal': return { dist: 'lognormal', mean: r(m), cv: 0.5 };
    case 'gamma': return { dist: 'gamma', mean: r(m), cv: 0.5 };
    case 'normal': return { dist: 'normal', mean: r(m), sd: r(m / 4) };
    case 'uniform': return { dist: 'uniform', min: 0, max: r(2 * m) };
    case 'weibull': return { dist: 'weibull', shape: 1.5, scale: r(m / GAMMA_1_PLUS_2_3) };
    case 'pareto': return { dist: 'pareto', min: r((m * 1.5) / 2.5), alpha: 2.5 };
  }
}
