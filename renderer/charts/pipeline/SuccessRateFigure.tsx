// "Success rate vs ∏(1−p)": the simulated rates with 95% CIs against the closed-form answer.
// Pure (drawn at `width`), so the HTML report renders this very figure; ./PipelineCharts
// measures the page in the app.
import { useId, useMemo, type Ref } from 'react';
import type { MaybeStat } from '../../../simulation';
import { formatPercent, formatStatPercent } from '../../format/numbers';
import { successRateModel } from './success-rate';
import { ChartHead, ChartSvg, XGridTicks } from '../chart-parts';

export interface SuccessRateFigureProps {
  successRate: MaybeStat;
  dagRunSuccessRate: MaybeStat;
  reliability: number;
  reliabilityWithRetries: number;
  width: number;
  boxRef?: Ref<HTMLDivElement>;
}

export function SuccessRateFigure({ successRate, dagRunSuccessRate, reliability, reliabilityWithRetries, width, boxRef }: SuccessRateFigureProps) {
  const m = useMemo(
    () => successRateModel({ successRate, dagRunSuccessRate, reliability, reliabilityWithRetries }, width),
    [successRate, dagRunSuccessRate, reliability, reliabilityWithRetries, width],
  );
  const id = useId();
  const title = 'Success rate vs ∏(1−p)';
  const summary = `Every task succeeds in ${formatStatPercent(successRate)} of runs, the DAG run in ${formatStatPercent(dagRunSuccessRate)}; analytic ${
    m.marks.map((k) => `${k.label} ${formatPercent(k.value)}`).join(', ')}.`;
  const { plot } = m;

  return (
    <figure className="chart pipeline-chart">
      <ChartHead title={title} />
      <div ref={boxRef} className="chart-box">
        <ChartSvg id={id} label={`Pipeline success rate: ${summary}`} title={title} description={summary} width={width} height={m.height} className="rate-chart">
          <XGridTicks ticks={m.ticks} top={plot.top} bottom={plot.bottom} labelY={plot.bottom + 15} />
          {m.bars.map((b) => (
            <g key={b.key} className="rate-bar" data-key={b.key}>
              <text x={plot.left - 8} y={b.y + m.barHeight / 2} dy="0.32em" textAnchor="end" className="bar-label">{b.label}</text>
              {b.stat && <rect x={plot.left} y={b.y} width={Math.max(0, b.x - plot.left)} height={m.barHeight} />}
              {b.stat && b.xLo !== b.xHi && (
                <g className="whisker">
                  <line x1={b.xLo} x2={b.xHi} y1={b.y + m.barHeight / 2} y2={b.y + m.barHeight / 2} />
                  <line x1={b.xLo} x2={b.xLo} y1={b.y + 2} y2={b.y + m.barHeight - 2} />
                  <line x1={b.xHi} x2={b.xHi} y1={b.y + 2} y2={b.y + m.barHeight - 2} />
                </g>
              )}
              <text x={plot.right + 8} y={b.y + m.barHeight / 2} dy="0.32em" className="value">{formatStatPercent(b.stat)}</text>
            </g>
          ))}
          {m.marks.map((k) => (
            <g key={k.key} className={`analytic-mark ${k.key}`}>
              <line x1={k.x} x2={k.x} y1={k.labelY + 5} y2={plot.bottom + 2} />
              <text x={k.x} y={k.labelY} dy="0.32em" textAnchor={k.anchor}>analytic {k.label} {formatPercent(k.value)}</text>
            </g>
          ))}
          <line x1={plot.left} x2={plot.left} y1={plot.top} y2={plot.bottom} className="axis" />
        </ChartSvg>
      </div>
      <p className="chart-foot">Share of simulated runs; whiskers: 95% CI over replications. Dashed: the closed-form ∏(1−p) over the tasks’ failure probabilities.</p>
    </figure>
  );
}
