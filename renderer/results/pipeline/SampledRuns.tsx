// "Sampled runs over time": the pure Gantt chart (renderer/charts/pipeline/GanttChart) at the
// measured width and the chart text's measured size (larger in the presentation view, so the
// label column and the rows grow with it), with its run picker and the playback cursor.
import { useLayoutEffect, useState } from 'react';
import { GanttChart, type GanttChartProps } from '../../charts/pipeline/GanttChart';
import { useElementWidth } from '../../charts/use-element-width';

export function SampledRunsGantt(props: Omit<GanttChartProps, 'width' | 'boxRef' | 'fontPx'>) {
  const [boxRef, width] = useElementWidth<HTMLDivElement>(720);
  const [fontPx, setFontPx] = useState(11);
  // The box's font-size is the chart text's (pipeline.css); re-read whenever the width changes,
  // which entering or leaving the presentation view and zooming do.
  useLayoutEffect(() => {
    const el = boxRef.current;
    if (!el) return;
    const px = Number.parseFloat(getComputedStyle(el).fontSize);
    if (Number.isFinite(px) && px > 0) setFontPx(px);
  }, [boxRef, width]);
  return <GanttChart {...props} width={width} fontPx={fontPx} boxRef={boxRef} />;
}
