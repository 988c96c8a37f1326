// How a host (worker thread, CLI, test) drives the engine. The engine never reads a clock or a
// file itself: the wall clock, the cancel signal and any trace data are injected here.
import type { JobInput } from '../cluster/types';

export interface RunControl {
  /** Event cap per replication (default 1e9). */
  maxEvents?: number;
  /** Injected wall clock in milliseconds (e.g. performance.now); needed for `maxWallMs` and rates. */
  now?: () => number;
  /** Wall-clock cap for this replication, in ms, measured with `now`. */
  maxWallMs?: number;
  /** Polled every few thousand events; returning true stops the run as `cancelled`. */
  isCancelled?: () => boolean;
  /** Called every few thousand events with the fraction of this replication done (0..1). */
  onProgress?: (progress: RunProgress) => void;
  /**
   * Zero-time loop guard: when the clock has not advanced for this many events (default 1e6),
   * the run stops with a `ZeroTimeLoopError` naming the event kinds involved.
   */
  maxZeroTimeEvents?: number;
}

/** A progress report. `eventsPerSec` and `etaMs` are present only when a clock (`now`) is injected. */
export interface RunProgress {
  /** Simulated time done ÷ the span of the run, in [0, 1]. */
  fraction: number;
  /** Events processed so far. */
  events: number;
  /** Events per wall-clock second since this `run` call started. */
  eventsPerSec?: number;
  /** Estimated wall-clock ms left, from the rate of progress so far (null before any progress). */
  etaMs?: number | null;
}

/** Data the host read for the engine (trace files), keyed by the scenario path that names it. */
export interface HostInputs {
  /** Request arrival times in seconds, first at 0, before `scale`, keyed by service id. */
  traces?: Record<string, Float64Array | number[]>;
  /** Jobs read from a cluster job trace, keyed by the scenario path (`cluster.job_trace`). */
  jobs?: Record<string, JobInput[]>;
  /**
   * Token counts read from a trace's columns for an `llm` service whose prompt_tokens or
   * output_tokens names a column, keyed by service id: one value per request, in the order of
   * `traces[id]` (the sorted times).
   */
  traceTokens?: Record<string, TraceTokenColumns>;
}

/** The token columns of one service's trace (only those the scenario names). */
export interface TraceTokenColumns {
  prompt?: ArrayLike<number>;
  output?: ArrayLike<number>;
}

/**
 * Why a replication ended early (the result is then flagged `truncated` with this reason):
 * `max_events` / `max_wall_s` caps, `cancelled`, or `max_queue` when a waiting line outgrew its
 * bounded memory. (A zero-time loop is a model error, not a truncation: it throws.)
 */
export type StopReason = 'max_events' | 'max_wall_s' | 'cancelled' | 'max_queue';
