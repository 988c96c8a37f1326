// A two-parameter sweep as a heatmap: one cell per point, coloured by the figure's mean between
// the theme's two heat colours, the mean written in cells wide enough (and in each cell's
// tooltip), cells that meet the SLO outlined, the cheapest of them marked with a star, at a given
// width: renderer/whatif/SweepHeatmap measures the page; the analysis report renders it at a
// fixed width in the report's locale.
import { useId, useMemo, type ReactNode, type Ref } from 'react';
import type { NumberText, Unit } from '../../../simulation/present';
import { valueWithUnit } from '../../../simulation/present';
import { APP_NUMBERS } from '../../format/numbers';
import { ChartHead, ChartSvg, XAxisTicks } from '../chart-parts';
import { fitText } from './sweep-chart-model';
import { heatmapModel } from './sweep-heatmap-model';
import type { SweepSeries } from './sweep-series';

export interface SweepHeatmapFigureProps {
  series: SweepSeries;
  unit: Unit;
  figureLabel: string;
  paramLabels: [string, string];
  /** The element both parameters belong to, when they do ("service risk_model_api"). */
  of?: string | null;
  controls?: ReactNode;
  width: number;
  boxRef?: Ref<HTMLDivElement>;
  /** How numbers are spelled: the app's formatter, or the report's. */
  numbers?: NumberText;
}

const MARGIN = { top: 10, right: 14, bottom: 44, left: 70 };

export function SweepHeatmapFigure({ series, unit, figureLabel, paramLabels, of = null, controls, width, boxRef, numbers = APP_NUMBERS }: SweepHeatmapFigureProps) {
  const fmt = (x: number) => numbers.sig(x);
  const rowsCount = new Set(series.points.map((p) => p.values[1])).size;
  const height = Math.min(420, Math.max(160, rowsCount * 30)) + MARGIN.top + MARGIN.bottom;
  const model = useMemo(() => heatmapModel(series, { width, height, margin: MARGIN }), [series, width, height]);
  const id = useId();
  const { plot } = model;
  const [a, b] = paramLabels;
  const cheapest = series.cheapest;
  const slo = series.twoSlos ? 'SLOs' : 'SLO';
  const meeting = series.points.filter((p) => p.meets).length;
  const value = (x: number) => valueWithUnit(numbers, x, unit);
  const description = `${figureLabel} over a grid of ${a} (across) and ${b} (up), ${series.points.length} points${
    model.range ? `, from ${value(model.range[0])} to ${value(model.range[1])}` : ''}; ${
    series.sloService === null ? 'there is no SLO to meet' : `${meeting} points meet the ${slo} of ${series.sloService} (outlined)`}${
    cheapest ? `; the cheapest that does is ${a} = ${fmt(cheapest.values[0] as number)}, ${b} = ${fmt(cheapest.values[1] as number)}` : ''}.`;
  const title = `${figureLabel} over ${a} × ${b}${of ? ` of ${of}` : ''}`;

  return (
    <figure className="chart wi-chart">
      <ChartHead title={title} level={4}>{controls}</ChartHead>
      <div ref={boxRef} className="chart-box">
        <ChartSvg id={id} label={`Sweep heatmap: ${title}`} title={title} description={description} width={width} height={height} className="wi-heatmap">
          {model.cells.map((c) => {
            const t = c.t === null ? null : Math.round(c.t * 100);
            const text = c.stat ? value(c.stat.mean) : '—';
            const roomy = c.width >= text.length * 6.4 + 6 && c.height >= 16;
            const isCheapest = cheapest !== null && c.values.every((v, i) => v === cheapest.values[i]);
            return (
              <g key={c.values.join(':')} className={`wi-cell${c.meets ? ' meets' : ''}${isCheapest ? ' cheapest' : ''}${t !== null && t > 55 ? ' hot' : ''}`} data-values={c.values.join(',')}>
                <rect x={c.x} y={c.y} width={c.width} height={c.height} rx={2} style={t === null ? undefined : { fill: `color-mix(in srgb, var(--wi-heat-hi) ${t}%, var(--wi-heat-lo))` }} />
                {roomy && <text x={c.x + c.width / 2} y={c.y + c.height / 2} dy="0.32em" textAnchor="middle">{isCheapest ? `★ ${text}` : text}</text>}
                <title>{`${a} = ${fmt(c.values[0] as number)}, ${b} = ${fmt(c.values[1] as number)}: ${c.stat ? numbers.stat(c.stat) : 'no value'}${c.cost !== null ? `; ${fmt(c.cost)} per hour` : ''}${c.meets === null ? '' : c.meets ? `; meets the ${slo}` : `; misses the ${slo}`}${isCheapest ? ' (cheapest meeting it)' : ''}`}</title>
              </g>
            );
          })}
          <XAxisTicks ticks={model.xTicks} bottom={plot.bottom} labelY={plot.bottom + 16} />
          {model.yTicks.map((t, i) => t.label && (
            <text key={i} x={plot.left - 8} y={t.y} dy="0.32em" textAnchor="end" className="wi-y-tick">{t.label}</text>
          ))}
          <text className="axis-title" transform={`translate(13, ${(plot.top + plot.bottom) / 2}) rotate(-90)`} textAnchor="middle">{fitText(b, plot.bottom - plot.top)}</text>
          <text className="axis-title" x={(plot.left + plot.right) / 2} y={height - 4} textAnchor="middle">{fitText(a, plot.right - plot.left)}</text>
        </ChartSvg>
      </div>
      <ul className="legend" aria-label="Heatmap legend">
        <li>
          <span className="wi-heat-ramp" aria-hidden="true" />
          {model.range ? `${value(model.range[0])} → ${value(model.range[1])}${model.log ? ' (log)' : ''}` : 'no values'}
        </li>
        {series.sloService !== null && <li><span className="swatch wi-key-meets" aria-hidden="true" />Meets the {slo} of {series.sloService}</li>}
        {cheapest && <li><span aria-hidden="true">★</span> Cheapest meeting it</li>}
      </ul>
    </figure>
  );
}
