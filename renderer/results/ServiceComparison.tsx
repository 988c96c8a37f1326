// "Analytic vs simulated" for one service: the formula's figure beside the simulated mean and
// its 95% CI. An unstable queue is flagged first, since every other figure then depends on
// how long the simulation ran.
import type { AnalyticOnlyService, ServiceResult } from '../../simulation/result/types';
import { formatMs, formatNumber, formatPercent, formatStat, formatStatMs, formatStatPercent } from '../format/numbers';
import { ComparisonTable, type ComparisonRowText } from './ComparisonTable';
import { budgetMs, isSimulated } from './service-results';

function rowsFor(svc: ServiceResult, sloLabel: string): ComparisonRowText[] {
  const a = svc.analytic;
  const budget = budgetMs(a);
  const rows: ComparisonRowText[] = [
    { label: 'Throughput (rps)', analytic: `${formatNumber(svc.offered_rps)} offered`, simulated: formatStat(svc.throughput_rps) },
    { label: 'Utilization', analytic: formatPercent(a.utilization), simulated: formatStatPercent(svc.utilization) },
    { label: `Latency at ${sloLabel} vs ${formatMs(budget)} budget`, analytic: `${formatMs(a.total_latency_ms)} (mean, no queueing)`, simulated: formatStatMs(svc.latency_at_slo_ms) },
    { label: `Headroom at ${sloLabel}`, analytic: formatMs(a.latency_margin_ms), simulated: formatStatMs(svc.headroom_ms) },
  ];
  if (a.erlang_c) {
    rows.push({ label: 'Mean queue wait (Erlang C)', analytic: formatMs(a.erlang_c.mean_wait_ms), simulated: formatStatMs(svc.wait_ms.mean) });
    rows.push({ label: 'p99 queue wait (Erlang C)', analytic: formatMs(a.erlang_c.p99_wait_ms), simulated: formatStatMs(svc.wait_ms.p99) });
  } else if (a.pk) {
    rows.push({ label: 'Mean queue wait (Pollaczek–Khinchine)', analytic: formatMs(a.pk.mean_wait_ms), simulated: formatStatMs(svc.wait_ms.mean) });
  } else {
    rows.push({ label: 'Mean queue wait', analytic: '—', simulated: formatStatMs(svc.wait_ms.mean) });
  }
  rows.push(
    { label: 'SLO attainment (≤ budget)', analytic: '—', simulated: formatStatPercent(svc.slo_attainment) },
    { label: 'Required replicas', analytic: String(a.required_replicas), simulated: '—' },
  );
  return rows;
}

interface Props {
  serviceId: string;
  service: ServiceResult | AnalyticOnlyService;
  sloLabel: string;
}

export function ServiceComparison({ serviceId, service, sloLabel }: Props) {
  const headingId = `compare-${serviceId}`;
  if (!isSimulated(service)) {
    const a = service.analytic;
    return (
      <section className="card compare" aria-labelledby={headingId}>
        <h3 id={headingId}>
          <code>{serviceId}</code> <span className="tag">analytic only (not simulated yet)</span>
        </h3>
        <p>
          Required replicas {a.required_replicas}; utilization {formatPercent(a.utilization)}; total latency {formatMs(a.total_latency_ms)}; margin {formatMs(a.latency_margin_ms)}.
        </p>
      </section>
    );
  }
  return (
    <section className="card compare" aria-labelledby={headingId}>
      <h3 id={headingId}>
        Analytic vs simulated — <code>{serviceId}</code>
      </h3>
      {!service.stable && (
        <p className="callout danger">
          <strong>Unstable:</strong> offered load ≥ capacity — the queue never drains. Simulated waits and latencies grow with the horizon; add replicas or cut service time.
        </p>
      )}
      <ComparisonTable rows={rowsFor(service, sloLabel)} labelledBy={headingId} />
      <p className="card-note">
        {formatNumber(service.requests, 0)} requests · {formatNumber(service.completed, 0)} completed · {formatNumber(service.rejected, 0)} rejected · {formatNumber(service.timed_out, 0)} timed out
      </p>
    </section>
  );
}
