// The rate over time under a service's arrivals. Diurnal and bursty: the offered rate over the
// horizon, from the text as typed. A trace: its file is read only by the backend when the
// scenario runs (no API method reads it for the form), so what shows is the selected run's
// offered rate and its throughput over time — completions, which follow the arrivals while the
// service keeps up.
import { useId } from 'react';
import type { ServiceResult } from '../../../simulation';
import { formatNumber } from '../../format/numbers';
import { useAppStore } from '../../store';
import type { JsonPath } from '../json-path';
import { useFieldValue } from '../use-field';
import { offeredRateSeries, sparklinePath, type RateSeries } from './rate-sparkline';

const W = 280, H = 44;

const rps = (v: number) => formatNumber(v >= 10 ? Math.round(v) : Math.round(v * 10) / 10);

function Spark({ series, caption }: { series: RateSeries; caption: string }) {
  const id = useId();
  const line = sparklinePath(series.values, W, H);
  if (!line) return null;
  return (
    <figure className="rate-spark wide">
      <svg role="img" width={W} height={H} viewBox={`0 0 ${W} ${H}`} aria-labelledby={`${id}-cap`}>
        <line className="rate-spark-base" x1={0} x2={W} y1={H - 2} y2={H - 2} />
        <path className="rate-spark-line" d={line.d} />
      </svg>
      <figcaption id={`${id}-cap`}>{caption}: {rps(line.min)} to {rps(line.max)} rps</figcaption>
    </figure>
  );
}

export function ArrivalsPreview({ path, serviceId }: { path: JsonPath; serviceId: unknown }) {
  const arrivals = useFieldValue(path);
  const horizonRaw = useFieldValue(['horizon_s']);
  const process = typeof arrivals === 'object' && arrivals !== null ? (arrivals as Record<string, unknown>).process : undefined;
  const run = useAppStore((s) => {
    if (process !== 'trace' || typeof serviceId !== 'string' || !s.selectedRunId) return undefined;
    return s.results[s.selectedRunId]?.serving?.[serviceId];
  });

  if (process === 'diurnal' || process === 'bursty') {
    const horizon = typeof horizonRaw === 'number' ? horizonRaw : 3600;
    const series = offeredRateSeries(arrivals, horizon);
    return series ? <Spark series={series} caption={`Offered rate over the ${formatNumber(horizon)} s horizon`} /> : null;
  }
  if (process !== 'trace') return null;
  if (!run) {
    return <p className="field-note">The trace file is read when the scenario runs: after a run, its offered rate and throughput over time show here.</p>;
  }
  const series = 'series' in run ? (run as ServiceResult).series : undefined;
  const offered = `Selected run: offered ${rps(run.offered_rps)} rps`;
  if (!series || series.throughput_rps.length === 0) return <p className="field-note">{offered}.</p>;
  const values = series.throughput_rps.map((s) => s?.mean ?? null);
  return <Spark series={{ values, spanS: series.bucket_s * values.length }} caption={`${offered}; throughput over time`} />;
}
