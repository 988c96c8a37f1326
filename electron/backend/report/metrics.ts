// One flat list of the figures of a result document, shared by every report kind: the CSV is
// this list row by row; the HTML and Markdown tables pick rows from it. A row carries the
// simulated mean and its 95% CI (null when the statistic is over an empty set), the analytic
// figure beside it where one exists, or a configured value (a budget, a target) in `analytic`.
// Rows appear in a fixed order (document order), so the same document gives the same list.
import type { MaybeStat, ResultDocument, ServiceResult } from '../../../simulation';
import { aggregateAnalyticJobs } from '../../../simulation/analytic/cluster';
import type { Unit } from './format';
import { scenarioInfo, type ScenarioInfo } from './scenario-info';

export type Section = 'run' | 'summary' | 'serving' | 'cluster' | 'pipeline';

export interface Figure {
  section: Section;
  /** Service, pool, task or job id; "jobs", "checkpoint", or "" for the section as a whole. */
  entity: string;
  /** The document path of the figure within its entity, e.g. "latency_ms.p99". */
  metric: string;
  /** A short human label for tables. */
  label: string;
  unit: Unit;
  /** Simulated mean (or a count, or a run setting); null: no value (empty set or analytic only). */
  mean: number | null;
  ci95: [number, number] | null;
  analytic: number | null;
}

export function isSimulatedService(s: unknown): s is ServiceResult {
  return typeof s === 'object' && s !== null && 'latency_ms' in s;
}

class Rows {
  readonly list: Figure[] = [];
  constructor(private section: Section, private entity: string) {}

  at(section: Section, entity: string): this {
    this.section = section;
    this.entity = entity;
    return this;
  }

  /** A sampled statistic; skipped when the field is absent (undefined), a row of blanks when null. */
  stat(metric: string, label: string, unit: Unit, s: MaybeStat | undefined, analytic: number | null | undefined = null): this {
    if (s === undefined) return this;
    this.list.push({ section: this.section, entity: this.entity, metric, label, unit, mean: s?.mean ?? null, ci95: s ? [s.ci95[0], s.ci95[1]] : null, analytic: analytic ?? null });
    return this;
  }

  /** An exact value (a count, a setting): in the mean column, without an interval. */
  value(metric: string, label: string, unit: Unit, x: number | null | undefined): this {
    if (x === undefined) return this;
    this.list.push({ section: this.section, entity: this.entity, metric, label, unit, mean: x, ci95: null, analytic: null });
    return this;
  }

  /** An analytic figure or configured value alone. */
  analytic(metric: string, label: string, unit: Unit, x: number | null | undefined): this {
    if (x === undefined) return this;
    this.list.push({ section: this.section, entity: this.entity, metric, label, unit, mean: null, ci95: null, analytic: x });
    return this;
  }
}

const SUMMARY_UNITS: Record<string, [string, Unit]> = {
  pipeline_total_duration_minutes: ['Pipeline total duration (Σ mean task durations, minutes)', ''],
  pipeline_reliability: ['Pipeline reliability ∏(1 − p)', 'fraction'],
  mean_compute_utilization: ['Mean compute utilization (allocated ÷ units)', 'fraction'],
  share_compute_pools_over_target: ['Share of compute pools over target', 'fraction'],
  serving_required_replicas: ['Serving: required replicas ⌈rate ÷ per-replica throughput⌉', 'replicas'],
  serving_total_latency_ms: ['Serving: total latency (service + components)', 'ms'],
  serving_latency_margin_ms: ['Serving: latency margin (budget − total)', 'ms'],
  infrastructure_readiness_score: ['Infrastructure readiness score (mean)', ''],
};

export function summaryLabel(key: string): string {
  return SUMMARY_UNITS[key]?.[0] ?? key;
}

export function reportFigures(doc: ResultDocument, scenario: unknown = null, info: ScenarioInfo = scenarioInfo(doc, scenario)): Figure[] {
  const r = new Rows('run', '');
  r.value('seed', 'Seed', '', doc.seed)
    .value('replications', 'Replications', 'count', doc.replications)
    .value('horizon_s', 'Horizon', 's', doc.horizon_s)
    .value('warmup_s', 'Warm-up', 's', doc.warmup_s)
    .value('engine.events', 'Events simulated', 'count', doc.engine.events)
    .value('engine.wall_ms', 'Wall-clock time', 'ms', doc.engine.wall_ms);
  if (doc.truncated) r.at('run', doc.truncated.reason).value('truncated', 'Stopped early (partial result)', 'flag', 1);

  r.at('summary', '');
  for (const [key, value] of Object.entries(doc.summary)) {
    if (typeof value === 'number') r.analytic(key, summaryLabel(key), SUMMARY_UNITS[key]?.[1] ?? '', value);
  }

  for (const [id, svc] of Object.entries(doc.serving ?? {})) servingRows(r.at('serving', id), svc, info.services[id]);
  clusterRows(r, doc);
  pipelineRows(r, doc);
  return r.list;
}

