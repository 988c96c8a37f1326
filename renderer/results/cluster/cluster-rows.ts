// Rows of the cluster's "analytic beside simulated" table: the formula's figure (allocation
// snapshot, E[step] = m·H_n, Young/Daly) next to the simulated mean and its 95% CI. Pure.
import type { ClusterAnalytic } from '../../../simulation/analytic/cluster';
import { formatNumber, formatPercent, formatStat, formatStatPercent } from '../../format/numbers';
import { formatDurationS, formatStatDuration } from '../../charts/cluster/duration-unit';
import { aggregateAnalyticJobs, type SimulatedCluster } from './cluster-result';

export interface ComparisonRow {
  key: string;
  label: string;
  analytic: string;
  /** A short qualifier shown under the analytic figure ("snapshot", "E[step]", a range). */
  analyticNote?: string;
  simulated: string;
  simulatedNote?: string;
  /** Marks a figure above its target. */
  over?: boolean;
}

const secondsOrDash = (s: number | null) => (s === null ? '—' : formatDurationS(s));

export function poolRows(analytic: ClusterAnalytic, sim: SimulatedCluster | null): ComparisonRow[] {
  const ids = Object.keys(sim?.pools ?? analytic.pools);
  return ids.flatMap((id) => {
    const a = analytic.pools[id];
    const p = sim?.pools[id];
    const target = p?.utilization_target ?? a?.utilization_target ?? null;
    const snapshot = a?.allocated_utilization ?? null;
    const rows: ComparisonRow[] = [
      {
        key: `util-${id}`,
        label: `${id}: allocated utilization${target === null ? '' : ` (target ${formatPercent(target, 0)})`}`,
        analytic: snapshot === null ? '—' : formatPercent(snapshot),
        analyticNote: snapshot === null ? undefined : `snapshot${a?.over_target ? ', over target' : ''}`,
        simulated: p ? formatStatPercent(p.utilization) : '—',
        simulatedNote: p?.over_target ? (target !== null && p.utilization && p.utilization.ci95[0] <= target ? 'over target (CI includes it)' : 'over target') : undefined,
        over: p?.over_target === true || (!p && a?.over_target === true),
      },
    ];
    if (p) rows.push({ key: `busy-${id}`, label: `${id}: busy utilization`, analytic: '—', simulated: formatStatPercent(p.busy_utilization) });
    return rows;
  });
}

export function jobRows(analytic: ClusterAnalytic, sim: SimulatedCluster | null): ComparisonRow[] {
  const agg = aggregateAnalyticJobs(analytic.jobs);
  const j = sim?.jobs;
  const range = agg.minEfficiency !== null && agg.maxEfficiency !== null && agg.jobs > 1
    ? `${formatPercent(agg.minEfficiency, 0)}–${formatPercent(agg.maxEfficiency, 0)} by job`
    : undefined;
  const rows: ComparisonRow[] = [
    {
      key: 'step', label: 'Step time (barrier + all-reduce)',
      analytic: agg.expectedStepS === null ? '—' : `${formatNumber(agg.expectedStepS)} s`, analyticNote: agg.expectedStepS === null ? undefined : 'E[step]',
      simulated: j ? formatStat(j.step_time_s.mean, 's') : '—',
    },
    {
      key: 'eff', label: 'Parallel efficiency',
      analytic: agg.parallelEfficiency === null ? '—' : formatPercent(agg.parallelEfficiency), analyticNote: agg.parallelEfficiency === null ? undefined : range,
      simulated: j ? formatStatPercent(j.parallel_efficiency) : '—',
    },
  ];
  return rows;
}

export interface FigureRow {
  key: string;
  label: string;
  value: string;
}

/** The simulated job and failure figures that have no formula beside them. */
export function simulatedJobRows(sim: SimulatedCluster): FigureRow[] {
  const j = sim.jobs;
  return [
    { key: 'straggler', label: 'Straggler wait fraction (barrier wait ÷ allocated step time)', value: formatStatPercent(j.straggler_wait_fraction) },
    { key: 'sync', label: 'Sync slowdown (slowest ÷ mean worker per step)', value: formatStat(j.sync_slowdown, '×') },
    { key: 'goodput', label: 'Goodput (share of allocated time in kept steps)', value: formatStatPercent(j.goodput) },
    { key: 'jct', label: 'Job-completion time, mean', value: formatStatDuration(j.jct_s.mean) },
    { key: 'jct99', label: 'Job-completion time, p99', value: formatStatDuration(j.jct_s.p99) },
    { key: 'qd', label: 'Queueing delay, mean', value: formatStatDuration(j.queue_delay_s.mean) },
    { key: 'qd95', label: 'Queueing delay, p95', value: formatStatDuration(j.queue_delay_s.p95) },
    { key: 'makespan', label: 'Makespan (last completion)', value: formatStatDuration(sim.makespan_s) },
    { key: 'jobs', label: 'Jobs submitted / completed / unfinished', value: `${formatNumber(j.submitted, 0)} / ${formatNumber(j.completed, 0)} / ${formatNumber(j.unfinished, 0)}` },
    {
      key: 'events', label: 'Node failures / preemptions / restarts',
      value: `${formatNumber(sim.events.node_failures, 0)} / ${formatNumber(sim.events.preemptions, 0)} / ${formatNumber(sim.events.restarts, 0)}`,
    },
  ];
}

export interface YoungDalyRow {
  nodes: number;
  mtbf: string;
  interval: string;
}

/** √(2·MTBF_job·C) for jobs spanning 1, 2, 4, … nodes. */
export function youngDalyRows(analytic: ClusterAnalytic): YoungDalyRow[] {
  return (analytic.checkpoint?.young_daly ?? []).map((y) => ({ nodes: y.nodes, mtbf: formatDurationS(y.mtbf_job_s), interval: secondsOrDash(y.interval_s) }));
}
