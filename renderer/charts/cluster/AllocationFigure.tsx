// Where the jobs' allocated GPU time goes: one stacked 100 % bar with the figures in a legend.
// Pure (no DOM, no measuring): the HTML report renders this very figure; ./AllocationChart measures the page.
import { useId, useMemo, type Ref } from 'react';
import type { ClusterResult } from '../../../simulation';
import { formatPercent, formatStatPercent } from '../../format/numbers';
import { allocationModel } from './allocation-shares';
import { ChartHead, ChartSvg, Legend } from '../chart-parts';

export interface AllocationFigureProps {
  allocation: ClusterResult['allocation'];
  width: number;
  boxRef?: Ref<HTMLDivElement>;
}

const HEIGHT = 62;
const BAR = { top: 8, height: 28 };

export function AllocationFigure({ allocation, width, boxRef }: AllocationFigureProps) {
  const model = useMemo(() => allocationModel(allocation, { left: 8, right: width - 16 }), [allocation, width]);
  const id = useId();
  const title = 'Where allocated GPU time goes';
  const summary = `${model.segments.map((s) => `${s.label} ${formatStatPercent(s.stat)}`).join(', ')}.`;
  const wasted = 1 - model.useful;

  return (
    <figure className="chart cluster-chart">
      <ChartHead title={title}>
        <p className="chart-note neutral">
          Useful (compute + all-reduce) {formatPercent(model.useful)}; the other {formatPercent(Math.max(0, wasted))} is waiting or wasted
        </p>
      </ChartHead>
      <div ref={boxRef} className="chart-box">
        <ChartSvg id={id} label={`Allocated GPU time by use: ${summary}`} title={title} description={summary} width={width} height={HEIGHT} className="allocation-chart">
          {model.ticks.map((t) => (
            <g key={t.label} className="tick">
              <line x1={t.x} x2={t.x} y1={BAR.top - 3} y2={BAR.top + BAR.height + 3} className="grid" />
              <text x={t.x} y={BAR.top + BAR.height + 17} textAnchor={t.x < 20 ? 'start' : t.x > width - 30 ? 'end' : 'middle'}>{t.label}</text>
            </g>
          ))}
          {model.segments.map((s) => (
            <g key={s.key}>
              <rect className={`segment alloc-${s.key}`} x={s.x} y={BAR.top} width={Math.max(0, s.width)} height={BAR.height}>
                <title>{`${s.label}: ${formatStatPercent(s.stat)}`}</title>
              </rect>
              {s.width > 44 && (
                <text x={s.x + s.width / 2} y={BAR.top + BAR.height / 2} dy="0.32em" textAnchor="middle" className="segment-label">{formatPercent(s.share, 0)}</text>
              )}
            </g>
          ))}
        </ChartSvg>
      </div>
      <Legend
        label="Allocated GPU time by use"
        className="allocation-legend"
        items={model.segments.map((s) => ({ key: s.key, swatch: `alloc-${s.key}`, content: <>{s.label} <strong>{formatStatPercent(s.stat)}</strong></> }))}
      />
    </figure>
  );
}
