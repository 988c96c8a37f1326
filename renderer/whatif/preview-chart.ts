// The live what-if preview as compact panels of horizontal bars, one per model in the result:
// each simulated service's latency percentiles against its budget, the cluster's pool
// utilization against the targets, the pipeline's success rates; each with its headline
// numbers. Pure (no React, no DOM): the panel data here, its geometry in panelLayout.
import type { ResultDocument } from '../../simulation';
import { formatMs, formatNumber, formatPercent } from '../format/numbers';
import { formatDurationS } from '../charts/cluster/duration-unit';
import { budgetMs, isSimulated } from '../results/service-results';

export type Tone = 'ok' | 'over' | 'neutral';

export interface PanelBar {
  key: string;
  label: string;
  value: number | null;
  text: string;
  /** The bar the headline judges (the SLO percentile). */
  emphasis?: boolean;
  tone?: Tone;
  /** A mark on this bar only (a pool's utilization target). */
  mark?: { value: number; label: string } | null;
}

export interface PanelFigure {
  key: string;
  label: string;
  text: string;
  tone?: Tone;
}

export interface PreviewPanel {
  key: string;
  title: string;
  figures: PanelFigure[];
  bars: PanelBar[];
  /** Right end of the axis; longer bars are cut there and marked. */
  domainMax: number;
  /** A line across every bar (a service's budget). */
  reference: { value: number; label: string } | null;
  /** What the bars measure, for the accessible summary. */
  what: string;
}

const PERCENTILES = [
  { key: 'p50', label: 'p50', q: 50 },
  { key: 'p95', label: 'p95', q: 95 },
  { key: 'p99', label: 'p99', q: 99 },
  { key: 'p999', label: 'p99.9', q: 99.9 },
] as const;

/** An axis that shows the budget and the bars near it; a bar many budgets long is cut at four. */
export function latencyDomain(values: readonly (number | null)[], budget: number): number {
  const top = Math.max(budget, ...values.filter((v): v is number => v !== null));
  return Math.min(top, 4 * budget) * 1.08;
}

function servicePanels(result: ResultDocument, sloPercentile: (id: string) => number | null): PreviewPanel[] {
  const out: PreviewPanel[] = [];
  for (const [id, svc] of Object.entries(result.serving ?? {})) {
    if (!isSimulated(svc)) continue;
    const budget = budgetMs(svc.analytic);
    const slo = sloPercentile(id) ?? 99;
    // Only the SLO percentile is judged against the budget; the others are context.
    const judged = (v: number | null): Tone => (v === null ? 'neutral' : v > budget ? 'over' : 'ok');
    const bars: PanelBar[] = PERCENTILES.map((p) => {
      const v = svc.latency_ms[p.key]?.mean ?? null;
      return { key: p.key, label: p.label, value: v, text: v === null ? '—' : formatMs(v), emphasis: p.q === slo, tone: p.q === slo ? judged(v) : 'neutral' };
    });
    const atSlo = svc.latency_at_slo_ms?.mean ?? null;
    const sloLabel = `p${formatNumber(slo)}`;
    if (!bars.some((b) => b.emphasis)) {
      bars.push({ key: 'slo', label: sloLabel, value: atSlo, text: atSlo === null ? '—' : formatMs(atSlo), emphasis: true, tone: judged(atSlo) });
    }
    const verdict = atSlo === null
      ? { text: `no ${sloLabel} measured (budget ${formatMs(budget)})`, tone: 'neutral' as const }
      : atSlo > budget
        ? { text: `${formatMs(atSlo)}, over the ${formatMs(budget)} budget by ${formatMs(atSlo - budget)}`, tone: 'over' as const }
        : { text: `${formatMs(atSlo)}, ${formatMs(budget - atSlo)} under the ${formatMs(budget)} budget`, tone: 'ok' as const };
    const util = svc.utilization?.mean ?? null;
    const figures: PanelFigure[] = [
      { key: 'slo', label: sloLabel, ...verdict },
      { key: 'utilization', label: 'Utilization', text: util === null ? '—' : formatPercent(util), tone: util !== null && util >= 0.98 ? 'over' : 'neutral' },
      { key: 'throughput', label: 'Throughput', text: svc.throughput_rps ? `${formatNumber(svc.throughput_rps.mean)} of ${formatNumber(svc.offered_rps)} rps` : '—', tone: 'neutral' },
    ];
    if (!svc.stable) figures.push({ key: 'stable', label: 'Queue', text: 'grows without bound (unstable)', tone: 'over' });
    out.push({
      key: `service:${id}`,
      title: `${id}: latency percentiles`,
      figures,
      bars,
      domainMax: latencyDomain(bars.map((b) => b.value), budget),
      reference: { value: budget, label: `budget ${formatMs(budget)}` },
      what: 'latency',
    });
  }
  return out;
}

