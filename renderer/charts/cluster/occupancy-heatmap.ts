// The node-occupancy heatmap: rows of nodes × time buckets, colour = share of the row's units
// allocated (a ramp from "empty" to "full"), a failed (down) cell in its own hue, slow rows
// marked. Pure: the colour mapping, the layout and the per-row summary; the component paints
// the cells on a canvas (128 rows × 96 buckets is 12,288 cells) and draws axes in SVG.
import { interpolateLab, scaleLinear } from 'd3';
import type { OccupancyGrid } from '../../../simulation';
import { msTickLabel } from '../ticks';
import { durationUnit, type DurationUnit } from './duration-unit';

export interface HeatPalette {
  /** Colour of an idle cell (0 % allocated). */
  empty: string;
  /** Colour of a fully allocated cell. */
  full: string;
  /** Colour of a cell whose units are down (failed, under repair). */
  down: string;
}

export const RAMP_STEPS = 64;

export interface HeatRamp {
  allocated: string[];
  down: string[];
}

/** Precomputed colours: RAMP_STEPS + 1 allocation levels, and down levels (from a visible tint to full). */
export function heatRamp(p: HeatPalette): HeatRamp {
  const a = interpolateLab(p.empty, p.full);
  const d = interpolateLab(p.empty, p.down);
  const levels = Array.from({ length: RAMP_STEPS + 1 }, (_, i) => i / RAMP_STEPS);
  return { allocated: levels.map((t) => a(t)), down: levels.map((t) => d(0.35 + 0.65 * t)) };
}

const level = (v: number) => Math.round(Math.min(1, Math.max(0, Number.isFinite(v) ? v : 0)) * RAMP_STEPS);

/**
 * A cell's colour: down wins when more of the row's units were down than allocated in the bucket
 * (a failed node holds no job), so failures stand out; otherwise the allocation level.
 */
export function cellColor(allocated: number, down: number, ramp: HeatRamp): string {
  if (down > 0 && down >= allocated) return ramp.down[level(down)]!;
  return ramp.allocated[level(allocated)]!;
}

export interface HeatRow {
  index: number;
  pool: string;
  /** Label: "node 3" or "nodes 8–15". */
  label: string;
  y: number;
  slow: number;
  /** First row of its pool (draw the pool's name and a separator). */
  poolStart: boolean;
}

export interface HeatmapLayout {
  unit: DurationUnit;
  plot: { left: number; right: number; top: number; bottom: number };
  rowHeight: number;
  cellWidth: number;
  rows: HeatRow[];
  pools: { pool: string; y0: number; y1: number }[];
  xTicks: { x: number; label: string }[];
  height: number;
  /** Show one label per row (rows tall enough), or only the pools' names. */
  rowLabels: boolean;
}

export const HEAT_MARGIN = { left: 150, right: 10, top: 6, bottom: 34 };

/** A pool's name as drawn left of its rows (long ids are cut so they never reach the row labels). */
export function poolLabel(pool: string, max = 13): string {
  return pool.length <= max ? pool : `${pool.slice(0, max - 1)}…`;
}

export function rowLabel(r: OccupancyGrid['rows'][number]): string {
  // Numbered from 1 within the pool, as an operator counts them (the grid's first_node is 0-based).
  return r.nodes === 1 ? `node ${r.first_node + 1}` : `nodes ${r.first_node + 1}–${r.first_node + r.nodes}`;
}

/** Rows 4–16 px tall: about 200 px for a few rows, never more than ~520 px for 128. */
export function heatmapLayout(grid: OccupancyGrid, width: number, horizonS: number): HeatmapLayout {
  const n = grid.rows.length;
  const buckets = grid.allocated[0]?.length ?? 0;
  const rowHeight = n === 0 ? 0 : Math.max(4, Math.min(16, Math.floor(520 / n)));
  const plot = { left: HEAT_MARGIN.left, right: Math.max(HEAT_MARGIN.left + 1, width - HEAT_MARGIN.right), top: HEAT_MARGIN.top, bottom: HEAT_MARGIN.top + n * rowHeight };
  const end = Math.max(horizonS, buckets * grid.bucket_s, 1e-9);
  const unit = durationUnit(end);
  const x = scaleLinear().domain([0, end / unit.seconds]).range([plot.left, plot.right]);
  const rows: HeatRow[] = grid.rows.map((r, i) => ({
    index: i, pool: r.pool, label: rowLabel(r), y: plot.top + i * rowHeight, slow: r.slow_nodes,
    poolStart: i === 0 || grid.rows[i - 1]!.pool !== r.pool,
  }));
  const pools: HeatmapLayout['pools'] = [];
  for (const r of rows) {
    const last = pools[pools.length - 1];
    if (last && last.pool === r.pool) last.y1 = r.y + rowHeight;
    else pools.push({ pool: r.pool, y0: r.y, y1: r.y + rowHeight });
  }
  return {
    unit,
    plot,
    rowHeight,
    cellWidth: buckets === 0 ? 0 : (x(grid.bucket_s / unit.seconds) - x(0)),
    rows,
    pools,
    xTicks: x.ticks(Math.max(2, Math.floor((plot.right - plot.left) / 70))).map((t) => ({ x: x(t), label: msTickLabel(t) })),
    height: plot.bottom + HEAT_MARGIN.bottom,
    rowLabels: rowHeight >= 11,
  };
}

export interface RowSummary {
  pool: string;
  label: string;
  slow: number;
  /** Mean share allocated / down over the buckets. */
  allocated: number;
  down: number;
}

export function rowSummaries(grid: OccupancyGrid): RowSummary[] {
  const avg = (v: readonly number[] | undefined) => (!v || v.length === 0 ? 0 : v.reduce((s, x) => s + x, 0) / v.length);
  return grid.rows.map((r, i) => ({ pool: r.pool, label: rowLabel(r), slow: r.slow_nodes, allocated: avg(grid.allocated[i]), down: avg(grid.down[i]) }));
}
