// The app's pool-over-time chart: the pure ./PoolSeriesFigure at the measured width.
import { useElementWidth } from '../use-element-width';
import { PoolSeriesFigure, type PoolSeriesFigureProps } from './PoolSeriesFigure';

export function PoolSeriesChart(props: Omit<PoolSeriesFigureProps, 'width' | 'boxRef'>) {
  const [boxRef, width] = useElementWidth<HTMLDivElement>(560);
  return <PoolSeriesFigure {...props} width={width} boxRef={boxRef} />;
}
