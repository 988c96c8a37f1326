// The Markdown memo: the verdicts (one per layer, with why and what fixes it) and a headline
// paragraph a planner pastes into a review document, then the key tables in GitHub Markdown (the
// full list of figures is the CSV report).
import type { ResultDocument } from '../../../simulation';
import { llmEntity, llmSummaryFigures, traceReplayNote } from '../../../simulation/present';
import { servingTimeInput, servingTimeSummaries } from '../../../renderer/charts/time/serving-time';
import { DASH, clock, fixed, inReportLocale, meanText, pct, plural, statText } from './format';
import { headlines, notSimulatedNotice, partialNotice } from './headline';
import { analyticText, simulatedText, valueText } from './html-parts';
import { mdText } from './markdown-escape';
import { isSimulatedService, reportFigures, summaryLabel, type Figure } from './metrics';
import { scenarioInfo } from './scenario-info';
import { reportVerdicts, verdictsMarkdown } from './verdicts';

/** Memo tables list at most this many tasks or jobs. */
const MAX_MEMO_ROWS = 30;

/**
 * A GitHub table. Cells are Markdown: text from the scenario (ids) has passed through mdText,
 * which escapes `|` and removes line breaks; the rest is the report's own figures and labels.
 */
export function mdTable(head: string[], rows: string[][], numeric: boolean[]): string[] {
  return [
    `| ${head.join(' | ')} |`,
    `| ${head.map((_, i) => (numeric[i] ? '--:' : ':--')).join(' | ')} |`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ];
}

function figureRows(figs: readonly Figure[], metrics: readonly string[]): string[][] {
  return metrics.flatMap((m) => figs.filter((f) => f.metric === m)).map((f) => [f.label, simulatedText(f), analyticText(f) || DASH]);
}

const SERVING_KEYS = ['latency_ms.p50', 'latency_ms.p95', 'latency_ms.p99', 'latency_ms.p999', 'headroom_ms', 'slo_attainment', 'latency_ms.mean', 'wait_ms.mean', 'wait_probability', 'utilization', 'throughput_rps', 'mean_replicas', 'cost', 'stable', 'analytic.required_replicas', 'analytic.stable_replicas', 'latency_budget_ms'];
const JOB_KEYS = ['submitted', 'completed', 'unfinished', 'jct_s.mean', 'jct_s.p95', 'queue_delay_s.mean', 'queue_delay_s.p95', 'parallel_efficiency', 'straggler_wait_fraction', 'goodput'];
const PIPELINE_KEYS = ['runs', 'success_rate', 'dag_run_success_rate', 'analytic.reliability', 'makespan_s.mean', 'makespan_s.p95', 'analytic.critical_path_s'];

/** "Over time (…): Queue length from 99 to 954 …" — the HTML report's time charts, in a few sentences. */
function overTimeSentence(doc: ResultDocument, id: string, info: ReturnType<typeof scenarioInfo>): string {
  const svc = doc.serving![id]!;
  const si = info.services[id];
  const input = isSimulatedService(svc) ? servingTimeInput(svc, { horizonS: doc.horizon_s, warmupS: doc.warmup_s, replications: doc.replications, budgetMs: si?.budgetMs ?? null, arrivals: si?.arrivals }) : null;
  if (!input) return '';
  const s = servingTimeSummaries(input);
  return `**Over time** (${plural(input.series.queue_length.length, 'bucket')} of ${clock(input.series.bucket_s)}, warm-up included; means over replications): ${[s.queue, s.latency, s.replicas, s.drops].join('. ')}.`;
}

/** The memo, its numbers spelled in `locale` (default en-US; see format.ts). */
export function renderMarkdown(doc: ResultDocument, scenario: unknown = null, locale?: string | null): string {
  return inReportLocale(locale, () => memo(doc, scenario));
}

