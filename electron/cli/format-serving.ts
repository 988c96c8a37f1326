// Human-readable output of `solve` and `sweep` (their --json output is the document itself).
import type { MaybeStat, ResultDocument, ServiceResult } from '../../simulation';
import type { SolveResult } from '../../simulation/serving/solve';
import { EN_US } from '../../simulation/present/numbers';
import { table } from './text-table';

const { plain: fmt } = EN_US;

function withCi(s: MaybeStat, digits = 2): string {
  if (!s) return '—';
  const [lo, hi] = s.ci95;
  return lo === hi ? fmt(s.mean, digits) : `${fmt(s.mean, digits)} [${fmt(lo, digits)}, ${fmt(hi, digits)}]`;
}

export function percentileLabel(p: number): string {
  return `p${fmt(p, 3)}`;
}

export function formatSolve(r: SolveResult): string {
  const p = percentileLabel(r.slo_percentile);
  const out = [
    `Service ${r.service}: the fewest replicas whose ${p} latency is ≤ ${fmt(r.latency_budget_ms)} ms at the upper end of its 95% CI`,
    `${r.replications} replications per count; analytic estimate ${r.estimate} (fewest replicas below 100% utilization), searched up to ${r.search_max}`,
    '',
  ];
  const rows = [[`replicas`, `${p} latency ms [95% CI]`, 'utilization [95% CI]', 'cost/h', 'stable', 'meets']];
  for (const c of r.evidence) {
    rows.push([String(c.replicas), withCi(c.latency_at_slo_ms), withCi(c.utilization, 4), c.cost_per_hour === null ? '—' : fmt(c.cost_per_hour, 2), c.stable ? 'yes' : 'no', c.meets ? 'yes' : 'no']);
  }
  out.push(...table(rows, [true, false, false, true, false, false]), '');
  out.push(r.replicas === null
    ? `No replica count from ${r.estimate} to ${r.search_max} meets the SLO.${flatHint(r)}`
    : `Answer: ${r.replicas} replica${r.replicas === 1 ? '' : 's'}.`);
  return out.join('\n');
}

function isSimulated(s: unknown): s is ServiceResult {
  return typeof s === 'object' && s !== null && 'latency_ms' in s;
}

export function formatSweep(parameter: string, points: { value: number; result: ResultDocument }[], sloPercentiles: Record<string, number>): string {
  const out: string[] = [];
  const ids = Object.keys(points[0]?.result.serving ?? {});
  for (const id of ids) {
    const p = percentileLabel(sloPercentiles[id] ?? 99);
    const rows = [[parameter, `${p} latency ms [95% CI]`, 'utilization', 'SLO attained', 'throughput rps', 'stable']];
    for (const pt of points) {
      const svc = pt.result.serving?.[id];
      if (!isSimulated(svc)) continue;
      rows.push([fmt(pt.value, 6), withCi(svc.latency_at_slo_ms), withCi(svc.utilization, 4), withCi(svc.slo_attainment, 4), withCi(svc.throughput_rps, 1), svc.stable ? 'yes' : 'no']);
    }
    if (out.length > 0) out.push('');
    out.push(`Service ${id}`, ...table(rows, [true, false, false, false, false, false]));
  }
  if (ids.length === 0) out.push(`${points.length} points; the scenario has no simulated service (see --json)`);
  const truncated = points.filter((pt) => pt.result.truncated);
  if (truncated.length > 0) out.push('', `TRUNCATED at ${parameter} = ${truncated.map((pt) => fmt(pt.value, 6)).join(', ')}`);
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
