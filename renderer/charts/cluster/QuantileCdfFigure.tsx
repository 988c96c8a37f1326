// A duration distribution (job-completion time or queueing delay) as a CDF: the mean quantile
// at each probability, a band between the 95% CI bounds, p50 / p95 / p99 labelled.
// Pure (no DOM, no measuring): the HTML report renders this very figure; ./QuantileCdfChart measures the page.
import { useId, useMemo, type Ref } from 'react';
import type { QuantileStat } from '../../../simulation';
import { formatStatDuration } from './duration-unit';
import { cdfModel } from './quantile-cdf';
import { ChartHead, ChartSvg, XAxisTicks, YGridTicks } from '../chart-parts';

export interface QuantileCdfFigureProps {
  title: string;
  /** What the values are, for the accessible name ("Job-completion time"). */
  what: string;
  quantiles: readonly QuantileStat[] | undefined;
  width: number;
  boxRef?: Ref<HTMLDivElement>;
}

const HEIGHT = 220;
const MARGIN = { top: 18, right: 14, bottom: 40, left: 48 };
const LABELLED = new Set([0.5, 0.95, 0.99]);

export function QuantileCdfFigure({ title, what, quantiles, width, boxRef }: QuantileCdfFigureProps) {
  const model = useMemo(() => cdfModel(quantiles, { width, height: HEIGHT, margin: MARGIN }), [quantiles, width]);
  const id = useId();
  const { plot, unit } = model;
  const labelled = model.points.filter((p) => LABELLED.has(p.q));
  const empty = quantiles === undefined ? 'Not in this result (run again)' : 'No job in the measured window';
  const summary = model.points.length === 0
    ? `${what}: ${empty.toLowerCase()}.`
    : `${what} quantiles: ${labelled.map((p) => `p${Math.round(p.q * 100)} ${formatStatDuration(p.stat, unit)}`).join(', ')}.`;

  return (
    <figure className="chart cluster-chart">
      <ChartHead title={title} />
      <div ref={boxRef} className="chart-box">
        <ChartSvg id={id} label={summary} title={title} description={summary} width={width} height={HEIGHT} className="cdf-chart">
          <YGridTicks ticks={model.yTicks} left={plot.left} right={plot.right} gap={6} />
          <XAxisTicks ticks={model.xTicks} bottom={plot.bottom} labelY={plot.bottom + 15} />
          {model.points.length === 0 && (
            <text x={(plot.left + plot.right) / 2} y={(plot.top + plot.bottom) / 2} textAnchor="middle" className="empty-note">{empty}</text>
          )}
          <path d={model.band} className="cdf-band" />
          <path d={model.line} className="cdf-line" />
          {model.points.map((p) => (
            <circle key={p.q} cx={p.x} cy={p.y} r={LABELLED.has(p.q) ? 3.5 : 2.5} className={LABELLED.has(p.q) ? 'cdf-point key' : 'cdf-point'}>
              <title>{`p${+(p.q * 100).toFixed(0)}: ${formatStatDuration(p.stat, unit)}`}</title>
            </circle>
          ))}
          {labelled.map((p) => {
            // Off the curve: p50 and p95 below-right of their points, p99 above-left (the curve runs down-left from it).
            const above = p.q === 0.99;
            return (
              <text key={p.q} x={above ? p.x + 2 : p.x + 6} y={above ? p.y - 9 : p.y + (p.q === 0.95 ? 11 : 4)} dy="0.32em" textAnchor={above ? 'end' : 'start'} className="cdf-label">
                p{Math.round(p.q * 100)}
              </text>
            );
          })}
          <line x1={plot.left} x2={plot.right} y1={plot.bottom} y2={plot.bottom} className="axis" />
          <text className="axis-title" x={(plot.left + plot.right) / 2} y={HEIGHT - 4} textAnchor="middle">{what} ({unit.name})</text>
          <text className="axis-title" transform={`translate(11, ${(plot.top + plot.bottom) / 2}) rotate(-90)`} textAnchor="middle">Share of jobs</text>
        </ChartSvg>
      </div>
      {labelled.length > 0 && (
        <dl className="cdf-readout">
          {labelled.map((p) => (
            <div key={p.q}>
              <dt>p{Math.round(p.q * 100)}</dt>
              <dd>{formatStatDuration(p.stat, unit)}</dd>
            </div>
          ))}
        </dl>
      )}
      <p className="chart-foot">Share of jobs at or below each time; band: 95% CI of each quantile over replications.</p>
    </figure>
  );
}
