// What one segment of a job's run adds up to. A segment is the stretch of steps between two
// checkpoints (or to the job's end, or to the horizon); ClusterModel.plan draws its steps and
// fills these totals, and ClusterLedger.commit credits them once the segment is kept.
//
// Per step: c = the slowest worker's compute (the barrier releases at c), d = c + all-reduce,
// busy = Σ over workers of their own compute; with n workers the barrier wait is n·c − busy.

export class SegmentTotals {
  /** Whole steps that end by the horizon (the job statistics count these). */
  steps = 0;
  /** Σ d over those steps: wall time of the steps. */
  stepTime = 0;
  /** Σ c over those steps: the slowest worker's compute. */
  slowestCompute = 0;
  /** Σ busy over those steps: the workers' own compute, unit-time. */
  workerCompute = 0;
  /** Unit-time inside the measured window [warmup, horizon], prorated for a step across an edge. */
  windowCompute = 0;
  windowAllReduce = 0;
  windowBarrierWait = 0;
  /** Busy unit-time (compute + all-reduce) up to the horizon, for the pool's busy series. */
  seriesBusy = 0;
}
