// Messages between the run pool and its worker threads. Replication outcomes depend only on
// (scenario, seed, index), so which worker runs which replication never changes the result.
import type { CheckpointSweep, HostInputs, ReplicationOutcome, Scenario, StragglerFit } from '../../../simulation';

export interface WorkerInit {
  kind?: 'replications';
  scenario: Scenario;
  inputs: HostInputs;
  maxEvents: number;
  /** Absolute epoch-ms deadline for the whole run, or null for none. */
  deadline: number | null;
  /** Int32Array over a SharedArrayBuffer: index 0 becomes 1 when the run is cancelled. */
  cancelFlag: SharedArrayBuffer;
}

export type ToWorker = { type: 'run'; index: number } | { type: 'close' };

export type FromWorker =
  | { type: 'ready' }
  | { type: 'progress'; index: number; fraction: number; events: number }
  | { type: 'outcome'; outcome: ReplicationOutcome }
  | { type: 'error'; index: number; message: string; stack?: string };

/**
 * A worker started for a checkpoint sweep (./checkpoint-sweep.ts): it simulates the scenario at
 * each of `factors` × the Young/Daly interval (a share of the sweep's factors, on the same seeds
 * as the others), posts the partial sweep and exits.
 */
export interface SweepWorkerInit {
  kind: 'checkpoint-sweep';
  scenario: Scenario;
  inputs: HostInputs;
  factors: number[];
}

export type FromSweepWorker =
  | { type: 'sweep-point'; factor: number }
  | { type: 'sweep'; sweep: CheckpointSweep }
  | { type: 'error'; message: string; stack?: string };

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
