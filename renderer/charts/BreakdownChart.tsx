// The app's latency-budget breakdown: the pure ./BreakdownFigure at the measured width.
import type { ServiceResult } from '../../simulation';
import { BreakdownFigure } from './BreakdownFigure';
import { useElementWidth } from './use-element-width';

interface Props {
  serviceId: string;
  components: ServiceResult['components_ms'];
  budgetMs: number;
  sloPercentile?: number | null;
}

export function BreakdownChart(props: Props) {
  const [boxRef, width] = useElementWidth<HTMLDivElement>(560);
  return <BreakdownFigure {...props} width={width} boxRef={boxRef} />;
}
