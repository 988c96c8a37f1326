// Human-readable output of `analyze` and `run` (JSON output is the result document itself).
import type { ResultDocument, ServiceResult, Summary } from '../../simulation';
import { EN_US } from '../../simulation/present/numbers';
import { formatCluster } from './format-cluster';
import { formatPipeline } from './format-pipeline';

const { plain: fmt, plainStat: stat } = EN_US;


const SUMMARY_KEYS: (keyof Summary)[] = [
  'pipeline_total_duration_minutes', 'pipeline_reliability', 'mean_compute_utilization',
  'share_compute_pools_over_target', 'serving_required_replicas', 'serving_total_latency_ms',
  'serving_latency_margin_ms', 'infrastructure_readiness_score',
];

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
    out.push('', `Service ${id}: offered ${fmt(svc.offered_rps)} rps, analytic ${a.required_replicas} replica${a.required_replicas === 1 ? '' : 's'}, utilization ${fmt(a.utilization)}`);
    if (a.erlang_c) out.push(`  Erlang C: P(wait) ${fmt(a.erlang_c.p_wait)}, mean wait ${fmt(a.erlang_c.mean_wait_ms, 3)} ms, p99 wait ${fmt(a.erlang_c.p99_wait_ms, 3)} ms`);
    if (a.pk) out.push(`  Pollaczek–Khinchine (M/G/1): mean wait ${fmt(a.pk.mean_wait_ms, 3)} ms`);
    if (a.by_replicas) {
      out.push(`  utilization by replicas: ${a.by_replicas.map((row) => `${row.replicas} → ${fmt(row.utilization, 3)}`).join(', ')}`);
    }
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
    );
    if (svc.mean_replicas) out.push(`    replicas     ${stat(svc.mean_replicas, '', 2)} (time-average serving)`);
    if (svc.mean_batch_size) out.push(`    batch size   ${stat(svc.mean_batch_size, '', 2)}`);
    if (svc.replica_failures !== undefined) out.push(`    failures     ${svc.replica_failures} (${svc.requeued ?? 0} requests sent back to the queue)`);
    if (svc.cost) out.push(`    cost         ${stat(svc.cost, '', 2)} (${stat(svc.replica_hours ?? null, ' replica-hours', 2)})`);
    out.push(`    stable       ${svc.stable ? 'yes' : 'NO: offered load reaches capacity or the queue did not drain'}`);
  }
  out.push(...formatPipeline(r));
  out.push(...formatCluster(r));
  if (r.not_simulated?.length) out.push('', `Not simulated yet (analytic only): ${r.not_simulated.join(', ')}`);
  if (r.truncated) out.push('', `TRUNCATED: ${r.truncated.reason}`);
  out.push('', `engine ${r.engine.version}, seed ${r.seed}, ${r.engine.events} events, ${r.engine.wall_ms} ms`);
  return out.join('\n');
}
