// The app's "Over time" section for one serving service: the pure ./ServingTimeFigure at the
// measured width, with the playback cursor the results view passes in.
import { useId, useMemo } from 'react';
import type { ServiceResult } from '../../../simulation';
import { useElementWidth } from '../use-element-width';
import { servingTimeInput } from './serving-time';
import { ServingTimeFigure } from './ServingTimeFigure';

export interface ServingTimeChartsProps {
  serviceId: string;
  service: ServiceResult;
  horizonS: number;
  warmupS: number;
  replications: number;
  budgetMs: number | null;
  /** The service's `arrivals` from the scenario that ran, if known: diurnal and bursty loads vary in time. */
  arrivals?: unknown;
  /** Playback cursor (simulated seconds), null for none. */
  cursorS?: number | null;
}

export function ServingTimeCharts({ serviceId, service, horizonS, warmupS, replications, budgetMs, arrivals, cursorS = null }: ServingTimeChartsProps) {
  const [boxRef, width] = useElementWidth<HTMLDivElement>(640);
  const input = useMemo(() => servingTimeInput(service, { horizonS, warmupS, replications, budgetMs, arrivals }), [service, horizonS, warmupS, replications, budgetMs, arrivals]);
  const headingId = useId();
  if (!input) return null;
  return (
    <section className="chart over-time" aria-labelledby={headingId}>
      <h3 id={headingId} className="chart-title">Over time — <code>{serviceId}</code></h3>
      <ServingTimeFigure serviceId={serviceId} input={input} width={width} cursorS={cursorS} boxRef={boxRef} />
    </section>
  );
}
