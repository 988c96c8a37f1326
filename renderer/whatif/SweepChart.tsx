// The one-parameter sweep chart in the app: ./SweepFigure at the measured width, with a
// linear/log toggle over the shared rule (log when the values span ~1.5 decades).
import { useId, useMemo, useState } from 'react';
import type { Unit } from '../../simulation/present';
import { useElementWidth } from '../charts/use-element-width';
import { defaultSweepScale, type ScaleKind } from '../charts/whatif/sweep-chart-model';
import type { SweepSeries } from '../charts/whatif/sweep-series';
import { SweepFigure, type SolverMark } from '../charts/whatif/SweepFigure';

interface Props {
  series: SweepSeries;
  unit: Unit;
  figureLabel: string;
  paramLabel: string;
  showBudget: boolean;
  solver: SolverMark | null;
}

export function SweepChart(props: Props) {
  const [boxRef, width] = useElementWidth<HTMLDivElement>(640);
  const [chosen, setChosen] = useState<ScaleKind | null>(null);
  const shown = useMemo(() => defaultSweepScale(props.series, props.showBudget), [props.series, props.showBudget]);
  const canLog = props.series.points.every((p) => !p.stat || p.stat.mean > 0);
  const scaleKind = canLog ? (chosen ?? shown) : 'linear';
  const id = useId();
  const controls = canLog && (
    <fieldset className="segmented">
      <legend className="visually-hidden">Sweep chart axis scale</legend>
      {(['linear', 'log'] as const).map((kind) => (
        <label key={kind} className={scaleKind === kind ? 'on' : undefined}>
          <input type="radio" name={`${id}-scale`} value={kind} checked={scaleKind === kind} onChange={() => setChosen(kind)} />
          {kind === 'linear' ? 'Linear' : 'Log'}
        </label>
      ))}
    </fieldset>
  );
  return <SweepFigure {...props} scaleKind={scaleKind} width={width} controls={controls} boxRef={boxRef} />;
}