function servingRows(r: Rows, svc: NonNullable<ResultDocument['serving']>[string], info: ScenarioInfo['services'][string] | undefined): void {
  const a = svc.analytic;
  const ec = a.erlang_c;
  r.analytic('offered_rps', 'Offered load', 'rps', svc.offered_rps);
  if (info) r.analytic('latency_budget_ms', 'Latency budget', 'ms', info.budgetMs).analytic('slo_percentile', 'SLO percentile', 'percentile', info.sloPercentile);
  if (isSimulatedService(svc)) {
    const l = svc.latency_ms;
    r.value('requests', 'Requests (total, all replications)', 'count', svc.requests)
      .value('completed', 'Completed (total)', 'count', svc.completed)
      .value('rejected', 'Rejected (total)', 'count', svc.rejected)
      .value('timed_out', 'Timed out (total)', 'count', svc.timed_out)
      .stat('throughput_rps', 'Throughput', 'rps', svc.throughput_rps)
      .stat('latency_ms.mean', 'Latency, mean (analytic: no queueing)', 'ms', l.mean, a.total_latency_ms)
      .stat('latency_ms.p50', 'Latency p50', 'ms', l.p50)
      .stat('latency_ms.p95', 'Latency p95', 'ms', l.p95)
      .stat('latency_ms.p99', 'Latency p99', 'ms', l.p99)
      .stat('latency_ms.p999', 'Latency p99.9', 'ms', l.p999)
      .stat('latency_ms.max', 'Latency, max', 'ms', l.max)
      .stat('latency_at_slo_ms', 'Latency at the SLO percentile', 'ms', svc.latency_at_slo_ms)
      .stat('headroom_ms', 'Headroom (budget − latency at SLO; analytic: margin)', 'ms', svc.headroom_ms, a.latency_margin_ms)
      .stat('slo_attainment', 'SLO attainment', 'fraction', svc.slo_attainment)
      .stat('wait_ms.mean', `Queue wait, mean${ec ? ' (Erlang C)' : a.pk ? ' (Pollaczek–Khinchine)' : ''}`, 'ms', svc.wait_ms.mean, ec?.mean_wait_ms ?? a.pk?.mean_wait_ms)
      .stat('wait_ms.p99', `Queue wait p99${ec ? ' (Erlang C)' : ''}`, 'ms', svc.wait_ms.p99, ec?.p99_wait_ms)
      .stat('wait_probability', `P(wait)${ec ? ' (Erlang C)' : ''}`, 'fraction', svc.wait_probability, ec?.p_wait)
      .stat('utilization', 'Utilization', 'fraction', svc.utilization, a.utilization)
      .stat('mean_in_system', 'Requests in system, mean', '', svc.mean_in_system)
      .stat('mean_replicas', 'Replicas serving, mean', 'replicas', svc.mean_replicas)
      .stat('mean_batch_size', 'Batch size, mean', '', svc.mean_batch_size)
      .stat('replica_hours', 'Replica-hours', 'replica-hours', svc.replica_hours)
      .stat('cost', 'Cost', 'cost', svc.cost)
      .value('replica_failures', 'Replica failures', 'count', svc.replica_failures)
      .value('requeued', 'Requests re-queued', 'count', svc.requeued)
      .value('stable', 'Stable', 'flag', svc.stable ? 1 : 0);
    for (const key of ['feature', 'queue', 'service', 'network', 'postprocess'] as const) {
      r.stat(`components_ms.${key}`, `Latency component: ${key}`, 'ms', svc.components_ms[key]);
    }
  } else {
    r.analytic('analytic.utilization', 'Utilization', 'fraction', a.utilization)
      .analytic('analytic.total_latency_ms', 'Total latency (no queueing)', 'ms', a.total_latency_ms)
      .analytic('analytic.latency_margin_ms', 'Latency margin', 'ms', a.latency_margin_ms);
    if (ec) r.analytic('analytic.erlang_c.mean_wait_ms', 'Queue wait, mean (Erlang C)', 'ms', ec.mean_wait_ms).analytic('analytic.erlang_c.p_wait', 'P(wait) (Erlang C)', 'fraction', ec.p_wait);
  }
  r.analytic('analytic.required_replicas', 'Required replicas (analytic)', 'replicas', a.required_replicas)
    .analytic('analytic.stable_replicas', 'Fewest replicas below 100% utilization', 'replicas', a.stable_replicas)
    .analytic('analytic.availability', 'Replica availability', 'fraction', a.availability)
    .analytic('analytic.cost_per_hour', 'Cost per hour', 'cost', a.cost_per_hour);
  for (const row of a.by_replicas ?? []) {
    r.analytic(`analytic.by_replicas.${row.replicas}.utilization`, `Utilization at ${row.replicas} replicas`, 'fraction', row.utilization);
    if (row.erlang_c) r.analytic(`analytic.by_replicas.${row.replicas}.erlang_c.mean_wait_ms`, `Queue wait, mean at ${row.replicas} replicas (Erlang C)`, 'ms', row.erlang_c.mean_wait_ms);
  }
}

