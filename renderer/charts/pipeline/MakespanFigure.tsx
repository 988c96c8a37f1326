// "Makespan vs critical path": mean and percentiles of the makespan over runs with 95% CIs,
// against the analytic critical path. Pure (drawn at `width`), so the HTML report renders this
// very figure; ./PipelineCharts measures the page in the app.
import { useId, useMemo, type Ref } from 'react';
import type { PipelineSimulated } from '../../../simulation';
import { formatNumber, formatStat } from '../../format/numbers';
import { makespanModel } from './makespan';
import { ChartHead, ChartSvg, YGridTicks } from '../chart-parts';

export interface MakespanFigureProps {
  makespan: PipelineSimulated['makespan_s'];
  criticalPathS: number;
  width: number;
  boxRef?: Ref<HTMLDivElement>;
}

const HEIGHT = 240;
// The right margin holds the critical path's label.
const MARGIN = { top: 14, right: 104, bottom: 40, left: 56 };

export function MakespanFigure({ makespan, criticalPathS, width, boxRef }: MakespanFigureProps) {
  const m = useMemo(() => makespanModel({ makespan, criticalPathS }, { width, height: HEIGHT, margin: MARGIN }), [makespan, criticalPathS, width]);
  const id = useId();
  const { plot, unit } = m;
  const u = unit.unit;
  const title = 'Makespan vs critical path';
  const p95 = m.points.find((p) => p.key === 'p95');
  const summary = `Makespan ${m.points.map((p) => `${p.key} ${formatStat(p.stat, u)}`).join(', ')}; analytic critical path ${formatNumber(m.criticalPath.value)} ${u}.`;

  return (
    <figure className="chart pipeline-chart">
      <ChartHead title={title}>
        {p95 && (
          <p className="chart-note neutral">p95 {formatNumber(p95.stat.mean)} {u} against a {formatNumber(m.criticalPath.value)} {u} critical path</p>
        )}
      </ChartHead>
      <div ref={boxRef} className="chart-box">
        <ChartSvg id={id} label={`Pipeline makespan: ${summary}`} title={title} description={summary} width={width} height={HEIGHT} className="makespan-chart">
          <YGridTicks ticks={m.yTicks} left={plot.left} right={plot.right} />
          <g className="critical-path">
            <line x1={plot.left} x2={plot.right} y1={m.criticalPath.y} y2={m.criticalPath.y} />
            <text x={plot.right + 6} y={m.criticalPath.y - 2}>Critical path</text>
            <text x={plot.right + 6} y={m.criticalPath.y + 11}>{formatNumber(m.criticalPath.value)} {u} (CPM)</text>
          </g>
          {m.slots.map((s) => (
            <text key={s.key} x={s.x} y={plot.bottom + 18} textAnchor="middle" className="x-label">{s.key}</text>
          ))}
          {m.points.map((p) => (
            <g key={p.key} className="point">
              <line x1={p.x} x2={p.x} y1={p.yLow} y2={p.yHigh} className="whisker" />
              <line x1={p.x - 6} x2={p.x + 6} y1={p.yLow} y2={p.yLow} className="whisker" />
              <line x1={p.x - 6} x2={p.x + 6} y1={p.yHigh} y2={p.yHigh} className="whisker" />
              <circle cx={p.x} cy={p.y} r={4} />
              <text x={p.x + 9} y={p.y} dy="0.32em" className="value">{formatNumber(p.stat.mean)}</text>
            </g>
          ))}
          <line x1={plot.left} x2={plot.right} y1={plot.bottom} y2={plot.bottom} className="axis" />
          <text className="axis-title" transform={`translate(14, ${(plot.top + plot.bottom) / 2}) rotate(-90)`} textAnchor="middle">Makespan ({unit.name})</text>
          <text className="axis-title" x={(plot.left + plot.right) / 2} y={HEIGHT - 4} textAnchor="middle">Statistic over runs (whiskers: 95% CI)</text>
        </ChartSvg>
      </div>
    </figure>
  );
}
