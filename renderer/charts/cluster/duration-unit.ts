// Durations on cluster charts and tables: one unit per axis, chosen from the largest value, so a
// three-day horizon reads 0–72 h and a queue delay of minutes reads in minutes. Pure.
import type { MaybeStat } from '../../../simulation/result/types';
import { formatNumber, formatStat } from '../../format/numbers';

export interface DurationUnit {
  /** Short unit name for labels: "s", "min", "h", "d". */
  unit: 's' | 'min' | 'h' | 'd';
  /** Seconds per unit. */
  seconds: number;
  /** Long name for axis titles. */
  name: string;
}

const UNITS: DurationUnit[] = [
  { unit: 's', seconds: 1, name: 'seconds' },
  { unit: 'min', seconds: 60, name: 'minutes' },
  { unit: 'h', seconds: 3600, name: 'hours' },
  { unit: 'd', seconds: 86_400, name: 'days' },
];

/** s below 2 min, min below 2 h, h up to 5 days, then days. */
export function durationUnit(maxSeconds: number): DurationUnit {
  const m = Number.isFinite(maxSeconds) ? Math.abs(maxSeconds) : 0;
  if (m < 120) return UNITS[0]!;
  if (m < 7200) return UNITS[1]!;
  if (m <= 5 * 86_400) return UNITS[2]!;
  return UNITS[3]!;
}

/** "6.5 h" — a duration in seconds, in the unit that suits it (or the one given). */
export function formatDurationS(seconds: number, unit: DurationUnit = durationUnit(seconds)): string {
  return `${formatNumber(seconds / unit.seconds)} ${unit.unit}`;
}

/** "6.5 h [4.5, 8.5]" — a Stat in seconds, in the unit its mean suits (or the one given). */
export function formatStatDuration(stat: MaybeStat, unit?: DurationUnit): string {
  if (!stat) return '—';
  const u = unit ?? durationUnit(stat.mean);
  return formatStat(stat, u.unit, 1 / u.seconds);
}