function clusterRows(r: Rows, doc: ResultDocument): void {
  const c = doc.cluster;
  if (!c) return;
  const an = c.analytic;
  for (const [id, pa] of Object.entries(an.pools)) {
    const p = c.pools?.[id];
    r.at('cluster', id)
      .analytic('utilization_target', 'Utilization target', 'fraction', p?.utilization_target ?? pa.utilization_target)
      .stat('utilization', 'Allocated utilization (analytic: snapshot)', 'fraction', p ? p.utilization : undefined, pa.allocated_utilization);
    if (!p) r.analytic('analytic.allocated_utilization', 'Allocated utilization (snapshot)', 'fraction', pa.allocated_utilization);
    r.stat('busy_utilization', 'Busy utilization (useful work)', 'fraction', p?.busy_utilization);
  }
  const j = c.jobs;
  if (j) {
    const agg = aggregateAnalyticJobs(an.jobs);
    r.at('cluster', 'jobs')
      .value('submitted', 'Jobs submitted (total, all replications)', 'count', j.submitted)
      .value('completed', 'Jobs completed (total)', 'count', j.completed)
      .value('unfinished', 'Jobs unfinished at the horizon (total)', 'count', j.unfinished)
      .stat('jct_s.mean', 'Job completion time, mean', 's', j.jct_s.mean)
      .stat('jct_s.p50', 'Job completion time p50', 's', j.jct_s.p50)
      .stat('jct_s.p95', 'Job completion time p95', 's', j.jct_s.p95)
      .stat('jct_s.p99', 'Job completion time p99', 's', j.jct_s.p99)
      .stat('queue_delay_s.mean', 'Queueing delay, mean', 's', j.queue_delay_s.mean)
      .stat('queue_delay_s.p95', 'Queueing delay p95', 's', j.queue_delay_s.p95)
      .stat('step_time_s.mean', 'Step time, mean (analytic: E[step], explicit jobs)', 's', j.step_time_s.mean, agg.expectedStepS)
      .stat('parallel_efficiency', 'Parallel efficiency (analytic: no slow nodes)', 'fraction', j.parallel_efficiency, agg.parallelEfficiency)
      .stat('straggler_wait_fraction', 'Straggler (barrier) wait fraction', 'fraction', j.straggler_wait_fraction)
      .stat('sync_slowdown', 'Synchronization slowdown', 'ratio', j.sync_slowdown)
      .stat('goodput', 'Goodput', 'fraction', j.goodput);
    for (const q of j.jct_s.quantiles ?? []) r.stat(`jct_s.quantile_${q.q}`, `Job completion time, quantile ${q.q}`, 's', q.value);
    for (const q of j.queue_delay_s.quantiles ?? []) r.stat(`queue_delay_s.quantile_${q.q}`, `Queueing delay, quantile ${q.q}`, 's', q.value);
  }
  r.at('cluster', '').stat('makespan_s', 'Makespan (last job completion)', 's', c.makespan_s);
  if (c.events) {
    r.value('events.node_failures', 'Node failures (total, all replications)', 'count', c.events.node_failures)
      .value('events.preemptions', 'Preemptions (total)', 'count', c.events.preemptions)
      .value('events.restarts', 'Restarts (total)', 'count', c.events.restarts);
  }
  if (c.allocation) {
    for (const [key, s] of Object.entries(c.allocation)) r.stat(`allocation.${key}`, `Allocated time: ${key.replace('_', '-')}`, 'fraction', s);
  }
  for (const [id, ja] of Object.entries(an.jobs ?? {})) {
    r.at('cluster', id)
      .analytic('analytic.workers', 'Workers', 'count', ja.workers)
      .analytic('analytic.nodes', 'Nodes spanned', 'count', ja.nodes)
      .analytic('analytic.expected_step_s', 'Expected step time', 's', ja.expected_step_s)
      .analytic('analytic.parallel_efficiency', 'Parallel efficiency (analytic)', 'fraction', ja.parallel_efficiency)
      .analytic('analytic.expected_run_s', 'Run time without queueing or failures', 's', ja.expected_run_s)
      .analytic('analytic.young_daly_interval_s', 'Young/Daly checkpoint interval', 's', ja.young_daly_interval_s);
  }
  const ck = an.checkpoint;
  if (ck) {
    r.at('cluster', 'checkpoint')
      .analytic('analytic.node_mtbf_s', 'Node MTBF', 's', ck.node_mtbf_s)
      .analytic('analytic.checkpoint_cost_s', 'Checkpoint cost, mean', 's', ck.checkpoint_cost_s)
      .analytic('analytic.checkpoint_interval_s', 'Configured checkpoint interval', 's', ck.checkpoint_interval_s);
    for (const y of ck.young_daly) r.analytic(`analytic.young_daly.nodes_${y.nodes}.interval_s`, `Young/Daly interval, ${y.nodes}-node job`, 's', y.interval_s);
  }
}

