// One serving service over simulated time: five small multiples on one time axis (./serving-time.ts),
// each a <figure> with its caption and an SVG whose accessible name summarises it, a playback
// cursor on every panel at `cursorS`, and a readout of the values at that instant.
// Pure (no DOM, no measuring): the HTML report renders this very figure without a cursor;
// ./ServingTimeCharts measures the page.
import { useId, useMemo, type Ref } from 'react';
import { formatNumber } from '../../format/numbers';
import { ChartSvg, XAxisTicks, YGridTicks } from '../chart-parts';
import { servingReadout, servingTimeModel, type ServingTimeInput, type TimePanel } from './serving-time';
import { cursorX, instantText as clock, type TimeAxis } from './time-series';

export interface ServingTimeFigureProps {
  serviceId: string;
  input: ServingTimeInput;
  /** Width of the whole figure (all columns). */
  width: number;
  /**
   * The playback cursor in simulated seconds: a line on every panel and the readout. Null: no
   * cursor, the readout says how to get one; undefined (the report): no cursor and no readout.
   */
  cursorS?: number | null;
  boxRef?: Ref<HTMLDivElement>;
}

const GAP = 12;
const MARGIN = { left: 46, right: 12, top: 18, bottom: 20 };
const PLOT_HEIGHT = 96;

/** Two columns from this width on; one below (and in the report). */
export const TWO_COLUMNS_FROM = 900;

export function timeColumns(width: number): number {
  return width >= TWO_COLUMNS_FROM ? 2 : 1;
}

function Panel({ panel, axis, warmup, cx, replications }: { panel: TimePanel; axis: TimeAxis; warmup: { x0: number; x1: number } | null; cx: number | null; replications: number }) {
  const id = useId();
  const p = panel.plot;
  const description = `${panel.summary}. ${panel.bars.length > 0 ? 'Bars: per bucket' : `Lines: mean over ${replications} replication${replications === 1 ? '' : 's'}; shaded: 95% CI`}.`;
  return (
    <figure className="time-panel" data-panel={panel.key}>
      <figcaption className="time-panel-title">{panel.title}</figcaption>
      <ChartSvg id={id} label={panel.summary} title={panel.title} description={description} width={p.right + MARGIN.right} height={panel.height} className="time-svg">
        {warmup && <rect className="time-warmup" x={warmup.x0} y={p.top} width={Math.max(0, warmup.x1 - warmup.x0)} height={p.bottom - p.top} />}
        <YGridTicks ticks={panel.yTicks} left={p.left} right={p.right} gap={6} />
        <text x={p.left} y={p.top - 6} className="time-y-title">{panel.yTitle}</text>
        {panel.bands.map((b) => <path key={b.key} d={b.d} className={b.className} />)}
        {panel.reference && (
          <g className="budget">
            <line x1={p.left} x2={p.right} y1={panel.reference.y} y2={panel.reference.y} />
            <text x={p.right - 4} y={panel.reference.y - 4} textAnchor="end" className="time-ref-label">{panel.reference.label}</text>
          </g>
        )}
        {panel.bars.map((b) => <path key={b.key} d={b.d} className={b.className} />)}
        {panel.lines.map((l) => <path key={l.key} d={l.d} className={l.className} />)}
        {panel.empty && <text x={(p.left + p.right) / 2} y={(p.top + p.bottom) / 2} dy="0.32em" textAnchor="middle" className="time-empty">{panel.empty}</text>}
        {panel.markers.map((m, i) => (
          <g key={i} className={m.up ? 'time-marker up' : 'time-marker down'}>
            <title>{m.label}</title>
            <line x1={m.x} x2={m.x} y1={p.top} y2={p.bottom} />
            <path d={m.up ? `M${m.x - 5},${p.top + 7}L${m.x + 5},${p.top + 7}L${m.x},${p.top - 1}Z` : `M${m.x - 5},${p.top - 1}L${m.x + 5},${p.top - 1}L${m.x},${p.top + 7}Z`} />
          </g>
        ))}
        <line x1={p.left} x2={p.right} y1={p.bottom} y2={p.bottom} className="axis" />
        <XAxisTicks ticks={axis.ticks} bottom={p.bottom} labelY={p.bottom + 15} />
        {cx !== null && <line className="time-cursor" x1={cx} x2={cx} y1={p.top - 2} y2={p.bottom + 4} />}
      </ChartSvg>
      <ul className="legend time-legend" aria-label={`${panel.title}: key`}>
        {panel.legend.map((l) => (
          <li key={l.key}><span className={`swatch ${l.swatch}`} aria-hidden="true" />{l.label}</li>
        ))}
      </ul>
    </figure>
  );
}

export function ServingTimeFigure({ serviceId, input, width, cursorS, boxRef }: ServingTimeFigureProps) {
  const cols = timeColumns(width);
  const panelWidth = Math.max(200, Math.floor((width - GAP * (cols - 1)) / cols));
  const model = useMemo(() => servingTimeModel(input, { width: panelWidth, plotHeight: PLOT_HEIGHT, margin: MARGIN }), [input, panelWidth]);
  const cx = cursorX(model.axis, cursorS);
  const readout = cursorS === undefined || cursorS === null ? cursorS : servingReadout(input, cursorS);
  const reps = input.replications;
  return (
    <div className="time-charts" data-service={serviceId}>
      <p className="time-note">
        Simulated time in {model.axis.unit.name}, {formatNumber(model.buckets, 0)} buckets of {clock(input.series.bucket_s)}
        {model.warmup ? `; shaded at the start: the ${clock(input.warmupS)} warm-up` : ''}; lines are means over {formatNumber(reps, 0)} replication{reps === 1 ? '' : 's'}, bands their 95% CI.
      </p>
      {readout !== undefined && (
        <div className="time-readout" aria-live="off">
          {readout === null ? (
            <p className="muted">
              {cursorS === null
                ? 'Play or move the playback cursor to read the values at an instant.'
                : `The cursor, at ${clock(cursorS!)}, is past the ${clock(model.axis.endS)} these charts cover.`}
            </p>
          ) : (
            <>
              <p className="time-readout-at">At <strong>{clock(cursorS!)}</strong> (bucket {clock(readout.bucket[0])}–{clock(readout.bucket[1])})</p>
              <dl>
                {readout.items.map((it) => (
                  <div key={it.key} data-key={it.key}><dt>{it.label}</dt><dd>{it.value}</dd></div>
                ))}
              </dl>
            </>
          )}
        </div>
      )}
      <div ref={boxRef} className="time-grid" style={{ gridTemplateColumns: `repeat(${cols}, minmax(0, 1fr))` }}>
        {model.panels.map((p) => <Panel key={p.key} panel={p} axis={model.axis} warmup={model.warmup} cx={cx} replications={reps} />)}
      </div>
    </div>
  );
}
