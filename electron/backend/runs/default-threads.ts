// The default number of worker threads (`--threads`, and the app's runs): every core, as long as
// the workers' memory together fits in half the machine's — the other half is left to the main
// thread and everything else the machine runs. A worker's memory is what the scenario needs
// (its engine estimate, simulation/scenario/resource-estimate.ts, twice over for the collector's
// headroom, plus the worker's own base), never more than its heap limit (WORKER_HEAP_LIMIT_MB),
// which is what is assumed when the scenario is not known. Never fewer than one.

/** The share of the machine's memory the workers may add up to. */
export const WORKER_MEMORY_SHARE = 0.5;
/** A worker before its replication's data: the isolate, the engine's code and the heap's slack. */
export const WORKER_BASE_MB = 128;

const MIB = 1024 * 1024;

/** The MiB one worker may need to run a scenario whose engine estimate is `estimateBytes`, within its heap limit. */
export function workerMemoryMb(estimateBytes: number, heapLimitMb: number): number {
  if (!Number.isFinite(estimateBytes) || estimateBytes < 0) return heapLimitMb;
  return Math.min(heapLimitMb, WORKER_BASE_MB + Math.ceil((2 * estimateBytes) / MIB));
}

/** Threads for `cores` cores and `totalMemBytes` of memory, each worker needing `workerMb` MiB. */
export function defaultThreadCount(cores: number, totalMemBytes: number, workerMb: number): number {
  const byCores = Number.isFinite(cores) ? Math.floor(cores) : 1;
  const byMemory = workerMb > 0 && Number.isFinite(totalMemBytes)
    ? Math.floor((totalMemBytes * WORKER_MEMORY_SHARE) / (workerMb * MIB))
    : byCores;
  return Math.max(1, Math.min(byCores, byMemory));
}
