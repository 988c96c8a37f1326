// The checkpoint-interval sweep (simulation/cluster/checkpoint-sweep.ts) off the calling thread:
// the sweep's intervals are shared among worker threads (the same worker script as runs), each
// simulates its intervals on the scenario's seeds, and the parts are put back in factor order.
// Every interval's figures depend only on (scenario, factor, replication), so the result is the
// same whatever the number of threads. Used by `headroom checkpoint-sweep` and the app's
// "Checkpoint interval…" dialog (with a wall-clock cap and cancel).
import type { CheckpointSweep, HostInputs, Scenario, ValidationIssue } from '../../../simulation';
import { bestPoint, DEFAULT_FACTORS, type CheckpointPoint } from '../../../simulation';
import { distMean } from '../../../simulation';
import { MAX_FACTOR, MAX_FACTORS, MIN_FACTOR } from '../../common/contract';
import { defaultThreads } from '../runs/run-pool';
import { runWorkerGroup } from '../runs/worker-group';
import type { FromSweepWorker, SweepWorkerInit } from '../runs/worker-protocol';

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
  /** Called after each interval is simulated. */
  onProgress?: (done: number, total: number) => void;
}

/** The sweep over worker threads. Rejects with SweepStoppedError when cancelled or over the cap. */
export function runCheckpointSweep(scenario: Scenario, inputs: HostInputs, options: SweepRunOptions = {}): Promise<CheckpointSweep> {
  const factors = normalizeFactors(options.factors ?? DEFAULT_FACTORS);
  const threads = Math.max(1, Math.min(options.threads ?? defaultThreads(), factors.length));
  const shares = Array.from({ length: threads }, (_, t) => factors.filter((_f, i) => i % threads === t));
  const parts: CheckpointSweep[] = [];
  let done = 0;
  const inits = shares.map((share): SweepWorkerInit => ({ kind: 'checkpoint-sweep', scenario, inputs, factors: share }));
  return runWorkerGroup<FromSweepWorker, CheckpointSweep>(inits, {
    label: 'checkpoint sweep worker',
    maxWallMs: options.maxWallMs,
    onWallCap: () => {
      const ms = options.maxWallMs as number;
      const s = ms < 10_000 ? String(Number((ms / 1000).toFixed(1))) : String(Math.round(ms / 1000));
      return new SweepStoppedError('wall-clock', `the checkpoint sweep was stopped after ${s} s (the app's wall-clock cap): use fewer replications or factors, or run \`headroom checkpoint-sweep\`, which has no cap`);
    },
    signal: options.signal,
    onAbort: (group) => group.finish(new SweepStoppedError('cancelled', 'the checkpoint sweep was cancelled')),
    onMessage(m, _w, _i, group) {
      if (m.type === 'sweep-point') options.onProgress?.(++done, factors.length);
      else if (m.type === 'error') group.finish(new Error(m.message));
      else {
        parts.push(m.sweep);
        if (parts.length === shares.length) group.finish(mergeParts(parts, factors));
      }
    },
  });
}

/** The parts' points in factor order, and the best interval chosen as the engine does (first highest goodput). */
export function mergeParts(parts: readonly CheckpointSweep[], factors: readonly number[]): CheckpointSweep {
  const byFactor = new Map<number, CheckpointPoint>();
  for (const p of parts) for (const pt of p.points) byFactor.set(pt.factor, pt);
  const points = factors.map((f) => {
    const pt = byFactor.get(f);
    if (!pt) throw new Error(`the sweep lacks the interval at ${f} × Young/Daly`);
    return pt;
  });
  const best = bestPoint(points);
  const { nodes, mtbf_job_s, checkpoint_cost_s, young_daly_interval_s } = parts[0] as CheckpointSweep;
  return { nodes, mtbf_job_s, checkpoint_cost_s, young_daly_interval_s, points, best: { factor: best.factor, interval_s: best.interval_s } };
}
