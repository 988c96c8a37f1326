// What a pool's waiting line and running set hold: a claim on units of the pool. There are two
// kinds, told apart by `hold`: a training job (ClusterJob, jobs.ts: steps, stragglers,
// checkpoints, failures) and a pipeline task's hold (PipelineHold, hold.ts: units for as long as
// its task runs). The scheduler and the pool see only what every claim has.

export const PENDING = 0, WAITING = 1, RUNNING = 2, DONE = 3, STOPPED = 4;

export abstract class PoolClaim {
  state = PENDING;
  /** Units held: a job's units plus its backup workers; a hold's units. */
  workers: number;
  /** First time it was granted units (NaN before). */
  firstStart = Number.NaN;
  /** Start of the current grant, and when it is expected to end (backfill reservations). */
  runStart = Number.NaN;
  expectedEnd = Number.NaN;
  /** Placement of the current grant: node indices (within the pool) and units on each. */
  nodes: number[] = [];
  counts: number[] = [];

  constructor(
    readonly id: string,
    /** Index of the pool. */
    readonly pool: number,
    readonly arrival: number,
    readonly units: number,
    readonly priority: number,
    /** Tie-break after arrival time: position among jobs (holds come after every job). */
    readonly order: number,
    /** Expected run time when granted at once: the key for `sjf`. */
    readonly expected: number,
  ) {
    this.workers = units;
  }
}
