// The story of a run: its key moments in simulated time, one sentence each, for the playback
// bar's story mode (workshop mode) and the reports. Read from the result's time series and
// sampled runs only, so a stored result tells the same story as a fresh one.
//
//   serving   the SLO first broken (a bucket's latency at the SLO percentile over budget), the
//             queue's peak, the first rejections and timeouts, and each autoscaling step;
//   cluster   the first node failure (occupancy rows going down) with the run's lost work;
//   pipeline  in the first sampled run: the first task failure and the upstream_failed /
//             skipped cascade it set off, and the run's end.
import type { ResultDocument, ServiceResult } from '../result/types';
import type { Scenario } from '../scenario/schema';
import { clock } from './durations';
import { EN_US, type NumberText } from './numbers';
import { verdictText } from './verdict-text';

export interface StoryMoment {
  /** Simulated seconds from the run's start. */
  t_s: number;
  layer: 'serving' | 'cluster' | 'pipeline';
  /** Short title for a list: "SLO first broken". */
  title: string;
  sentence: string;
}

/** The run's key moments in time order (ties: serving, cluster, pipeline, then as found). */
export function storyMoments(doc: ResultDocument, scenario: Scenario, t: NumberText = EN_US): StoryMoment[] {
  const out: StoryMoment[] = [];
  for (const spec of scenario.serving?.services ?? []) {
    const svc = doc.serving?.[spec.id];
    if (svc && 'series' in svc && svc.series) servingMoments(out, spec.id, svc, spec.latency_budget_ms, spec.slo_percentile, t);
  }
  if (doc.cluster) clusterMoments(out, doc, t);
  if (doc.pipeline) pipelineMoments(out, doc);
  const order = { serving: 0, cluster: 1, pipeline: 2 };
  return out
    .map((m, i) => ({ m, i }))
    .sort((a, b) => a.m.t_s - b.m.t_s || order[a.m.layer] - order[b.m.layer] || a.i - b.i)
    .map(({ m }) => m);
}

const from = (t: number) => (t === 0 ? 'From the start' : `From ${clock(t)}`);

function servingMoments(out: StoryMoment[], id: string, svc: ServiceResult, budgetMs: number, percentile: number, t: NumberText): void {
  const s = svc.series!;
  const x = verdictText(t);
  const w = s.bucket_s;
  const p = x.p(percentile);
  // Per-bucket percentiles are p50 / p95 / p99: judge the SLO on the one at or above its percentile.
  const at = percentile <= 50 ? s.latency_p50_ms : percentile <= 95 ? s.latency_p95_ms : s.latency_p99_ms;
  const atName = percentile <= 50 ? 'p50' : percentile <= 95 ? 'p95' : 'p99';
  const broken = at.findIndex((v) => v !== null && v.mean > budgetMs);
  if (broken >= 0) {
    out.push({
      t_s: broken * w, layer: 'serving', title: `${id}: SLO first broken`,
      sentence: `${from(broken * w)}, ${id}'s ${atName} (${x.ms(at[broken]!.mean)} for requests arriving in the next ${clock(w)}) is over its ${x.ms(budgetMs)} budget${atName === p ? '' : ` (its SLO is the ${p})`}.`,
    });
  }
  let peak = -1;
  s.queue_length.forEach((v, i) => { if (v !== null && v.mean > 0 && (peak < 0 || v.mean > s.queue_length[peak]!.mean)) peak = i; });
  if (peak >= 0) {
    const first = s.queue_length.find((v) => v !== null)!.mean;
    const top = s.queue_length[peak]!.mean;
    const last = s.queue_length[s.queue_length.length - 1]?.mean ?? 0;
    const after = last < top / 2 ? '; it drains afterwards.' : last >= 0.8 * top ? ', and it is still that long at the horizon: it never drains.' : '.';
    out.push({
      t_s: peak * w, layer: 'serving', title: `${id}: queue peak`,
      sentence: `${id}'s queue peaks at ${x.n(top)} waiting requests around ${clock(peak * w)} (${x.n(first)} in the first ${clock(w)})${after}`,
    });
  }
  const firstOf = (xs: readonly number[]) => xs.findIndex((n) => n > 0);
  const rej = firstOf(s.rejected);
  if (rej >= 0) out.push({ t_s: rej * w, layer: 'serving', title: `${id}: first rejections`, sentence: `${from(rej * w)} ${id} turns requests away: the queue is full (${x.n(svc.rejected)} rejected in all).` });
  const tmo = firstOf(s.timed_out);
  if (tmo >= 0) out.push({ t_s: tmo * w, layer: 'serving', title: `${id}: first timeouts`, sentence: `${from(tmo * w)} requests of ${id} give up waiting (${x.n(svc.timed_out)} timed out in all).` });
  // Autoscaling: a step in the mean replicas serving of at least half a replica between buckets.
  for (let i = 1; i < s.replicas.length; i++) {
    const a = s.replicas[i - 1], b = s.replicas[i];
    if (!a || !b || Math.abs(b.mean - a.mean) < 0.5) continue;
    const up = b.mean > a.mean;
    out.push({
      t_s: i * w, layer: 'serving', title: `${id}: ${up ? 'scaled up' : 'scaled down'}`,
      sentence: `Around ${clock(i * w)} ${id} goes from ${x.n(a.mean)} to ${x.n(b.mean)} replicas serving${up ? ' (new replicas serve only after their cold start)' : ''}.`,
    });
  }
}

