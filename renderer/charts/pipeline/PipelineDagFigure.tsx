// The pipeline DAG with failure propagation drawn on it: each task's box carries a bar of how
// its runs ended (success, failed itself, upstream failed, skipped), its outline says whether
// its own failures or its upstream's dominate, and the modal critical path is drawn heavier.
// Pure (drawn at `width`, no DOM); renderer/results/pipeline/PipelineDag measures the page.
import { useId, useMemo, type Ref } from 'react';
import type { PipelineTaskResult } from '../../../simulation';
import { formatPercent } from '../../format/numbers';
import { layoutDag } from './dag-layout';
import { STATE_KEYS, STATE_LABELS, stateSegments, taskShares } from './task-states';
import { ChartHead, ChartSvg } from '../chart-parts';
import { TaskStateLegend } from './TaskStateLegend';

/** Beyond this many tasks the drawing is unreadable; the task table remains. */
export const MAX_DRAWN_TASKS = 120;

export interface PipelineDagFigureProps {
  ids: string[];
  edges: [string, string][];
  tasks: Record<string, PipelineTaskResult>;
  criticalPath: string[];
  width: number;
  boxRef?: Ref<HTMLDivElement>;
}

const CHAR_PX = 6.6;

function clip(text: string, width: number): string {
  const max = Math.max(3, Math.floor(width / CHAR_PX));
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

export function PipelineDagFigure({ ids, edges, tasks, criticalPath, width, boxRef }: PipelineDagFigureProps) {
  const layout = useMemo(() => layoutDag(ids, edges, { width }), [ids, edges, width]);
  const critical = useMemo(() => {
    const onPath = new Set<string>();
    for (let i = 1; i < criticalPath.length; i++) onPath.add(`${criticalPath[i - 1]}→${criticalPath[i]}`);
    return { tasks: new Set(criticalPath), edges: onPath };
  }, [criticalPath]);
  const id = useId();
  const worst = ids.map((t) => ({ t, s: taskShares(tasks[t]) })).sort((a, b) => b.s.notSuccess - a.s.notSuccess)[0];
  const summary = `${ids.length} tasks in ${layout.layers} layers; critical path ${criticalPath.join(' → ')}.` +
    (worst ? ` Most affected: ${worst.t}, ${formatPercent(worst.s.notSuccess)} of runs failed or upstream-failed.` : '');

  return (
    <figure className="chart dag-chart">
      <ChartHead title="Failure propagation on the DAG" level={3}>
        <p className="chart-note">How each task's runs ended; heavier edges: the modal critical path.</p>
      </ChartHead>
      <div ref={boxRef} className="chart-box">
        <ChartSvg id={id} label="Pipeline DAG with how each task's runs ended" title="Failure propagation on the DAG" description={summary} width={width} height={layout.height} className="dag">
          <defs>
            <marker id={`${id}-arrow`} viewBox="0 0 8 8" refX="7.5" refY="4" markerWidth="7" markerHeight="7" markerUnits="userSpaceOnUse" orient="auto">
              <path d="M0,0 L8,4 L0,8 z" className="dag-arrow" />
            </marker>
          </defs>
          {layout.edges.map((e) => (
            <path key={`${e.from}→${e.to}`} d={e.d} className={critical.edges.has(`${e.from}→${e.to}`) ? 'dag-edge critical' : 'dag-edge'} markerEnd={`url(#${id}-arrow)`} />
          ))}
          {layout.nodes.map((n) => {
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
      <TaskStateLegend>
        <li><span className="swatch outline fails" aria-hidden="true" />fails itself ≥ 1%</li>
        <li><span className="swatch outline propagated" aria-hidden="true" />mostly upstream failures</li>
      </TaskStateLegend>
    </figure>
  );
}
