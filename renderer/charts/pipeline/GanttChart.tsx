// Sampled pipeline runs as a Gantt chart (./gantt.ts): one row per task in topological order,
// its gate, attempts, retry waits and pool waits as bars on the run's own clock, its final state
// as the swatch by its name, a picker for the sampled run, and the playback cursor.
// Pure (drawn at `width`, no DOM measuring): renderer/results/pipeline/SampledRuns measures.
import { useId, useMemo, type Ref } from 'react';
import type { PipelineSampleRun } from '../../../simulation';
import { ChartHead, ChartSvg, Legend, XAxisTicks, XGridTicks } from '../chart-parts';
import { cursorX } from '../time/time-series';
import { ganttModel, runOptionLabel, sampleSpan, SEGMENT_LEGEND, spanText } from './gantt';
import { TaskStateLegend } from './TaskStateLegend';

export interface GanttChartProps {
  runs: readonly PipelineSampleRun[];
  /** Position in `runs` of the run drawn. */
  selected: number;
  /** Given: a picker for the run (the report draws one run without it). */
  onSelect?: (position: number) => void;
  /** Task ids in topological order. */
  order?: readonly string[];
  /**
   * Playback cursor in simulated seconds (the shared clock: a sampled run that started at
   * `start_s`, with pools k × run_interval_s, shows it at cursorS − start_s). Null/undefined: none.
   */
  cursorS?: number | null;
  /** The chart text's size in px (the app measures it; larger in the presentation view). */
  fontPx?: number;
  width: number;
  boxRef?: Ref<HTMLDivElement>;
}

const SEGMENT_ITEMS = SEGMENT_LEGEND.map((s) => ({ key: s.key, swatch: `g-${s.key}`, content: s.label }));

export function GanttChart({ runs, selected, onSelect, order, cursorS, fontPx, width, boxRef }: GanttChartProps) {
  const id = useId();
  const pos = Math.min(Math.max(0, selected), runs.length - 1);
  const run = runs[pos];
  const endS = useMemo(() => sampleSpan(runs), [runs]);
  const model = useMemo(() => (run ? ganttModel(run, { width, endS, order, fontPx }) : null), [run, width, endS, order, fontPx]);
  if (!run || !model) return null;
  const { plot, axis } = model;
  const local = cursorS === null || cursorS === undefined ? null : cursorS - run.start_s;
  const cx = cursorX(axis, local);
  const hatch = `${id}-failed`;
  const caption = model.summary.charAt(0).toUpperCase() + model.summary.slice(1);
  return (
    <figure className="chart gantt-chart" aria-labelledby={`${id}-cap`}>
      <ChartHead title="Sampled runs over time" level={3}>
        <p className="chart-note">
          The first {runs.length} run{runs.length === 1 ? '' : 's'} of replication 0, task by task, on each run's own clock
          {run.start_s > 0 ? ` (run ${run.index + 1} started ${spanText(run.start_s)} into the simulation; the playback cursor is shown on its clock)` : ''}.
        </p>
        {onSelect && runs.length > 1 && (
          <label className="gantt-picker">
            <span>Sampled run</span>
            <select value={pos} onChange={(e) => onSelect(Number(e.target.value))}>
              {runs.map((r, i) => <option key={r.index} value={i}>{runOptionLabel(r)}</option>)}
            </select>
          </label>
        )}
      </ChartHead>
      <figcaption id={`${id}-cap`} className="gantt-caption">{caption}.</figcaption>
      <div ref={boxRef} className="chart-box">
        <ChartSvg
          id={id} label={caption} title={`Sampled run ${run.index + 1} over time`}
          description={`Rows: tasks in topological order; bars: approval gate, attempts, retry waits and waits for pool units, in ${axis.unit.name} since the run's start.`}
          width={width} height={model.height} className="gantt"
        >
          <defs>
            <pattern id={hatch} patternUnits="userSpaceOnUse" width={6} height={6} patternTransform="rotate(45)">
              <rect className="gantt-hatch-bg" width={6} height={6} />
              <line className="gantt-hatch" x1={0} y1={0} x2={0} y2={6} />
            </pattern>
          </defs>
          {model.rows.map((r, i) => (i % 2 === 1
            ? <rect key={`band-${r.id}`} className="gantt-band" x={0} y={r.y - (plot.bottom - plot.top) / model.rows.length / 2} width={plot.right} height={(plot.bottom - plot.top) / model.rows.length} />
            : null))}
          <XGridTicks ticks={axis.ticks} top={plot.top} bottom={plot.bottom} labelY={plot.bottom + 4 + (fontPx ?? 11)} />
          {model.rows.map((r) => (
            <g key={r.id} className={`gantt-row st-${r.state}`} data-task={r.id} data-state={r.state}>
              <title>{r.tip}</title>
              <rect className={`state s-${r.state}`} x={4} y={r.y - 4} width={8} height={8} rx={1.5} />
              <text className="gantt-label" x={17} y={r.y} dy="0.32em">{r.label}</text>
              {r.bars.map((b) => (
                <rect key={b.key} className={b.className} x={b.x} y={b.y} width={b.width} height={b.height} style={b.failed ? { fill: `url(#${hatch})` } : undefined}>
                  <title>{b.tip}</title>
                </rect>
              ))}
              {r.marker && <path className={`gantt-marker s-${r.state}`} d={`M${r.marker.x},${r.y - 5}L${r.marker.x + 5},${r.y}L${r.marker.x},${r.y + 5}L${r.marker.x - 5},${r.y}Z`} />}
            </g>
          ))}
          <line x1={plot.left} x2={plot.right} y1={plot.bottom} y2={plot.bottom} className="axis" />
          <XAxisTicks ticks={axis.ticks.map((t) => ({ x: t.x, label: '' }))} bottom={plot.bottom} labelY={0} />
          <text className="gantt-unit" x={plot.left} y={model.titleY}>{axis.unit.name} since the run's start</text>
          {cx !== null && <line className="time-cursor gantt-cursor" x1={cx} x2={cx} y1={plot.top - 4} y2={plot.bottom + 4} />}
        </ChartSvg>
      </div>
      <Legend label="Bars" items={SEGMENT_ITEMS} />
      <TaskStateLegend />
    </figure>
  );
}
