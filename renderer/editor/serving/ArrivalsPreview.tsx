// The rate over time under a service's arrivals. Diurnal and bursty: the offered rate over the
// horizon, from the text as typed. A trace: its file is read by the backend (traceRate), from
// the scenario's latest saved version as a run reads it, so the caption names that version;
// edits to the file, its time column or scale show once saved. When the trace cannot be read,
// the reason shows, and the selected run's offered rate and throughput over time (completions,
// which follow the arrivals while the service keeps up) stand in for it.
import { useEffect, useId, useState } from 'react';
import type { HeadroomApi } from '../../../electron/common/contract';
import type { ServiceResult } from '../../../simulation';
import { api } from '../../api';
import { formatNumber } from '../../format/numbers';
import { useAppStore } from '../../store';
import { errorMessage } from '../../store/session';
import type { JsonPath } from '../json-path';
import { useFieldValue } from '../use-field';
import { offeredRateSeries, sparklinePath, type RateSeries } from './rate-sparkline';

const W = 280, H = 44;

const rps = (v: number) => formatNumber(v >= 10 ? Math.round(v) : Math.round(v * 10) / 10);

/** `caption`, then the line's range unless `range` is false (the caption then says it). */
function Spark({ series, caption, range = true }: { series: RateSeries; caption: string; range?: boolean }) {
  const id = useId();
  const line = sparklinePath(series.values, W, H);
  if (!line) return null;
  return (
    <figure className="rate-spark wide">
      <svg role="img" width={W} height={H} viewBox={`0 0 ${W} ${H}`} aria-labelledby={`${id}-cap`}>
        <line className="rate-spark-base" x1={0} x2={W} y1={H - 2} y2={H - 2} />
        <path className="rate-spark-line" d={line.d} />
      </svg>
      <figcaption id={`${id}-cap`}>{range ? `${caption}: ${rps(line.min)} to ${rps(line.max)} rps` : caption}</figcaption>
    </figure>
  );
}

export function ArrivalsPreview({ path, serviceId }: { path: JsonPath; serviceId: unknown }) {
  const arrivals = useFieldValue(path);
  const horizonRaw = useFieldValue(['horizon_s']);
  const process = typeof arrivals === 'object' && arrivals !== null ? (arrivals as Record<string, unknown>).process : undefined;

  if (process === 'diurnal' || process === 'bursty') {
    const horizon = typeof horizonRaw === 'number' ? horizonRaw : 3600;
    const series = offeredRateSeries(arrivals, horizon);
    return series ? <Spark series={series} caption={`Offered rate over the ${formatNumber(horizon)} s horizon`} /> : null;
  }
  if (process !== 'trace') return null;
  return <TracePreview arrivals={arrivals as Record<string, unknown>} serviceIndex={typeof path[2] === 'number' ? path[2] : null} serviceId={serviceId} />;
}

type TraceRate = Awaited<ReturnType<HeadroomApi['traceRate']>>;
/** What the backend answered for one (scenario, saved version, service), or why the call failed. */
type TraceAnswer = { key: string; rate: TraceRate } | { key: string; failed: string };

const seconds = (v: number) => formatNumber(v >= 10 ? Math.round(v) : Number(v.toPrecision(2)));

/** A trace's rate over time as saved, read by the backend; the selected run's throughput if it cannot be read. */
function TracePreview({ arrivals, serviceIndex, serviceId }: { arrivals: Record<string, unknown>; serviceIndex: number | null; serviceId: unknown }) {
  const scenarioId = useAppStore((s) => s.editorScenarioId);
  const version = useAppStore((s) => s.editorVersion);
  const [answer, setAnswer] = useState<TraceAnswer | null>(null);
  const key = scenarioId !== null && serviceIndex !== null ? `${scenarioId}/${version ?? ''}/${serviceIndex}` : null;

  useEffect(() => {
    if (key === null || scenarioId === null || serviceIndex === null) return;
    let live = true;
    api.traceRate(scenarioId, serviceIndex).then(
      (rate) => { if (live) setAnswer({ key, rate }); },
      (e: unknown) => { if (live) setAnswer({ key, failed: errorMessage(e) }); },
    );
    return () => { live = false; };
  }, [key, scenarioId, serviceIndex]);

  // A newer version's answer replaces the last one when it comes; until then the last one stays.
  const shown = answer !== null && key !== null && answer.key.startsWith(`${scenarioId}/`) && answer.key.endsWith(`/${serviceIndex}`) ? answer : null;
  if (key === null) return <RunFallback serviceId={serviceId} reason="The trace shows here once the scenario is saved." />;
  if (!shown) return <p className="field-note">Reading the trace as saved{version === null ? '' : ` in v${version}`}…</p>;
  if ('failed' in shown) return <RunFallback serviceId={serviceId} reason={`Could not read the trace: ${shown.failed}`} />;
  const r = shown.rate;
  if (!r.ok) return <RunFallback serviceId={serviceId} reason={`No trace preview as saved in v${r.version}: ${r.path}: ${r.message}`} />;
  const edited = arrivals.path !== r.file || (arrivals.time_column ?? null) !== r.timeColumn || (arrivals.scale ?? 1) !== r.scale;
  const scaled = r.scale === 1 ? '' : ` at scale ×${formatNumber(r.scale)}`;
  const caption = `Trace as saved in v${r.version}${scaled}: ${formatNumber(r.count)} requests over ${seconds(r.durationS)} s, `
    + `mean ${rps(r.meanRps)} rps, peak ${rps(r.peakRps)} rps (per ${seconds(r.bucketS)} s)`;
  return (
    <>
      {r.rates.length > 0 ? <Spark series={{ values: r.rates, spanS: r.durationS }} caption={caption} range={false} /> : <p className="field-note">{caption}.</p>}
      {edited && <p className="field-note">The file, time column and scale as edited here show once saved.</p>}
    </>
  );
}

/** Why the trace is not drawn, then the selected run's offered rate and throughput over time, when a run is selected. */
function RunFallback({ serviceId, reason }: { serviceId: unknown; reason: string }) {
  const run = useAppStore((s) => (typeof serviceId === 'string' && s.selectedRunId ? s.results[s.selectedRunId]?.serving?.[serviceId] : undefined));
  const note = <p className="field-note">{reason}</p>;
  if (!run) return note;
  const series = 'series' in run ? (run as ServiceResult).series : undefined;
  const offered = `Selected run: offered ${rps(run.offered_rps)} rps`;
  if (!series || series.throughput_rps.length === 0) return <>{note}<p className="field-note">{offered}.</p></>;
  const values = series.throughput_rps.map((s) => s?.mean ?? null);
  return <>{note}<Spark series={{ values, spanS: series.bucket_s * values.length }} caption={`${offered}; throughput over time`} /></>;
}
