// Durations in words and units, shared by the app, the reports and the CLI: one unit per axis or
// figure, chosen from the magnitude (a three-day horizon reads 0–72 h, a queue delay of minutes
// reads in minutes), the wall time of a run, and whole seconds as prose. Pure.
import { DASH } from './numbers';

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

/** Wall time or ETA from milliseconds: "350 ms", "4.2 s", "2 min 05 s", "1 h 05 min". */
export function wallTime(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return DASH;
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const s = ms / 1000;
  if (s < 60) return `${s.toFixed(1)} s`;
  const whole = Math.round(s);
  const min = Math.floor(whole / 60);
  if (min < 60) return `${min} min ${String(whole % 60).padStart(2, '0')} s`;
  return `${Math.floor(min / 60)} h ${String(min % 60).padStart(2, '0')} min`;
}

/** Whole seconds as "3 h 23 min" / "17 min" / "42 s" (for prose). */
export function clock(seconds: number): string {
  if (!Number.isFinite(seconds)) return DASH;
  const s = Math.round(seconds);
  if (Math.abs(s) < 120) return `${s} s`;
  const m = Math.round(s / 60);
  if (Math.abs(m) < 120) return `${m} min`;
  return `${Math.floor(m / 60)} h ${m % 60} min`;
}
