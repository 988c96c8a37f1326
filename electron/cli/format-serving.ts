// Human-readable output of `solve` and `sweep` (their --json output is the document itself),
// and the token-level block of an `llm` service in `run`'s text. Their columns are serving
// figures of the catalogue (simulation/present): its labels, and its spelling of a mean with
// its 95% CI.
import type { MaybeStat, ResultDocument, ServiceResult } from '../../simulation';
import type { SolveResult, TraceReplayMethod } from '../../simulation';
import { figureDef, labelOf, llmEntity, llmSummaryFigures, verdictLine, type LlmSlo, type Verdict } from '../../simulation/present';
import { valueText } from '../../simulation/present';
import { SERVICE_ANALYTIC, SERVICE_SIMULATED } from '../../simulation/present';
import { EN_US } from '../../simulation/present';
import { statWithUnit } from '../../simulation/present';
import { traceReplayNote } from '../../simulation/present';
import { figureTable, table } from './text-table';

const { plain: fmt } = EN_US;

/** A column of a serving figure: its catalogue label, and a cell in its unit. */
function column(key: string): { head: string; cell: (s: MaybeStat | undefined) => string } {
  const d = figureDef(SERVICE_SIMULATED, key);
  return { head: labelOf(d, null as never), cell: (s) => statWithUnit(EN_US, s, d.unit) };
}

/**
 * An `llm` service's token-level figures (llmSummaryFigures: TTFT, TPOT, SLOs, goodput, tokens/s,
 * utilizations, the roofline's times) and its verdict in TTFT and TPOT terms, indented under the
 * service's request-level table; nothing for any other service.
 */
export function formatLlmService(svc: ServiceResult, id: string, slo: LlmSlo | undefined, verdict: Verdict | undefined): string[] {
  const e = llmEntity(svc, slo);
  if (!e) return [];
  const out = ['  Token level (llm):', ...figureTable(llmSummaryFigures(id, e), '    ')];
  if (verdict) {
    out.push(`  Verdict: ${verdictLine(verdict)}`);
    for (const w of verdict.why) out.push(`    Why: ${w}.`);
    for (const f of verdict.fix) out.push(`    What fixes it: ${f}.`);
  }
  return out;
}

export function percentileLabel(p: number): string {
  return `p${fmt(p, 3)}`;
}

/** `replay`: how the service's trace is replayed (null without a trace), for the CIs' caveat. */
export function formatSolve(r: SolveResult, replay: TraceReplayMethod | null = null): string {
  if (r.llm_slo) return formatLlmSolve(r, r.llm_slo, replay);
  const p = percentileLabel(r.slo_percentile);
  const out = [
    `Service ${r.service}: the fewest replicas whose ${p} latency is ≤ ${fmt(r.latency_budget_ms)} ms at the upper end of its 95% CI`,
    `${r.replications} replications per count; analytic estimate ${r.estimate} (fewest replicas below 100% utilization), searched up to ${r.search_max}`,
    '',
  ];
  const latency = column('latency_at_slo_ms'), utilization = column('utilization');
  const cost = figureDef(SERVICE_ANALYTIC, 'analytic.cost_per_hour');
  const rows = [['Replicas', `${latency.head} (${p})`, utilization.head, labelOf(cost, null as never), 'Stable', 'Meets the SLO']];
  for (const c of r.evidence) {
    rows.push([String(c.replicas), latency.cell(c.latency_at_slo_ms), utilization.cell(c.utilization), valueText(EN_US, c.cost_per_hour, cost.unit), c.stable ? 'yes' : 'no', c.meets ? 'yes' : 'no']);
  }
  out.push(...table(rows, [true, false, false, true, false, false]), '');
  out.push(r.replicas === null
    ? `No replica count from ${r.estimate} to ${r.search_max} meets the SLO.${flatHint(r)}`
    : `Answer: ${r.replicas} replica${r.replicas === 1 ? '' : 's'}.`);
  const replayNote = traceReplayNote({ trace_replay: replay });
  if (replayNote) out.push(`Note: ${replayNote}.`);
  return out.join('\n');
}

