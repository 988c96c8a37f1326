// The sweep form's numbers: a range to start from around an input's value (kept within its
// bounds), the points a range gives (as the backend counts them: FROM, FROM + STEP, … ≤ TO), and
// the form's text checked into a request's set, with messages naming the field. Pure.
import type { NumericInput } from '../../simulation';

/** The most points one sweep may have (electron/backend/tools/sweep.ts, MAX_SWEEP_POINTS). */
export const MAX_SWEEP_POINTS = 1000;

export interface RangeText {
  from: string;
  to: string;
  step: string;
}

const round = (x: number) => Number(x.toPrecision(3));

export function defaultRange(input: Pick<NumericInput, 'value' | 'integer' | 'min' | 'max'>): RangeText {
  const { value: v, integer, min, max } = input;
  const clamp = (x: number) => Math.min(max ?? Infinity, Math.max(min ?? -Infinity, x));
  if (integer) {
    const from = clamp(v - Math.max(1, Math.ceil(v * 0.25)));
    const to = clamp(v + Math.max(2, Math.ceil(v * 0.75)));
    const step = Math.max(1, Math.ceil((to - from) / 12));
    return { from: String(from), to: String(to), step: String(step) };
  }
  if (v === 0) return { from: '0', to: String(clamp(1)), step: String(round(clamp(1) / 10)) };
  const from = clamp(round(v * 0.5));
  const to = clamp(round(v * 1.5));
  const step = round(Math.abs(to - from) / 8) || round(Math.abs(v) / 10);
  return { from: String(Math.min(from, to)), to: String(Math.max(from, to)), step: String(step) };
}

/** Points of FROM:TO:STEP as the backend counts them (0 when the range is not valid). */
export function pointCount(from: number, to: number, step: number): number {
  if (![from, to, step].every(Number.isFinite) || !(step > 0) || from > to) return 0;
  return Math.floor((to - from) / step + 1e-9) + 1;
}

export type ParsedSet = { ok: true; set: { path: string; from: number; to: number; step: number }; points: number } | { ok: false; message: string };

/** The form's text as a request's set; `name` starts each message ("Parameter 1 to: …"). */
export function parseRange(path: string, text: RangeText, name: string): ParsedSet {
  const num = (s: string) => (s.trim() === '' ? NaN : Number(s));
  const from = num(text.from), to = num(text.to), step = num(text.step);
  if (!path) return { ok: false, message: `${name}: pick a field to vary` };
  if (!Number.isFinite(from)) return { ok: false, message: `${name} from: must be a number` };
  if (!Number.isFinite(to)) return { ok: false, message: `${name} to: must be a number` };
  if (!(Number.isFinite(step) && step > 0)) return { ok: false, message: `${name} step: must be a number > 0` };
  if (from > to) return { ok: false, message: `${name} to: must be ≥ from (${from})` };
  return { ok: true, set: { path, from, to, step }, points: pointCount(from, to, step) };
}
