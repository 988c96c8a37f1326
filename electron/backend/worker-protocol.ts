// Messages between the run pool and its worker threads. Replication outcomes depend only on
// (scenario, seed, index), so which worker runs which replication never changes the result.
import type { HostInputs, ReplicationOutcome, Scenario } from '../../simulation';

export interface WorkerInit {
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
