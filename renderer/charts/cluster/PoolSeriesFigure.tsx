// One pool over time: allocated and busy share of its units against the target (top), waiting
// jobs (bottom), averaged over replications bucket by bucket.
// Pure (no DOM, no measuring): the HTML report renders this very figure; ./PoolSeriesChart measures the page.
import { useId, useMemo, type Ref } from 'react';
import type { PoolSeries } from '../../../simulation';
import { formatNumber, formatPercent } from '../../format/numbers';
import { poolSeriesModel } from './pool-series';
import { ChartHead, ChartSvg, XAxisTicks, YGridTicks } from '../chart-parts';
import { cursorX, timeAxis } from '../time/time-series';

export interface PoolSeriesFigureProps {
  pool: string;
  series: PoolSeries;
  bucketS: number;
  horizonS: number;
  target: number | null;
  width: number;
  /** The playback cursor in simulated seconds (the run's time axis, [0, horizon]); none when null. */
  cursorS?: number | null;
  boxRef?: Ref<HTMLDivElement>;
}

const LAYOUT = { margin: { left: 44, right: 12, top: 8 }, shareHeight: 110, gap: 14, queueHeight: 44, axis: 32 };

export function PoolSeriesFigure({ pool, series, bucketS, horizonS, target, width, cursorS, boxRef }: PoolSeriesFigureProps) {
  const m = useMemo(() => poolSeriesModel(series, bucketS, horizonS, target, { width, ...LAYOUT }), [series, bucketS, horizonS, target, width]);
  // The same domain as the model's x scale (the horizon, or the buckets if they reach further).
  const cx = cursorX(timeAxis(Math.max(horizonS, series.allocated.length * bucketS), m.x.left, m.x.right), cursorS);
  const id = useId();
  const title = `Pool ${pool} over time`;
  const summary = `${pool}: allocated ${formatPercent(m.meanAllocated)} on average (peak ${formatPercent(m.peakAllocated)}), busy ${formatPercent(m.meanBusy)}${
    target === null ? '' : `, target ${formatPercent(target, 0)}`
  }; up to ${formatNumber(m.peakQueued)} jobs waiting.`;

  return (
    <figure className="chart cluster-chart">
      <ChartHead title={title} />
      <div ref={boxRef} className="chart-box">
        <ChartSvg id={id} label={`Pool ${pool} over time: ${summary}`} title={title} description={summary} width={width} height={m.height} className="series-chart" data-pool={pool}>
          <YGridTicks ticks={m.shareTicks} left={m.x.left} right={m.x.right} gap={6} />
          <YGridTicks ticks={m.queueTicks} left={m.x.left} right={m.x.right} gap={6} />
          <path d={m.allocatedArea} className="series-allocated-area" />
          <path d={m.busyArea} className="series-busy-area" />
          <path d={m.allocatedLine} className="series-allocated" />
          <path d={m.busyLine} className="series-busy" />
          {m.targetY !== null && (
            <g className="target">
              <line x1={m.x.left} x2={m.x.right} y1={m.targetY} y2={m.targetY} />
            </g>
          )}
          <path d={m.queuedArea} className="series-queued-area" />
          <path d={m.queuedLine} className="series-queued" />
          <line x1={m.x.left} x2={m.x.right} y1={m.share.bottom} y2={m.share.bottom} className="axis" />
          <line x1={m.x.left} x2={m.x.right} y1={m.queue.bottom} y2={m.queue.bottom} className="axis" />
          <text x={m.x.left + 4} y={m.queue.top - 3} className="panel-label">Jobs waiting</text>
          <XAxisTicks ticks={m.xTicks} bottom={m.queue.bottom} labelY={m.queue.bottom + 15} />
          {cx !== null && <line className="time-cursor" x1={cx} x2={cx} y1={m.share.top} y2={m.queue.bottom + 4} />}
          <text className="axis-title" x={(m.x.left + m.x.right) / 2} y={m.height - 4} textAnchor="middle">Simulated time ({m.unit.name})</text>
        </ChartSvg>
      </div>
      <ul className="legend" aria-label={`Series of pool ${pool}`}>
        <li><span className="swatch key-allocated" aria-hidden="true" />Allocated <strong>{formatPercent(m.meanAllocated)}</strong></li>
        <li><span className="swatch key-busy" aria-hidden="true" />Busy <strong>{formatPercent(m.meanBusy)}</strong></li>
        {target !== null && <li><span className="swatch key-target" aria-hidden="true" />Target <strong>{formatPercent(target, 0)}</strong></li>}
        <li><span className="swatch key-queued" aria-hidden="true" /><span>Jobs waiting (mean over replications), peak <strong>{formatNumber(m.peakQueued)}</strong></span></li>
      </ul>
    </figure>
  );
}
