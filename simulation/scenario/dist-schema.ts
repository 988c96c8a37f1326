// The `Dist` type of the scenario format: a plain number (fixed) or a tagged object.
// Every Dist in the format is a duration or a count, so all supports are non-negative; a plain
// number is normalized to `{ dist: "fixed", value }` so the engine sees one shape.
import { z } from 'zod';
import { must, nonNegative, positive } from './fields';

const fixed = z.strictObject({ dist: z.literal('fixed'), value: nonNegative() });
const exponential = z.strictObject({ dist: z.literal('exponential'), mean: positive() });
const uniform = z
  .strictObject({ dist: z.literal('uniform'), min: nonNegative(), max: nonNegative() })
  .refine((d) => d.min <= d.max, { message: 'must have min ≤ max', path: ['max'] });
const normal = z.strictObject({ dist: z.literal('normal'), mean: nonNegative(), sd: nonNegative() });
const lognormal = z.strictObject({ dist: z.literal('lognormal'), mean: positive(), cv: nonNegative() });
const gamma = z.strictObject({ dist: z.literal('gamma'), mean: positive(), cv: positive() });
const weibull = z.strictObject({ dist: z.literal('weibull'), shape: positive(), scale: positive() });
const pareto = z.strictObject({
  dist: z.literal('pareto'),
  min: positive(),
  alpha: z.number(must('a number > 1')).gt(1, must('a number > 1 (so the mean exists)')),
});
const empirical = z
  .strictObject({
    dist: z.literal('empirical'),
    values: z.array(nonNegative(), must('a non-empty array of numbers ≥ 0')).min(1, must('a non-empty array of numbers ≥ 0')),
    weights: z.array(nonNegative(), must('an array of numbers ≥ 0')).optional(),
  })
  .superRefine((d, ctx) => {
    if (d.weights === undefined) return;
    if (d.weights.length !== d.values.length) {
      ctx.addIssue({ code: 'custom', path: ['weights'], message: `must have the same length as values (${d.values.length}, got ${d.weights.length})` });
    } else if (!(d.weights.reduce((a, b) => a + b, 0) > 0)) {
      ctx.addIssue({ code: 'custom', path: ['weights'], message: 'must sum to more than 0' });
    }
  });

export const DIST_KINDS = ['fixed', 'exponential', 'uniform', 'normal', 'lognormal', 'gamma', 'weibull', 'pareto', 'empirical'] as const;

const distObject = z.discriminatedUnion('dist', [fixed, exponential, uniform, normal, lognormal, gamma, weibull, pareto, empirical]);

export const distSchema = z.union([nonNegative().transform((value) => ({ dist: 'fixed' as const, value })), distObject], {
  error: 'must be a number ≥ 0 or a distribution object such as {"dist": "exponential", "mean": 80}',
});

export type Dist = z.output<typeof distObject>;
export type DistInput = z.input<typeof distSchema>;
