// Node occupancy heatmap (replication 0): rows of nodes × time buckets painted on a canvas,
// axes, pool names and slow-node marks in SVG over it, a legend, and a visually hidden table
// (one row per heatmap row) for screen readers.
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { OccupancyGrid } from '../../../simulation';
import { formatPercent } from '../../format/numbers';
import { useElementWidth } from '../use-element-width';
import { cellColor, heatmapLayout, heatRamp, poolLabel, rowSummaries, type HeatmapLayout } from './occupancy-heatmap';
import { ChartHead, XAxisTicks } from '../chart-parts';

interface Props {
  grid: OccupancyGrid;
  horizonS: number;
}

/** Re-renders when the theme attribute on <html> changes, so canvas colours follow the CSS. */
function useThemeVersion(): number {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    const observer = new MutationObserver(() => setVersion((v) => v + 1));
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    return () => observer.disconnect();
  }, []);
  return version;
}

function paint(canvas: HTMLCanvasElement, grid: OccupancyGrid, layout: HeatmapLayout): void {
  const { plot, rowHeight } = layout;
  const w = plot.right - plot.left;
  const h = plot.bottom - plot.top;
  const dpr = window.devicePixelRatio || 1;
  canvas.width = Math.max(1, Math.round(w * dpr));
  canvas.height = Math.max(1, Math.round(h * dpr));
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  const css = getComputedStyle(canvas);
  const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  const ramp = heatRamp({ empty: v('--heat-empty', '#e3e8ee'), full: v('--heat-full', '#2456c4'), down: v('--heat-down', '#b42318') });
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, w, h);
  const cw = layout.cellWidth;
  const gap = rowHeight >= 8 ? 1 : 0; // a hairline between rows where they are tall enough
  grid.rows.forEach((_, r) => {
    const alloc = grid.allocated[r] ?? [];
    const down = grid.down[r] ?? [];
    const y = r * rowHeight;
    for (let c = 0; c < alloc.length; c++) {
      ctx.fillStyle = cellColor(alloc[c] ?? 0, down[c] ?? 0, ramp);
      // Overlap by a fraction of a pixel so no seams show between buckets.
      ctx.fillRect(c * cw, y, cw + 0.5, rowHeight - gap);
    }
  });
}

export function OccupancyHeatmap({ grid, horizonS }: Props) {
  const [boxRef, width] = useElementWidth<HTMLDivElement>(560);
  const layout = useMemo(() => heatmapLayout(grid, width, horizonS), [grid, width, horizonS]);
  const summaries = useMemo(() => rowSummaries(grid), [grid]);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const theme = useThemeVersion();
  const id = useId();
  useEffect(() => {
    if (canvasRef.current) paint(canvasRef.current, grid, layout);
  }, [grid, layout, theme]);

  const { plot } = layout;
  const slowRows = summaries.filter((r) => r.slow > 0);
  const downRows = summaries.filter((r) => r.down > 0);
  const meanAlloc = summaries.length === 0 ? 0 : summaries.reduce((s, r) => s + r.allocated, 0) / summaries.length;
  const title = 'Node occupancy (replication 0)';
  const summary = `${grid.rows.length} rows of nodes over ${layout.unit.name}: ${formatPercent(meanAlloc)} allocated on average; ${
    downRows.length} rows with failures; ${slowRows.length === 0 ? 'no slow node' : `slow nodes in ${slowRows.map((r) => `${r.pool} ${r.label}`).join(', ')}`}.`;

  return (
    <figure className="chart cluster-chart heatmap-figure">
      <ChartHead title={title} />
      <div ref={boxRef} className="chart-box heatmap-box" role="img" aria-label={`Node occupancy heatmap: ${summary}`} aria-describedby={`${id}-desc`}>
        <span id={`${id}-desc`} className="visually-hidden">{summary} The table after this chart lists each row.</span>
        <canvas
          ref={canvasRef}
          className="heatmap-canvas"
          style={{ left: plot.left, top: plot.top, width: plot.right - plot.left, height: plot.bottom - plot.top }}
        />
        <svg width={width} height={layout.height} className="heatmap-overlay" aria-hidden="true">
          {layout.pools.map((p, i) => (
            <g key={p.pool} className="heat-pool">
              {i > 0 && <line x1={4} x2={plot.right} y1={p.y0 - 0.5} y2={p.y0 - 0.5} className="pool-separator" />}
              <text x={4} y={layout.rowLabels ? p.y0 + layout.rowHeight / 2 : (p.y0 + p.y1) / 2} dy="0.32em" className="pool-name">{poolLabel(p.pool)}</text>
            </g>
          ))}
          {layout.rows.map((r) => (
            <g key={r.index} className={r.slow > 0 ? 'heat-row slow' : 'heat-row'} data-row={r.index}>
              {layout.rowLabels && (
                <text x={plot.left - 14} y={r.y + layout.rowHeight / 2} dy="0.32em" textAnchor="end" className="row-label">{r.label}</text>
              )}
              {r.slow > 0 && (
                <path className="slow-mark" d={`M${plot.left - 10},${r.y + layout.rowHeight / 2 - 4} l8,4 l-8,4 z`}>
                  <title>{`${r.pool} ${r.label}: ${r.slow} slow node${r.slow === 1 ? '' : 's'}`}</title>
                </path>
              )}
            </g>
          ))}
          <XAxisTicks ticks={layout.xTicks} bottom={plot.bottom} labelY={plot.bottom + 15} />
          <text className="axis-title" x={(plot.left + plot.right) / 2} y={layout.height - 4} textAnchor="middle">Simulated time ({layout.unit.name})</text>
        </svg>
      </div>
      <ul className="legend heat-legend" aria-label="Heatmap legend">
        <li><span className="heat-ramp" aria-hidden="true" />Share of the row’s GPUs allocated: 0 % → 100 %</li>
        <li><span className="swatch heat-down" aria-hidden="true" />Down (failed, in repair)</li>
        <li><span className="slow-key" aria-hidden="true" />Slow node in the row</li>
      </ul>
      <table className="visually-hidden" aria-label="Node occupancy by row">
        <thead>
          <tr><th scope="col">Pool</th><th scope="col">Nodes</th><th scope="col">Mean allocated</th><th scope="col">Mean down</th><th scope="col">Slow nodes</th></tr>
        </thead>
        <tbody>
          {summaries.map((r, i) => (
            <tr key={i}>
              <th scope="row">{r.pool}</th><td>{r.label}</td><td>{formatPercent(r.allocated)}</td><td>{formatPercent(r.down)}</td><td>{r.slow}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
