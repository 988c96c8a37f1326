// The app's utilization-vs-target chart: the pure ./UtilizationFigure at the measured width.
import { useElementWidth } from '../use-element-width';
import { UtilizationFigure, type UtilizationFigureProps } from './UtilizationFigure';

export function UtilizationChart(props: Omit<UtilizationFigureProps, 'width' | 'boxRef'>) {
  const [boxRef, width] = useElementWidth<HTMLDivElement>(560);
  return <UtilizationFigure {...props} width={width} boxRef={boxRef} />;
}