function pipelineRows(r: Rows, doc: ResultDocument): void {
  const p = doc.pipeline;
  if (!p) return;
  const a = p.analytic;
  r.at('pipeline', '')
    .value('runs', 'Runs', 'count', p.runs)
    .stat('success_rate', 'Success rate (analytic: ∏(1 − p^(r+1)))', 'fraction', p.success_rate, p.success_rate === undefined ? undefined : a.reliability_with_retries)
    .stat('dag_run_success_rate', 'DAG-run success rate (Airflow)', 'fraction', p.dag_run_success_rate)
    .analytic('analytic.reliability', 'Reliability ∏(1 − p), no retries', 'fraction', a.reliability)
    .analytic('analytic.reliability_with_retries', 'Reliability with retries ∏(1 − p^(r+1))', 'fraction', a.reliability_with_retries);
  if (p.makespan_s) {
    r.stat('makespan_s.mean', 'Makespan, mean (analytic: critical path)', 's', p.makespan_s.mean, a.critical_path_s)
      .stat('makespan_s.p50', 'Makespan p50', 's', p.makespan_s.p50)
      .stat('makespan_s.p95', 'Makespan p95', 's', p.makespan_s.p95)
      .stat('makespan_s.p99', 'Makespan p99', 's', p.makespan_s.p99);
  }
  r.analytic('analytic.critical_path_s', 'Critical path (CPM on mean durations)', 's', a.critical_path_s)
    .analytic('analytic.total_duration_s', 'Total duration (Σ mean task durations)', 's', a.total_duration_s);
  const ids = Object.keys(p.tasks ?? a.blast_radius ?? {});
  for (const id of ids) {
    const t = p.tasks?.[id];
    r.at('pipeline', id);
    if (t) {
      r.stat('success', 'Success', 'fraction', t.success)
        .stat('failed', 'Failed', 'fraction', t.failed)
        .stat('upstream_failed', 'Upstream failed', 'fraction', t.upstream_failed)
        .stat('skipped', 'Skipped', 'fraction', t.skipped)
        .stat('attempts_mean', 'Attempts per run', 'attempts', t.attempts_mean)
        .stat('criticality', 'Criticality (share of runs on the critical path)', 'fraction', t.criticality)
        .stat('blast_radius', 'Blast radius (analytic: structural)', 'tasks', t.blast_radius, a.blast_radius?.[id])
        .stat('pool_wait_s', 'Pool wait per attempt', 's', t.pool_wait_s);
    } else {
      r.analytic('analytic.blast_radius', 'Blast radius (structural)', 'tasks', a.blast_radius?.[id]);
    }
  }
}

/** Look-up of figures by section, entity and metric. */
export function figureIndex(list: readonly Figure[]): (section: Section, entity: string, metric: string) => Figure | undefined {
  const map = new Map(list.map((f) => [`${f.section}\u0000${f.entity}\u0000${f.metric}`, f]));
  return (section, entity, metric) => map.get(`${section}\u0000${entity}\u0000${metric}`);
}
