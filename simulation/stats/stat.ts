// Merging one figure across replications into a `Stat`: the mean and its Student-t 95%
// interval. Replications where the figure is undefined (an empty set) are left out; with none
// left the statistic is null, never NaN.
import { studentT975 } from '../random/special';
import type { MaybeStat } from '../result/stat';
import { Welford } from './accumulators';

export function statOf(values: readonly (number | null | undefined)[]): MaybeStat {
  const w = new Welford();
  for (const v of values) if (v !== null && v !== undefined && Number.isFinite(v)) w.add(v);
  if (w.count === 0) return null;
  const mean = w.mean;
  if (w.count === 1) return { mean, ci95: [mean, mean] };
  const half = (studentT975(w.count - 1) * Math.sqrt(w.variance() as number)) / Math.sqrt(w.count);
  return { mean, ci95: [mean - half, mean + half] };
}
