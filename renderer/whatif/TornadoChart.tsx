// The tornado chart of a sensitivity analysis in the app: renderer/charts/whatif/TornadoFigure at
// the measured width. Inputs that could not be varied are listed by ./SensitivityView.
import { useElementWidth } from '../charts/use-element-width';
import { TornadoFigure, type TornadoFigureProps } from '../charts/whatif/TornadoFigure';

export function TornadoChart(props: Omit<TornadoFigureProps, 'width' | 'boxRef'>) {
  const [boxRef, width] = useElementWidth<HTMLDivElement>(640);
  return <TornadoFigure {...props} width={width} boxRef={boxRef} />;
}
