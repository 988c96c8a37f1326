// The serving, cluster and pipeline sections of the HTML report.
import type { ResultDocument } from '../../../simulation';
import { llmEntity, llmSummaryFigures, traceReplayNote, type VerdictTone } from '../../../simulation/present';
import { servingTimeInput } from '../../../renderer/charts/time/serving-time';
import type { ChartRenderer } from './charts';
import { DASH, esc, fixed, num, pct, withUnit } from './format';
import { clusterHeadline, pipelineHeadline, servingHeadline } from './headline';
import { allocationChart, jobCharts, makespanChart, poolSeriesCharts, servingCharts, servingTimeChart, simulatedCluster, successRateChart, taskStatesChart, utilizationChart } from './html-charts';
import { figureTable, statCell, table } from './html-parts';
import { isSimulatedService, YOUNG_DALY_FIGURES, type Figure } from './metrics';
import type { ScenarioInfo } from './scenario-info';
import { boxState } from './verdicts';

/** Tables list at most this many rows (tasks, jobs); the CSV has them all. */
export const MAX_TABLE_ROWS = 200;

const pick = (figs: readonly Figure[], section: Figure['section'], entity: string, keep: (f: Figure) => boolean = () => true) =>
  figs.filter((f) => f.section === section && f.entity === entity && keep(f));

/** A token-level figure of an `llm` service (its own table, not the request-level one). */
const isLlmMetric = (metric: string) => metric.startsWith('llm.') || metric.startsWith('analytic.llm.');

function headlineBox(text: string, state: 'ok' | 'warn' | 'over' | 'plain'): string {
  return `<p class="headline${state === 'plain' ? '' : ` ${state}`}">${esc(text)}</p>`;
}

function capped(total: number, shown: number, what: string): string {
  return total > shown ? `<p class="note">The first ${shown} of ${fixed(total, 0)} ${what}; the CSV report lists them all.</p>` : '';
}

/** `tone`: the section's verdict, which colours its headline box (none without a verdict). */
export function servingSection(doc: ResultDocument, id: string, figs: readonly Figure[], info: ScenarioInfo, charts: ChartRenderer, tone?: VerdictTone): string {
  const svc = doc.serving![id]!;
  const si = info.services[id];
  const budget = si?.budgetMs ?? null;
  const out = [`<section class="major" id="serving-${esc(id)}"><p class="kicker">Serving</p><h2>${esc(id)}</h2>`];
  const sim = isSimulatedService(svc) ? svc : null;
  out.push(headlineBox(servingHeadline(doc, id, info), boxState(tone)));
  // An `llm` service opens on TTFT, TPOT, the SLOs, tokens/s and utilizations beside the roofline
  // (the CSV lists every token-level figure); its end-to-end latency follows as any service's.
  const llm = sim ? llmEntity(sim, si?.llmSlo) : null;
  if (llm) {
    out.push(`<h3>Token level: TTFT, TPOT and the roofline</h3>`, figureTable(llmSummaryFigures(id, llm)));
    out.push(`<p class="note">TTFT: from joining a replica's waiting line to the first output token; TPOT: the time per output token after the first. The analytic column is the roofline's: a request alone on a replica, the throughput ceiling at saturation, one iteration's time. The end-to-end latency below runs from arrival to the last token.</p>`);
  }
  if (sim) out.push(...servingCharts(charts, id, sim, budget, si?.sloPercentile ?? null));
  const overTime = sim ? servingTimeChart(charts, id, servingTimeInput(sim, { horizonS: doc.horizon_s, warmupS: doc.warmup_s, replications: doc.replications, budgetMs: budget, arrivals: si?.arrivals })) : '';
  if (overTime) out.push('<h3>Over time</h3>', overTime);
  out.push(`<h3>${llm ? 'Request level: analytic beside simulated' : 'Analytic beside simulated'}</h3>`);
  out.push(figureTable(pick(figs, 'serving', id, (f) => !f.metric.startsWith('components_ms.') && !f.metric.startsWith('analytic.by_replicas.') && !isLlmMetric(f.metric))));
  const replayNote = traceReplayNote(svc);
  if (replayNote) out.push(`<p class="note">${esc(replayNote)}.</p>`);
  const by = svc.analytic.by_replicas ?? [];
  if (by.length > 0 && svc.analytic.llm) {
    // No Erlang C at token level: the offered rate against the roofline's ceiling, and the cost.
    out.push(`<h3>Analytic figures by replica count</h3>`);
    const rows = by.map((r) => [fixed(r.replicas, 0), pct(r.utilization), r.cost_per_hour === undefined ? DASH : num(r.cost_per_hour)].map(esc));
    out.push(table(['Replicas', 'Offered ÷ roofline ceiling', 'Cost per hour'], rows, { numeric: [false, true, true], className: 'compact' }));
    out.push(`<p class="note">The roofline's ceiling is for the mean rate; bursts and the TTFT and TPOT SLOs may need many more replicas (<code>headroom solve</code> finds the fewest that meet both).</p>`);
  } else if (by.length > 0) {
    out.push(`<h3>Analytic figures by replica count</h3>`);
    const rows = by.map((r) => [
      fixed(r.replicas, 0), pct(r.utilization),
      r.erlang_c ? pct(r.erlang_c.p_wait) : DASH,
      r.erlang_c ? `${num(r.erlang_c.mean_wait_ms)} ms` : DASH,
      r.erlang_c ? `${num(r.erlang_c.p99_wait_ms)} ms` : DASH,
      r.cost_per_hour === undefined ? DASH : num(r.cost_per_hour),
    ].map(esc));
    out.push(table(['Replicas', 'Utilization', 'P(wait) (Erlang C)', 'Mean wait (Erlang C)', 'p99 wait (Erlang C)', 'Cost per hour'], rows, { numeric: [false, true, true, true, true, true], className: 'compact' }));
    out.push(`<p class="note">Erlang C applies to stable M/M/c services only; “—” where it does not apply (utilization ≥ 100%, or not M/M/c).</p>`);
  }
  out.push('</section>');
  return out.join('\n');
}

