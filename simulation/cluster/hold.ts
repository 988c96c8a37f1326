// A pipeline task's hold on units of a cluster pool: it waits in the pool's line like a job,
// under the same policy, and holds its units from the grant until its task releases them. It
// has no steps, never fails with a node and is never preempted (see docs/cluster.md).
import { PoolClaim } from './claim';

/** A pipeline task's request for units of a pool (see `ClusterModel.hold`). */
export interface HoldRequest {
  units: number;
  /** Expected holding time: the key for `sjf` and for backfill reservations. */
  expected_s: number;
  priority?: number;
  /** Called (inside an event) when the units are granted. */
  onGranted: (t: number) => void;
}

/** Holds sort after every job that arrived at the same time, in the order they were requested. */
const HOLD_ORDER = Number.MAX_SAFE_INTEGER / 2;

export class PipelineHold extends PoolClaim {
  readonly hold = true;
  readonly onGranted: (t: number) => void;

  constructor(readonly ticket: number, pool: number, arrival: number, req: HoldRequest) {
    super(`hold-${ticket}`, pool, arrival, req.units, req.priority ?? 0, HOLD_ORDER + ticket, req.expected_s);
    this.onGranted = req.onGranted;
  }
}
