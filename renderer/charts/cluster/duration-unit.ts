// Durations on cluster charts and tables: one unit per axis, chosen from the largest value, so a
// three-day horizon reads 0–72 h and a queue delay of minutes reads in minutes. Pure.
import type { MaybeStat } from '../../../simulation';
import { durationUnit, type DurationUnit } from '../../../simulation/present';
import { formatNumber, formatStat } from '../../format/numbers';

export { durationUnit, type DurationUnit };

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
