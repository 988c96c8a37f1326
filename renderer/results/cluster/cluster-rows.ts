// Rows of the cluster's "analytic beside simulated" tables, read from the figure catalogue
// (simulation/present/figures-cluster.ts): each pool's target, allocated and busy utilization
// beside its allocation snapshot, step time and efficiency beside E[step] = m·H_n, the simulated
// job and failure figures, and Young/Daly. Labels and cell text are the catalogue's. Pure.
import type { ClusterAnalytic, PoolAnalytic } from '../../../simulation';
import { figureDef, figureRow, figureRows, type Figure } from '../../../simulation/present';
import { CLUSTER_FIGURES, JOBS_FIGURES, POOL_FIGURES, youngDalyTable } from '../../../simulation/present';
import { APP_NUMBERS, formatPercent } from '../../format/numbers';
import { analyticCell, pickFigures, simulatedCell } from '../figure-rows';
import { aggregateAnalyticJobs, type SimulatedCluster } from './cluster-result';

export interface ComparisonRow {
  key: string;
  label: string;
  analytic: string;
  /** A short qualifier shown under the analytic figure ("over target", "E[step]", a range). */
  analyticNote?: string;
  simulated: string;
  simulatedNote?: string;
  /** Marks a figure above its target. */
  over?: boolean;
}

const NO_POOL: PoolAnalytic = { allocated_utilization: null, utilization_target: null, over_target: null };

const cells = (f: Figure, label = f.label): ComparisonRow => ({ key: `${f.entity}/${f.metric}`, label, analytic: analyticCell(f), simulated: f.mean === null ? '—' : simulatedCell(f) });

/** Per pool, the catalogue's pool figures, labelled "pool: figure". */
export function poolRows(analytic: ClusterAnalytic, sim: SimulatedCluster | null): ComparisonRow[] {
  const ids = Object.keys(sim?.pools ?? analytic.pools);
  return ids.flatMap((id) => {
    const a = analytic.pools[id] ?? NO_POOL;
    const p = sim?.pools[id];
    const target = p?.utilization_target ?? a.utilization_target;
    return figureRows(POOL_FIGURES, { a, p }, 'cluster', id).map((f) => {
      const row = cells(f, `${id}: ${f.label}`);
      if (f.metric !== 'utilization' && f.metric !== 'analytic.allocated_utilization') return row;
      if (a.over_target && a.allocated_utilization !== null) row.analyticNote = 'over target';
      if (p?.over_target) row.simulatedNote = target !== null && p.utilization && p.utilization.ci95[0] <= target ? 'over target (CI includes it)' : 'over target';
      row.over = p?.over_target === true || (!p && a.over_target === true);
      return row;
    });
  });
}

type JobsEntity = Parameters<NonNullable<(typeof JOBS_FIGURES)[number]['analytic']>>[0];

/** Step time and parallel efficiency beside E[step]; without a simulation, the analytic side alone. */
export function jobRows(analytic: ClusterAnalytic, sim: SimulatedCluster | null): ComparisonRow[] {
  const agg = aggregateAnalyticJobs(analytic.jobs);
  const j = sim?.jobs;
  const range = agg.minEfficiency !== null && agg.maxEfficiency !== null && agg.jobs > 1
    ? `${formatPercent(agg.minEfficiency, 0)}–${formatPercent(agg.maxEfficiency, 0)} by job`
    : undefined;
  return (['step_time_s.mean', 'parallel_efficiency'] as const).map((key) => {
    const def = figureDef(JOBS_FIGURES, key);
    // Without simulated jobs only the analytic accessor is read, and it reads the aggregate alone.
    const f = j ? figureRow(def, { j, agg }, 'cluster', 'jobs')! : figureRow({ ...def, stat: undefined }, { agg } as JobsEntity, 'cluster', 'jobs')!;
    const row = cells(f);
    if (f.analytic !== null) row.analyticNote = key === 'step_time_s.mean' ? 'E[step]' : range;
    return row;
  });
}

export interface FigureRow {
  key: string;
  label: string;
  value: string;
}

/** The simulated job and failure figures that have no formula beside them, by catalogue key. */
export const SIMULATED_JOB_KEYS = [
  'straggler_wait_fraction', 'sync_slowdown', 'goodput', 'jct_s.mean', 'jct_s.p99', 'queue_delay_s.mean', 'queue_delay_s.p95',
  'makespan_s', 'submitted', 'completed', 'unfinished', 'events.node_failures', 'events.preemptions', 'events.restarts',
] as const;

export function simulatedJobRows(sim: SimulatedCluster): FigureRow[] {
  const figs = [...figureRows(JOBS_FIGURES, { j: sim.jobs, agg: aggregateAnalyticJobs(undefined) }, 'cluster', 'jobs'), ...figureRows(CLUSTER_FIGURES, sim, 'cluster', '')];
  return pickFigures(figs, SIMULATED_JOB_KEYS).map((f) => ({ key: f.metric, label: f.label, value: simulatedCell(f) }));
}

export interface YoungDalyRow {
  nodes: number;
  mtbf: string;
  interval: string;
}

/** √(2·MTBF_job·C) for jobs spanning 1, 2, 4, … nodes, each column in one unit (the catalogue's table). */
export function youngDalyRows(analytic: ClusterAnalytic): YoungDalyRow[] {
  const ck = analytic.checkpoint;
  if (!ck) return [];
  const { rows } = youngDalyTable(APP_NUMBERS, ck);
  return ck.young_daly.map((y, i) => ({ nodes: y.nodes, mtbf: rows[i]![1]!, interval: rows[i]![2]! }));
}
