// The pipeline DAG with failure propagation drawn on it: each task's box carries a bar of how
// its runs ended (success, failed itself, upstream failed, skipped), its outline says whether
// its own failures or its upstream's dominate, and the modal critical path is drawn heavier.
// Given a sampled run and an instant (`atS`, the playback cursor), it shows instead each task's
// state in that run at that moment (./state-at.ts), with its own legend.
// Pure (drawn at `width`, no DOM); renderer/results/pipeline/PipelineDag measures the page.
import { useId, useMemo, type Ref } from 'react';
import type { PipelineSampleRun, PipelineTaskResult } from '../../../simulation';
import { formatPercent } from '../../format/numbers';
import { instantText } from '../time/time-series';
import { layoutDag } from './dag-layout';
import { MOMENT_LABELS, MOMENT_STATES, momentSummary, momentText, taskStateAt } from './state-at';
import { STATE_KEYS, STATE_LABELS, stateSegments, taskShares } from './task-states';
import { ChartHead, ChartSvg, Legend } from '../chart-parts';
import { TaskStateLegend } from './TaskStateLegend';

const MOMENT_ITEMS = MOMENT_STATES.map((k) => ({ key: k, swatch: `m-${k}`, content: MOMENT_LABELS[k] }));

/** Beyond this many tasks the drawing is unreadable; the task table remains. */
export const MAX_DRAWN_TASKS = 120;

export interface PipelineDagFigureProps {
  ids: string[];
  edges: [string, string][];
  tasks: Record<string, PipelineTaskResult>;
  criticalPath: string[];
  width: number;
  boxRef?: Ref<HTMLDivElement>;
  /**
   * The playback cursor in simulated seconds; with `sampleRun`, each task is coloured by its
   * state in that run at atS − sampleRun.start_s (the run's own clock). Null/undefined: as above.
   */
  atS?: number | null;
  sampleRun?: PipelineSampleRun | null;
}

const CHAR_PX = 6.6;

