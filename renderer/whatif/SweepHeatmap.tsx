// The two-parameter sweep's heatmap in the app: renderer/charts/whatif/SweepHeatmapFigure at the
// measured width.
import { useElementWidth } from '../charts/use-element-width';
import { SweepHeatmapFigure, type SweepHeatmapFigureProps } from '../charts/whatif/SweepHeatmapFigure';

export function SweepHeatmap(props: Omit<SweepHeatmapFigureProps, 'width' | 'boxRef'>) {
  const [boxRef, width] = useElementWidth<HTMLDivElement>(640);
  return <SweepHeatmapFigure {...props} width={width} boxRef={boxRef} />;
}
