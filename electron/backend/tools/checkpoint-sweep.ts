// The checkpoint-interval sweep (simulation/cluster/checkpoint-sweep.ts) off the calling thread:
// its units — interval × replication — are handed out to worker threads (the same worker script
// as runs) as each finishes its last, and the points are rebuilt from the units' samples with
// the engine's own `checkpointSweepOf`. Every unit depends only on (scenario, interval,
// replication), so the result is the same whatever the number of threads, and a shard
// (../shard/) can run any subset of the units. Used by `headroom checkpoint-sweep` (also with
// --shard) and the app's "Checkpoint interval…" dialog (with a wall-clock cap and cancel).
import type { CheckpointBasis, CheckpointSample, CheckpointSweep, HostInputs, Scenario, ValidationIssue } from '../../../simulation';
import { checkpointBasis, checkpointInterval, checkpointSweepOf, checkpointVariant, DEFAULT_FACTORS } from '../../../simulation';
import { distMean } from '../../../simulation';
import { MAX_FACTOR, MAX_FACTORS, MIN_FACTOR } from '../../common/contract';
import { defaultThreads, type PoolCase, type PoolUnit } from '../runs/run-pool';
import { runWorkerGroup } from '../runs/worker-group';
import type { FromSweepWorker, SweepWorkerInit, ToSweepWorker } from '../runs/worker-protocol';
import { unitsOf } from '../shard/units';
import { sha256OfScenario } from '../traces/scenario-source';
import { setAtPath } from './sweep';

export { DEFAULT_FACTORS };

// Factors are multiples of the Young/Daly interval; their bounds are the contract's (the app's arguments).
export { MAX_FACTOR, MAX_FACTORS, MIN_FACTOR };

export class SweepStoppedError extends Error {
  constructor(readonly reason: 'cancelled' | 'wall-clock', message: string) {
    super(message);
  }
}

/** What keeps the scenario from a checkpoint sweep (empty when it can be swept). */
export function checkpointSweepIssues(s: Scenario): ValidationIssue[] {
  const c = s.cluster;
  if (!c) return [{ path: 'cluster.failures', message: 'the scenario has no cluster section; a checkpoint sweep needs a cluster whose nodes fail (cluster.failures with node_mtbf_s and checkpoint_cost_s)' }];
  if (!c.failures) return [{ path: 'cluster.failures', message: 'absent: a checkpoint sweep needs node failures (node_mtbf_s) and a checkpoint cost (checkpoint_cost_s)' }];
  const issues: ValidationIssue[] = [];
  if (!(distMean(c.failures.checkpoint_cost_s) > 0)) {
    issues.push({ path: 'cluster.failures.checkpoint_cost_s', message: 'must have a mean > 0: the Young/Daly interval √(2 · MTBF_job · C) needs a checkpoint cost' });
  }
  if (c.jobs.length === 0 && !c.job_trace && !c.job_generator) {
    issues.push({ path: 'cluster.jobs', message: 'the cluster has no jobs (jobs, job_trace or job_generator) whose checkpoints could be swept' });
  }
  return issues;
}

/** Sorted, distinct factors; throws a message naming the bad one. */
export function normalizeFactors(factors: readonly number[]): number[] {
  if (factors.length < 1 || factors.length > MAX_FACTORS) throw new RangeError(`must be 1 to ${MAX_FACTORS} factors (got ${factors.length})`);
  for (const f of factors) {
    if (!Number.isFinite(f) || f < MIN_FACTOR || f > MAX_FACTOR) throw new RangeError(`each factor must be a number from ${MIN_FACTOR} to ${MAX_FACTOR} (got ${f})`);
  }
  return [...new Set(factors)].sort((a, b) => a - b);
}

export interface SweepRunOptions {
  factors?: readonly number[];
  threads?: number;
  /** Wall-clock cap for the whole sweep, in ms (none by default). */
  maxWallMs?: number;
  signal?: AbortSignal;
  /** Called after each unit (interval × replication) is simulated. */
  onProgress?: (done: number, total: number) => void;
}

/** Each interval's scenario, in factor order: the sweep's cases, whose replications are its units. */
export function intervalCases(scenario: Scenario, inputs: HostInputs, basis: CheckpointBasis, factors: readonly number[]): PoolCase[] {
  return factors.map((f) => ({ scenario: checkpointVariant(scenario, checkpointInterval(basis, f)), inputs }));
}

/** sha256 of the scenario file's JSON with the interval of `factor` set (a part's `cases[i].sha256`). */
export function intervalSha256(raw: Record<string, unknown>, basis: CheckpointBasis, factor: number): string {
  return sha256OfScenario(setAtPath(raw, ['cluster', 'failures', 'checkpoint_interval_s'], checkpointInterval(basis, factor)));
}

