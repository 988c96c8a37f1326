// What one segment of a job's run adds up to. A segment is the stretch of steps between two
// checkpoints (or to the job's end, or to the horizon); ClusterModel.plan draws its steps and
// fills these totals, and ClusterLedger.commit credits them once the segment is kept.
//
// Per step: c = the slowest worker's compute (the barrier releases at c), d = c + all-reduce,
// busy = Σ over workers of their own compute; with n workers the barrier wait is n·c − busy.
import type { ClusterJob } from './jobs';
import type { StepSampler } from './step-sampler';

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

/**
 * Draws a job's next segment from t0 into `job.seg`: steps until the checkpoint interval `limit`
 * has elapsed or the job is done, stopping at the horizon. A segment that ends the job is never
 * followed by a checkpoint (ClusterModel.plan), even when it also reaches the interval. Job
 * statistics count the steps that end by the horizon; window and chart figures are prorated for
 * a step that crosses an edge.
 * Returns the end of the segment's compute `t` and the steps drawn `k` (the last one may cross
 * the horizon).
 */
export function drawSegment(job: ClusterJob, t0: number, warmup: number, horizon: number, limit: number): { t: number; k: number } {
  const sampler = job.sampler as StepSampler;
  const allReduce = job.allReduce, n = job.workers, allReduceUnits = n * allReduce;
  const remaining = job.steps - job.done;
  let t = t0, k = 0, elapsed = 0;
  // The interval is reached within a relative 1e-9 (ten 0.1 s steps reach 1 s though they sum
  // to 0.9999999999999999), counted from the segment's start whatever t0's magnitude.
  const reach = limit * (1 - 1e-9);
  // Locals, not the record's fields, in the hot loop; copied into job.seg at the end.
  let steps = 0, stepTime = 0, slowest = 0, compute = 0;
  let inCompute = 0, inAllReduce = 0, inWait = 0, seriesBusy = 0;
  while (k < remaining && t < horizon) {
    sampler.draw();
    const c = sampler.end;
    const busy = sampler.busy;
    const start = t, d = c + allReduce;
    t = start + d;
    k++;
    if (t > warmup) {
      if (start >= warmup && t <= horizon) { inCompute += busy; inAllReduce += allReduceUnits; inWait += n * c - busy; }
      else {
        const f = ((t < horizon ? t : horizon) - (start > warmup ? start : warmup)) / d;
        if (f > 0) { inCompute += busy * f; inAllReduce += allReduceUnits * f; inWait += (n * c - busy) * f; }
      }
    }
    if (t <= horizon) {
      steps++; stepTime += d; slowest += c; compute += busy; seriesBusy += busy + allReduceUnits;
    } else {
      seriesBusy += ((busy + allReduceUnits) * (horizon - start)) / d;
      break;
    }
    elapsed += d;
    if (elapsed >= reach) break;
  }
  const seg = job.seg;
  seg.steps = steps; seg.stepTime = stepTime; seg.slowestCompute = slowest; seg.workerCompute = compute;
  seg.windowCompute = inCompute; seg.windowAllReduce = inAllReduce; seg.windowBarrierWait = inWait; seg.seriesBusy = seriesBusy;
  return { t, k };
}
