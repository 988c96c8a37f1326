// Which of the app's figures each report section shows, with the same props the app's result
// views pass (renderer/results): serving latency, breakdown and time charts, the cluster's utilization,
// allocation, duration CDFs and pools over time, the pipeline's success rate, makespan and task
// states. The occupancy heatmap is painted on a canvas in the app and has no static form.
import type { ResultDocument, ServiceResult } from '../../../simulation';
import { AllocationFigure } from '../../../renderer/charts/cluster/AllocationFigure';
import { PoolSeriesFigure } from '../../../renderer/charts/cluster/PoolSeriesFigure';
import { QuantileCdfFigure } from '../../../renderer/charts/cluster/QuantileCdfFigure';
import { UtilizationFigure } from '../../../renderer/charts/cluster/UtilizationFigure';
import { BreakdownFigure } from '../../../renderer/charts/BreakdownFigure';
import { LatencyFigure } from '../../../renderer/charts/LatencyFigure';
import { MakespanFigure } from '../../../renderer/charts/pipeline/MakespanFigure';
import { SuccessRateFigure } from '../../../renderer/charts/pipeline/SuccessRateFigure';
import { TaskStatesFigure } from '../../../renderer/charts/pipeline/TaskStatesFigure';
import type { ServingTimeInput } from '../../../renderer/charts/time/serving-time';
import { ServingTimeFigure } from '../../../renderer/charts/time/ServingTimeFigure';
import { CHART_WIDTH, PAIR_WIDTH, type ChartRenderer } from './charts';

type Cluster = NonNullable<ResultDocument['cluster']>;
type Pipeline = NonNullable<ResultDocument['pipeline']>;
type SimulatedCluster = Cluster & Required<Pick<Cluster, 'pools' | 'jobs' | 'allocation' | 'series'>>;

const pair = (a: string, b: string) => `<div class="chart-pair">${a}${b}</div>`;

export function servingCharts(charts: ChartRenderer, serviceId: string, service: ServiceResult, budgetMs: number | null, sloPercentile: number | null): string[] {
  if (budgetMs === null) return [];
  return [
    charts.render(LatencyFigure, { serviceId, service, budgetMs, sloPercentile, width: CHART_WIDTH }),
    charts.render(BreakdownFigure, { serviceId, components: service.components_ms, budgetMs, sloPercentile, width: CHART_WIDTH }),
  ];
}

/** The service over simulated time: the app's small multiples, without the playback cursor. */
export function servingTimeChart(charts: ChartRenderer, serviceId: string, input: ServingTimeInput | null): string {
  return input ? `<div class="chart over-time">${charts.render(ServingTimeFigure, { serviceId, input, width: CHART_WIDTH })}</div>` : '';
}

/** Simulated pools and jobs, with at least one job submitted (otherwise the charts show only zeros). */
export function simulatedCluster(c: Cluster): SimulatedCluster | null {
  const simulated = c.pools !== undefined && c.jobs !== undefined && c.allocation !== undefined && c.series !== undefined;
  return simulated && c.jobs!.submitted > 0 ? (c as SimulatedCluster) : null;
}

export function utilizationChart(charts: ChartRenderer, c: SimulatedCluster): string {
  return charts.render(UtilizationFigure, { pools: c.pools, analytic: c.analytic.pools, width: CHART_WIDTH });
}

export function jobCharts(charts: ChartRenderer, c: SimulatedCluster): string {
  return pair(
    charts.render(QuantileCdfFigure, { title: 'Job-completion time (CDF)', what: 'Job-completion time', quantiles: c.jobs.jct_s.quantiles, width: PAIR_WIDTH }),
    charts.render(QuantileCdfFigure, { title: 'Queueing delay (CDF)', what: 'Queueing delay', quantiles: c.jobs.queue_delay_s.quantiles, width: PAIR_WIDTH }),
  );
}

export function allocationChart(charts: ChartRenderer, c: SimulatedCluster): string {
  return charts.render(AllocationFigure, { allocation: c.allocation, width: CHART_WIDTH });
}

export function poolSeriesCharts(charts: ChartRenderer, c: SimulatedCluster, horizonS: number): string[] {
  return Object.entries(c.series.pools).map(([pool, series]) =>
    charts.render(PoolSeriesFigure, { pool, series, bucketS: c.series.bucket_s, horizonS, target: c.pools[pool]?.utilization_target ?? null, width: CHART_WIDTH }));
}

export function successRateChart(charts: ChartRenderer, p: Pipeline): string {
  if (!p.success_rate) return '';
  const a = p.analytic;
  return charts.render(SuccessRateFigure, { successRate: p.success_rate, dagRunSuccessRate: p.dag_run_success_rate ?? null, reliability: a.reliability, reliabilityWithRetries: a.reliability_with_retries, width: CHART_WIDTH });
}

export function makespanChart(charts: ChartRenderer, p: Pipeline): string {
  return p.makespan_s ? charts.render(MakespanFigure, { makespan: p.makespan_s, criticalPathS: p.analytic.critical_path_s, width: CHART_WIDTH }) : '';
}

export function taskStatesChart(charts: ChartRenderer, p: Pipeline): string {
  return p.tasks && Object.keys(p.tasks).length > 0 ? charts.render(TaskStatesFigure, { tasks: p.tasks, width: CHART_WIDTH }) : '';
}