export interface UnitRunOptions {
  threads?: number;
  maxWallMs?: number;
  signal?: AbortSignal;
  /** After each unit: units done, of `total`, and the engine events so far. */
  onUnit?: (done: number, total: number, events: number) => void;
}

export interface SampleRun {
  /** Per case, its units' samples in replication order. */
  samples: CheckpointSample[][];
  /** Per case: ms from its first unit's start to its last unit's end (0 for a case given no units). */
  caseWallMs: number[];
  wallMs: number;
}

/**
 * Runs `units` of `cases` (in that order of dispatch) over worker threads, each worker taking the
 * next unit when it has finished one. Rejects with SweepStoppedError when cancelled or over the cap.
 */
export function runCheckpointUnits(cases: readonly PoolCase[], units: readonly PoolUnit[], options: UnitRunOptions = {}): Promise<SampleRun> {
  const total = units.length;
  const samples: CheckpointSample[][] = cases.map(() => []);
  const caseStart = cases.map(() => -1);
  const caseEnd = cases.map(() => -1);
  const started = Date.now();
  if (total === 0) return Promise.resolve({ samples, caseWallMs: cases.map(() => 0), wallMs: 0 });
  const threads = Math.max(1, Math.min(options.threads ?? defaultThreads(undefined, cases), total));
  const init: SweepWorkerInit = { kind: 'checkpoint-sweep', cases: [...cases] };
  let next = 0;
  let done = 0;
  let events = 0;
  const dispatch = (w: { postMessage(m: ToSweepWorker): void }) => {
    if (next >= total) {
      w.postMessage({ type: 'close' });
      return;
    }
    const u = units[next] as PoolUnit;
    if ((caseStart[u.case] as number) < 0) caseStart[u.case] = Date.now();
    w.postMessage({ type: 'unit', unit: next++, case: u.case, index: u.index });
  };
  return runWorkerGroup<FromSweepWorker, SampleRun>(Array.from({ length: threads }, () => init), {
    label: 'checkpoint sweep worker',
    maxWallMs: options.maxWallMs,
    onWallCap: () => {
      const ms = options.maxWallMs as number;
      const s = ms < 10_000 ? String(Number((ms / 1000).toFixed(1))) : String(Math.round(ms / 1000));
      return new SweepStoppedError('wall-clock', `the checkpoint sweep was stopped after ${s} s (the app's wall-clock cap): use fewer replications or factors, or run \`headroom checkpoint-sweep\`, which has no cap`);
    },
    signal: options.signal,
    onAbort: (group) => group.finish(new SweepStoppedError('cancelled', 'the checkpoint sweep was cancelled')),
    onMessage(m, w, _i, group) {
      switch (m.type) {
        case 'ready':
          dispatch(w);
          break;
        case 'sample': {
          const c = (units[m.unit] as PoolUnit).case;
          (samples[c] as CheckpointSample[]).push(m.sample);
          caseEnd[c] = Date.now();
          events += m.sample.events;
          done++;
          options.onUnit?.(done, total, events);
          if (done === total) {
            for (const list of samples) list.sort((a, b) => a.index - b.index);
            const caseWallMs = caseStart.map((t, i) => (t < 0 ? 0 : Math.max(0, (caseEnd[i] as number) - t)));
            group.finish({ samples, caseWallMs, wallMs: Date.now() - started });
          } else dispatch(w);
          break;
        }
        case 'error': {
          const u = units[m.unit] as PoolUnit;
          group.finish(new Error(`replication ${u.index} of the interval at case ${u.case} failed: ${m.message}`));
          break;
        }
      }
    },
  });
}

/** The sweep over worker threads. Rejects with SweepStoppedError when cancelled or over the cap. */
export async function runCheckpointSweep(scenario: Scenario, inputs: HostInputs, options: SweepRunOptions = {}): Promise<CheckpointSweep> {
  const factors = normalizeFactors(options.factors ?? DEFAULT_FACTORS);
  const basis = checkpointBasis(scenario, inputs);
  const cases = intervalCases(scenario, inputs, basis, factors);
  const run = await runCheckpointUnits(cases, unitsOf(cases), {
    threads: options.threads,
    maxWallMs: options.maxWallMs,
    signal: options.signal,
    onUnit: options.onProgress ? (done, total) => options.onProgress?.(done, total) : undefined,
  });
  return checkpointSweepOf(basis, factors, run.samples);
}
