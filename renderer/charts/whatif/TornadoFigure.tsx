// The tornado chart of a sensitivity analysis: one row per input, most influential first, a bar
// from the base figure to the figure with the input lowered and one to the figure with it raised
// (two colours), 95% CI whiskers at each end, the base as a vertical line, and each input's
// readable name with its values at the left, at a given width: renderer/whatif/TornadoChart
// measures the page; the analysis report renders it at a fixed width in the report's locale.
import { useId, useMemo, type Ref } from 'react';
import type { NumberText, Unit } from '../../../simulation/present';
import { valueWithUnit } from '../../../simulation/present';
import { APP_NUMBERS } from '../../format/numbers';
import { ChartHead, ChartSvg, Legend } from '../chart-parts';
import { fitText, tickLabel } from './sweep-chart-model';
import { axisUnit } from './SweepFigure';
import { tornadoLayout, type TornadoData } from './tornado-rows';

export interface TornadoFigureProps {
  data: TornadoData;
  unit: Unit;
  figureLabel: string;
  width: number;
  boxRef?: Ref<HTMLDivElement>;
  /** How numbers are spelled: the app's formatter, or the report's. */
  numbers?: NumberText;
}

const ROW = 34;

/** A horizontal 95% CI at y from x0 to x1 with caps. */
function HWhisker({ x0, x1, y, cap }: { x0: number; x1: number; y: number; cap: number }) {
  return (
    <>
      <line x1={x0} x2={x1} y1={y} y2={y} className="whisker" />
      <line x1={x0} x2={x0} y1={y - cap} y2={y + cap} className="whisker" />
      <line x1={x1} x2={x1} y1={y - cap} y2={y + cap} className="whisker" />
    </>
  );
}

export function TornadoFigure({ data, unit, figureLabel, width, boxRef, numbers = APP_NUMBERS }: TornadoFigureProps) {
  const fmt = (x: number | null) => (x === null ? '—' : numbers.sig(x));
  const left = Math.min(300, Math.max(170, Math.round(width * 0.4)));
  const layout = useMemo(() => tornadoLayout(data, { width, rowHeight: ROW, margin: { top: 8, right: 18, bottom: 40, left } }), [data, width, left]);
  const id = useId();
  const { plot } = layout;
  const pct = `${numbers.number(data.delta * 100)}%`;
  const value = (x: number) => valueWithUnit(numbers, x, unit);
  const top = data.rows.slice(0, 3).map((r) => `${r.label} (swing ${value(r.swing)})`).join(', ');
  const description = data.rows.length === 0
    ? `No input could be varied to move ${figureLabel}.`
    : `${figureLabel}${data.base ? `, ${value(data.base.mean)} as saved,` : ''} with each of ${data.rows.length} inputs lowered and raised by ${pct}, ranked by how far it moves: ${top}${data.rows.length > 3 ? ', …' : ''}.`;
  const title = `What moves ${figureLabel} (±${pct})`;
  const legend = [
    { key: 'low', swatch: 'wi-key-low', content: `Input lowered by ${pct}` },
    { key: 'high', swatch: 'wi-key-high', content: `Input raised by ${pct}` },
    ...(data.base ? [{ key: 'base', swatch: 'wi-key-base', content: `As saved: ${value(data.base.mean)}` }] : []),
  ];

  return (
    <figure className="chart wi-chart">
      <ChartHead title={title} level={4} />
      <div ref={boxRef} className="chart-box">
        <ChartSvg id={id} label={`Tornado chart: ${title}`} title={title} description={description} width={width} height={layout.height} className="wi-tornado">
          {layout.xTicks.map((t) => (
            <g key={t.value} className="tick">
              <line x1={t.x} x2={t.x} y1={plot.top} y2={plot.bottom} className="grid" />
              <text x={t.x} y={plot.bottom + 16} textAnchor="middle">{tickLabel(t.value, unit)}</text>
            </g>
          ))}
          {layout.rows.map((r) => (
            <g key={r.path} className="wi-tornado-row" data-rank={r.rank} data-path={r.path}>
              <text x={plot.left - 10} y={r.y - 4} textAnchor="end" className="wi-row-label">{fitText(`${r.rank}. ${r.label}`, plot.left - 14, 6.2)}</text>
              <text x={plot.left - 10} y={r.y + 10} textAnchor="end" className="wi-row-values">
                {fmt(r.lowValue)} ← {fmt(r.baseValue)} → {fmt(r.highValue)}
              </text>
              {r.bars.map((b) => {
                const from = layout.baseX ?? b.x;
                return (
                  <g key={b.side} className={`wi-bar ${b.side}`}>
                    <rect x={Math.min(from, b.x)} y={r.y - 9} width={Math.max(1, Math.abs(b.x - from))} height={18} />
                    <HWhisker x0={b.ciLow} x1={b.ciHigh} y={r.y} cap={4} />
                  </g>
                );
              })}
              <title>{`${r.label}: at ${fmt(r.lowValue)} → ${r.low ? numbers.stat(r.low) : 'not simulated'}; at ${fmt(r.highValue)} → ${r.high ? numbers.stat(r.high) : 'not simulated'}; swing ${value(r.swing)}`}</title>
            </g>
          ))}
          {layout.baseX !== null && <line x1={layout.baseX} x2={layout.baseX} y1={plot.top - 8} y2={plot.bottom} className="wi-base" />}
          <text className="axis-title" x={(plot.left + plot.right) / 2} y={layout.height - 4} textAnchor="middle">{figureLabel}{axisUnit(unit, 'linear')}</text>
        </ChartSvg>
      </div>
      <Legend label="Tornado chart legend" items={legend} />
    </figure>
  );
}
