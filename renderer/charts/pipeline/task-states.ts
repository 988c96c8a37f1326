// How a task ended over the simulated runs, shaped for the DAG and the task-state bars: the four
// final states as shares that sum to 1 (means over replications, renormalised against rounding),
// and a failure-propagation class: whether the task's own failures or its upstream's dominate.
import type { PipelineTaskResult } from '../../../simulation';

export const STATE_KEYS = ['success', 'failed', 'upstream_failed', 'skipped'] as const;
export type StateKey = (typeof STATE_KEYS)[number];

export const STATE_LABELS: Record<StateKey, string> = {
  success: 'success',
  failed: 'failed',
  upstream_failed: 'upstream failed',
  skipped: 'skipped',
};

export interface TaskShares {
  shares: Record<StateKey, number>;
  /** failed + upstream_failed. */
  notSuccess: number;
  /** 'ok' (< 1% of runs end badly), 'fails' (its own failures dominate), 'propagated' (upstream's do). */
  kind: 'ok' | 'fails' | 'propagated';
}

export function taskShares(t: PipelineTaskResult | undefined): TaskShares {
  const raw = Object.fromEntries(STATE_KEYS.map((k) => [k, Math.max(0, t?.[k]?.mean ?? 0)])) as Record<StateKey, number>;
  const total = STATE_KEYS.reduce((s, k) => s + raw[k], 0);
  const shares = Object.fromEntries(STATE_KEYS.map((k) => [k, total > 0 ? raw[k] / total : 0])) as Record<StateKey, number>;
  const notSuccess = shares.failed + shares.upstream_failed;
  const kind = notSuccess < 0.01 ? 'ok' : shares.failed >= shares.upstream_failed ? 'fails' : 'propagated';
  return { shares, notSuccess, kind };
}

/** Segments of a horizontal stacked bar of width `width` (zero-width states dropped). */
export function stateSegments(shares: Record<StateKey, number>, width: number): { key: StateKey; x: number; width: number }[] {
  let x = 0;
  return STATE_KEYS.flatMap((key) => {
    const w = shares[key] * width;
    const seg = { key, x, width: w };
    x += w;
    return w > 0 ? [seg] : [];
  });
}
