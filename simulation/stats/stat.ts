// Merging one figure across replications into a `Stat`: the mean and its Student-t 95%
// interval. Replications where the figure is undefined (an empty set) are left out; with none
// left the statistic is null, never NaN.
//
// The interval is clipped to the figure's possible range (a latency is ≥ 0, a share within
// [0, 1]): with few replications the t interval can reach values the figure cannot take (a p99
// CI of [−2,346, 3,880] ms). The true value lies in the range, so clipping never changes
// whether the interval covers it — its coverage stays exactly the t interval's — and it stops
// showing impossible values.
import { studentT975 } from '../random/special';
import type { MaybeStat } from '../result/stat';
import { Welford } from './accumulators';

/** The values a figure can take: [low, high]. */
export type StatRange = readonly [number, number];
/** No bound (differences, margins). */
export const ANY: StatRange = [-Infinity, Infinity];
/** Times, counts, sizes, costs. */
export const NON_NEGATIVE: StatRange = [0, Infinity];
/** Shares and probabilities. */
export const SHARE: StatRange = [0, 1];

export function statOf(values: readonly (number | null | undefined)[], range: StatRange = ANY): MaybeStat {
  const w = new Welford();
  for (const v of values) if (v !== null && v !== undefined && Number.isFinite(v)) w.add(v);
  if (w.count === 0) return null;
  const mean = w.mean;
  if (w.count === 1) return { mean, ci95: [mean, mean] };
  const half = (studentT975(w.count - 1) * Math.sqrt(w.variance() as number)) / Math.sqrt(w.count);
  return { mean, ci95: [Math.max(mean - half, range[0]), Math.min(mean + half, range[1])] };
}
