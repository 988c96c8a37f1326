// Latency-budget breakdown at a given width: mean time per component stacked against the budget
// line. Pure, so the HTML report renders the same figure; ./BreakdownChart measures the page. Its
// note is neutral: means cannot say whether the SLO, judged at a percentile, is met.
import { useId, useMemo, type Ref } from 'react';
import type { ServiceResult } from '../../simulation';
import { formatMs } from '../format/numbers';
import { breakdownModel, breakdownNote } from './latency-breakdown';
import { ChartHead, ChartSvg, Legend } from './chart-parts';

export interface BreakdownFigureProps {
  serviceId: string;
  components: ServiceResult['components_ms'];
  budgetMs: number;
  /** The service's SLO percentile, named in the note (the budget applies there, not to the means). */
  sloPercentile?: number | null;
  width: number;
  boxRef?: Ref<HTMLDivElement>;
}

const HEIGHT = 72;
const BAR = { top: 24, height: 26 };

export function BreakdownFigure({ serviceId, components, budgetMs, sloPercentile, width, boxRef }: BreakdownFigureProps) {
  const model = useMemo(() => breakdownModel(components, budgetMs, { left: 8, right: width - 16 }), [components, budgetMs, width]);
  const id = useId();
  const title = `Latency budget breakdown (mean ms) — ${serviceId}`;
  const summary = `${model.segments.map((s) => `${s.label} ${formatMs(s.ms)}`).join(', ')}; total ${formatMs(model.totalMs)} against a ${formatMs(budgetMs)} budget.`;

  return (
    <figure className="chart">
      <ChartHead title={title} level={3}>
        <p className="chart-note neutral">{breakdownNote(model.totalMs, budgetMs, sloPercentile, formatMs)}</p>
      </ChartHead>
      <div ref={boxRef} className="chart-box">
        <ChartSvg id={id} label={`Latency budget breakdown for ${serviceId}`} title={title} description={summary} width={width} height={HEIGHT} className="breakdown-chart">
          {model.ticks.map((t) => (
            <g key={t.label} className="tick">
              <line x1={t.x} x2={t.x} y1={BAR.top - 4} y2={BAR.top + BAR.height + 4} className="grid" />
              <text x={t.x} y={BAR.top + BAR.height + 18} textAnchor="middle">{t.label}</text>
            </g>
          ))}
          {model.segments.map((s) => (
            <rect key={s.key} className={`segment c-${s.key}`} x={s.x} y={BAR.top} width={Math.max(0, s.width)} height={BAR.height}>
              <title>{`${s.label}: ${formatMs(s.ms)}`}</title>
            </rect>
          ))}
          <g className="budget">
            <line x1={model.budgetX} x2={model.budgetX} y1={BAR.top - 8} y2={BAR.top + BAR.height + 6} />
            <text x={model.budgetX} y={BAR.top - 10} textAnchor={model.budgetX > width - 90 ? 'end' : 'middle'}>Budget {formatMs(budgetMs)}</text>
          </g>
        </ChartSvg>
      </div>
      <Legend
        label={`Latency components for ${serviceId}`}
        items={model.segments.map((s) => ({ key: s.key, swatch: `c-${s.key}`, content: <>{s.label} <strong>{formatMs(s.ms)}</strong></> }))}
      />
    </figure>
  );
}