export function clusterSection(doc: ResultDocument, figs: readonly Figure[], charts: ChartRenderer, tone?: VerdictTone): string {
  const c = doc.cluster!;
  const out = [`<section class="major" id="cluster"><p class="kicker">Training cluster</p><h2>Cluster</h2>`];
  out.push(headlineBox(clusterHeadline(doc), boxState(tone)));
  const simulated = simulatedCluster(c);
  if (simulated) out.push(utilizationChart(charts, simulated));
  const poolRows = Object.entries(c.analytic.pools).map(([id, a]) => {
    const p = c.pools?.[id];
    const target = p?.utilization_target ?? a.utilization_target;
    const flag = (over: boolean | null | undefined) => (over === null || over === undefined ? DASH : over ? '<span class="flag-over">over</span>' : '<span class="flag-ok">within</span>');
    return [esc(id), target === null ? DASH : pct(target), pct(a.allocated_utilization), flag(a.over_target), statCell(p?.utilization, 'fraction'), statCell(p?.busy_utilization, 'fraction'), flag(p?.over_target)];
  });
  out.push(table(['Pool', 'Target', 'Snapshot allocated (analytic)', 'Snapshot vs target', 'Allocated (simulated)', 'Busy (simulated)', 'Simulated vs target'], poolRows, { numeric: [false, true, true, false, true, true, false], className: 'compact' }));
  if (c.jobs && c.jobs.submitted === 0) {
    out.push('<p class="note">No training jobs were submitted in the simulated window: job, straggler and allocation figures are empty (the CSV report lists them as blanks).</p>');
  } else if (c.jobs) {
    out.push('<h3>Jobs: completion time, queueing delay and stragglers</h3>');
    out.push(figureTable([...pick(figs, 'cluster', 'jobs', (f) => !f.metric.includes('.quantile_')), ...pick(figs, 'cluster', '', (f) => !f.metric.startsWith('allocation.'))]));
    if (simulated) {
      out.push(jobCharts(charts, simulated));
      out.push(allocationChart(charts, simulated));
      out.push(figureTable(pick(figs, 'cluster', '', (f) => f.metric.startsWith('allocation.')), 'Share of allocated unit-time: mean [95% CI]'));
      out.push('<h3>Each pool over time</h3>', ...poolSeriesCharts(charts, simulated, doc.horizon_s));
    }
  }
  const jobs = Object.entries(c.analytic.jobs ?? {});
  if (jobs.length > 0) {
    out.push('<h3>Per-job analytic figures (barrier order statistics, Young/Daly)</h3>');
    const shown = jobs.slice(0, MAX_TABLE_ROWS);
    out.push(table(['Job', 'Workers', 'Nodes', 'Expected step', 'Parallel efficiency', 'Run time (no queueing)', 'Young/Daly interval'],
      shown.map(([id, j]) => [esc(id), fixed(j.workers, 0), fixed(j.nodes, 0), withUnit(j.expected_step_s, 's'), pct(j.parallel_efficiency), withUnit(j.expected_run_s, 's'), withUnit(j.young_daly_interval_s, 's')].map((x, i) => (i === 0 ? x : esc(x)))),
      { numeric: [false, true, true, true, true, true, true], className: 'compact' }));
    out.push(capped(jobs.length, shown.length, 'jobs'));
  }
  const ck = c.analytic.checkpoint;
  if (ck) {
    out.push('<h3>Checkpointing: Young/Daly interval √(2 · MTBF<sub>job</sub> · C)</h3>');
    out.push(`<p>Node MTBF ${esc(withUnit(ck.node_mtbf_s, 's'))}, checkpoint cost ${esc(withUnit(ck.checkpoint_cost_s, 's'))}, configured interval ${esc(withUnit(ck.checkpoint_interval_s, 's'))}.</p>`);
    out.push(table(YOUNG_DALY_FIGURES.map((d) => d.short ?? ''), ck.young_daly.map((y) => [`${fixed(y.nodes, 0)} node${y.nodes === 1 ? '' : 's'}`, withUnit(y.mtbf_job_s, 's'), withUnit(y.interval_s, 's')].map(esc)), { numeric: [false, true, true], className: 'compact' }));
  }
  out.push('</section>');
  return out.join('\n');
}

