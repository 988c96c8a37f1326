// Maths for "How each task ended": one 100 % bar per task, stacked success / failed /
// upstream failed / skipped (./task-states), so failure propagation down the DAG shows as the
// upstream-failed share growing task by task. At most MAX_BARS rows; the table lists them all.
import { scaleLinear } from 'd3';
import type { PipelineTaskResult } from '../../../simulation';
import { stateSegments, taskShares, type StateKey, type TaskShares } from './task-states';

export const MAX_BARS = 60;
const ROW = 20;
const BAR = 14;
const CHAR_PX = 6.4;

export interface TaskBar {
  id: string;
  shares: TaskShares;
  y: number;
  segments: { key: StateKey; x: number; width: number }[];
}

export interface TaskStateModel {
  plot: { left: number; right: number; top: number; bottom: number };
  height: number;
  barHeight: number;
  bars: TaskBar[];
  /** Tasks not drawn (beyond MAX_BARS). */
  hidden: number;
  ticks: { x: number; label: string }[];
}

export function taskStateModel(tasks: Record<string, PipelineTaskResult>, width: number): TaskStateModel {
  const all = Object.keys(tasks);
  const ids = all.slice(0, MAX_BARS);
  const longest = Math.max(4, ...ids.map((id) => id.length));
  // Task names on the left, up to a third of the width; longer names are clipped by the caller.
  const left = Math.min(Math.round(width / 3), 16 + longest * CHAR_PX);
  const plot = { left, right: Math.max(left + 40, width - 20), top: 4, bottom: 4 + ids.length * ROW };
  const x = scaleLinear().domain([0, 1]).range([plot.left, plot.right]);
  const bars = ids.map((id, i) => {
    const shares = taskShares(tasks[id]);
    const segments = stateSegments(shares.shares, plot.right - plot.left).map((s) => ({ ...s, x: plot.left + s.x }));
    return { id, shares, y: plot.top + i * ROW + (ROW - BAR) / 2, segments };
  });
  return {
    plot,
    height: plot.bottom + 22,
    barHeight: BAR,
    bars,
    hidden: all.length - ids.length,
    ticks: x.ticks(5).map((t) => ({ x: x(t), label: `${Math.round(t * 100)}%` })),
  };
}

/** A task name that fits `px` pixels, with an ellipsis when cut. */
export function fitLabel(text: string, px: number): string {
  const max = Math.max(3, Math.floor(px / CHAR_PX));
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
