// Maths for the latency-budget breakdown: mean feature, queue, service, network and
// post-processing time stacked into one horizontal bar, against the budget. Pure.
import { scaleLinear } from 'd3';
import type { MaybeStat, ServiceResult } from '../../simulation';
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
