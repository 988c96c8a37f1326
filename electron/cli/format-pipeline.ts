// Human-readable pipeline part of `headroom run` (the JSON output is the result document itself).
import type { MaybeStat, ResultDocument } from '../../simulation';
import { EN_US } from '../../simulation/present/numbers';

const { plain: fmt, plainStat: statWith } = EN_US;

const stat = (s: MaybeStat | undefined, unit = '', digits = 4) => statWith(s, unit, digits);


export function formatPipeline(r: ResultDocument): string[] {
  const p = r.pipeline;
  if (!p || !p.success_rate || !p.tasks || !p.makespan_s) return [];
  const a = p.analytic;
  const out = [
    '',
    `Pipeline (${p.runs} runs over ${r.replications} replications, mean [95% CI]):`,
    `  success rate      ${stat(p.success_rate)}   analytic ∏(1−p) ${fmt(a.reliability)}, with retries ${fmt(a.reliability_with_retries)}`,
    `  DAG-run success   ${stat(p.dag_run_success_rate)} (Airflow: every leaf success or skipped)`,
    `  makespan          mean ${stat(p.makespan_s.mean, ' s', 0)}, p95 ${stat(p.makespan_s.p95, ' s', 0)}   critical path (CPM) ${fmt(a.critical_path_s, 0)} s`,
    `  critical path     ${(p.critical_path ?? []).join(' → ')}`,
    '  task                          success   failed    upstream_failed  attempts  criticality  blast radius',
  ];
  const width = Math.max(28, ...Object.keys(p.tasks).map((id) => id.length));
  for (const [id, t] of Object.entries(p.tasks)) {
    const m = (s: MaybeStat | undefined, d = 4) => (s ? fmt(s.mean, d) : '—');
    out.push(`  ${id.padEnd(width)}  ${m(t.success).padEnd(8)}  ${m(t.failed).padEnd(8)}  ${m(t.upstream_failed).padEnd(15)}  ${m(t.attempts_mean, 3).padEnd(8)}  ${m(t.criticality).padEnd(11)}  ${m(t.blast_radius, 2)}`);
  }
  return out;
}
