// How the verdicts spell their numbers: the shared formatter (./numbers) at about three
// significant digits, in the caller's locale (en-US for the runs list and the default reports).
import type { MaybeStat } from '../result/types';
import { percentileName } from './figure-text';
import type { NumberText } from './numbers';
import { statWithUnit, valueWithUnit, type Unit } from './units';

export interface VerdictText {
  /** "368 ms", "1,349 ms". */
  ms(x: number): string;
  /** "3.38 h", "45 min" (from seconds). */
  s(x: number): string;
  /** "87.5%". */
  pct(x: number): string;
  /** "1,200 rps". */
  rps(x: number): string;
  /** "12", "1,200": a count. */
  n(x: number): string;
  /** A cost in the scenario's currency: "12.5". */
  cost(x: number): string;
  /** "mean [lo, hi]" in the unit the mean suits. */
  stat(s: MaybeStat | undefined, unit: Unit): string;
  /** "p99". */
  p(percentile: number): string;
  /** "8 replicas", "1 replica". */
  plural(n: number, word: string, many?: string): string;
  /** An id from the scenario (pool, task) or a field name, as the caller writes it (escaped for Markdown). */
  id(s: string): string;
}

export function verdictText(t: NumberText, id: (s: string) => string = (s) => s): VerdictText {
  return {
    id,
    ms: (x) => valueWithUnit(t, x, 'ms'),
    s: (x) => valueWithUnit(t, x, 's'),
    pct: (x) => t.sigPercent(x),
    rps: (x) => valueWithUnit(t, x, 'rps'),
    n: (x) => t.fixed(x, 0),
    cost: (x) => t.sig(x),
    stat: (s, unit) => statWithUnit(t, s, unit),
    p: percentileName,
    plural: (n, word, many = `${word}s`) => `${t.fixed(n, 0)} ${n === 1 ? word : many}`,
  };
}

/** " (cost 12.5 per hour)", or "" without a cost. */
export function costNote(x: VerdictText, perHour: number | null | undefined): string {
  return perHour === null || perHour === undefined || !Number.isFinite(perHour) ? '' : ` (cost ${x.cost(perHour)} per hour)`;
}