/** `solve` of an `llm` service: each count's TTFT and TPOT at their SLO percentiles, judged together. */
function formatLlmSolve(r: SolveResult & { reason?: string | null }, slo: NonNullable<SolveResult['llm_slo']>, replay: TraceReplayMethod | null): string {
  const pt = percentileLabel(slo.ttft_percentile), pp = percentileLabel(slo.tpot_percentile);
  const both = `TTFT ${pt} ≤ ${fmt(slo.ttft_ms)} ms and TPOT ${pp} ≤ ${fmt(slo.tpot_ms)} ms`;
  const out = [
    `Service ${r.service}: the fewest replicas whose ${both}, at the upper ends of their 95% CIs`,
    `${r.replications} replications per count; roofline estimate ${r.estimate} (fewest replicas below 100% utilization), searched by doubling up to ${r.search_max}`,
    '',
  ];
  const utilization = column('utilization');
  const cost = figureDef(SERVICE_ANALYTIC, 'analytic.cost_per_hour');
  const ms = (s: MaybeStat | undefined) => statWithUnit(EN_US, s, 'ms');
  const rows = [['Replicas', `TTFT at ${pt}`, `TPOT at ${pp}`, utilization.head, labelOf(cost, null as never), 'Stable', 'Meets both SLOs']];
  for (const c of r.evidence) {
    rows.push([String(c.replicas), ms(c.ttft_at_slo_ms), ms(c.tpot_at_slo_ms), utilization.cell(c.utilization), valueText(EN_US, c.cost_per_hour, cost.unit), c.stable ? 'yes' : 'no', c.meets ? 'yes' : 'no']);
  }
  out.push(...table(rows, [true, false, false, false, true, false, false]), '');
  out.push(r.replicas === null
    ? `No replica count from ${r.estimate} to ${r.search_max} meets ${both}.${r.reason ? `\n${r.reason.charAt(0).toUpperCase()}${r.reason.slice(1)}.` : ''}`
    : `Answer: ${r.replicas} replica${r.replicas === 1 ? '' : 's'}.`);
  const replayNote = traceReplayNote({ trace_replay: replay });
  if (replayNote) out.push(`Note: ${replayNote}.`);
  return out.join('\n');
}

function isSimulated(s: unknown): s is ServiceResult {
  return typeof s === 'object' && s !== null && 'latency_ms' in s;
}

export function formatSweep(doc: { parameters: string[]; points: { values: number[]; result: ResultDocument }[] }, sloPercentiles: Record<string, number>): string {
  const out: string[] = [];
  const { parameters, points } = doc;
  const ids = Object.keys(points[0]?.result.serving ?? {});
  for (const id of ids) {
    const p = percentileLabel(sloPercentiles[id] ?? 99);
    const cols = ['latency_at_slo_ms', 'utilization', 'slo_attainment', 'throughput_rps'].map(column);
    const rows = [[...parameters, `${cols[0]!.head} (${p})`, ...cols.slice(1).map((c) => c.head), 'Stable']];
    for (const pt of points) {
      const svc = pt.result.serving?.[id];
      if (!isSimulated(svc)) continue;
      const stats = [svc.latency_at_slo_ms, svc.utilization, svc.slo_attainment, svc.throughput_rps];
      rows.push([...pt.values.map((v) => fmt(v, 6)), ...cols.map((c, i) => c.cell(stats[i])), svc.stable ? 'yes' : 'no']);
    }
    if (out.length > 0) out.push('');
    out.push(`Service ${id}`, ...table(rows, [...parameters.map(() => true), false, false, false, false, false]));
    const first = points[0]?.result.serving?.[id];
    const replayNote = first ? traceReplayNote(first) : null;
    if (replayNote) out.push(`Note: ${replayNote}.`);
  }
  if (ids.length === 0) out.push(`${points.length} points; the scenario has no simulated service (see --json)`);
  const truncated = points.filter((pt) => pt.result.truncated);
  if (truncated.length > 0) out.push('', `TRUNCATED at ${truncated.map((pt) => parameters.map((name, i) => `${name} = ${fmt(pt.values[i] as number, 6)}`).join(', ')).join('; ')}`);
  return out.join('\n');
}

/**
 * Why no count helps, when the largest count tried barely queues (utilization ≤ 50%) and still
 * misses: the percentile is then that of service time + components, which replicas cannot shorten.
 */
function flatHint(r: SolveResult): string {
  const last = r.evidence.at(-1);
  if (!last?.latency_at_slo_ms || !last.utilization || last.utilization.mean > 0.5) return '';
  if (last.latency_at_slo_ms.mean <= r.latency_budget_ms) return '';
  return `\nAt ${last.replicas} replicas (utilization ${fmt(last.utilization.mean * 100, 1)}%) there is little queueing, yet the latency is ${fmt(last.latency_at_slo_ms.mean)} ms: the service time and latency components alone exceed the budget at this percentile, so more replicas cannot help — shorten the service time or a component, or revisit the budget.`;
}
