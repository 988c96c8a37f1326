// A sampled pipeline run as a Gantt chart (the result's `pipeline.sample_runs`): one row per task
// in topological order, its segments — gate, attempts, retry waits, pool waits — as bars on the
// run's own time axis (seconds from the run's start), its final state as a swatch by the name,
// and a marker where a task that did not run became upstream_failed or skipped. Pure: the app
// and the HTML report share it.
import type { PipelineSampleRun, PipelineSampleTask, PipelineTaskSegment } from '../../../simulation';
import { formatNumber } from '../../format/numbers';
import { instantText, timeAxis, type TimeAxis } from '../time/time-series';
import { successorGraph } from './dag-layout';
import { STATE_LABELS } from './task-states';

export type SegmentKind = PipelineTaskSegment['kind'];

/** Legend order and words of the segment kinds (attempts split by outcome). */
export const SEGMENT_LEGEND: { key: string; label: string }[] = [
  { key: 'attempt', label: 'attempt' },
  { key: 'attempt-failed', label: 'failed attempt' },
  { key: 'gate', label: 'waiting for approval (gate)' },
  { key: 'pool_wait', label: 'waiting for pool units' },
  { key: 'retry_wait', label: 'retry wait' },
];

const KIND_WORDS: Record<SegmentKind, string> = {
  attempt: 'attempt',
  gate: 'waiting for approval',
  pool_wait: 'waiting for pool units',
  retry_wait: 'retry wait',
};

export interface GanttBar {
  key: string;
  kind: SegmentKind;
  failed: boolean;
  x: number;
  y: number;
  width: number;
  height: number;
  /** `gantt-seg <kind>` plus `failed` for a failed attempt or a rejecting gate. */
  className: string;
  tip: string;
}

export interface GanttRow {
  id: string;
  /** The id, shortened with … when it does not fit the label column. */
  label: string;
  state: PipelineSampleTask['state'];
  /** Middle of the row. */
  y: number;
  bars: GanttBar[];
  /** Tasks that did not run: where they became final. */
  marker: { x: number } | null;
  tip: string;
}

export interface GanttModel {
  axis: TimeAxis;
  plot: { left: number; right: number; top: number; bottom: number };
  labelWidth: number;
  rows: GanttRow[];
  width: number;
  height: number;
  /** Baseline of the axis title under the tick labels. */
  titleY: number;
  /** "run 1: 13 tasks, makespan 6.4 h, train_model failed after 3 attempts". */
  summary: string;
}

export interface GanttOptions {
  width: number;
  /** End of the time axis in seconds (e.g. the longest sampled run, so runs compare). */
  endS: number;
  /** Task ids in drawing order (topological); tasks not listed follow in the run's order. */
  order?: readonly string[];
  /** The chart text's size in px (larger in the presentation view): sizes the label column and rows. */
  fontPx?: number;
  rowHeight?: number;
}

const MARGIN = { top: 8, right: 14 };
/** Width of a monospace character, in em. */
const MONO_EM = 0.62;

/**
 * Task ids in topological order (Kahn's algorithm, ties in the given order); edges naming unknown
 * tasks are ignored, and tasks on a cycle (not a valid scenario) follow in the given order.
 */
export function topologicalOrder(ids: readonly string[], edges: readonly (readonly [string, string])[]): string[] {
  const { succ, indeg } = successorGraph(ids, edges);
  // The ready set as a sorted list of indices: the earliest-listed ready task comes next.
  const ready = ids.flatMap((_, i) => (indeg[i] === 0 ? [i] : []));
  const out: number[] = [];
  const done = new Uint8Array(ids.length);
  while (ready.length > 0) {
    const i = ready.shift()!;
    out.push(i);
    done[i] = 1;
    for (const j of succ[i]!) {
      if (--indeg[j]! === 0) {
        let k = 0;
        while (k < ready.length && ready[k]! < j) k++;
        ready.splice(k, 0, j);
      }
    }
  }
  ids.forEach((_, i) => { if (!done[i]) out.push(i); });
  return out.map((i) => ids[i]!);
}

/** A duration for prose: "42 s", "12 min", "6.4 h", "2.3 d". */
export function spanText(seconds: number): string {
  if (!Number.isFinite(seconds)) return '—';
  if (seconds < 120) return `${formatNumber(seconds, 0)} s`;
  if (seconds < 7200) return `${formatNumber(seconds / 60, 0)} min`;
  if (seconds < 5 * 86_400) return `${formatNumber(seconds / 3600, 1)} h`;
  return `${formatNumber(seconds / 86_400, 1)} d`;
}

/** What went wrong in a run, in words: "train_model failed after 3 attempts; 5 tasks upstream failed". */
export function runOutcomeText(run: PipelineSampleRun): string {
  const failed = run.tasks.filter((k) => k.state === 'failed').sort((a, b) => a.finish_s - b.finish_s);
  const upstream = run.tasks.filter((k) => k.state === 'upstream_failed').length;
  if (failed.length === 0 && upstream === 0) {
    const skipped = run.tasks.filter((k) => k.state === 'skipped').length;
    return skipped === 0 ? 'every task succeeded' : `no failure (${skipped} skipped)`;
  }
  const parts = failed.map((k) => (k.attempts === 0
    ? `${k.id} rejected at its gate`
    : `${k.id} failed after ${k.attempts} attempt${k.attempts === 1 ? '' : 's'}`));
  if (upstream > 0) parts.push(`${upstream} task${upstream === 1 ? '' : 's'} upstream failed`);
  return parts.join(', ');
}

