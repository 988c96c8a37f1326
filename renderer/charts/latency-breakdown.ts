// Maths for the latency-budget breakdown: mean feature, queue, service, network and
// post-processing time stacked into one horizontal bar, against the budget. Pure. A breakdown of
// means says nothing of the SLO, which is judged at a percentile with its CI (the run's verdict):
// its note states the mean total and where the budget applies, in a neutral tone.
import { scaleLinear } from 'd3';
import type { MaybeStat, ServiceResult } from '../../simulation';
import { percentileName } from '../../simulation/present';
import { msTickLabel } from './ticks';

export type ComponentKey = keyof ServiceResult['components_ms'];

export const COMPONENTS: { key: ComponentKey; label: string }[] = [
  { key: 'feature', label: 'Feature lookup' },
  { key: 'queue', label: 'Queueing' },
  { key: 'service', label: 'Model service' },
  { key: 'network', label: 'Network' },
  { key: 'postprocess', label: 'Post-processing' },
];

export interface BreakdownSegment {
  key: ComponentKey;
  label: string;
  ms: number;
  x: number;
  width: number;
}

export interface BreakdownModel {
  segments: BreakdownSegment[];
  totalMs: number;
  budgetMs: number;
  budgetX: number;
  /** The mean total is over the budget: a fact about means, not the SLO (judged at a percentile). */
  over: boolean;
  ticks: { x: number; label: string }[];
  plot: { left: number; right: number };
}

export function breakdownModel(
  components: Record<ComponentKey, MaybeStat>,
  budgetMs: number,
  plot: { left: number; right: number },
): BreakdownModel {
  const parts = COMPONENTS.map((c) => ({ ...c, ms: Math.max(0, components[c.key]?.mean ?? 0) }));
  const totalMs = parts.reduce((sum, p) => sum + p.ms, 0);
  const x = scaleLinear().domain([0, Math.max(totalMs, budgetMs, 1) * 1.05]).range([plot.left, plot.right]).nice();
  let at = 0;
  const segments = parts.map((p) => {
    const segment = { key: p.key, label: p.label, ms: p.ms, x: x(at), width: x(at + p.ms) - x(at) };
    at += p.ms;
    return segment;
  });
  return {
    segments,
    totalMs,
    budgetMs,
    budgetX: x(budgetMs),
    over: totalMs > budgetMs,
    ticks: x.ticks(5).map((t) => ({ x: x(t), label: msTickLabel(t) })),
    plot,
  };
}

/** "Mean total 470 ms; the 200 ms budget applies to the p99". */
export function breakdownNote(totalMs: number, budgetMs: number, sloPercentile: number | null | undefined, ms: (x: number) => string): string {
  const at = sloPercentile === null || sloPercentile === undefined ? 'the SLO percentile' : `the ${percentileName(sloPercentile)}`;
  return `Mean total ${ms(totalMs)}; the ${ms(budgetMs)} budget applies to ${at}`;
}
