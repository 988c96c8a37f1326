// "Goodput vs checkpoint interval": React draws the SVG, ./checkpoint-chart does the maths.
// Means joined by a line with 95% CI whiskers, dashed markers at the Young/Daly interval and
// at the simulated optimum.
// Pure (drawn at `width`, no DOM); ./CheckpointChart measures the dialog.
import { useId, useMemo, type Ref } from 'react';
import type { CheckpointSweep } from '../../electron/common/contract';
import { checkpointChartModel, secondsLabel } from './checkpoint-chart';
import { formatPercent } from '../format/numbers';
import { ChartSvg, Whisker, XAxisTicks, YGridTicks } from '../charts/chart-parts';

const HEIGHT = 260;
const MARGIN = { top: 40, right: 20, bottom: 42, left: 58 };

export interface CheckpointFigureProps {
  sweep: CheckpointSweep;
  width: number;
  boxRef?: Ref<HTMLDivElement>;
}

export function CheckpointFigure({ sweep, width, boxRef }: CheckpointFigureProps) {
  const model = useMemo(() => checkpointChartModel(sweep, { width, height: HEIGHT, margin: MARGIN }), [sweep, width]);
  const id = useId();
  const { plot } = model;
  const best = sweep.points.find((p) => p.factor === sweep.best.factor);
  const yd = `Young/Daly ${secondsLabel(sweep.young_daly_interval_s)} s`;
  const opt = `Simulated optimum ${secondsLabel(sweep.best.interval_s)} s`;
  const same = Math.abs(model.youngDalyX - model.bestX) < 1;
  // Labels sit on either side of their marker; when the markers coincide, one line says both.
  const ydLeft = model.youngDalyX <= model.bestX;
  const description = `${yd}; ${opt}${best?.goodput ? ` with goodput ${formatPercent(best.goodput.mean, 2)}` : ''}.`;
  return (
    <figure className="chart ct-chart">
      <div ref={boxRef} className="chart-box">
        <ChartSvg id={id} label="Goodput vs checkpoint interval" title="Goodput vs checkpoint interval" description={description} width={width} height={HEIGHT}>
          <YGridTicks ticks={model.yTicks} left={plot.left} right={plot.right} />
          <XAxisTicks ticks={model.xTicks} bottom={plot.bottom} labelY={plot.bottom + 16} />
          <line x1={plot.left} x2={plot.right} y1={plot.bottom} y2={plot.bottom} className="axis" />
          <g className="ct-marker ct-yd" data-marker="young-daly">
            <line x1={model.youngDalyX} x2={model.youngDalyX} y1={plot.top - 26} y2={plot.bottom} />
            <text x={model.youngDalyX + (same ? 0 : ydLeft ? -5 : 5)} y={plot.top - 28} textAnchor={same ? 'middle' : ydLeft ? 'end' : 'start'}>
              {same ? `${yd} = simulated optimum` : yd}
            </text>
          </g>
          {!same && (
            <g className="ct-marker ct-best" data-marker="optimum">
              <line x1={model.bestX} x2={model.bestX} y1={plot.top - 12} y2={plot.bottom} />
              <text x={model.bestX + (ydLeft ? 5 : -5)} y={plot.top - 14} textAnchor={ydLeft ? 'start' : 'end'}>{opt}</text>
            </g>
          )}
          <path d={model.line} className="ct-line" />
          {model.points.map((p) => (
            <g key={p.factor} className={p.best ? 'point slo' : 'point'}>
              <Whisker x={p.x} yLow={p.yLow} yHigh={p.yHigh} cap={5} />
              <circle cx={p.x} cy={p.y} r={p.best ? 5.5 : 4} />
            </g>
          ))}
          <text className="axis-title" transform={`translate(13, ${(plot.top + plot.bottom) / 2}) rotate(-90)`} textAnchor="middle">Goodput</text>
          <text className="axis-title" x={(plot.left + plot.right) / 2} y={HEIGHT - 4} textAnchor="middle">
            Checkpoint interval (s, log scale; whiskers: 95% CI)
          </text>
        </ChartSvg>
      </div>
    </figure>
  );
}
