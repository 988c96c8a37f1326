// Where the jobs' allocated GPU time goes: compute, all-reduce, barrier wait (stragglers),
// checkpoint writes, restart overhead and lost work, stacked in one 100 % bar. Pure.
import { scaleLinear } from 'd3';
import type { AllocationShares } from '../../../simulation';
import type { MaybeStat, Stat } from '../../../simulation';

export type AllocationKey = keyof AllocationShares;

export const ALLOCATION_PARTS: { key: AllocationKey; label: string; useful: boolean }[] = [
  { key: 'compute', label: 'Compute', useful: true },
  { key: 'all_reduce', label: 'All-reduce', useful: true },
  { key: 'barrier_wait', label: 'Barrier wait (stragglers)', useful: false },
  { key: 'checkpoint', label: 'Checkpoint writes', useful: false },
  { key: 'restart', label: 'Restart overhead', useful: false },
  { key: 'lost', label: 'Lost work', useful: false },
];

export interface AllocationSegment {
  key: AllocationKey;
  label: string;
  stat: Stat | null;
  share: number;
  x: number;
  width: number;
}

export interface AllocationModel {
  segments: AllocationSegment[];
  /** Sum of the mean shares (≈ 1; a step in progress at a window edge leaves a small gap). */
  total: number;
  /** Compute + all-reduce: the busy share of the jobs' allocation. */
  useful: number;
  ticks: { x: number; label: string }[];
}

export function allocationModel(allocation: Record<AllocationKey, MaybeStat>, plot: { left: number; right: number }): AllocationModel {
  const parts = ALLOCATION_PARTS.map((p) => ({ ...p, stat: allocation[p.key] ?? null, share: Math.max(0, allocation[p.key]?.mean ?? 0) }));
  const total = parts.reduce((s, p) => s + p.share, 0);
  const x = scaleLinear().domain([0, Math.max(1, total)]).range([plot.left, plot.right]);
  let at = 0;
  const segments = parts.map((p) => {
    const seg = { key: p.key, label: p.label, stat: p.stat, share: p.share, x: x(at), width: x(at + p.share) - x(at) };
    at += p.share;
    return seg;
  });
  return {
    segments,
    total,
    useful: parts.filter((p) => p.useful).reduce((s, p) => s + p.share, 0),
    ticks: [0, 0.25, 0.5, 0.75, 1].map((t) => ({ x: x(t), label: `${t * 100}%` })),
  };
}
