// "Latency percentiles vs budget" at a given width: React draws the SVG, ./latency-percentiles
// does the maths. Pure (no DOM, no measuring), so the HTML report renders the very same figure
// with react-dom/server; ./LatencyChart measures the page and adds the scale toggle.
import { useId, useMemo, type ReactNode, type Ref } from 'react';
import type { ServiceResult } from '../../simulation';
import { formatMs, formatNumber } from '../format/numbers';
import { defaultScaleKind, latencyChartModel, percentilePoints, type ScaleKind } from './latency-percentiles';
import { ChartHead, ChartSvg, Whisker, YGridTicks } from './chart-parts';

export interface LatencyFigureProps {
  serviceId: string;
  service: ServiceResult;
  budgetMs: number;
  sloPercentile: number | null;
  width: number;
  /** The scale chosen by the reader; the shared rule (log over ~1.5 decades) when absent. */
  scaleKind?: ScaleKind | null;
  /** Controls shown beside the title (the app's linear/log toggle). */
  controls?: ReactNode;
  boxRef?: Ref<HTMLDivElement>;
}

export const LATENCY_HEIGHT = 270;
// The right margin holds the budget label, clear of points and whiskers.
const MARGIN = { top: 12, right: 64, bottom: 40, left: 64 };

export function latencyInput(service: ServiceResult, budgetMs: number, sloPercentile: number | null) {
  return { latency: service.latency_ms, atSlo: service.latency_at_slo_ms, budgetMs, sloPercentile };
}

export function LatencyFigure({ serviceId, service, budgetMs, sloPercentile, width, scaleKind: chosen = null, controls, boxRef }: LatencyFigureProps) {
  const input = useMemo(() => latencyInput(service, budgetMs, sloPercentile), [service, budgetMs, sloPercentile]);
  const scaleKind = chosen ?? defaultScaleKind(percentilePoints(input), budgetMs);
  const model = useMemo(() => latencyChartModel(input, { width, height: LATENCY_HEIGHT, margin: MARGIN }, scaleKind), [input, width, scaleKind]);
  const id = useId();
  const slo = model.points.find((p) => p.isSlo);
  const title = `Latency percentiles vs budget — ${serviceId}`;
  const description = slo
    ? `${slo.label} latency ${formatMs(slo.stat.mean)} against a ${formatMs(budgetMs)} budget: ${
        model.headroom && model.headroom.over ? `over budget by ${formatMs(-model.headroom.headroomMs)}` : `headroom ${formatMs(budgetMs - slo.stat.mean)}`
      }.`
    : `Budget ${formatMs(budgetMs)}; no latency was measured.`;
  const { plot, headroom } = model;

  return (
    <figure className="chart">
      <ChartHead title={title} level={3}>
        {controls}
        {headroom && slo && (
          <p className={headroom.over ? 'chart-note over' : 'chart-note ok'}>
            {slo.label} {formatMs(slo.stat.mean)}:{' '}
            {headroom.over ? `over the ${formatMs(budgetMs)} budget by ${formatMs(-headroom.headroomMs)}` : `${formatMs(headroom.headroomMs)} headroom under the ${formatMs(budgetMs)} budget`}
          </p>
        )}
      </ChartHead>
      <div ref={boxRef} className="chart-box">
        <ChartSvg id={id} label={`Latency percentiles vs budget for ${serviceId}`} title={title} description={description} width={width} height={LATENCY_HEIGHT} className="latency-chart">
          <YGridTicks ticks={model.yTicks} left={plot.left} right={plot.right} />
          {headroom && (
            <rect className={headroom.over ? 'headroom over' : 'headroom ok'} x={plot.left} width={plot.right - plot.left} y={headroom.y} height={Math.max(headroom.height, 1)} />
          )}
          <g className="budget">
            <line x1={plot.left} x2={plot.right} y1={model.budgetY} y2={model.budgetY} />
            <text x={plot.right + 6} y={model.budgetY - 2}>Budget</text>
            <text x={plot.right + 6} y={model.budgetY + 11}>{formatMs(budgetMs)}</text>
          </g>
          {model.points.map((p) => (
            <g key={p.key} className={p.isSlo ? 'point slo' : 'point'}>
              <Whisker x={p.x} yLow={p.yLow} yHigh={p.yHigh} cap={6} />
              <circle cx={p.x} cy={p.y} r={p.isSlo ? 5.5 : 4} />
              <text x={p.x + 9} y={p.y} dy="0.32em" className="value">{formatNumber(p.stat.mean)}</text>
              <text x={p.x} y={plot.bottom + 18} textAnchor="middle" className="x-label">{p.isSlo ? `${p.label} (SLO)` : p.label}</text>
            </g>
          ))}
          <line x1={plot.left} x2={plot.right} y1={plot.bottom} y2={plot.bottom} className="axis" />
          <text className="axis-title" transform={`translate(14, ${(plot.top + plot.bottom) / 2}) rotate(-90)`} textAnchor="middle">
            Latency (ms{scaleKind === 'log' ? ', log scale' : ''})
          </text>
          <text className="axis-title" x={(plot.left + plot.right) / 2} y={LATENCY_HEIGHT - 4} textAnchor="middle">
            Statistic over replications (whiskers: 95% CI)
          </text>
        </ChartSvg>
      </div>
    </figure>
  );
}
