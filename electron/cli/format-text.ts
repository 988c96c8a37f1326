// Human-readable output of `analyze` and `run` (JSON output is the result document itself).
import type { MaybeStat, ResultDocument, ServiceResult, Summary } from '../../simulation';

const SUMMARY_KEYS: (keyof Summary)[] = [
  'pipeline_total_duration_minutes', 'pipeline_reliability', 'mean_compute_utilization',
  'share_compute_pools_over_target', 'serving_required_replicas', 'serving_total_latency_ms',
  'serving_latency_margin_ms', 'infrastructure_readiness_score',
];

/** Up to 4 decimal places, trailing zeros dropped: 203, 0.7516, 0.25. */
export function fmt(x: number, digits = 4): string {
  if (!Number.isFinite(x)) return String(x);
  const s = x.toFixed(digits);
  return s.includes('.') ? s.replace(/\.?0+$/, '') : s;
}

function stat(s: MaybeStat, unit = '', digits = 2): string {
  if (!s) return '—';
  const [lo, hi] = s.ci95;
  return lo === hi ? `${fmt(s.mean, digits)}${unit}` : `${fmt(s.mean, digits)}${unit} [${fmt(lo, digits)}, ${fmt(hi, digits)}]`;
}

export function formatSummary(summary: Summary): string {
  const rows = SUMMARY_KEYS.filter((k) => summary[k] !== undefined).map((k) => [k, fmt(summary[k] as number)] as const);
  const width = Math.max(...rows.map(([k]) => k.length), 0);
  return rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`).join('\n');
}

function isSimulated(s: unknown): s is ServiceResult {
  return typeof s === 'object' && s !== null && 'latency_ms' in s;
}

export function formatResult(r: ResultDocument): string {
  const out: string[] = [`${r.scenario.name}`, '', 'Analytic summary', formatSummary(r.summary)];
  for (const [id, svc] of Object.entries(r.serving ?? {})) {
    const a = svc.analytic;
    out.push('', `Service ${id}: offered ${fmt(svc.offered_rps)} rps, analytic ${a.required_replicas} replicas, utilization ${fmt(a.utilization)}`);
    if (a.erlang_c) out.push(`  Erlang C: P(wait) ${fmt(a.erlang_c.p_wait)}, mean wait ${fmt(a.erlang_c.mean_wait_ms, 3)} ms, p99 wait ${fmt(a.erlang_c.p99_wait_ms, 3)} ms`);
    if (!isSimulated(svc)) continue;
    out.push(
      `  simulated (${r.replications} replications, mean [95% CI]):`,
      `    requests ${svc.requests}, completed ${svc.completed}, rejected ${svc.rejected}, timed out ${svc.timed_out}`,
      `    throughput   ${stat(svc.throughput_rps, ' rps')}`,
      `    utilization  ${stat(svc.utilization, '', 4)}`,
      `    latency p50  ${stat(svc.latency_ms.p50, ' ms')}`,
      `    latency p99  ${stat(svc.latency_ms.p99, ' ms')}`,
      `    mean wait    ${stat(svc.wait_ms.mean, ' ms', 3)}`,
      `    SLO attained ${stat(svc.slo_attainment, '', 4)}`,
      `    headroom     ${stat(svc.headroom_ms, ' ms')}`,
      `    stable       ${svc.stable ? 'yes' : 'NO: offered load reaches capacity; the queue does not drain'}`,
    );
  }
  if (r.not_simulated?.length) out.push('', `Not simulated yet (analytic only): ${r.not_simulated.join(', ')}`);
  if (r.truncated) out.push('', `TRUNCATED: ${r.truncated.reason}`);
  out.push('', `engine ${r.engine.version}, seed ${r.seed}, ${r.engine.events} events, ${r.engine.wall_ms} ms`);
  return out.join('\n');
}
