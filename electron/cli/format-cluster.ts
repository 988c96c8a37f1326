// Human-readable cluster part of `headroom run`: a pool table (the catalogue's pool figures, one
// column each, and whether the pool is over its target), then the jobs' and the cluster's figures
// and the Young/Daly checkpoint intervals, as the HTML report lists them.
import type { ResultDocument } from '../../simulation';
import { figureMeanText } from '../../simulation/present';
import { clusterFigures, POOL_FIGURES } from '../../simulation/present';
import { DASH, EN_US } from '../../simulation/present';
import { figureTable, table } from './text-table';

type Cluster = NonNullable<ResultDocument['cluster']>;

const overText = (over: boolean | null | undefined) => (over === null || over === undefined ? DASH : over ? 'OVER' : 'within');

function poolTable(c: Cluster, figs: ReturnType<typeof clusterFigures>, simulated: boolean): string[] {
  const ids = Object.keys(c.analytic.pools);
  const columns = POOL_FIGURES.filter((d) => figs.some((f) => f.metric === d.key && ids.includes(f.entity)));
  const rows = [['Pool', ...columns.map((d) => d.short ?? (d.label as string)), 'vs target']];
  for (const id of ids) {
    const cell = (key: string) => figureMeanText(EN_US, figs.find((f) => f.entity === id && f.metric === key));
    const over = simulated ? c.pools?.[id]?.over_target : c.analytic.pools[id]?.over_target;
    rows.push([id, ...columns.map((d) => cell(d.key)), overText(over)]);
  }
  return table(rows, [false, ...columns.map(() => true), false]).map((l) => `  ${l}`);
}

export function formatCluster(r: ResultDocument): string[] {
  const c = r.cluster;
  if (!c?.jobs || !c.pools) return [];
  if (c.jobs.submitted === 0) {
    // Pools without jobs (the seed table's snapshot): nothing ran, so show the snapshot, not 0 %.
    return ['', 'Cluster: no jobs to simulate (add jobs, a job_generator or a job_trace); allocation snapshot:', ...poolTable(c, clusterFigures({ ...c, pools: undefined }), false)];
  }
  const figs = clusterFigures(c);
  return [
    '', `Cluster (${r.replications} replications):`, ...poolTable(c, figs, true),
    '', ...figureTable([
      ...figs.filter((f) => f.entity === 'jobs' && !f.metric.includes('.quantile_')),
      ...figs.filter((f) => f.entity === '' && !f.metric.startsWith('allocation.')),
      ...figs.filter((f) => f.entity === 'checkpoint'),
    ]),
  ];
}
