// "How each task ended": a 100 % bar per task, stacked success / failed / upstream failed /
// skipped. Pure (drawn at `width`), so the HTML report renders this very figure;
// ./PipelineCharts measures the page in the app.
import { useId, useMemo, type Ref } from 'react';
import type { PipelineTaskResult } from '../../../simulation';
import { formatPercent } from '../../format/numbers';
import { STATE_KEYS, STATE_LABELS } from './task-states';
import { fitLabel, taskStateModel } from './task-state-bars';
import { ChartHead, ChartSvg, XGridTicks } from '../chart-parts';
import { TaskStateLegend } from './TaskStateLegend';

export interface TaskStatesFigureProps {
  tasks: Record<string, PipelineTaskResult>;
  width: number;
  boxRef?: Ref<HTMLDivElement>;
}

export function TaskStatesFigure({ tasks, width, boxRef }: TaskStatesFigureProps) {
  const m = useMemo(() => taskStateModel(tasks, width), [tasks, width]);
  const id = useId();
  const { plot } = m;
  const title = `How each task ended${m.hidden > 0 ? ` (first ${m.bars.length} of ${m.bars.length + m.hidden} tasks)` : ''}`;
  const summary = `${m.bars.map((b) => `${b.id}: ${STATE_KEYS.map((k) => `${STATE_LABELS[k]} ${formatPercent(b.shares.shares[k])}`).join(', ')}`).join('; ')}.`;

  return (
    <figure className="chart pipeline-chart">
      <ChartHead title={title} />
      <div ref={boxRef} className="chart-box">
        <ChartSvg id={id} label="Final state of each task over the runs" title={title} description={summary} width={width} height={m.height} className="task-state-chart">
          <XGridTicks ticks={m.ticks} top={plot.top} bottom={plot.bottom} labelY={plot.bottom + 15} />
          {m.bars.map((b) => (
            <g key={b.id} className={`task-bar ${b.shares.kind}`} data-task={b.id}>
              <title>{`${b.id}: ${STATE_KEYS.map((k) => `${STATE_LABELS[k]} ${formatPercent(b.shares.shares[k])}`).join(', ')}`}</title>
              <text x={plot.left - 8} y={b.y + m.barHeight / 2} dy="0.32em" textAnchor="end" className="task-name">{fitLabel(b.id, plot.left - 12)}</text>
              {b.segments.map((s) => (
                <rect key={s.key} className={`state s-${s.key}`} x={s.x} y={b.y} width={s.width} height={m.barHeight} />
              ))}
              {b.shares.shares.success * (plot.right - plot.left) > 46 && (
                <text x={plot.left + 5} y={b.y + m.barHeight / 2} dy="0.32em" className="state-label">{formatPercent(b.shares.shares.success)}</text>
              )}
            </g>
          ))}
        </ChartSvg>
      </div>
      <TaskStateLegend />
    </figure>
  );
}