function clusterPanel(result: ResultDocument): PreviewPanel | null {
  const c = result.cluster;
  if (!c?.pools || !c.jobs || c.jobs.submitted === 0) return null;
  const bars: PanelBar[] = Object.entries(c.pools).map(([id, p]) => {
    const v = p.utilization?.mean ?? null;
    return {
      key: id, label: id, value: v, text: v === null ? '—' : formatPercent(v),
      tone: p.over_target ? 'over' : v === null ? 'neutral' : 'ok',
      mark: p.utilization_target === null ? null : { value: p.utilization_target, label: `target ${formatPercent(p.utilization_target, 0)}` },
    };
  });
  const q95 = c.jobs.queue_delay_s.p95?.mean ?? null;
  const over = bars.filter((b) => b.tone === 'over').map((b) => b.label);
  return {
    key: 'cluster',
    title: 'GPU cluster: pool utilization',
    figures: [
      { key: 'queue', label: 'p95 queueing delay', text: q95 === null ? '—' : formatDurationS(q95), tone: 'neutral' },
      { key: 'jobs', label: 'Jobs', text: `${formatNumber(c.jobs.submitted, 0)} submitted, ${formatNumber(c.jobs.completed, 0)} completed`, tone: 'neutral' },
      { key: 'target', label: 'Targets', text: over.length > 0 ? `over in ${over.join(', ')}` : 'every pool at or under its target', tone: over.length > 0 ? 'over' : 'ok' },
    ],
    bars,
    domainMax: 1,
    reference: null,
    what: 'allocated utilization',
  };
}

function pipelinePanel(result: ResultDocument): PreviewPanel | null {
  const p = result.pipeline;
  if (!p?.success_rate && !p?.makespan_s) return null;
  const rate = p.success_rate?.mean ?? null;
  const dag = p.dag_run_success_rate?.mean ?? null;
  const analytic = p.analytic.reliability_with_retries;
  const mean = p.makespan_s?.mean?.mean ?? null;
  const p95 = p.makespan_s?.p95?.mean ?? null;
  const mark = { value: analytic, label: `analytic ${formatPercent(analytic)}` };
  return {
    key: 'pipeline',
    title: 'Pipeline: success rate',
    figures: [
      { key: 'success', label: 'Success rate', text: rate === null ? '—' : formatPercent(rate), tone: 'neutral' },
      { key: 'makespan', label: 'Makespan', text: mean === null ? '—' : `mean ${formatDurationS(mean)}${p95 === null ? '' : `, p95 ${formatDurationS(p95)}`}`, tone: 'neutral' },
      { key: 'runs', label: 'Runs', text: formatNumber(p.runs ?? 0, 0), tone: 'neutral' },
    ],
    bars: [
      { key: 'success', label: 'Success', value: rate, text: rate === null ? '—' : formatPercent(rate), emphasis: true, tone: 'neutral', mark },
      { key: 'dag', label: 'DAG runs', value: dag, text: dag === null ? '—' : formatPercent(dag), tone: 'neutral' },
    ],
    domainMax: 1,
    reference: null,
    what: 'success rate',
  };
}

export function previewPanels(result: ResultDocument, sloPercentile: (id: string) => number | null = () => null): PreviewPanel[] {
  return [...servicePanels(result, sloPercentile), clusterPanel(result), pipelinePanel(result)].filter((x): x is PreviewPanel => x !== null);
}

export interface BarGeometry {
  bar: PanelBar;
  y: number;
  x0: number;
  width: number;
  /** Longer than the axis: drawn to its end and marked. */
  cut: boolean;
  markX: number | null;
}

export interface PanelLayout {
  width: number;
  height: number;
  plot: { left: number; right: number; top: number; bottom: number };
  bars: BarGeometry[];
  barHeight: number;
  referenceX: number | null;
}

export const PANEL_MARGIN = { left: 104, right: 84, top: 18, bottom: 6 };
const MARKED_RIGHT = 176;
const BAR = 14;
const GAP = 7;

export function panelLayout(panel: PreviewPanel, width: number): PanelLayout {
  const left = PANEL_MARGIN.left;
  // Room for "84.0 % · target 85 %" beside bars with a mark.
  const right = Math.max(left + 40, width - (panel.bars.some((b) => b.mark) ? MARKED_RIGHT : PANEL_MARGIN.right));
  // Room above the bars for the reference's label only when there is one.
  const top = panel.reference ? PANEL_MARGIN.top : 4;
  const x = (v: number) => left + (Math.min(v, panel.domainMax) / panel.domainMax) * (right - left);
  const bars = panel.bars.map((bar, i) => ({
    bar,
    y: top + i * (BAR + GAP),
    x0: left,
    width: bar.value === null ? 0 : Math.max(0, x(bar.value) - left),
    cut: bar.value !== null && bar.value > panel.domainMax,
    markX: bar.mark ? x(bar.mark.value) : null,
  }));
  const bottom = top + panel.bars.length * (BAR + GAP) - GAP;
  return {
    width,
    height: bottom + PANEL_MARGIN.bottom,
    plot: { left, right, top, bottom },
    bars,
    barHeight: BAR,
    referenceX: panel.reference ? x(panel.reference.value) : null,
  };
}

/** One sentence for screen readers: each bar's figure, then the reference. */
export function panelSummary(panel: PreviewPanel): string {
  const bars = panel.bars.map((b) => `${b.label} ${b.text}${b.mark ? ` (${b.mark.label})` : ''}`).join(', ');
  return `${panel.title}: ${bars}${panel.reference ? `; ${panel.reference.label}` : ''}.`;
}
