// The app's "Latency percentiles vs budget": the pure ./LatencyFigure at the measured width,
// with a linear/log toggle that overrides the shared scale rule.
import { useId, useMemo, useState } from 'react';
import type { ServiceResult } from '../../simulation';
import { defaultScaleKind, percentilePoints, type ScaleKind } from './latency-percentiles';
import { LatencyFigure, latencyInput } from './LatencyFigure';
import { useElementWidth } from './use-element-width';

interface Props {
  serviceId: string;
  service: ServiceResult;
  budgetMs: number;
  sloPercentile: number | null;
}

export function LatencyChart({ serviceId, service, budgetMs, sloPercentile }: Props) {
  const [boxRef, width] = useElementWidth<HTMLDivElement>(560);
  const [chosenScale, setScale] = useState<ScaleKind | null>(null);
  const shown = useMemo(() => defaultScaleKind(percentilePoints(latencyInput(service, budgetMs, sloPercentile)), budgetMs), [service, budgetMs, sloPercentile]);
  const scaleKind = chosenScale ?? shown;
  const id = useId();
  const controls = (
    <fieldset className="segmented">
      <legend className="visually-hidden">Latency axis scale for {serviceId}</legend>
      {(['linear', 'log'] as const).map((kind) => (
        <label key={kind} className={scaleKind === kind ? 'on' : undefined}>
          <input type="radio" name={`${id}-scale`} value={kind} checked={scaleKind === kind} onChange={() => setScale(kind)} />
          {kind === 'linear' ? 'Linear' : 'Log'}
        </label>
      ))}
    </fieldset>
  );
  return <LatencyFigure serviceId={serviceId} service={service} budgetMs={budgetMs} sloPercentile={sloPercentile} width={width} scaleKind={scaleKind} controls={controls} boxRef={boxRef} />;
}
