// Human-readable output of `solve` and `sweep` (their --json output is the document itself),
// and the token-level block of an `llm` service in `run`'s text. Their columns are serving
// figures of the catalogue (simulation/present): its labels, and its spelling of a mean with
// its 95% CI.
import type { MaybeStat, ResultDocument, ServiceResult } from '../../simulation';
import type { SolveResult, TraceReplayMethod } from '../../simulation';
import { figureDef, labelOf, llmEntity, llmMeetsSlo, llmSummaryFigures, LLM_SLO, LLM_THROUGHPUT, verdictLine, type LlmSlo, type Verdict } from '../../simulation/present';
import { valueText } from '../../simulation/present';
import { SERVICE_ANALYTIC, SERVICE_SIMULATED } from '../../simulation/present';
import { EN_US, isSimulatedService } from '../../simulation/present';
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

/** "TTFT p99 ≤ 1,000 ms and TPOT p99 ≤ 50 ms": the two SLOs an `llm` service is judged on. */
function llmSlosText(slo: LlmSlo): string {
  return `TTFT ${percentileLabel(slo.ttft_percentile)} ≤ ${fmt(slo.ttft_ms)} ms and TPOT ${percentileLabel(slo.tpot_percentile)} ≤ ${fmt(slo.tpot_ms)} ms`;
}

/** `solve` of an `llm` service: each count's TTFT and TPOT at their SLO percentiles, judged together. */
function formatLlmSolve(r: SolveResult & { reason?: string | null }, slo: NonNullable<SolveResult['llm_slo']>, replay: TraceReplayMethod | null): string {
  const pt = percentileLabel(slo.ttft_percentile), pp = percentileLabel(slo.tpot_percentile);
  const both = llmSlosText(slo);
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

/**
 * The sweep's table per service: the latency at the SLO percentile, utilization, SLO attainment and
 * throughput of each point; an `llm` service's is in its own terms (./formatLlmSweep).
 * `llmSlos`: the SLOs of the scenario's `llm` services, by id.
 */
export function formatSweep(doc: { parameters: string[]; points: { values: number[]; result: ResultDocument }[] }, sloPercentiles: Record<string, number>, llmSlos: Record<string, LlmSlo> = {}): string {
  const out: string[] = [];
  const { parameters, points } = doc;
  const ids = Object.keys(points[0]?.result.serving ?? {});
  for (const id of ids) {
    const llmRows = formatLlmSweep(doc, id, llmSlos[id]);
    if (llmRows) {
      if (out.length > 0) out.push('');
      out.push(...llmRows);
      continue;
    }
    const p = percentileLabel(sloPercentiles[id] ?? 99);
    const cols = ['latency_at_slo_ms', 'utilization', 'slo_attainment', 'throughput_rps'].map(column);
    const rows = [[...parameters, `${cols[0]!.head} (${p})`, ...cols.slice(1).map((c) => c.head), 'Stable']];
    for (const pt of points) {
      const svc = pt.result.serving?.[id];
      if (!isSimulatedService(svc)) continue;
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

/** An `llm` service's sweep columns: catalogue entries the run text shows (./formatLlmService). */
const LLM_SWEEP_KEYS = ['llm.ttft_at_slo_ms', 'llm.tpot_at_slo_ms', 'llm.slo_attainment', 'llm.goodput_rps', 'llm.output_tokens_per_s'];

/**
 * The sweep's table of an `llm` service, in TTFT and TPOT terms as `solve` judges it: each point's
 * TTFT and TPOT at their SLO percentiles (with CIs), the attainment of both SLOs, goodput,
 * requests/s and output tokens/s, and whether it meets both SLOs at the upper ends of the CIs;
 * the cheapest point that does (by the services' cost per hour, else the first). Null for a
 * service that is not `llm`.
 */
function formatLlmSweep(doc: { parameters: string[]; points: { values: number[]; result: ResultDocument }[] }, id: string, slo: LlmSlo | undefined): string[] | null {
  const { parameters, points } = doc;
  const entities = points.map((pt) => {
    const svc = pt.result.serving?.[id];
    return isSimulatedService(svc) ? llmEntity(svc, slo) : null;
  });
  const first = entities.find((e) => e !== null);
  if (!first) return null;
  const llmDefs = LLM_SWEEP_KEYS.map((k) => [...LLM_SLO, ...LLM_THROUGHPUT].find((d) => d.key === k)!);
  const throughput = column('throughput_rps');
  const heads = llmDefs.map((d) => d.short ?? labelOf(d, first));
  const rows = [[...parameters, ...heads.slice(0, 4), throughput.head, ...heads.slice(4), 'Stable', ...(slo ? ['Meets both SLOs'] : [])]];
  const meeting: { values: number[]; cost: number | null }[] = [];
  points.forEach((pt, i) => {
    const e = entities[i];
    if (!e) return;
    const cells = llmDefs.map((d) => statWithUnit(EN_US, d.stat!(e), d.unit));
    const meets = slo ? llmMeetsSlo(e, slo) : null;
    if (meets) meeting.push({ values: pt.values, cost: costOf(pt.result) });
    rows.push([...pt.values.map((v) => fmt(v, 6)), ...cells.slice(0, 4), throughput.cell(e.svc.throughput_rps), ...cells.slice(4), e.svc.stable ? 'yes' : 'no', ...(meets === null ? [] : [meets ? 'yes' : 'no'])]);
  });
  const out = [`Service ${id} (llm: TTFT and TPOT at their SLO percentiles)`, ...table(rows, [...parameters.map(() => true), ...rows[0]!.slice(parameters.length).map(() => false)])];
  if (slo) {
    const both = llmSlosText(slo);
    const byCost = meeting.length > 0 && meeting.every((m) => m.cost !== null);
    const best = byCost ? [...meeting].sort((a, b) => (a.cost as number) - (b.cost as number))[0] : meeting[0];
    const at = (m: { values: number[] }) => parameters.map((name, i) => `${name} = ${fmt(m.values[i] as number, 6)}`).join(', ');
    out.push(best
      ? `${byCost ? 'Cheapest' : 'First'} point meeting ${both} at the upper ends of their 95% CIs: ${at(best)}${byCost ? ` (${valueText(EN_US, best.cost, 'cost')} per hour)` : ''}.`
      : `No point meets ${both} at the upper ends of their 95% CIs.`);
  }
  const replayNote = traceReplayNote(first.svc);
  if (replayNote) out.push(`Note: ${replayNote}.`);
  return out;
}

/** Σ the services' analytic cost per hour at a point (as the app's sweep sums it); null when none has a cost. */
function costOf(result: ResultDocument): number | null {
  const costs = Object.values(result.serving ?? {}).flatMap((svc) => (typeof svc.analytic.cost_per_hour === 'number' ? [svc.analytic.cost_per_hour] : []));
  return costs.length === 0 ? null : costs.reduce((a, b) => a + b, 0);
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
