// The app's allocation chart: the pure ./AllocationFigure at the measured width.
import { useElementWidth } from '../use-element-width';
import { AllocationFigure, type AllocationFigureProps } from './AllocationFigure';

export function AllocationChart(props: Omit<AllocationFigureProps, 'width' | 'boxRef'>) {
  const [boxRef, width] = useElementWidth<HTMLDivElement>(560);
  return <AllocationFigure {...props} width={width} boxRef={boxRef} />;
}
