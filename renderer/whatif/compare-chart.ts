// Maths of the Compare view's overlaid chart: each service's latency percentiles of A and B on
// one axis, side by side within each percentile's band, with their 95% CI whiskers and the
// budget line. The statistics come from the compare document's figures; the scale follows the
// latency chart's rule (log when the values span more than ~1.5 decades). Pure.
import { scaleBand, scaleLinear, scaleLog } from 'd3';
import type { CompareDocument } from '../../electron/common/contract';
import type { Stat } from '../../simulation';
import { wantsLogScale } from '../../simulation/present';
import { msTickLabel } from '../charts/ticks';

export const LATENCY_KEYS = [
  { key: 'mean', label: 'mean' },
  { key: 'p50', label: 'p50' },
  { key: 'p95', label: 'p95' },
  { key: 'p99', label: 'p99' },
  { key: 'p999', label: 'p99.9' },
] as const;

export type LatencyKey = (typeof LATENCY_KEYS)[number]['key'];
export type Side = 'a' | 'b';

export interface OverlayPoint {
  key: LatencyKey;
  label: string;
  a: Stat | null;
  b: Stat | null;
  significant: boolean | null;
}

export interface ServiceLatencies {
  id: string;
  points: OverlayPoint[];
}

const PATH = /^serving\.(.+)\.latency_ms\.(mean|p50|p95|p99|p999)$/;

/** Each service's latency statistics in A and B, in document order (services without any give none). */
export function serviceLatencies(doc: CompareDocument): ServiceLatencies[] {
  const byId = new Map<string, Map<LatencyKey, OverlayPoint>>();
  for (const f of doc.figures) {
    const m = PATH.exec(f.path);
    if (!m || (!f.a && !f.b)) continue;
    const id = m[1]!, key = m[2] as LatencyKey;
    let points = byId.get(id);
    if (!points) byId.set(id, (points = new Map()));
    points.set(key, { key, label: LATENCY_KEYS.find((k) => k.key === key)!.label, a: f.a, b: f.b, significant: f.significant });
  }
  return [...byId].map(([id, points]) => ({ id, points: LATENCY_KEYS.flatMap((k) => points.get(k.key) ?? []) }));
}

export interface OverlayBox {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
}

export interface PlacedStat {
  side: Side;
  key: LatencyKey;
  stat: Stat;
  x: number;
  y: number;
  yLow: number;
  yHigh: number;
}

export interface OverlayModel {
  scaleKind: 'linear' | 'log';
  plot: { left: number; right: number; top: number; bottom: number };
  bands: { key: LatencyKey; label: string; x: number }[];
  placed: PlacedStat[];
  /** Half the gap between A's and B's points in a band, for whisker caps and labels. */
  offset: number;
  yTicks: { value: number; y: number; label: string }[];
  budgetY: number | null;
}

export function overlayModel(points: readonly OverlayPoint[], budgetMs: number | null, box: OverlayBox): OverlayModel {
  const plot = { left: box.margin.left, right: box.width - box.margin.right, top: box.margin.top, bottom: box.height - box.margin.bottom };
  const stats = points.flatMap((p) => [p.a, p.b]).filter((s): s is Stat => s !== null);
  const values = stats.flatMap((s) => [s.mean, s.ci95[0], s.ci95[1]]).concat(budgetMs ?? []).filter(Number.isFinite);
  const scaleKind = wantsLogScale(stats.flatMap((s) => [s.mean, s.ci95[1]]).concat(budgetMs ?? [])) ? 'log' : 'linear';
  const hi = values.length > 0 ? Math.max(...values) : 1;
  const positive = values.filter((v) => v > 0);
  const lo = scaleKind === 'log' ? (positive.length > 0 ? Math.min(...positive) : 1) / 1.4 : 0;
  const y = scaleKind === 'log'
    ? scaleLog().domain([lo, hi * 1.4]).range([plot.bottom, plot.top]).clamp(true)
    : scaleLinear().domain([0, (hi > 0 ? hi : 1) * 1.04]).range([plot.bottom, plot.top]).nice();
  const x = scaleBand<string>().domain(points.map((p) => p.key)).range([plot.left, plot.right]).padding(0.2);
  const offset = Math.min(x.bandwidth() / 4, 18);

  let ticks = y.ticks(scaleKind === 'log' ? 10 : 6);
  if (scaleKind === 'log' && ticks.length > 8) {
    ticks = ticks.filter((t) => [1, 2, 5].includes(Math.round(t / 10 ** Math.floor(Math.log10(t) + 1e-9))));
  }
  const clampLow = (v: number) => (scaleKind === 'log' ? Math.max(v, lo) : v);

  const bands = points.map((p) => ({ key: p.key, label: p.label, x: (x(p.key) ?? plot.left) + x.bandwidth() / 2 }));
  const placed: PlacedStat[] = [];
  points.forEach((p, i) => {
    for (const side of ['a', 'b'] as const) {
      const stat = p[side];
      if (!stat) continue;
      placed.push({
        side, key: p.key, stat,
        x: bands[i]!.x + (side === 'a' ? -offset : offset),
        y: y(clampLow(stat.mean)), yLow: y(clampLow(stat.ci95[0])), yHigh: y(stat.ci95[1]),
      });
    }
  });
  return {
    scaleKind, plot, bands, placed, offset,
    yTicks: ticks.map((t) => ({ value: t, y: y(t), label: msTickLabel(t) })),
    budgetY: budgetMs === null ? null : y(budgetMs),
  };
}
