// Value + unit → text for the figure catalogue's units: a duration (in seconds or minutes) takes the unit its
// magnitude suits (s, min, h, d), a fraction is a percentage, a rate or a latency keeps its unit.
import type { MaybeStat } from '../result/types';
import { durationUnit } from './durations';
import { DASH, type NumberText } from './numbers';

export type Unit = 'ms' | 's' | 'min' | 'fraction' | 'rps' | 'count' | 'replicas' | 'ratio' | 'attempts' | 'tasks' | 'percentile' | 'replica-hours' | 'cost' | 'flag' | '';

export interface UnitScale {
  factor: number;
  suffix: string;
  percent: boolean;
}

/** How a value of `unit` is shown, given a reference magnitude (the mean, for a CI). */
export function unitScale(unit: Unit, ref: number): UnitScale {
  switch (unit) {
    case 'fraction': return { factor: 100, suffix: '%', percent: true };
    case 'ms': return { factor: 1, suffix: ' ms', percent: false };
    case 'rps': return { factor: 1, suffix: ' rps', percent: false };
    case 's':
    case 'min': {
      const perValue = unit === 'min' ? 60 : 1; // seconds per unit of the value
      const u = durationUnit(ref * perValue);
      return { factor: perValue / u.seconds, suffix: ` ${u.unit}`, percent: false };
    }
    default: return { factor: 1, suffix: '', percent: false };
  }
}

/** One value with its unit at about three significant digits: "1,349 ms", "76.3%", "3.38 h", "12". */
export function valueWithUnit(t: NumberText, x: number | null | undefined, unit: Unit): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return DASH;
  if (unit === 'fraction') return t.sigPercent(x);
  const s = unitScale(unit, x);
  return `${t.sig(x * s.factor)}${s.suffix}`;
}

/** "mean [lo, hi]" in the unit the mean suits, decimals from the interval's width. */
export function statWithUnit(t: NumberText, s: MaybeStat | undefined, unit: Unit, unitInside = false): string {
  if (!s) return DASH;
  return t.statSig(s, unitScale(unit, s.mean), unitInside);
}
