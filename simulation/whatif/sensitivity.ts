// Which inputs move a figure most: each relevant numeric input at (1 − δ) and (1 + δ) times its
// value, one at a time, everything else as in the scenario, ranked by the swing of the figure's
// mean. Pure: the host simulates each variation (over worker threads) and hands back the figure.
import type { Stat } from '../result/stat';
import { numericInputs, scaledValue, type NumericInput } from './numeric-inputs';

export const DEFAULT_DELTA = 0.2;

export interface SensitivityInput {
  path: string;
  base_value: number;
  low_value: number | null;
  high_value: number | null;
  /** The figure at the low and high value (null when that side could not be varied or is empty). */
  low: Stat | null;
  high: Stat | null;
  /** |high − low| of the means; null when either side is missing. */
  swing: number | null;
  /** Why this input could not be varied (e.g. the changed scenario is invalid). */
  error?: string;
}

export interface SensitivityResult {
  figure: string;
  delta: number;
  replications: number;
  /** The figure in the scenario as it is. */
  base: Stat | null;
  /** Sorted by swing, largest first; inputs without a swing last. */
  inputs: SensitivityInput[];
}

/** The ids a figure path's section names (`serving.<id>.…`), matched against the scenario's own ids. */
function serviceOf(raw: Record<string, unknown>, figure: string): number | null {
  const services = ((raw.serving as { services?: { id?: unknown }[] } | undefined)?.services) ?? [];
  const rest = figure.slice('serving.'.length);
  let best: number | null = null, bestLen = -1;
  services.forEach((s, i) => {
    const id = typeof s.id === 'string' ? s.id : '';
    if ((rest === id || rest.startsWith(`${id}.`)) && id.length > bestLen) { best = i; bestLen = id.length; }
  });
  return best;
}

/**
 * The inputs that can move `figure`. Sections do not interact except a pipeline with the
 * cluster's pools, so a serving figure varies only its own service's inputs, a pipeline or
 * cluster figure the pipeline's and the cluster's.
 */
export function relevantInputs(raw: Record<string, unknown>, figure: string): NumericInput[] {
  const all = numericInputs(raw);
  if (figure.startsWith('serving.')) {
    const i = serviceOf(raw, figure);
    return i === null ? [] : all.filter((x) => x.segments[0] === 'serving' && x.segments[1] === 'services' && x.segments[2] === i);
  }
  if (figure.startsWith('pipeline.') || figure.startsWith('cluster.')) {
    return all.filter((x) => x.segments[0] === 'pipeline' || x.segments[0] === 'cluster');
  }
  return all;
}

export interface Variation {
  input: NumericInput;
  low: number | null;
  high: number | null;
}

export function variations(inputs: readonly NumericInput[], delta: number): Variation[] {
  if (!(delta > 0 && delta < 1)) throw new RangeError(`delta must be between 0 and 1 (got ${delta})`);
  return inputs.map((input) => ({ input, low: scaledValue(input, 1 - delta), high: scaledValue(input, 1 + delta) }));
}

export function sensitivityEntry(v: Variation, low: Stat | null, high: Stat | null, error?: string): SensitivityInput {
  return {
    path: v.input.path,
    base_value: v.input.value,
    low_value: v.low,
    high_value: v.high,
    low,
    high,
    swing: low && high ? Math.abs(high.mean - low.mean) : null,
    ...(error ? { error } : {}),
  };
}

export function rankBySwing(entries: SensitivityInput[]): SensitivityInput[] {
  return [...entries].sort((a, b) => (b.swing ?? -1) - (a.swing ?? -1) || a.path.localeCompare(b.path));
}
