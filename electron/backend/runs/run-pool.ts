// Runs a scenario's replications over worker threads. Workers pull the next replication index
// when idle; outcomes are merged by index afterwards, so the result does not depend on the
// number of threads or on which worker finished first.
import os from 'node:os';
import type { Worker } from 'node:worker_threads';
import type { HostInputs, ReplicationOutcome, Scenario } from '../../../simulation';
import { runWorkerGroup, WORKER_HEAP_LIMIT_MB } from './worker-group';
import type { FromWorker, ToWorker, WorkerInit } from './worker-protocol';

export interface PoolProgress {
  fraction: number;
  replicationsDone: number;
  replications: number;
  events: number;
  eventsPerSec: number;
  etaMs: number | null;
}

export interface PoolOptions {
  threads?: number;
  maxEvents?: number;
  /** Wall-clock cap for the whole run, in ms. */
  maxWallMs?: number;
  signal?: AbortSignal;
  onProgress?: (p: PoolProgress) => void;
  /** Called with each replication's outcome as soon as it finishes (to commit it on its own). */
  onOutcome?: (outcome: ReplicationOutcome) => void;
  /** Minimum ms between progress callbacks. */
  progressIntervalMs?: number;
  /** Worker heap limit in MiB (default WORKER_HEAP_LIMIT_MB; tests lower it). */
  heapLimitMb?: number;
}

export interface PoolResult {
  outcomes: ReplicationOutcome[];
  wallMs: number;
  cancelled: boolean;
  /** The wall-clock cap passed before every replication started: `outcomes` holds fewer. */
  capped: boolean;
}

export const DEFAULT_MAX_EVENTS = 1e9;
/** Grace period after cancel before workers are terminated outright. */
const CANCEL_GRACE_MS = 750;

export function defaultThreads(): number {
  return Math.max(1, Math.min(os.availableParallelism?.() ?? os.cpus().length, 8));
}

export function runInWorkers(scenario: Scenario, inputs: HostInputs, options: PoolOptions = {}): Promise<PoolResult> {
  const total = scenario.replications;
  const threads = Math.max(1, Math.min(options.threads ?? defaultThreads(), total));
  const cancelFlag = new SharedArrayBuffer(4);
  const cancelView = new Int32Array(cancelFlag);
  const started = Date.now();
  const heapLimitMb = options.heapLimitMb ?? WORKER_HEAP_LIMIT_MB;
  const init: WorkerInit = {
    scenario,
    inputs,
    maxEvents: options.maxEvents ?? DEFAULT_MAX_EVENTS,
    deadline: options.maxWallMs === undefined ? null : started + options.maxWallMs,
    cancelFlag,
  };

  const outcomes: ReplicationOutcome[] = [];
  const fractions = new Float64Array(total);
  const events = new Float64Array(total);
  let next = 0;
  let exited = 0;
  let lastProgress = 0;
  let hardStop: NodeJS.Timeout | undefined;
  // Past the wall-clock cap no further replication starts (each would still build its models
  // before its first check of the clock); the ones running stop themselves at the cap.
  let capped = false;
  const pastDeadline = () => init.deadline !== null && Date.now() >= init.deadline;
  const cancelled = () => Atomics.load(cancelView, 0) === 1;

  /** Every replication in, or the run stopped (cancel, cap): the outcomes in index order. */
  const result = (): PoolResult | Error => {
    if (hardStop) clearTimeout(hardStop);
    if (outcomes.length < total && !cancelled() && !capped) return new Error(`workers stopped after ${outcomes.length} of ${total} replications`);
    outcomes.sort((a, b) => a.index - b.index);
    return { outcomes, wallMs: Date.now() - started, cancelled: cancelled(), capped: capped && outcomes.length < total };
  };

  const report = (force: boolean) => {
    if (!options.onProgress) return;
    const now = Date.now();
    if (!force && now - lastProgress < (options.progressIntervalMs ?? 100)) return;
    lastProgress = now;
    let done = 0, ev = 0;
    for (let i = 0; i < total; i++) { done += fractions[i] as number; ev += events[i] as number; }
    const fraction = done / total;
    const elapsed = Math.max(1, now - started);
    options.onProgress({
      fraction,
      replicationsDone: outcomes.length,
      replications: total,
      events: ev,
      eventsPerSec: (ev / elapsed) * 1000,
      etaMs: fraction > 0.01 ? (elapsed * (1 - fraction)) / fraction : null,
    });
  };

  const dispatch = (w: Worker) => {
    if (next > 0 && next < total && pastDeadline()) capped = true;
    if (next < total && !cancelled() && !capped) {
      const msg: ToWorker = { type: 'run', index: next++ };
      w.postMessage(msg);
    } else {
      w.postMessage({ type: 'close' } satisfies ToWorker);
    }
  };

  return runWorkerGroup<FromWorker, PoolResult>(Array.from({ length: threads }, () => init), {
    label: 'simulation worker',
    heapLimitMb,
    signal: options.signal,
    onAbort(group) {
      Atomics.store(cancelView, 0, 1);
      // Workers stop within a few thousand events; if one is stuck, stop it anyway.
      hardStop = setTimeout(() => group.finish(result()), CANCEL_GRACE_MS);
    },
    onMessage(m, w, _i, group) {
      switch (m.type) {
        case 'ready':
          dispatch(w);
          break;
        case 'progress':
          fractions[m.index] = m.fraction;
          events[m.index] = m.events;
          report(false);
          break;
        case 'outcome':
          fractions[m.outcome.index] = 1;
          events[m.outcome.index] = m.outcome.events;
          outcomes.push(m.outcome);
          options.onOutcome?.(m.outcome);
          report(true);
          if (outcomes.length === total) group.finish(result());
          else dispatch(w);
          break;
        case 'error':
          group.finish(new Error(`replication ${m.index} failed: ${m.message}`));
          break;
      }
    },
    onExit(code, _i, group) {
      if (code !== 0) group.finish(new Error(`simulation worker exited with code ${code}`));
      else if (++exited === threads) group.finish(result()); // every worker closed: after a cancel, or all work done
    },
  });
}
