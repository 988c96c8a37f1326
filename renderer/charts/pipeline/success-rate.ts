// Maths for "Success rate vs ∏(1−p)": the simulated success rate and DAG-run success rate as
// bars with 95% CI whiskers on a 0–100 % axis, the analytic ∏(1−p) (and with retries, when it
// differs) as dashed marks with their labels stacked above the plot so they never collide. Pure.
import { scaleLinear } from 'd3';
import type { MaybeStat, Stat } from '../../../simulation';

export interface SuccessRateInput {
  successRate: MaybeStat;
  dagRunSuccessRate: MaybeStat;
  reliability: number;
  reliabilityWithRetries: number;
}

export interface RateBar {
  key: 'success' | 'dag_run';
  label: string;
  stat: Stat | null;
  y: number;
  /** Right end of the bar (the mean); CI ends clamped to [0, 1]. */
  x: number;
  xLo: number;
  xHi: number;
}

export interface AnalyticMark {
  key: 'reliability' | 'with_retries';
  label: string;
  value: number;
  x: number;
  labelY: number;
  anchor: 'start' | 'middle' | 'end';
}

export interface SuccessRateModel {
  plot: { left: number; right: number; top: number; bottom: number };
  height: number;
  barHeight: number;
  bars: RateBar[];
  marks: AnalyticMark[];
  ticks: { x: number; label: string }[];
}

const ROW = 30;
const BAR = 16;
const LABEL_ROW = 14;

export function successRateModel(input: SuccessRateInput, width: number, margin = { left: 128, right: 128 }): SuccessRateModel {
  const withRetries = Math.abs(input.reliabilityWithRetries - input.reliability) > 1e-12;
  const marksIn = [
    { key: 'reliability' as const, label: '∏(1−p)', value: input.reliability },
    ...(withRetries ? [{ key: 'with_retries' as const, label: '∏(1−p) with retries', value: input.reliabilityWithRetries }] : []),
  ];
  const top = 8 + marksIn.length * LABEL_ROW;
  const rows = [
    { key: 'success' as const, label: 'Every task succeeds', stat: input.successRate },
    { key: 'dag_run' as const, label: 'DAG run succeeds', stat: input.dagRunSuccessRate },
  ];
  const plot = { left: margin.left, right: Math.max(margin.left + 40, width - margin.right), top, bottom: top + rows.length * ROW };
  const x = scaleLinear().domain([0, 1]).range([plot.left, plot.right]).clamp(true);
  const bars = rows.map((r, i) => ({
    key: r.key, label: r.label, stat: r.stat,
    y: plot.top + i * ROW + (ROW - BAR) / 2,
    x: r.stat ? x(r.stat.mean) : plot.left,
    xLo: r.stat ? x(r.stat.ci95[0]) : plot.left,
    xHi: r.stat ? x(r.stat.ci95[1]) : plot.left,
  }));
  const marks = marksIn.map((m, k) => {
    const mx = x(m.value);
    const anchor: AnalyticMark['anchor'] = mx > plot.right - 90 ? 'end' : mx < plot.left + 90 ? 'start' : 'middle';
    // The first label sits highest, so the later (shorter) marks' lines do not cross it.
    return { ...m, x: mx, labelY: 8 + k * LABEL_ROW + LABEL_ROW / 2, anchor };
  });
  return {
    plot,
    height: plot.bottom + 24,
    barHeight: BAR,
    bars,
    marks,
    ticks: x.ticks(5).map((t) => ({ x: x(t), label: `${Math.round(t * 100)}%` })),
  };
}
