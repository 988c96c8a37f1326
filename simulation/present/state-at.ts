// The state of a run at one instant of simulated time, for the playback bar: what the time
// series say about the bucket holding that instant (serving: queue, busy slots, replicas;
// cluster: busy units per pool), and the first sampled pipeline run's running and failed tasks.
// Buckets hold averages over replications, so the values are means, not one realisation.
import type { ResultDocument, ServiceResult } from '../result/types';
import type { Scenario } from '../scenario/schema';
import { clock } from './durations';
import { EN_US, type NumberText } from './numbers';

export interface StateLine {
  /** "risk_model_api", "gpu pool", "pipeline, run 1". */
  subject: string;
  /** "queue 380 · 96 of 96 slots busy · 8 replicas". */
  text: string;
}

const sampleRuns = (doc: ResultDocument) => doc.pipeline?.sample_runs ?? [];

/**
 * The span playback moves over, in simulated seconds: the horizon when the run has serving or
 * cluster time series (their charts cover it; a sampled pipeline run is then shown as of the
 * same clock), else the longest sampled pipeline run (pipeline runs without pools are not
 * bounded by the horizon), else the horizon.
 */
export function playbackSpan(doc: ResultDocument): number {
  const timed = (doc.serving && Object.keys(doc.serving).length > 0) || doc.cluster?.series;
  if (timed) return doc.horizon_s;
  const longest = Math.max(0, ...sampleRuns(doc).map((r) => r.makespan_s));
  return longest > 0 ? longest : doc.horizon_s;
}

/**
 * The step the scrubber moves by: the finest bucket of the run's series, but at most 1/200 of the
 * span (a cluster's hour-long buckets would jump over a whole pipeline run).
 */
export function playbackStep(doc: ResultDocument): number {
  const widths = [playbackSpan(doc) / 200];
  for (const svc of Object.values(doc.serving ?? {})) if ('series' in svc && svc.series && svc.series.bucket_s > 0) widths.push(svc.series.bucket_s);
  if (doc.cluster?.series?.bucket_s) widths.push(doc.cluster.series.bucket_s);
  return Math.min(...widths);
}

export function stateAt(doc: ResultDocument, scenario: Scenario | null, t: number, n: NumberText = EN_US): StateLine[] {
  const lines: StateLine[] = [];
  for (const [id, svc] of Object.entries(doc.serving ?? {})) {
    const s = (svc as ServiceResult).series;
    if (!s || s.bucket_s <= 0) continue;
    const k = Math.min(Math.floor(t / s.bucket_s), s.queue_length.length - 1);
    const v = (xs: readonly ({ mean: number } | null)[]) => xs[k]?.mean ?? null;
    const q = v(s.queue_length), busy = v(s.busy_slots), reps = v(s.replicas);
    const parts = [
      q === null ? null : `queue ${n.fixed(q, 0)}`,
      busy === null ? null : `${n.fixed(busy, 0)} slots busy`,
      reps === null ? null : `${n.fixed(reps, reps < 10 ? 1 : 0)} replicas serving`,
    ].filter((x): x is string => x !== null);
    if (parts.length > 0) lines.push({ subject: id, text: parts.join(' · ') });
  }
  const series = doc.cluster?.series;
  if (series && series.bucket_s > 0) {
    for (const [pool, ps] of Object.entries(series.pools)) {
      const k = Math.min(Math.floor(t / series.bucket_s), ps.busy.length - 1);
      const busy = ps.busy[k], queued = ps.queued[k];
      if (busy === undefined) continue;
      const units = scenario?.cluster?.pools.find((p) => p.id === pool)?.units;
      const busyText = units === undefined ? `${n.fixed(busy * 100, 0)}% busy` : `${n.fixed(busy * units, 0)} of ${n.fixed(units, 0)} units busy`;
      lines.push({ subject: `${pool} pool`, text: `${busyText}${queued ? ` · ${n.fixed(queued, 1)} jobs waiting` : ''}` });
    }
  }
  const run = sampleRuns(doc)[0];
  if (run) {
    // Task times are on the run's own clock; the cursor is on the simulation's.
    const r = t - run.start_s;
    const running = run.tasks.filter((k) => k.attempts > 0 && k.trigger_s <= r && r < k.finish_s).map((k) => k.id);
    const failed = run.tasks.filter((k) => k.state === 'failed' && k.finish_s <= r).map((k) => k.id);
    const done = run.tasks.filter((k) => k.finish_s <= r).length;
    const parts = [
      running.length > 0 ? `running ${running.join(', ')}` : r >= run.makespan_s ? `ended at ${clock(run.makespan_s)}` : 'nothing running',
      failed.length > 0 ? `failed ${failed.join(', ')}` : null,
      `${done} of ${run.tasks.length} tasks final`,
    ].filter((x): x is string => x !== null);
    lines.push({ subject: 'pipeline, sampled run 1', text: parts.join(' · ') });
  }
  return lines;
}