/** "run 1: 13 tasks, makespan 6.4 h, train_model failed after 3 attempts, 5 tasks upstream failed". */
export function runSummary(run: PipelineSampleRun): string {
  return `run ${run.index + 1}: ${run.tasks.length} task${run.tasks.length === 1 ? '' : 's'}, makespan ${spanText(run.makespan_s)}, ${runOutcomeText(run)}`;
}

function segmentTip(task: PipelineSampleTask, seg: PipelineTaskSegment, attempt: number): string {
  const when = `${instantText(seg.start_s)} – ${instantText(seg.end_s)}`;
  if (seg.kind === 'attempt') {
    return `${task.id}: attempt ${attempt} of ${task.attempts}, ${when} (${spanText(seg.end_s - seg.start_s)}), ${seg.failed ? 'failed' : 'succeeded'}`;
  }
  if (seg.kind === 'gate') return `${task.id}: ${KIND_WORDS.gate}, ${when}${seg.failed ? ', rejected' : ', approved'}`;
  return `${task.id}: ${KIND_WORDS[seg.kind]}, ${when} (${spanText(seg.end_s - seg.start_s)})`;
}

export function ganttModel(run: PipelineSampleRun, opts: GanttOptions): GanttModel {
  const fontPx = opts.fontPx ?? 11;
  const rowHeight = opts.rowHeight ?? Math.max(20, Math.round(fontPx * 1.75));
  const charPx = fontPx * MONO_EM;
  const byId = new Map(run.tasks.map((k) => [k.id, k]));
  const listed = (opts.order ?? []).filter((id) => byId.has(id));
  const seen = new Set(listed);
  const ids = [...listed, ...run.tasks.map((k) => k.id).filter((id) => !seen.has(id))];
  const longest = ids.reduce((m, id) => Math.max(m, id.length), 0);
  // The swatch and its gap take 17 px before the name.
  const labelWidth = Math.ceil(Math.min(Math.max(80, longest * charPx + 22), opts.width * 0.32));
  const maxChars = Math.max(3, Math.floor((labelWidth - 22) / charPx + 1e-9));
  const left = labelWidth + 6, right = Math.max(left + 40, opts.width - MARGIN.right);
  const top = MARGIN.top, bottom = top + ids.length * rowHeight;
  const axis = timeAxis(Math.max(opts.endS, run.makespan_s), left, right);
  const barH = Math.round(rowHeight * 0.6), waitH = Math.max(3, Math.round(rowHeight * 0.28));
  const rows = ids.map((id, i): GanttRow => {
    const task = byId.get(id)!;
    const y = top + i * rowHeight + rowHeight / 2;
    let attempt = 0;
    const bars = task.segments.map((seg, j): GanttBar => {
      const isAttempt = seg.kind === 'attempt';
      if (isAttempt) attempt++;
      const h = isAttempt ? barH : waitH;
      const x0 = axis.x(seg.start_s), x1 = axis.x(seg.end_s);
      // Very short attempts stay visible (a 5 s alert in a 6 h run).
      const width = Math.max(isAttempt ? 2 : 1, x1 - x0);
      const failed = seg.failed === true;
      return {
        key: `${j}`, kind: seg.kind, failed, x: x0, y: y - h / 2, width, height: h,
        className: `gantt-seg ${seg.kind}${failed ? ' failed' : ''}`,
        tip: segmentTip(task, seg, attempt),
      };
    });
    const ran = task.segments.length > 0;
    const tip = ran
      ? `${id}: ${STATE_LABELS[task.state]} at ${instantText(task.finish_s)} after ${task.attempts} attempt${task.attempts === 1 ? '' : 's'} (triggered at ${instantText(task.trigger_s)})`
      : `${id}: ${STATE_LABELS[task.state]} at ${instantText(task.finish_s)}, did not run`;
    const label = id.length <= maxChars ? id : `${id.slice(0, maxChars - 1)}…`;
    return { id, label, state: task.state, y, bars, marker: ran ? null : { x: axis.x(task.finish_s) }, tip };
  });
  return {
    axis, labelWidth, rows, width: opts.width,
    // Tick labels, then the axis title, each a line of chart text.
    titleY: bottom + 4 + fontPx * 2.4,
    height: Math.ceil(bottom + 10 + fontPx * 2.6),
    plot: { left, right, top, bottom },
    summary: runSummary(run),
  };
}

/** The picker's words for a run: "Run 1 — 6.4 h, train_model failed after 3 attempts, …". */
export function runOptionLabel(run: PipelineSampleRun): string {
  return `Run ${run.index + 1} — ${spanText(run.makespan_s)}, ${runOutcomeText(run)}`;
}

/** End of a shared time axis for the sampled runs: the longest of them. */
export function sampleSpan(runs: readonly PipelineSampleRun[]): number {
  return runs.reduce((m, r) => Math.max(m, r.makespan_s), 0);
}
