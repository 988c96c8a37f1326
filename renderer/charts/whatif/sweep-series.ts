// A sweep as a series to draw: the chosen figure at each point (mean and 95% CI), the cost per
// hour there, whether the service meets its SLO with confidence (the upper end of the CI of its
// latency at the SLO percentile ≤ its budget, as the solver judges; an `llm` service: both TTFT
// and TPOT at their SLO percentiles within their SLOs), and the cheapest point that does. Pure (no React, no DOM); ./sweep-chart-model places it on axes.
import type { ResultDocument, Stat, SweepDocument } from '../../../simulation';
import { isStat, statAtPath } from '../../../simulation';
import { isSimulatedService, llmEntity, llmMeetsSlo } from '../../../simulation/present';
import { budgetMs, llmSloMs } from '../service-budget';
import { COST_PER_HOUR } from './figure-choices';

/** A pool's share of the cost per hour: its units (or the swept value at `path`) × its cost per unit-hour. */
export interface PoolCost {
  /** `cluster.pools[i].units`, as a sweep names it. */
  path: string;
  units: number;
  costPerUnitHour: number;
}

export interface SweepSeriesPoint {
  /** Every parameter's value, in the sweep's order. */
  values: number[];
  stat: Stat | null;
  /** Services' and pools' cost per hour at this point; null when none has a cost. */
  cost: number | null;
  /** Meets the SLO with confidence; null when there is no SLO to judge (no simulated service). */
  meets: boolean | null;
}

export interface SweepSeries {
  figure: string;
  parameters: string[];
  points: SweepSeriesPoint[];
  /** The service whose SLO the points are judged by, its budget, and whether the figure is its latency. */
  sloService: string | null;
  budgetMs: number | null;
  /** The SLO service is an `llm` one, judged on two SLOs (TTFT and TPOT): "the SLOs" in words. */
  twoSlos: boolean;
  /** The cheapest point meeting the SLO (by cost when every meeting point has one, else the lowest values). */
  cheapest: SweepSeriesPoint | null;
  cheapestBy: 'cost' | 'value' | null;
  hasCost: boolean;
}

/** The pools with a cost in the scenario the sweep ran on. */
export function poolCosts(raw: unknown): PoolCost[] {
  const pools = (raw as { cluster?: { pools?: unknown } } | null)?.cluster?.pools;
  if (!Array.isArray(pools)) return [];
  return pools.flatMap((p: { units?: unknown; cost_per_unit_hour?: unknown }, i) => (
    typeof p?.units === 'number' && typeof p.cost_per_unit_hour === 'number'
      ? [{ path: `cluster.pools[${i}].units`, units: p.units, costPerUnitHour: p.cost_per_unit_hour }]
      : []
  ));
}

/** Σ services' analytic cost per hour + Σ pools' units × cost; null when nothing has a cost. */
export function costPerHour(result: ResultDocument, parameters: readonly string[], values: readonly number[], pools: readonly PoolCost[]): number | null {
  let total = 0;
  let any = false;
  for (const svc of Object.values(result.serving ?? {})) {
    if (typeof svc.analytic.cost_per_hour === 'number') {
      total += svc.analytic.cost_per_hour;
      any = true;
    }
  }
  for (const p of pools) {
    const i = parameters.indexOf(p.path);
    total += (i >= 0 ? (values[i] as number) : p.units) * p.costPerUnitHour;
    any = true;
  }
  return any ? total : null;
}

/** The service a serving figure belongs to (ids may contain dots: the longest match wins). */
export function serviceOfFigure(figure: string, ids: readonly string[]): string | null {
  return ids.filter((id) => figure.startsWith(`serving.${id}.`)).sort((a, b) => b.length - a.length)[0] ?? null;
}

/** Lexicographic order of parameter values. */
function byValues(a: SweepSeriesPoint, b: SweepSeriesPoint): number {
  for (let i = 0; i < a.values.length; i++) {
    const d = (a.values[i] as number) - (b.values[i] as number);
    if (d !== 0) return d;
  }
  return 0;
}

/** The cheapest of the points that meet the SLO, and what "cheapest" went by. */
export function cheapestMeeting(points: readonly SweepSeriesPoint[]): { point: SweepSeriesPoint | null; by: 'cost' | 'value' | null } {
  const meeting = points.filter((p) => p.meets === true);
  if (meeting.length === 0) return { point: null, by: null };
  if (meeting.every((p) => p.cost !== null)) {
    const point = [...meeting].sort((a, b) => (a.cost as number) - (b.cost as number) || byValues(a, b))[0]!;
    return { point, by: 'cost' };
  }
  return { point: [...meeting].sort(byValues)[0]!, by: 'value' };
}

export function sweepSeries(doc: SweepDocument, figure: string, pools: readonly PoolCost[] = []): SweepSeries {
  const ids = Object.keys(doc.points[0]?.result.serving ?? {});
  // Judge by the figure's own service, else by the first simulated one.
  const sloService = serviceOfFigure(figure, ids) ?? ids.find((id) => isSimulatedService(doc.points[0]?.result.serving?.[id])) ?? null;
  let budget: number | null = null;
  let twoSlos = false;
  const points = doc.points.map((pt): SweepSeriesPoint => {
    const cost = costPerHour(pt.result, doc.parameters, pt.values, pools);
    let stat: Stat | null;
    if (figure === COST_PER_HOUR) stat = cost === null ? null : { mean: cost, ci95: [cost, cost] };
    else {
      const s = statAtPath(pt.result, figure);
      stat = s && isStat(s) ? s : null;
    }
    const svc = sloService === null ? undefined : pt.result.serving?.[sloService];
    let meets: boolean | null = null;
    const llm = isSimulatedService(svc) ? llmEntity(svc) : null;
    if (llm) {
      meets = llmMeetsSlo(llm, llmSloMs(llm.llm));
      twoSlos = true;
    }
    else if (isSimulatedService(svc)) {
      const b = budgetMs(svc.analytic);
      budget ??= b;
      meets = svc.latency_at_slo_ms !== null && svc.latency_at_slo_ms.ci95[1] <= b;
    }
    return { values: pt.values, stat, cost, meets };
  });
  const { point: cheapest, by } = cheapestMeeting(points);
  return {
    figure,
    parameters: doc.parameters,
    points,
    sloService,
    budgetMs: budget,
    twoSlos,
    cheapest,
    cheapestBy: by,
    hasCost: points.some((p) => p.cost !== null),
  };
}

export interface BandPoint {
  x: number;
  lo: number;
  mean: number;
  hi: number;
}

/**
 * The 95% CI band of a one-parameter series as runs of consecutive points with a figure (a
 * point without one breaks the band, so no area is drawn across a gap).
 */
export function ciBands(points: readonly SweepSeriesPoint[]): BandPoint[][] {
  const runs: BandPoint[][] = [];
  let current: BandPoint[] = [];
  for (const p of [...points].sort(byValues)) {
    if (p.stat === null) {
      if (current.length > 0) runs.push(current);
      current = [];
      continue;
    }
    current.push({ x: p.values[0] as number, lo: p.stat.ci95[0], mean: p.stat.mean, hi: p.stat.ci95[1] });
  }
  if (current.length > 0) runs.push(current);
  return runs;
}

/** A `serving.services[i].replicas` sweep: the index i, for marking the solver's answer. */
export function replicasServiceIndex(parameters: readonly string[]): number | null {
  if (parameters.length !== 1) return null;
  const m = /^serving\.services\[(\d+)\]\.replicas$/.exec(parameters[0] ?? '');
  return m ? Number(m[1]) : null;
}
