// Runs replications over worker threads: a scenario's, or units (case, replication) of several
// scenarios at once (a sweep's points × replications), so every core has work while any unit is
// left. Workers pull the next unit when idle; outcomes are merged by index afterwards, so the
// result does not depend on the number of threads or on which worker finished first.
import os from 'node:os';
import type { Worker } from 'node:worker_threads';
import { estimateResources, type HostInputs, type ReplicationOutcome, type Scenario } from '../../../simulation';
import { defaultThreadCount, workerMemoryMb } from './default-threads';
import { runWorkerGroup, WORKER_HEAP_LIMIT_MB } from './worker-group';
import type { FromWorker, PoolCase, ToWorker, WorkerInit } from './worker-protocol';

export type { PoolCase };

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
  /** Called with each replication's outcome as soon as it finishes (to commit it on its own), and its case. */
  onOutcome?: (outcome: ReplicationOutcome, caseIndex: number) => void;
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

/**
 * Every core, as far as the workers fit in half the memory (default-threads.ts): each needs what
 * the heaviest of `cases` needs, or its whole heap limit when the cases are not given.
 */
export function defaultThreads(heapLimitMb = WORKER_HEAP_LIMIT_MB, cases?: readonly PoolCase[]): number {
  const estimate = cases && cases.length > 0 ? Math.max(...cases.map((c) => estimateResources(c.scenario, c.inputs).bytes)) : Number.NaN;
  return defaultThreadCount(os.availableParallelism?.() ?? os.cpus().length, os.totalmem(), workerMemoryMb(estimate, heapLimitMb));
}

export function runInWorkers(scenario: Scenario, inputs: HostInputs, options: PoolOptions = {}): Promise<PoolResult> {
  const units = Array.from({ length: scenario.replications }, (_, index) => ({ case: 0, index }));
  return runUnitsInWorkers([{ scenario, inputs }], units, options).then((r) => ({
    outcomes: r.outcomes[0] as ReplicationOutcome[], wallMs: r.wallMs, cancelled: r.cancelled, capped: r.capped,
  }));
}

/** A replication of one of the cases. */
export interface PoolUnit {
  case: number;
  index: number;
}

export interface UnitPoolResult {
  /** Per case, its finished replications in index order. */
  outcomes: ReplicationOutcome[][];
  /** Per case: ms from its first unit's start to its last unit's end (0 for a case given no units). */
  caseWallMs: number[];
  wallMs: number;
  cancelled: boolean;
  /** The wall-clock cap passed before every unit started: `outcomes` holds fewer. */
  capped: boolean;
}

/** Runs `units` (in that order of dispatch) over worker threads; progress counts units. */
export function runUnitsInWorkers(cases: readonly PoolCase[], units: readonly PoolUnit[], options: PoolOptions = {}): Promise<UnitPoolResult> {
  const total = units.length;
  const heapLimitMb = options.heapLimitMb ?? WORKER_HEAP_LIMIT_MB;
  const threads = Math.max(1, Math.min(options.threads ?? defaultThreads(heapLimitMb, cases), total));
  const cancelFlag = new SharedArrayBuffer(4);
  const cancelView = new Int32Array(cancelFlag);
  const started = Date.now();
  const init: WorkerInit = {
    cases: [...cases],
    maxEvents: options.maxEvents ?? DEFAULT_MAX_EVENTS,
    deadline: options.maxWallMs === undefined ? null : started + options.maxWallMs,
    cancelFlag,
  };

  const outcomes: ReplicationOutcome[][] = cases.map(() => []);
  const caseStart = cases.map(() => -1);
  const caseEnd = cases.map(() => -1);
  let finished = 0;
  const fractions = new Float64Array(total);
  const events = new Float64Array(total);
  let next = 0;
  let exited = 0;
  let lastProgress = 0;
  let hardStop: NodeJS.Timeout | undefined;
  // Past the wall-clock cap no further unit starts (each would still build its models before
  // its first check of the clock); the ones running stop themselves at the cap.
  let capped = false;
  const pastDeadline = () => init.deadline !== null && Date.now() >= init.deadline;
  const cancelled = () => Atomics.load(cancelView, 0) === 1;

  /** Every unit in, or the run stopped (cancel, cap): the outcomes in index order. */
  const result = (): UnitPoolResult | Error => {
    if (hardStop) clearTimeout(hardStop);
    if (finished < total && !cancelled() && !capped) return new Error(`workers stopped after ${finished} of ${total} replications`);
    for (const list of outcomes) list.sort((a, b) => a.index - b.index);
    const caseWallMs = caseStart.map((t, c) => (t < 0 ? 0 : Math.max(0, (caseEnd[c] as number) - t)));
    return { outcomes, caseWallMs, wallMs: Date.now() - started, cancelled: cancelled(), capped: capped && finished < total };
  };

  const report = (force: boolean) => {
    if (!options.onProgress) return;
    const now = Date.now();
    if (!force && now - lastProgress < (options.progressIntervalMs ?? 100)) return;
    lastProgress = now;
    let done = 0, ev = 0;
    for (let i = 0; i < total; i++) { done += fractions[i] as number; ev += events[i] as number; }
    const fraction = total === 0 ? 1 : done / total;
    const elapsed = Math.max(1, now - started);
    options.onProgress({
      fraction,
      replicationsDone: finished,
      replications: total,
      events: ev,
      eventsPerSec: (ev / elapsed) * 1000,
      etaMs: fraction > 0.01 ? (elapsed * (1 - fraction)) / fraction : null,
    });
  };

  const dispatch = (w: Worker) => {
    if (next > 0 && next < total && pastDeadline()) capped = true;
    if (next < total && !cancelled() && !capped) {
      const u = units[next] as PoolUnit;
      if ((caseStart[u.case] as number) < 0) caseStart[u.case] = Date.now();
      w.postMessage({ type: 'run', unit: next++, case: u.case, index: u.index } satisfies ToWorker);
    } else {
      w.postMessage({ type: 'close' } satisfies ToWorker);
    }
  };

  if (total === 0) return Promise.resolve({ outcomes, caseWallMs: cases.map(() => 0), wallMs: 0, cancelled: false, capped: false });
  return runWorkerGroup<FromWorker, UnitPoolResult>(Array.from({ length: threads }, () => init), {
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
          fractions[m.unit] = m.fraction;
          events[m.unit] = m.events;
          report(false);
          break;
        case 'outcome': {
          const c = (units[m.unit] as PoolUnit).case;
          fractions[m.unit] = 1;
          events[m.unit] = m.outcome.events;
          (outcomes[c] as ReplicationOutcome[]).push(m.outcome);
          caseEnd[c] = Date.now();
          finished++;
          options.onOutcome?.(m.outcome, c);
          report(true);
          if (finished === total) group.finish(result());
          else dispatch(w);
          break;
        }
        case 'error': {
          const u = units[m.unit] as PoolUnit;
          group.finish(new Error(`replication ${u.index}${cases.length > 1 ? ` of case ${u.case}` : ''} failed: ${m.message}`));
          break;
        }
      }
    },
    onExit(code, _i, group) {
      if (code !== 0) group.finish(new Error(`simulation worker exited with code ${code}`));
      else if (++exited === threads) group.finish(result()); // every worker closed: after a cancel, or all work done
    },
  });
}