export function pipelineSection(doc: ResultDocument, figs: readonly Figure[], charts: ChartRenderer, tone?: VerdictTone): string {
  const p = doc.pipeline!;
  const a = p.analytic;
  const out = [`<section class="major" id="pipeline"><p class="kicker">ML pipeline</p><h2>Pipeline</h2>`];
  out.push(headlineBox(pipelineHeadline(doc), boxState(tone)));
  out.push(successRateChart(charts, p));
  out.push(figureTable(pick(figs, 'pipeline', '')));
  out.push(makespanChart(charts, p));
  const path = p.critical_path ?? a.critical_path;
  out.push(`<h3>Critical path${p.critical_path ? ' (modal over simulated runs)' : ' (CPM on mean durations)'}</h3>`);
  out.push(`<ol class="path">${path.map((t) => `<li><span>${esc(t)}</span></li>`).join('')}</ol>`);
  if (p.critical_path && a.critical_path.join('\u0000') !== p.critical_path.join('\u0000')) {
    out.push(`<p class="note">The analytic (CPM) critical path differs: ${esc(a.critical_path.join(' → '))}.</p>`);
  }
  out.push(`<p class="note">Analytic critical path on mean durations: ${esc(withUnit(a.critical_path_s, 's'))}.</p>`);
  const tasks = Object.entries(p.tasks ?? {});
  if (tasks.length > 0) {
    out.push(taskStatesChart(charts, p));
    out.push('<h3>Per task (share of runs: mean, 95% CI below)</h3>');
    const shown = tasks.slice(0, MAX_TABLE_ROWS);
    const rows = shown.map(([id, t]) => [
      esc(id), statCell(t.success, 'fraction'), statCell(t.failed, 'fraction'), statCell(t.upstream_failed, 'fraction'), statCell(t.skipped, 'fraction'),
      statCell(t.attempts_mean, 'attempts'), statCell(t.criticality, 'fraction'), statCell(t.blast_radius, 'tasks'),
      a.blast_radius?.[id] === undefined || a.blast_radius[id] === null ? DASH : fixed(a.blast_radius[id] as number, 0),
    ]);
    out.push(table(['Task', 'Success', 'Failed', 'Upstream failed', 'Skipped', 'Attempts', 'Criticality', 'Blast radius', 'Blast radius (analytic)'], rows,
      { numeric: [false, true, true, true, true, true, true, true, true], className: 'compact' }));
    out.push(capped(tasks.length, shown.length, 'tasks'));
  }
  out.push('</section>');
  return out.join('\n');
}
