// One service's latency percentiles of A and B on one chart (./compare-chart does the maths):
// A as circles, B as squares in another colour, each with its 95% CI whisker and its mean above
// it, and the budget line. Shape and legend text tell the runs apart, not colour alone.
import { useId, useMemo } from 'react';
import { ChartHead, ChartSvg, Legend, Whisker, YGridTicks } from '../charts/chart-parts';
import { useElementWidth } from '../charts/use-element-width';
import { formatMs, formatNumber } from '../format/numbers';
import { overlayModel, type OverlayPoint, type PlacedStat } from './compare-chart';

const HEIGHT = 260;
// The right margin holds the budget label, clear of points and whiskers.
const MARGIN = { top: 22, right: 64, bottom: 34, left: 60 };
const MARKER = 4.5;

interface Props {
  serviceId: string;
  points: readonly OverlayPoint[];
  budgetMs: number | null;
  legendA: string;
  legendB: string;
}

function Marker({ p }: { p: PlacedStat }) {
  return p.side === 'a'
    ? <circle cx={p.x} cy={p.y} r={MARKER} />
    : <rect x={p.x - MARKER} y={p.y - MARKER} width={MARKER * 2} height={MARKER * 2} />;
}

/** "p99: A 495 ms, B 180 ms, significant" for each percentile, then the budget. */
function describePoints(points: readonly OverlayPoint[], budgetMs: number | null): string {
  const side = (s: OverlayPoint['a']) => (s ? formatMs(s.mean) : 'no value');
  const verdict = (p: OverlayPoint) => (p.significant === true ? 'a significant difference' : p.significant === false ? 'no significant difference' : 'cannot tell');
  const parts = points.map((p) => `${p.label}: A ${side(p.a)}, B ${side(p.b)} (${verdict(p)})`);
  if (budgetMs !== null) parts.push(`budget ${formatMs(budgetMs)}`);
  return `${parts.join('; ')}.`;
}

export function CompareChart({ serviceId, points, budgetMs, legendA, legendB }: Props) {
  const [boxRef, width] = useElementWidth<HTMLDivElement>(560);
  const model = useMemo(() => overlayModel(points, budgetMs, { width, height: HEIGHT, margin: MARGIN }), [points, budgetMs, width]);
  const id = useId();
  const title = `Latency percentiles, A and B — ${serviceId}`;
  const { plot } = model;
  return (
    <figure className="chart cmp-chart">
      <ChartHead title={title} level={4} />
      <div ref={boxRef} className="chart-box">
        <ChartSvg id={id} label={`Latency percentiles of A and B for ${serviceId}`} title={title} description={describePoints(points, budgetMs)} width={width} height={HEIGHT}>
          <YGridTicks ticks={model.yTicks} left={plot.left} right={plot.right} />
          {model.budgetY !== null && budgetMs !== null && (
            <g className="budget">
              <line x1={plot.left} x2={plot.right} y1={model.budgetY} y2={model.budgetY} />
              <text x={plot.right + 6} y={model.budgetY - 2}>Budget</text>
              <text x={plot.right + 6} y={model.budgetY + 11}>{formatMs(budgetMs)}</text>
            </g>
          )}
          {model.placed.map((p) => (
            <g key={`${p.side}:${p.key}`} className={`cmp-point cmp-${p.side}`}>
              <Whisker x={p.x} yLow={p.yLow} yHigh={p.yHigh} cap={5} />
              <Marker p={p} />
              <text x={p.x} y={Math.min(p.yHigh, p.y - MARKER) - 5} textAnchor="middle" className="value">{formatNumber(p.stat.mean)}</text>
            </g>
          ))}
          {model.bands.map((b) => (
            <text key={b.key} x={b.x} y={plot.bottom + 16} textAnchor="middle" className="x-label">{b.label}</text>
          ))}
          <line x1={plot.left} x2={plot.right} y1={plot.bottom} y2={plot.bottom} className="axis" />
          <text className="axis-title" transform={`translate(14, ${(plot.top + plot.bottom) / 2}) rotate(-90)`} textAnchor="middle">
            Latency (ms{model.scaleKind === 'log' ? ', log scale' : ''})
          </text>
        </ChartSvg>
      </div>
      <Legend
        label={`Legend of the latency chart for ${serviceId}`}
        items={[
          { key: 'a', swatch: 'cmp-swatch-a', content: legendA },
          { key: 'b', swatch: 'cmp-swatch-b', content: legendB },
        ]}
      >
        <li className="muted">Whiskers: 95% CI</li>
      </Legend>
    </figure>
  );
}
