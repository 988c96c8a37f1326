// "Utilization vs target" per pool: the simulated allocated and busy utilization (bars with
// 95% CI whiskers), the analytic allocation snapshot (allocated_units ÷ units) beside them, and
// the pool's target as a dashed line. Pure: positions only; the component draws them.
import { scaleLinear } from 'd3';
import type { PoolAnalytic } from '../../../simulation';
import type { ClusterResult } from '../../../simulation';
import type { MaybeStat } from '../../../simulation';

export type UtilizationKind = 'allocated' | 'busy' | 'snapshot';

export const UTILIZATION_LABELS: Record<UtilizationKind, string> = {
  allocated: 'Allocated',
  busy: 'Busy',
  snapshot: 'Snapshot',
};

export interface UtilizationBar {
  kind: UtilizationKind;
  value: number;
  /** 95% CI (null for the analytic snapshot). */
  ci95: [number, number] | null;
  y: number;
  x0: number;
  x: number;
  xLo: number | null;
  xHi: number | null;
}

export interface UtilizationGroup {
  pool: string;
  /** Top of the group (its title line). */
  y: number;
  bars: UtilizationBar[];
  target: number | null;
  targetX: number | null;
  /** Simulated mean allocated utilization strictly above the target. */
  over: boolean;
  allocated: MaybeStat;
  busy: MaybeStat;
  snapshot: number | null;
}

export interface UtilizationModel {
  groups: UtilizationGroup[];
  height: number;
  ticks: { x: number; label: string }[];
  plot: { left: number; right: number; top: number; bottom: number };
  barHeight: number;
}

export const UTIL_LAYOUT = { title: 18, bar: 13, gap: 4, groupGap: 12, top: 4, axis: 22 };

export function utilizationModel(
  pools: ClusterResult['pools'],
  analytic: Record<string, PoolAnalytic>,
  box: { width: number; left: number; right: number },
): UtilizationModel {
  const L = UTIL_LAYOUT;
  const ids = Object.keys(pools);
  const values = ids.flatMap((id) => {
    const p = pools[id]!;
    return [p.utilization?.ci95[1] ?? 0, p.busy_utilization?.ci95[1] ?? 0, analytic[id]?.allocated_utilization ?? 0, p.utilization_target ?? 0];
  });
  const plot = { left: box.left, right: box.width - box.right, top: L.top, bottom: 0 };
  const x = scaleLinear().domain([0, Math.max(1, ...values)]).range([plot.left, plot.right]);
  let y = L.top;
  const groups = ids.map((id) => {
    const p = pools[id]!;
    const snapshot = analytic[id]?.allocated_utilization ?? null;
    const top = y;
    y += L.title;
    const bars: UtilizationBar[] = [];
    const add = (kind: UtilizationKind, stat: MaybeStat | number | null) => {
      if (stat === null) return;
      const value = typeof stat === 'number' ? stat : stat.mean;
      const ci = typeof stat === 'number' ? null : stat.ci95;
      bars.push({
        kind, value, ci95: ci, y, x0: x(0), x: x(Math.max(0, value)),
        xLo: ci ? x(Math.max(0, ci[0])) : null, xHi: ci ? x(Math.max(0, ci[1])) : null,
      });
      y += L.bar + L.gap;
    };
    add('allocated', p.utilization);
    add('busy', p.busy_utilization);
    add('snapshot', snapshot);
    if (bars.length === 0) y += L.bar + L.gap;
    const group: UtilizationGroup = {
      pool: id, y: top, bars,
      target: p.utilization_target, targetX: p.utilization_target === null ? null : x(p.utilization_target),
      over: p.over_target === true,
      allocated: p.utilization, busy: p.busy_utilization, snapshot,
    };
    y += L.groupGap - L.gap;
    return group;
  });
  plot.bottom = y;
  return {
    groups,
    height: y + L.axis,
    ticks: x.ticks(5).map((t) => ({ x: x(t), label: `${Math.round(t * 100)}%` })),
    plot,
    barHeight: L.bar,
  };
}
