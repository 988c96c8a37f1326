// The live what-if preview drawn: one compact bar panel per model (./preview-chart), with its
// headline numbers. The container's data-preview-drawn counts the previews drawn, bumped in a
// layout effect once the DOM holds the new one, so a test can time release → redraw.
import { useId, useLayoutEffect, useMemo, useRef } from 'react';
import type { ResultDocument } from '../../simulation';
import { ChartSvg } from '../charts/chart-parts';
import { useElementWidth } from '../charts/use-element-width';
import { panelLayout, panelSummary, previewPanels, type PreviewPanel } from './preview-chart';

function Panel({ panel, width }: { panel: PreviewPanel; width: number }) {
  const id = useId();
  const layout = useMemo(() => panelLayout(panel, width), [panel, width]);
  const { plot } = layout;
  const summary = panelSummary(panel);
  return (
    <div className="preview-panel" data-panel={panel.key}>
      <h4 className="preview-panel-title">{panel.title}</h4>
      <dl className="preview-figures">
        {panel.figures.map((f) => (
          <div key={f.key} className={`preview-figure ${f.tone ?? 'neutral'}`} data-figure={f.key}>
            <dt>{f.label}</dt>
            <dd>{f.text}</dd>
          </div>
        ))}
      </dl>
      <ChartSvg id={id} label={summary} title={panel.title} description={summary} width={width} height={layout.height} className="preview-bars">
        {layout.bars.map((g) => (
          <g key={g.bar.key} className={`preview-bar ${g.bar.tone ?? 'neutral'}${g.bar.emphasis ? ' emphasis' : ''}`} data-bar={g.bar.key}>
            <text x={plot.left - 8} y={g.y + layout.barHeight / 2} dy="0.32em" textAnchor="end" className="bar-label">{g.bar.label}</text>
            <rect x={plot.left} y={g.y} width={plot.right - plot.left} height={layout.barHeight} className="track" />
            <rect x={g.x0} y={g.y} width={g.width} height={layout.barHeight} className="fill" />
            {g.cut && <path d={`M${plot.right - 7},${g.y + 2} l5,${layout.barHeight / 2 - 2} l-5,${layout.barHeight / 2 - 2}`} className="cut" />}
            {g.markX !== null && (
              <line x1={g.markX} x2={g.markX} y1={g.y - 3} y2={g.y + layout.barHeight + 3} className="mark" />
            )}
            <text x={plot.right + 8} y={g.y + layout.barHeight / 2} dy="0.32em" className="value">{g.bar.text}{g.bar.mark && <tspan className="mark-text"> · {g.bar.mark.label}</tspan>}</text>
          </g>
        ))}
        {layout.referenceX !== null && panel.reference && (
          <g className="reference">
            <line x1={layout.referenceX} x2={layout.referenceX} y1={plot.top - 4} y2={plot.bottom + 3} />
            <text x={layout.referenceX} y={plot.top - 7} textAnchor="middle">{panel.reference.label}</text>
          </g>
        )}
      </ChartSvg>
    </div>
  );
}

export function PreviewChart({ result, sloPercentile, busy }: { result: ResultDocument; sloPercentile: (id: string) => number | null; busy: boolean }) {
  const [boxRef, width] = useElementWidth<HTMLDivElement>(520);
  const panels = useMemo(() => previewPanels(result, sloPercentile), [result, sloPercentile]);
  const drawn = useRef(0);
  // After React has put the new preview in the DOM (before paint): the redraw a test times.
  useLayoutEffect(() => {
    drawn.current += 1;
    boxRef.current?.setAttribute('data-preview-drawn', String(drawn.current));
  }, [result, boxRef]);
  return (
    <div ref={boxRef} className="preview-chart" aria-busy={busy}>
      {panels.length === 0 ? (
        <p className="muted">This preview has no simulated figures to draw.</p>
      ) : (
        panels.map((p) => <Panel key={p.key} panel={p} width={width} />)
      )}
    </div>
  );
}
