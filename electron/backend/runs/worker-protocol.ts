// Messages between the run pool and its worker threads. Replication outcomes depend only on
// (scenario, seed, index), so which worker runs which replication never changes the result.
import type { CheckpointSample, HostInputs, ReplicationOutcome, Scenario, StragglerFit } from '../../../simulation';

/** A scenario whose replications a worker may be asked for: a run has one, a sweep one per point. */
export interface PoolCase {
  scenario: Scenario;
  inputs: HostInputs;
}

export interface WorkerInit {
  kind?: 'replications';
  cases: PoolCase[];
  maxEvents: number;
  /** Absolute epoch-ms deadline for the whole run, or null for none. */
  deadline: number | null;
  /** Int32Array over a SharedArrayBuffer: index 0 becomes 1 when the run is cancelled. */
  cancelFlag: SharedArrayBuffer;
}

/** `unit`: the pool's number for (case, replication index), echoed back in every reply. */
export type ToWorker = { type: 'run'; unit: number; case: number; index: number } | { type: 'close' };

export type FromWorker =
  | { type: 'ready' }
  | { type: 'progress'; unit: number; fraction: number; events: number }
  | { type: 'outcome'; unit: number; outcome: ReplicationOutcome }
  | { type: 'error'; unit: number; message: string; stack?: string };

/**
 * A worker started for a checkpoint sweep (../tools/checkpoint-sweep.ts): `cases` holds the
 * scenario at each interval swept; like a run's workers it says `ready`, then simulates one unit
 * (interval, replication) per `unit` message and replies with its sample, until `close`.
 */
export interface SweepWorkerInit {
  kind: 'checkpoint-sweep';
  cases: PoolCase[];
}

export type ToSweepWorker = { type: 'unit'; unit: number; case: number; index: number } | { type: 'close' };

export type FromSweepWorker =
  | { type: 'ready' }
  | { type: 'sample'; unit: number; sample: CheckpointSample }
  | { type: 'error'; unit: number; message: string; stack?: string };

/** A worker started to fit straggler settings from per-worker step times (./calibrate.ts). */
export interface CalibrateWorkerInit {
  kind: 'calibrate';
  text: string;
  timeScale?: number;
  slowThreshold?: number;
}

export type FromCalibrateWorker =
  | { type: 'fit'; fit: StragglerFit }
  | { type: 'bad-file'; line: number; message: string }
  | { type: 'error'; message: string; stack?: string };

/**
 * The live preview's worker (../whatif/preview-worker.ts): started once and kept warm, it runs
 * one replication per `preview` message; a job stops early when its cancel flag becomes 1.
 */
export interface PreviewWorkerInit {
  kind: 'preview';
}

export type ToPreviewWorker = {
  type: 'preview';
  id: number;
  scenario: Scenario;
  inputs: HostInputs;
  maxEvents: number;
  cancelFlag: SharedArrayBuffer;
};

export type FromPreviewWorker =
  | { type: 'preview-outcome'; id: number; outcome: ReplicationOutcome }
  | { type: 'preview-error'; id: number; message: string };
