// "Utilization vs target" per pool: simulated allocated and busy utilization with 95% CI
// whiskers, the analytic allocation snapshot beside them, the target as a dashed line.
// Pure (no DOM, no measuring): the HTML report renders this very figure; ./UtilizationChart measures the page.
import { useId, useMemo, type Ref } from 'react';
import type { PoolAnalytic } from '../../../simulation';
import type { ClusterResult } from '../../../simulation';
import { formatPercent, formatStatPercent } from '../../format/numbers';
import { UTILIZATION_LABELS, utilizationModel, type UtilizationBar, type UtilizationGroup } from './utilization-bars';
import { ChartHead, ChartSvg } from '../chart-parts';

export interface UtilizationFigureProps {
  pools: ClusterResult['pools'];
  analytic: Record<string, PoolAnalytic>;
  width: number;
  boxRef?: Ref<HTMLDivElement>;
}

// Left: the bar labels; right: the figure with its CI.
const MARGIN = { left: 74, right: 150 };

function barText(b: UtilizationBar, g: UtilizationGroup): string {
  if (b.kind === 'snapshot') return `${formatPercent(b.value)} (analytic)`;
  return formatStatPercent(b.kind === 'allocated' ? g.allocated : g.busy);
}

function groupSummary(g: UtilizationGroup): string {
  const parts = [`${g.pool}: allocated ${formatStatPercent(g.allocated)}`, `busy ${formatStatPercent(g.busy)}`];
  if (g.snapshot !== null) parts.push(`analytic snapshot ${formatPercent(g.snapshot)}`);
  if (g.target !== null) parts.push(`target ${formatPercent(g.target, 0)}${g.over ? ' (over target)' : ''}`);
  return parts.join(', ');
}

/** The mean is over the target but the 95% CI reaches below it: not significantly over. */
function withinCi(g: { allocated?: { ci95: [number, number] } | null; target: number | null }): boolean {
  return g.target !== null && !!g.allocated && g.allocated.ci95[0] <= g.target;
}

export function UtilizationFigure({ pools, analytic, width, boxRef }: UtilizationFigureProps) {
  const model = useMemo(() => utilizationModel(pools, analytic, { width, ...MARGIN }), [pools, analytic, width]);
  const id = useId();
  const over = model.groups.filter((g) => g.over);
  const title = 'Utilization vs target per pool';
  const summary = `${model.groups.map(groupSummary).join('; ')}.`;
  const { plot } = model;

  return (
    <figure className="chart cluster-chart">
      <ChartHead title={title}>
        {over.length > 0 ? (
          <p className="chart-note over">Over target: {over.map((g) => `${g.pool} ${formatPercent(g.allocated?.mean ?? 0)} allocated > ${formatPercent(g.target ?? 0, 0)}${withinCi(g) ? ' (its 95% CI includes the target)' : ''}`).join('; ')}</p>
        ) : (
          model.groups.some((g) => g.target !== null) && <p className="chart-note ok">Every pool with a target is at or under it.</p>
        )}
      </ChartHead>
      <div ref={boxRef} className="chart-box">
        <ChartSvg id={id} label={`Utilization vs target: ${summary}`} title={title} description={summary} width={width} height={model.height} className="utilization-chart">
          {model.ticks.map((t) => (
            <g key={t.label} className="tick">
              <text x={t.x} y={plot.bottom + 14} textAnchor="middle">{t.label}</text>
            </g>
          ))}
          {model.groups.map((g) => (
            <g key={g.pool} className={g.over ? 'pool-group over' : 'pool-group'} data-pool={g.pool}>
              {g.bars.length > 0 && (
                // Grid and axis only beside the bars, so the pool's name above them is never crossed.
                <g className="tick">
                  {model.ticks.map((t) => (
                    <line key={t.label} x1={t.x} x2={t.x} y1={g.bars[0]!.y - 2} y2={g.bars[g.bars.length - 1]!.y + model.barHeight + 2} className="grid" />
                  ))}
                  <line x1={plot.left} x2={plot.left} y1={g.bars[0]!.y - 2} y2={g.bars[g.bars.length - 1]!.y + model.barHeight + 2} className="axis" />
                </g>
              )}
              <text x={4} y={g.y + 12} className="pool-name">{g.pool}</text>
              {g.over && <text x={plot.right + 8} y={g.y + 12} className="over-flag">over target</text>}
              {g.bars.map((b) => (
                <g key={b.kind} className={`util-bar ${b.kind}`}>
                  <text x={plot.left - 6} y={b.y + model.barHeight / 2} dy="0.32em" textAnchor="end" className="bar-label">{UTILIZATION_LABELS[b.kind]}</text>
                  <rect x={b.x0} y={b.y} width={Math.max(0, b.x - b.x0)} height={model.barHeight} />
                  {b.xLo !== null && b.xHi !== null && (
                    <g className="whisker">
                      <line x1={b.xLo} x2={b.xHi} y1={b.y + model.barHeight / 2} y2={b.y + model.barHeight / 2} />
                      <line x1={b.xLo} x2={b.xLo} y1={b.y + 2} y2={b.y + model.barHeight - 2} />
                      <line x1={b.xHi} x2={b.xHi} y1={b.y + 2} y2={b.y + model.barHeight - 2} />
                    </g>
                  )}
                  <text x={plot.right + 8} y={b.y + model.barHeight / 2} dy="0.32em" className="value" data-kind={b.kind}>{barText(b, g)}</text>
                </g>
              ))}
              {g.targetX !== null && g.bars.length > 0 && (
                <g className="target">
                  <line x1={g.targetX} x2={g.targetX} y1={g.bars[0]!.y - 3} y2={g.bars[g.bars.length - 1]!.y + model.barHeight + 3} />
                  <text x={g.targetX} y={g.y + 12} textAnchor="middle">target {formatPercent(g.target ?? 0, 0)}</text>
                </g>
              )}
            </g>
          ))}
        </ChartSvg>
      </div>
      <p className="chart-foot">Share of each pool’s units over the measured window; whiskers: 95% CI over replications. Busy excludes barrier waits, checkpoints, restarts and lost work. Snapshot: the scenario’s allocated_units ÷ units.</p>
    </figure>
  );
}
