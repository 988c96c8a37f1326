// Human-readable cluster part of `headroom run` (the JSON output is the result document itself).
import type { ResultDocument } from '../../simulation';
import { EN_US } from '../../simulation/present/numbers';

const { plain: num, plainStat: stat } = EN_US;

export function formatCluster(r: ResultDocument): string[] {
  const c = r.cluster;
  if (!c?.jobs || !c.pools) return [];
  const j = c.jobs;
  if (j.submitted === 0) {
    // Pools without jobs (the seed table's snapshot): nothing ran, so say so instead of 0 %.
    const out = ['', 'Cluster: no jobs to simulate (add jobs, a job_generator or a job_trace); allocation snapshot:'];
    for (const [id, p] of Object.entries(c.analytic.pools)) {
      const target = p.utilization_target === null ? '' : `, target ${num(p.utilization_target, 3)}${p.over_target ? ' (OVER)' : ''}`;
      out.push(`  pool ${id}: allocated ${p.allocated_utilization === null ? '—' : num(p.allocated_utilization, 4)} (analytic)${target}`);
    }
    return out;
  }
  const out = ['', `Cluster (${r.replications} replications, mean [95% CI]):`];
  for (const [id, p] of Object.entries(c.pools)) {
    const target = p.utilization_target === null ? '' : `, target ${num(p.utilization_target, 3)}${p.over_target ? ' (OVER)' : ''}`;
    out.push(`  pool ${id}: allocated ${stat(p.utilization, '', 4)}, busy ${stat(p.busy_utilization, '', 4)}${target}`);
  }
  out.push(
    `  jobs ${j.submitted} submitted, ${j.completed} completed, ${j.unfinished} unfinished at the horizon`,
    `    JCT mean     ${stat(j.jct_s.mean, ' s', 1)}   p95 ${stat(j.jct_s.p95, ' s', 1)}`,
    `    queue delay  ${stat(j.queue_delay_s.mean, ' s', 1)}   p95 ${stat(j.queue_delay_s.p95, ' s', 1)}`,
    `    step time    ${stat(j.step_time_s.mean, ' s', 4)}`,
    `    efficiency   ${stat(j.parallel_efficiency, '', 4)} (straggler wait ${stat(j.straggler_wait_fraction, '', 4)}, sync slowdown ${stat(j.sync_slowdown, '', 4)})`,
    `    goodput      ${stat(j.goodput, '', 4)}`,
    `  makespan       ${stat(c.makespan_s, ' s', 1)}`,
  );
  if (c.events && (c.events.node_failures > 0 || c.events.preemptions > 0)) {
    out.push(`  node failures ${c.events.node_failures}, preemptions ${c.events.preemptions}, restarts ${c.events.restarts}`);
  }
  const yd = c.analytic.checkpoint;
  if (yd) {
    const rows = yd.young_daly.filter((y) => y.interval_s !== null).map((y) => `${y.nodes} node${y.nodes === 1 ? '' : 's'} → ${num(y.interval_s as number, 0)} s`);
    if (rows.length > 0) out.push(`  Young/Daly checkpoint interval: ${rows.join(', ')} (configured: ${yd.checkpoint_interval_s ?? 'none'})`);
  }
  return out;
}