function clusterMoments(out: StoryMoment[], doc: ResultDocument, t: NumberText): void {
  const c = doc.cluster!;
  const grid = c.occupancy;
  if (!grid || !c.events || c.events.node_failures === 0) return;
  let first = -1, row = -1;
  grid.down.forEach((cells, r) => {
    const i = cells.findIndex((v) => v > 0);
    if (i >= 0 && (first < 0 || i < first)) { first = i; row = r; }
  });
  if (first < 0) return;
  const x = verdictText(t);
  const r = grid.rows[row]!;
  const nodes = r.nodes === 1 ? `node ${r.first_node}` : `nodes ${r.first_node}–${r.first_node + r.nodes - 1}`;
  const lost = c.allocation?.lost?.mean;
  out.push({
    t_s: (first + 1) * grid.bucket_s, layer: 'cluster', title: 'first node failure',
    sentence: `By ${clock((first + 1) * grid.bucket_s)} a node of ${r.pool} (${nodes}) goes down; the jobs on it roll back to their last checkpoint${lost !== undefined ? ` — over the run, ${x.pct(lost)} of the jobs' GPU time is lost work` : ''} (${x.n(c.events.node_failures)} node failures in all, replication 0's heatmap).`,
  });
}

function pipelineMoments(out: StoryMoment[], doc: ResultDocument): void {
  const run = doc.pipeline?.sample_runs?.[0];
  if (!run) return;
  const failed = run.tasks.filter((k) => k.state === 'failed').sort((a, b) => a.finish_s - b.finish_s)[0];
  if (failed) {
    const cascade = run.tasks.filter((k) => (k.state === 'upstream_failed' || k.state === 'skipped') && k.finish_s >= failed.finish_s);
    const names = cascade.slice(0, 4).map((k) => k.id).join(', ') + (cascade.length > 4 ? ', …' : '');
    out.push({
      t_s: run.start_s + failed.finish_s, layer: 'pipeline', title: `${failed.id} fails`,
      sentence: cascade.length > 0
        ? `In the first sampled run ${failed.id} fails at ${clock(failed.finish_s)} (its last attempt); ${cascade.length} task${cascade.length === 1 ? '' : 's'} downstream will not run (${names}).`
        : `In the first sampled run ${failed.id} fails at ${clock(failed.finish_s)} (its last attempt); its trigger rules let everything downstream run.`,
    });
  }
  out.push({
    t_s: run.start_s + run.makespan_s, layer: 'pipeline', title: 'first sampled run ends',
    sentence: `The first sampled run ends at ${clock(run.makespan_s)} with ${run.tasks.filter((k) => k.state === 'success').length} of ${run.tasks.length} tasks successful.`,
  });
}
