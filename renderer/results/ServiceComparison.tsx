// "Analytic vs simulated" for one service: the formula's figure beside the simulated mean and
// its 95% CI, rows and labels from the figure catalogue (./service-figures.ts). An unstable
// queue is flagged first, since every other figure then depends on how long the simulation ran;
// a trace replayed the same in every replication gets the CIs' caveat under the table.
import type { AnalyticOnlyService, ServiceResult } from '../../simulation';
import { traceReplayNote } from '../../simulation/present';
import { formatNumber } from '../format/numbers';
import { ComparisonTable } from './ComparisonTable';
import { serviceComparisonRows } from './service-figures';
import { isSimulated } from './service-results';

interface Props {
  serviceId: string;
  service: ServiceResult | AnalyticOnlyService;
  /** The editor's SLO percentile for the service; null when the editor does not have it. */
  sloPercentile: number | null;
}

export function ServiceComparison({ serviceId, service, sloPercentile }: Props) {
  const headingId = `compare-${serviceId}`;
  const replayNote = traceReplayNote(service);
  if (!isSimulated(service)) {
    return (
      <section className="card compare" aria-labelledby={headingId}>
        <h3 id={headingId}>
          <code>{serviceId}</code> <span className="tag">analytic only (not simulated yet)</span>
        </h3>
        <ComparisonTable rows={serviceComparisonRows(serviceId, service, sloPercentile, false)} labelledBy={headingId} />
      </section>
    );
  }
  return (
    <section className="card compare" aria-labelledby={headingId}>
      <h3 id={headingId}>
        Analytic vs simulated{service.llm ? ', per request' : ''} — <code>{serviceId}</code>
      </h3>
      {!service.stable && (
        <p className="callout danger">
          <strong>Unstable:</strong> offered load ≥ capacity — the queue never drains. Simulated waits and latencies grow with the horizon; add replicas or cut service time.
        </p>
      )}
      <ComparisonTable rows={serviceComparisonRows(serviceId, service, sloPercentile, true)} labelledBy={headingId} />
      {replayNote && <p className="callout info">{replayNote}.</p>}
      <p className="card-note">
        {formatNumber(service.requests, 0)} requests · {formatNumber(service.completed, 0)} completed · {formatNumber(service.rejected, 0)} rejected · {formatNumber(service.timed_out, 0)} timed out
      </p>
    </section>
  );
}
