// The report's charts are the app's: for the same document, the HTML report holds exactly the
// markup the app's pure figure components render (coordinates rounded to 2 decimals).
import { createElement, type FunctionComponent } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { ServiceResult } from '../../../simulation';
import { renderHtml } from '../../../electron/backend/report';
import { CHART_WIDTH, PAIR_WIDTH, roundGeometry } from '../../../electron/backend/report/charts';
import { BreakdownFigure } from '../../../renderer/charts/BreakdownFigure';
import { LatencyFigure } from '../../../renderer/charts/LatencyFigure';
import { AllocationFigure } from '../../../renderer/charts/cluster/AllocationFigure';
import { QuantileCdfFigure } from '../../../renderer/charts/cluster/QuantileCdfFigure';
import { UtilizationFigure } from '../../../renderer/charts/cluster/UtilizationFigure';
import { MakespanFigure } from '../../../renderer/charts/pipeline/MakespanFigure';
import { SuccessRateFigure } from '../../../renderer/charts/pipeline/SuccessRateFigure';
import { TaskStatesFigure } from '../../../renderer/charts/pipeline/TaskStatesFigure';
import { clusterExample, riskExample } from './fixtures';

/** What the app draws for these props, with the id prefix of the report's n-th chart. */
function app<P extends object>(component: FunctionComponent<P>, props: P, n: number): string {
  return renderToStaticMarkup(createElement(component, props), { identifierPrefix: `c${n}-` });
}

const svgOf = (markup: string) => markup.match(/<svg[\s\S]*?<\/svg>/)?.[0] ?? '';

describe('report charts = app charts', () => {
  it('serving and pipeline: the same figures, SVG and legends', () => {
    const { doc, raw } = riskExample();
    const html = renderHtml(doc, raw);
    const service = doc.serving!.risk_model_api as ServiceResult;
    const p = doc.pipeline!;
    const figures = [
      app(LatencyFigure, { serviceId: 'risk_model_api', service, budgetMs: 200, sloPercentile: 99, width: CHART_WIDTH }, 1),
      app(BreakdownFigure, { serviceId: 'risk_model_api', components: service.components_ms, budgetMs: 200, sloPercentile: 99, width: CHART_WIDTH }, 2),
      // Chart 3 is the service's "Over time" figure (test/unit/renderer/charts/time-charts.test.ts).
      app(SuccessRateFigure, { successRate: p.success_rate!, dagRunSuccessRate: p.dag_run_success_rate!, reliability: p.analytic.reliability, reliabilityWithRetries: p.analytic.reliability_with_retries, width: CHART_WIDTH }, 4),
      app(MakespanFigure, { makespan: p.makespan_s!, criticalPathS: p.analytic.critical_path_s, width: CHART_WIDTH }, 5),
      app(TaskStatesFigure, { tasks: p.tasks!, width: CHART_WIDTH }, 6),
    ];
    for (const f of figures) {
      expect(svgOf(f)).not.toBe('');
      expect(html).toContain(roundGeometry(svgOf(f)));
      expect(html).toContain(roundGeometry(f));
    }
  });

  it('cluster: utilization, the two duration CDFs side by side, allocation', () => {
    const { doc, raw } = clusterExample();
    const html = renderHtml(doc, raw);
    const c = doc.cluster!;
    const figures = [
      app(UtilizationFigure, { pools: c.pools!, analytic: c.analytic.pools, width: CHART_WIDTH }, 1),
      app(QuantileCdfFigure, { title: 'Job-completion time (CDF)', what: 'Job-completion time', quantiles: c.jobs!.jct_s.quantiles, width: PAIR_WIDTH }, 2),
      app(QuantileCdfFigure, { title: 'Queueing delay (CDF)', what: 'Queueing delay', quantiles: c.jobs!.queue_delay_s.quantiles, width: PAIR_WIDTH }, 3),
      app(AllocationFigure, { allocation: c.allocation!, width: CHART_WIDTH }, 4),
    ];
    for (const f of figures) expect(html).toContain(roundGeometry(f));
    expect(html).toContain(`<div class="chart-pair">${roundGeometry(figures[1]!)}${roundGeometry(figures[2]!)}</div>`);
  });

  it('a different width is a different drawing (the comparison can fail)', () => {
    const { doc, raw } = riskExample();
    const service = doc.serving!.risk_model_api as ServiceResult;
    const narrow = app(LatencyFigure, { serviceId: 'risk_model_api', service, budgetMs: 200, sloPercentile: 99, width: CHART_WIDTH - 100 }, 1);
    expect(renderHtml(doc, raw)).not.toContain(roundGeometry(svgOf(narrow)));
  });

  it('rounds geometry to 2 decimals and leaves text alone', () => {
    const markup = '<svg viewBox="0 0 680 270"><path d="M1.23456,7.891L-0.005,1e-7"></path><text x="12.3456" y="4">0.123456 ms</text></svg>';
    expect(roundGeometry(markup)).toBe('<svg viewBox="0 0 680 270"><path d="M1.23,7.89L0,1e-7"></path><text x="12.35" y="4">0.123456 ms</text></svg>');
  });
});
