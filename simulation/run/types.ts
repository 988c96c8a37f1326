// How a host (worker thread, CLI, test) drives the engine. The engine never reads a clock or a
// file itself: the wall clock, the cancel signal and any trace data are injected here.

export interface RunControl {
  /** Event cap per replication (default 1e9). */
  maxEvents?: number;
  /** Injected wall clock in milliseconds (e.g. performance.now); needed for `maxWallMs`. */
  now?: () => number;
  /** Wall-clock cap for this replication, in ms, measured with `now`. */
  maxWallMs?: number;
  /** Polled every few thousand events; returning true stops the run as `cancelled`. */
  isCancelled?: () => boolean;
  /** Called every few thousand events with the fraction of this replication done (0..1). */
  onProgress?: (progress: { fraction: number; events: number }) => void;
}

/** Data the host read for the engine (trace files), keyed by the scenario path that names it. */
export interface HostInputs {
  /** Request arrival times in seconds, first at 0, before `scale`, keyed by service id. */
  traces?: Record<string, Float64Array | number[]>;
}

/** Why a replication ended early; `max_queue`: a waiting line outgrew its bounded memory. */
export type StopReason = 'max_events' | 'max_wall_s' | 'cancelled' | 'max_queue';