function memo(doc: ResultDocument, scenario: unknown): string {
  const info = scenarioInfo(doc, scenario);
  const figs = reportFigures(doc, scenario, info);
  const of = (section: Figure['section'], entity: string) => figs.filter((f) => f.section === section && f.entity === entity);
  const out: string[] = [`# Capacity memo: ${mdText(doc.scenario.name)}`, ''];
  const partial = partialNotice(doc);
  if (partial) out.push(`> **${partial}**`, '');
  const notSim = notSimulatedNotice(doc);
  if (notSim) out.push(`> ${notSim}`, '');
  // The verdicts first (one per layer, judged at the SLO percentile), then the figures behind them.
  out.push(...verdictsMarkdown(reportVerdicts(doc, scenario, mdText)));
  const lines = headlines(doc, info, mdText);
  if (lines.length > 0) out.push(lines.join(' '), '');
  out.push(`_Run: ${fixed(doc.replications, 0)} replication${doc.replications === 1 ? '' : 's'}, seed ${fixed(doc.seed, 0)}, horizon ${clock(doc.horizon_s)}${doc.warmup_s > 0 ? ` after a ${clock(doc.warmup_s)} warm-up` : ''}, ${fixed(doc.engine.events, 0)} events; Headroom engine ${doc.engine.version}; scenario SHA-256 \`${doc.scenario.sha256}\`. Simulated figures are mean [95% CI] over replications; “—” means no value._`, '');

  for (const id of Object.keys(doc.serving ?? {})) {
    out.push(`## Serving: ${mdText(id)}`, '');
    // An `llm` service: first TTFT, TPOT, the SLOs, tokens/s and utilizations beside the roofline, then its request-level figures.
    const svc = doc.serving![id]!;
    const llm = isSimulatedService(svc) ? llmEntity(svc, info.services[id]?.llmSlo) : null;
    if (llm) {
      const rows = llmSummaryFigures(id, llm).map((f) => [f.label, simulatedText(f), analyticText(f) || DASH]);
      out.push('**Token level** (TTFT from joining the waiting line to the first token, TPOT per output token after it; analytic: the roofline):', '', ...mdTable(['Figure', 'Simulated: mean [95% CI]', 'Analytic / configured'], rows, [false, true, true]), '');
      out.push('**Request level** (end to end, from arrival to the last token):', '');
    }
    out.push(...mdTable(['Figure', 'Simulated: mean [95% CI]', 'Analytic / configured'], figureRows(of('serving', id), SERVING_KEYS), [false, true, true]), '');
    const replayNote = traceReplayNote(doc.serving![id]!, mdText);
    if (replayNote) out.push(`${replayNote}.`, '');
    const overTime = overTimeSentence(doc, id, info);
    if (overTime) out.push(overTime, '');
  }

  const c = doc.cluster;
  if (c) {
    out.push('## Cluster', '');
    const rows = Object.entries(c.analytic.pools).map(([id, a]) => {
      const p = c.pools?.[id];
      const target = p?.utilization_target ?? a.utilization_target;
      const flag = (over: boolean | null | undefined) => (over === null || over === undefined ? DASH : over ? '**over**' : 'within');
      return [mdText(id), target === null ? DASH : pct(target), `${pct(a.allocated_utilization)} (${flag(a.over_target)})`, statText(p?.utilization, 'fraction'), statText(p?.busy_utilization, 'fraction'), flag(p?.over_target)];
    });
    out.push(...mdTable(['Pool', 'Target', 'Snapshot (analytic)', 'Allocated (simulated)', 'Busy (simulated)', 'Simulated vs target'], rows, [false, true, true, true, true, false]), '');
    if (c.jobs) out.push(...mdTable(['Jobs', 'Simulated: mean [95% CI]', 'Analytic'], figureRows(of('cluster', 'jobs'), JOB_KEYS), [false, true, true]), '');
    if (c.allocation && Object.values(c.allocation).some((s) => s !== null)) {
      out.push(`Allocated time: ${Object.entries(c.allocation).map(([k, s]) => `${k.replace('_', '-')} ${meanText(s, 'fraction')}`).join(', ')}.`, '');
    }
    const yd = c.analytic.checkpoint?.young_daly.filter((y) => y.interval_s !== null) ?? [];
    if (yd.length > 0) out.push(`Young/Daly checkpoint interval: ${yd.map((y) => `${y.nodes}-node job ${clock(y.interval_s as number)}`).join(', ')} (configured: ${c.analytic.checkpoint?.checkpoint_interval_s == null ? 'none' : clock(c.analytic.checkpoint.checkpoint_interval_s)}).`, '');
  }

  const p = doc.pipeline;
  if (p) {
    out.push('## Pipeline', '', ...mdTable(['Figure', 'Simulated: mean [95% CI]', 'Analytic'], figureRows(of('pipeline', ''), PIPELINE_KEYS), [false, true, true]), '');
    const path = p.critical_path ?? p.analytic.critical_path;
    out.push(`Critical path: ${path.map(mdText).join(' → ')}.`, '');
    const tasks = Object.entries(p.tasks ?? {});
    if (tasks.length > 0) {
      const shown = tasks.slice(0, MAX_MEMO_ROWS);
      out.push(...mdTable(['Task', 'Success', 'Failed', 'Upstream failed', 'Attempts', 'Criticality'],
        shown.map(([id, t]) => [mdText(id), statText(t.success, 'fraction'), statText(t.failed, 'fraction'), statText(t.upstream_failed, 'fraction'), statText(t.attempts_mean, 'attempts'), meanText(t.criticality, 'fraction')]),
        [false, true, true, true, true, true]), '');
      if (tasks.length > shown.length) out.push(`_The first ${shown.length} of ${tasks.length} tasks; the CSV report lists them all._`, '');
    }
  }

  const summary = figs.filter((f) => f.section === 'summary');
  if (summary.length > 0) {
    out.push('## Analytic summary (seed article)', '', ...mdTable(['Figure', 'Value'], summary.map((f) => [summaryLabel(f.metric), valueText(f.analytic, f.unit)]), [false, true]), '');
  }
  return `${out.join('\n').replace(/\n+$/, '')}\n`;
}
