// The tornado chart of a sensitivity analysis: one row per input, ranked by how far the figure's
// mean moves between the input at −δ and +δ (the swing), each bar spanning from the figure at the
// low value to the figure at the high value around the base; inputs that could not be varied
// listed apart with the reason. Then the rows placed on a horizontal scale. Pure.
import { scaleLinear } from 'd3';
import type { SensitivityResult, Stat } from '../../../simulation';

export interface TornadoRow {
  path: string;
  label: string;
  rank: number;
  baseValue: number;
  lowValue: number | null;
  highValue: number | null;
  /** The figure with the input at its low and high value (one may be missing at a bound). */
  low: Stat | null;
  high: Stat | null;
  /** |high − low| of the means, or |side − base| when only one side was simulated. */
  swing: number;
  oneSided: boolean;
}

export interface NotVaried {
  path: string;
  label: string;
  reason: string;
}

export interface TornadoData {
  figure: string;
  delta: number;
  base: Stat | null;
  rows: TornadoRow[];
  notVaried: NotVaried[];
}

export function tornadoRows(r: SensitivityResult, labelOf: (path: string) => string = (p) => p): TornadoData {
  const rows: Omit<TornadoRow, 'rank'>[] = [];
  const notVaried: NotVaried[] = [];
  for (const e of r.inputs) {
    const label = labelOf(e.path);
    if (e.error) {
      notVaried.push({ path: e.path, label, reason: e.error });
      continue;
    }
    if (!e.low && !e.high) {
      notVaried.push({
        path: e.path,
        label,
        reason: e.low_value === null && e.high_value === null ? 'cannot move within its bounds' : 'the figure is empty at both values',
      });
      continue;
    }
    const oneSided = !(e.low && e.high);
    const side = (e.low ?? e.high) as Stat;
    const swing = oneSided ? (r.base ? Math.abs(side.mean - r.base.mean) : 0) : Math.abs((e.high as Stat).mean - (e.low as Stat).mean);
    rows.push({ path: e.path, label, baseValue: e.base_value, lowValue: e.low_value, highValue: e.high_value, low: e.low, high: e.high, swing, oneSided });
  }
  // Two-sided rows by swing first (the engine's ranking), then one-sided ones; ties by path.
  rows.sort((a, b) => Number(a.oneSided) - Number(b.oneSided) || b.swing - a.swing || a.path.localeCompare(b.path));
  return { figure: r.figure, delta: r.delta, base: r.base, rows: rows.map((row, i) => ({ ...row, rank: i + 1 })), notVaried };
}

export interface TornadoBox {
  width: number;
  rowHeight: number;
  margin: { top: number; right: number; bottom: number; left: number };
}

export interface PlacedBar {
  /** Figure's mean at this side, and its CI, in x. */
  x: number;
  ciLow: number;
  ciHigh: number;
  side: 'low' | 'high';
}

export interface PlacedRow extends TornadoRow {
  y: number;
  bars: PlacedBar[];
}

export interface TornadoLayout {
  plot: { left: number; right: number; top: number; bottom: number };
  height: number;
  baseX: number | null;
  rows: PlacedRow[];
  xTicks: { x: number; value: number }[];
}

export function tornadoLayout(data: TornadoData, box: TornadoBox): TornadoLayout {
  const height = box.margin.top + Math.max(1, data.rows.length) * box.rowHeight + box.margin.bottom;
  const plot = { left: box.margin.left, right: box.width - box.margin.right, top: box.margin.top, bottom: height - box.margin.bottom };
  const values = data.rows.flatMap((r) => [r.low, r.high].flatMap((s) => (s ? [s.mean, s.ci95[0], s.ci95[1]] : [])));
  if (data.base) values.push(data.base.mean);
  const finite = values.filter(Number.isFinite);
  let lo = finite.length ? Math.min(...finite) : 0;
  let hi = finite.length ? Math.max(...finite) : 1;
  if (lo === hi) [lo, hi] = [lo - Math.abs(lo) * 0.1 - 1e-9, hi + Math.abs(hi) * 0.1 + 1e-9];
  const pad = (hi - lo) * 0.05;
  const x = scaleLinear().domain([lo - pad, hi + pad]).range([plot.left, plot.right]).nice(6);
  const rows = data.rows.map((r, i): PlacedRow => ({
    ...r,
    y: plot.top + i * box.rowHeight + box.rowHeight / 2,
    bars: (['low', 'high'] as const).flatMap((side) => {
      const s = side === 'low' ? r.low : r.high;
      return s ? [{ side, x: x(s.mean), ciLow: x(s.ci95[0]), ciHigh: x(s.ci95[1]) }] : [];
    }),
  }));
  return {
    plot,
    height,
    baseX: data.base ? x(data.base.mean) : null,
    rows,
    xTicks: x.ticks(6).map((v) => ({ x: x(v), value: v })),
  };
}
