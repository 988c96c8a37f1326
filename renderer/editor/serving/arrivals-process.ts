// What the form writes when a service's arrival process changes: the new process's required
// fields, carrying the current long-run mean rate (what the analytic figures and the replica
// count read), so a switch changes the traffic's shape and not its volume. Pure.

export const ARRIVAL_PROCESSES = ['poisson', 'diurnal', 'bursty', 'trace'] as const;
export type ArrivalProcess = (typeof ARRIVAL_PROCESSES)[number];

export const PROCESS_LABELS: Record<ArrivalProcess, string> = {
  poisson: 'Poisson (constant rate)',
  diurnal: 'diurnal (daily cycle)',
  bursty: 'bursty (periodic bursts)',
  trace: 'trace (replay a CSV file)',
};

export const REPLAY_METHODS = ['same', 'block_bootstrap', 'shifted_windows'] as const;
export type ReplayMethod = (typeof REPLAY_METHODS)[number];

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const positive = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v > 0;

/** Bursty shape a switch writes: bursts of 12 s every 60 s at 3× the mean, half the mean between. */
const BURST_EVERY_S = 60;
const BURST_DURATION_S = 12;

/**
 * The long-run mean rate (requests/s) of arrivals as written, or null when it is not known from
 * the text: a trace (its rate is in the file) or missing or invalid numbers.
 */
export function meanRateOf(arrivals: unknown): number | null {
  if (!isObject(arrivals)) return null;
  const a = arrivals;
  switch (a.process) {
    case 'poisson':
      return positive(a.rate_rps) ? a.rate_rps : null;
    case 'diurnal':
      return positive(a.mean_rps) ? a.mean_rps : null;
    case 'bursty': {
      if (!positive(a.rate_rps) || !positive(a.burst_rate_rps) || !positive(a.burst_every_s) || !positive(a.burst_duration_s)) return null;
      // Bursts replace the base rate for min(duration, every) of every period (docs/scenario-format.md).
      const f = Math.min(a.burst_duration_s, a.burst_every_s) / a.burst_every_s;
      return a.rate_rps * (1 - f) + a.burst_rate_rps * f;
    }
    default:
      return null;
  }
}

/** Rates as a person would type them: at most 4 significant digits. */
const tidy = (v: number) => Number(v.toPrecision(4));

export interface SwitchContext {
  /** Used when the current arrivals say nothing of their rate (a trace): a run's offered rate, say. */
  fallbackRate: number;
  /** The scenario's horizon: a diurnal switch takes it as the period, so a run sees one whole cycle. */
  horizonS: number;
}

/** The arrivals object for `process`, keeping the current mean rate; the same object if unchanged. */
export function arrivalsForProcess(process: ArrivalProcess, current: unknown, ctx: SwitchContext): unknown {
  if (isObject(current) && current.process === process) return current;
  const known = meanRateOf(current);
  const mean = known ?? (positive(ctx.fallbackRate) ? ctx.fallbackRate : 10);
  switch (process) {
    case 'poisson':
      return { process, rate_rps: tidy(mean) };
    case 'diurnal':
      return { process, mean_rps: tidy(mean), peak_to_mean: 1.5, period_s: positive(ctx.horizonS) ? ctx.horizonS : 86_400 };
    case 'bursty':
      // base·(1 − 1/5) + 3·mean·(1/5) = mean when base = mean/2.
      return { process, rate_rps: tidy(mean / 2), burst_rate_rps: tidy(mean * 3), burst_every_s: BURST_EVERY_S, burst_duration_s: BURST_DURATION_S };
    case 'trace':
      // The file is the user's to name: the missing path is reported under its field.
      return { process };
  }
}

/** The replay method as written: absent means "same"; null for anything the form cannot show. */
export function replayMethodOf(replay: unknown): ReplayMethod | null {
  if (replay === undefined || replay === 'same') return 'same';
  if (isObject(replay) && (replay.method === 'block_bootstrap' || replay.method === 'shifted_windows')) return replay.method;
  return null;
}

/**
 * The `replay` value for a method: "same" is the default, so it removes the field. Block
 * bootstrap takes one-minute blocks; shifted windows move by the horizon × scale, the smallest
 * shift that keeps the windows disjoint.
 */
export function replayForMethod(method: ReplayMethod, ctx: { horizonS: number; scale: unknown }): unknown {
  switch (method) {
    case 'same':
      return undefined;
    case 'block_bootstrap':
      return { method, block_s: 60 };
    case 'shifted_windows': {
      const scale = positive(ctx.scale) ? ctx.scale : 1;
      return { method, shift_s: tidy((positive(ctx.horizonS) ? ctx.horizonS : 3600) * scale) };
    }
  }
}

/** `time_column` from the input: empty removes it, digits are a 0-based index, anything else a header name. */
export function timeColumnFromInput(text: string): string | number | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  return /^\d{1,9}$/.test(t) ? Number(t) : text;
}
