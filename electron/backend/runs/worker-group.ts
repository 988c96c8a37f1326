// The one way the backend runs work on worker threads — a run's replications, a checkpoint
// sweep's intervals, a straggler calibration. Each spawns the same worker script with the same
// heap limit, and each must settle exactly once: on its own result, on a worker's error (a
// heap-limit stop becomes WorkerOutOfMemoryError, so a blow-up fails that task, not the app), on
// an unexpected exit, or on its wall-clock cap; and every worker is terminated when it settles.
// The callers keep only their message protocol (worker-protocol.ts).
import { Worker } from 'node:worker_threads';
import { appPaths } from '../paths';

/**
 * Each worker's JavaScript heap limit, in MiB. Validation's estimate
 * (simulation/scenario/resource-estimate.ts) refuses scenarios that would need more than
 * MAX_ENGINE_BYTES, so only a badly wrong estimate reaches this.
 */
export const WORKER_HEAP_LIMIT_MB = 2048;

/** A worker stopped by its heap limit. */
export class WorkerOutOfMemoryError extends Error {
  constructor(limitMb: number) {
    super(`worker ran out of memory (its heap limit is ${limitMb} MiB)`);
  }
}

/** A worker's 'error' event as the error to report: a heap-limit stop becomes WorkerOutOfMemoryError. */
export function workerError(e: unknown, limitMb = WORKER_HEAP_LIMIT_MB): Error {
  if ((e as NodeJS.ErrnoException | null)?.code === 'ERR_WORKER_OUT_OF_MEMORY') return new WorkerOutOfMemoryError(limitMb);
  return e instanceof Error ? e : new Error(String(e));
}

export interface GroupContext<R> {
  readonly workers: readonly Worker[];
  /** True once the group has settled (later messages are ignored). */
  readonly settled: boolean;
  /** Settles the group with a result or an error and terminates every worker. */
  finish(outcome: R | Error): void;
}

export interface GroupOptions<M, R> {
  /** Handles a worker's message (`index` is the worker's position in `inits`). */
  onMessage(message: M, worker: Worker, index: number, group: GroupContext<R>): void;
  /** A worker exited before the group settled; default: a non-zero code is an error, 0 is ignored. */
  onExit?(code: number, index: number, group: GroupContext<R>): void;
  /** Wall-clock cap in ms and what the group settles with when it passes. */
  maxWallMs?: number;
  onWallCap?(): R | Error;
  heapLimitMb?: number;
  /** Cancel: `onAbort` runs when the signal fires (also at once if it already has). */
  signal?: AbortSignal;
  onAbort?(group: GroupContext<R>): void;
  /** What to call the workers in messages ("simulation worker", …). */
  label: string;
}

/** Starts one worker per entry of `inits` and resolves with what `finish` is given. */
export function runWorkerGroup<M, R>(inits: readonly unknown[], options: GroupOptions<M, R>): Promise<R> {
  const heapLimitMb = options.heapLimitMb ?? WORKER_HEAP_LIMIT_MB;
  return new Promise<R>((resolve, reject) => {
    const workers: Worker[] = [];
    let settled = false;
    let timer: NodeJS.Timeout | undefined;
    const onAbort = () => options.onAbort?.(group);
    const group: GroupContext<R> = {
      workers,
      get settled() { return settled; },
      finish(outcome) {
        if (settled) return;
        settled = true;
        if (timer) clearTimeout(timer);
        options.signal?.removeEventListener('abort', onAbort);
        for (const w of workers) void w.terminate();
        if (outcome instanceof Error) reject(outcome);
        else resolve(outcome);
      },
    };
    if (options.maxWallMs !== undefined && options.onWallCap) {
      const onCap = options.onWallCap;
      timer = setTimeout(() => group.finish(onCap()), options.maxWallMs);
    }
    if (options.signal?.aborted) onAbort();
    else options.signal?.addEventListener('abort', onAbort, { once: true });
    inits.forEach((init, index) => {
      if (settled) return;
      const w = new Worker(appPaths().workerScript, { workerData: init, resourceLimits: { maxOldGenerationSizeMb: heapLimitMb } });
      workers.push(w);
      w.on('message', (m: M) => {
        if (!settled) options.onMessage(m, w, index, group);
      });
      w.on('error', (e) => group.finish(workerError(e, heapLimitMb)));
      w.on('exit', (code) => {
        if (settled) return;
        if (options.onExit) options.onExit(code, index, group);
        else if (code !== 0) group.finish(new Error(`${options.label} exited with code ${code}`));
      });
    });
  });
}
