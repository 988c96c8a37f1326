// What a sweep's points are judged by, in one place for the app's view and the reports: the
// SLO service's figures as table columns beside the drawn one — its latency at its SLO
// percentile, or an `llm` service's TTFT and TPOT at theirs, side by side, since both are judged
// (./sweep-series) — and the sweep's answer in words. Pure.
import type { ResultDocument, ServiceResult, Stat, SweepDocument } from '../../../simulation';
import { isStat, statAtPath } from '../../../simulation';
import { isSimulatedService, percentileName } from '../../../simulation/present';
import { llmSloMs } from '../service-budget';
import type { SweepSeries } from './sweep-series';

type LlmServiceResult = NonNullable<ServiceResult['llm']>;

export interface JudgedColumn {
  /** Where the figure is in a point's result (statAtPath). */
  path: string;
  /** The CSV's name for it. */
  key: string;
  /** "Latency p99", "TTFT p99". */
  head: string;
}

type SloSpec = { id?: unknown; slo_percentile?: unknown; llm?: { slo?: { ttft_percentile?: unknown; tpot_percentile?: unknown } } };

/** A percentile of the raw scenario, or 99 (the scenario format's default) when it does not say. */
const pct = (v: unknown) => (typeof v === 'number' ? v : 99);

function specOf(raw: unknown, id: string): SloSpec | undefined {
  const services = (raw as { serving?: { services?: unknown } } | null)?.serving?.services;
  return Array.isArray(services) ? (services as SloSpec[]).find((x) => x?.id === id) : undefined;
}

/** The first point's token-level figures of service `id`, or null when it is no simulated `llm` service. */
function llmOf(doc: SweepDocument, id: string): LlmServiceResult | null {
  const svc = doc.points[0]?.result.serving?.[id];
  return isSimulatedService(svc) ? (svc.llm ?? null) : null;
}

/** The columns of the figures `service`'s SLO judges, in the scenario the sweep ran on (`raw`). */
export function judgedColumns(doc: SweepDocument, service: string | null, raw: unknown): JudgedColumn[] {
  if (service === null) return [];
  const spec = specOf(raw, service);
  if (llmOf(doc, service)) {
    return [
      { path: `serving.${service}.llm.ttft_at_slo_ms`, key: 'ttft_at_slo_ms', head: `TTFT ${percentileName(pct(spec?.llm?.slo?.ttft_percentile))}` },
      { path: `serving.${service}.llm.tpot_at_slo_ms`, key: 'tpot_at_slo_ms', head: `TPOT ${percentileName(pct(spec?.llm?.slo?.tpot_percentile))}` },
    ];
  }
  return [{ path: `serving.${service}.latency_at_slo_ms`, key: 'latency_at_slo_ms', head: `Latency ${percentileName(pct(spec?.slo_percentile))}` }];
}

export function judgedStat(result: ResultDocument, column: JudgedColumn): Stat | null {
  const s = statAtPath(result, column.path);
  return s && isStat(s) ? s : null;
}

/** The name of a point: "replicas = 6, concurrency = 2". */
export function pointName(labels: readonly string[], values: readonly number[], num: (x: number) => string): string {
  return labels.map((l, i) => `${l} = ${num(values[i] as number)}`).join(', ');
}

/** How a point meets the SLO, after "within": "its 200 ms budget", "1,000 ms and 50 ms". */
function limitsText(doc: SweepDocument, series: SweepSeries, num: (x: number) => string): string {
  const llm = series.sloService === null ? null : llmOf(doc, series.sloService);
  if (llm) {
    const slo = llmSloMs(llm);
    return `${slo.ttft_ms === null ? '?' : num(slo.ttft_ms)} ms and ${slo.tpot_ms === null ? '?' : num(slo.tpot_ms)} ms`;
  }
  return `${num(series.budgetMs ?? 0)} ms`;
}

/** How points are judged: "the upper end of the 95% CI of its latency p99 within 200 ms". */
export function judgedRule(doc: SweepDocument, series: SweepSeries, columns: readonly JudgedColumn[], num: (x: number) => string): string {
  const of = columns.map((c) => c.head).join(' and ');
  return columns.length > 1
    ? `the upper ends of the 95% CIs of its ${of} within ${limitsText(doc, series, num)}`
    : `the upper end of the 95% CI of its ${of.replace(/^Latency/, 'latency')} within ${limitsText(doc, series, num)}`;
}

/** The sweep's answer in words: the cheapest point meeting the SLO, or that none does and by what rule. */
export function sweepVerdict(doc: SweepDocument, series: SweepSeries, columns: readonly JudgedColumn[], paramLabels: readonly string[], num: (x: number) => string): string {
  const c = series.cheapest;
  if (series.sloService === null) return 'No simulated service: no SLO to meet.';
  const slos = columns.length > 1 ? 'SLOs' : 'SLO';
  if (c) {
    return `Cheapest point meeting the ${slos} of ${series.sloService}: ${pointName(paramLabels, c.values, num)}${c.cost !== null ? ` at ${num(c.cost)} per hour` : ''}${series.cheapestBy === 'value' && series.hasCost ? ' (the lowest value: not every point has a cost)' : ''}.`;
  }
  return `No point meets the ${slos} of ${series.sloService} with confidence (${judgedRule(doc, series, columns, num)}).`;
}
