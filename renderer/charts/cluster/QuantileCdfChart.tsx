// The app's duration CDF: the pure ./QuantileCdfFigure at the measured width.
import { useElementWidth } from '../use-element-width';
import { QuantileCdfFigure, type QuantileCdfFigureProps } from './QuantileCdfFigure';

export function QuantileCdfChart(props: Omit<QuantileCdfFigureProps, 'width' | 'boxRef'>) {
  const [boxRef, width] = useElementWidth<HTMLDivElement>(300);
  return <QuantileCdfFigure {...props} width={width} boxRef={boxRef} />;
}