function clip(text: string, width: number): string {
  const max = Math.max(3, Math.floor(width / CHAR_PX));
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

export function PipelineDagFigure({ ids, edges, tasks, criticalPath, width, boxRef, atS, sampleRun }: PipelineDagFigureProps) {
  const layout = useMemo(() => layoutDag(ids, edges, { width }), [ids, edges, width]);
  const critical = useMemo(() => {
    const onPath = new Set<string>();
    for (let i = 1; i < criticalPath.length; i++) onPath.add(`${criticalPath[i - 1]}→${criticalPath[i]}`);
    return { tasks: new Set(criticalPath), edges: onPath };
  }, [criticalPath]);
  const id = useId();
  const worst = ids.map((t) => ({ t, s: taskShares(tasks[t]) })).sort((a, b) => b.s.notSuccess - a.s.notSuccess)[0];
  const local = atS === null || atS === undefined || !sampleRun ? null : atS - sampleRun.start_s;
  const moments = useMemo(() => (local === null || !sampleRun ? null : taskStateAt(sampleRun, local)), [sampleRun, local]);
  const summary = moments && sampleRun && local !== null
    ? momentSummary(sampleRun, local, moments)
    : `${ids.length} tasks in ${layout.layers} layers; critical path ${criticalPath.join(' → ')}.` +
      (worst ? ` Most affected: ${worst.t}, ${formatPercent(worst.s.notSuccess)} of runs failed or upstream-failed.` : '');

  return (
    <figure className="chart dag-chart">
      <ChartHead title={moments ? 'The DAG at the playback cursor' : 'Failure propagation on the DAG'} level={3}>
        <p className="chart-note">
          {moments && sampleRun && local !== null
            ? (local < 0
              ? `Sampled run ${sampleRun.index + 1} has not started at the cursor (it starts ${instantText(sampleRun.start_s)} into the simulation).`
              : `Sampled run ${sampleRun.index + 1} at ${instantText(local)} of its own clock: each task's state at that moment; heavier edges: the modal critical path.`)
            : "How each task's runs ended; heavier edges: the modal critical path."}
        </p>
      </ChartHead>
      {/* A DAG too wide for the panel even at the narrowest boxes scrolls sideways (reachable by keyboard). */}
      <div ref={boxRef} className="chart-box" {...(layout.width > width ? { tabIndex: 0, role: 'group', 'aria-label': 'Pipeline DAG, scrolls sideways' } : {})}>
        <ChartSvg
          id={id} label={moments ? summary : "Pipeline DAG with how each task's runs ended"} title={moments ? 'The DAG at the playback cursor' : 'Failure propagation on the DAG'}
          description={summary} width={layout.width} height={layout.height} className={moments ? 'dag at-moment' : 'dag'}
        >
          <defs>
            <marker id={`${id}-arrow`} viewBox="0 0 8 8" refX="7.5" refY="4" markerWidth="7" markerHeight="7" markerUnits="userSpaceOnUse" orient="auto">
              <path d="M0,0 L8,4 L0,8 z" className="dag-arrow" />
            </marker>
          </defs>
          {layout.edges.map((e) => (
            <path key={`${e.from}→${e.to}`} d={e.d} className={critical.edges.has(`${e.from}→${e.to}`) ? 'dag-edge critical' : 'dag-edge'} markerEnd={`url(#${id}-arrow)`} />
          ))}
          {moments && layout.nodes.map((n) => {
            const m = moments[n.id];
            if (!m) return null;
            const text = momentText(m);
            return (
              <g key={n.id} className={`dag-node at-${m.state}${critical.tasks.has(n.id) ? ' critical' : ''}`} transform={`translate(${n.x},${n.y})`} data-task={n.id} data-state={m.state}>
                <title>{`${n.id}: ${text}`}</title>
                <rect className="box" width={n.width} height={n.height} rx={6} />
                <text className="name" x={6} y={15}>{clip(n.id, n.width - 12)}</text>
                <text className="figure" x={6} y={29}>{clip(text, n.width - 12)}</text>
                <rect className={`state m-${m.state}`} x={6} y={n.height - 9} width={n.width - 12} height={5} />
              </g>
            );
          })}
          {!moments && layout.nodes.map((n) => {
            const t = tasks[n.id];
            const s = taskShares(t);
            const barW = n.width - 12;
            const tip = `${n.id}: ${STATE_KEYS.map((k) => `${STATE_LABELS[k]} ${formatPercent(s.shares[k])}`).join(', ')}` +
              (t?.criticality ? `; on the critical path in ${formatPercent(t.criticality.mean)} of runs` : '') +
              (t?.blast_radius ? `; a failure here ends ${t.blast_radius.mean.toFixed(1)} tasks on average` : '');
            return (
              <g key={n.id} className={`dag-node ${s.kind}${critical.tasks.has(n.id) ? ' critical' : ''}`} transform={`translate(${n.x},${n.y})`} data-task={n.id}>
                <title>{tip}</title>
                <rect className="box" width={n.width} height={n.height} rx={6} />
                <text className="name" x={6} y={15}>{clip(n.id, n.width - 12)}</text>
                <text className="figure" x={6} y={29}>{clip(`✓ ${formatPercent(s.shares.success)}${t?.criticality ? ` · crit ${formatPercent(t.criticality.mean, 0)}` : ''}`, n.width - 12)}</text>
                <g transform={`translate(6,${n.height - 9})`}>
                  {stateSegments(s.shares, barW).map((g) => (
                    <rect key={g.key} className={`state s-${g.key}`} x={g.x} width={g.width} height={5} />
                  ))}
                </g>
              </g>
            );
          })}
        </ChartSvg>
      </div>
      {moments ? <Legend label="Task state at the cursor" items={MOMENT_ITEMS} /> : (
        <TaskStateLegend>
          <li><span className="swatch outline fails" aria-hidden="true" />fails itself ≥ 1%</li>
          <li><span className="swatch outline propagated" aria-hidden="true" />mostly upstream failures</li>
        </TaskStateLegend>
      )}
    </figure>
  );
}
