// The default number of worker threads (`--threads`, and the app's runs): every core, as long as
// the workers' heap limits together fit in half the machine's memory — each worker may grow to
// its heap limit (WORKER_HEAP_LIMIT_MB), and the other half is left to the main thread, the
// workers' other memory, and everything else the machine runs. Never fewer than one.

/** The share of the machine's memory the workers' heap limits may add up to. */
export const WORKER_MEMORY_SHARE = 0.5;

const MIB = 1024 * 1024;

/** Threads for `cores` cores and `totalMemBytes` of memory, each worker limited to `heapLimitMb` MiB. */
export function defaultThreadCount(cores: number, totalMemBytes: number, heapLimitMb: number): number {
  const byCores = Number.isFinite(cores) ? Math.floor(cores) : 1;
  const byMemory = heapLimitMb > 0 && Number.isFinite(totalMemBytes)
    ? Math.floor((totalMemBytes * WORKER_MEMORY_SHARE) / (heapLimitMb * MIB))
    : byCores;
  return Math.max(1, Math.min(byCores, byMemory));
}
