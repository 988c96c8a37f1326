// A one-parameter sweep at a given width: the figure's mean joined by a line inside its 95% CI
// band, whiskers at each point (filled where the point meets the SLO, hollow where it does not),
// the budget when the figure is the service's latency, the cost per hour on a right axis, and
// dashed markers at the cheapest point meeting the SLO and at the solver's answer. React draws,
// ./sweep-chart-model does the maths; renderer/whatif/SweepChart measures the page, and the
// analysis report (electron/backend/report) renders it at a fixed width in the report's locale.
import { useId, useMemo, type ReactNode, type Ref } from 'react';
import type { NumberText, Unit } from '../../../simulation/present';
import { valueWithUnit } from '../../../simulation/present';
import { APP_NUMBERS } from '../../format/numbers';
import { ChartHead, ChartSvg, Legend, Whisker, XAxisTicks, YGridTicks, type LegendItem } from '../chart-parts';
import { fitText, sweepChartModel, type ScaleKind } from './sweep-chart-model';
import type { SweepSeries } from './sweep-series';

export const SWEEP_HEIGHT = 300;

export interface SolverMark {
  /** The answer; null when no count in the range searched meets the SLO (said, not drawn). */
  value: number | null;
  /** "10 replicas (solve of v3)". */
  text: string;
}

export interface SweepFigureProps {
  series: SweepSeries;
  unit: Unit;
  figureLabel: string;
  paramLabel: string;
  scaleKind: ScaleKind;
  /** Draw the budget: the figure is a latency of the service the SLO is judged on. */
  showBudget: boolean;
  solver: SolverMark | null;
  width: number;
  controls?: ReactNode;
  boxRef?: Ref<HTMLDivElement>;
  /** How numbers are spelled: the app's formatter, or the report's. */
  numbers?: NumberText;
}

const UNIT_NAMES: Partial<Record<Unit, string>> = { ms: 'ms', s: 's', rps: 'rps', fraction: '%' };

/** " (ms, log scale)" after an axis title. */
export function axisUnit(unit: Unit, scaleKind: ScaleKind): string {
  const parts = [UNIT_NAMES[unit], scaleKind === 'log' ? 'log scale' : undefined].filter(Boolean);
  return parts.length ? ` (${parts.join(', ')})` : '';
}

export function SweepFigure({ series, unit, figureLabel, paramLabel, scaleKind, showBudget, solver, width, controls, boxRef, numbers = APP_NUMBERS }: SweepFigureProps) {
  const fmt = (x: number) => numbers.sig(x);
  const margin = { top: 44, right: series.hasCost ? 62 : 20, bottom: 42, left: 62 };
  const extra = solver && solver.value !== null ? [solver.value] : [];
  const model = useMemo(() => sweepChartModel(series, unit, { width, height: SWEEP_HEIGHT, margin }, scaleKind, showBudget, extra),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- margin and extra follow from series and solver
    [series, unit, width, scaleKind, showBudget, solver?.value]);
  const id = useId();
  const { plot } = model;
  const cheapest = series.cheapest;
  const cheapestX = cheapest ? model.xOf(cheapest.values[0] as number) : null;
  const solverX = solver && solver.value !== null ? model.xOf(solver.value) : null;
  const same = cheapestX !== null && solverX !== null && Math.abs(cheapestX - solverX) < 1;
  const mid = (plot.left + plot.right) / 2;
  const anchor = (x: number) => (x > mid ? { x: x - 5, a: 'end' as const } : { x: x + 5, a: 'start' as const });
  const slo = series.twoSlos ? 'SLOs' : 'SLO';
  const cheapestText = cheapest
    ? `Cheapest meeting the ${slo}: ${fmt(cheapest.values[0] as number)}${cheapest.cost !== null ? ` (${fmt(cheapest.cost)} per hour)` : ''}`
    : null;
  const solverText = solver ? `Solver’s answer: ${solver.text}` : null;
  const meeting = series.points.filter((p) => p.meets).length;
  const description = [
    `${figureLabel} at ${series.points.length} values of ${paramLabel}, with 95% confidence intervals`,
    showBudget && series.budgetMs !== null ? `; the budget is ${fmt(series.budgetMs)} ms` : '',
    series.sloService === null ? '; there is no SLO to meet' : `; ${meeting} of ${series.points.length} points meet the ${slo} of ${series.sloService}`,
    cheapest ? `; the cheapest that does is ${paramLabel} = ${fmt(cheapest.values[0] as number)}${series.cheapestBy === 'cost' && cheapest.cost !== null ? ` at ${fmt(cheapest.cost)} per hour` : ''}` : '',
    solver ? `; the solver's answer is ${solver.text}` : '',
    '.',
  ].join('');
  const legend: LegendItem[] = [
    { key: 'mean', swatch: 'wi-key-mean', content: `Mean (filled: meets the ${slo}; hollow: misses ${series.twoSlos ? 'them' : 'it'})` },
    { key: 'band', swatch: 'wi-key-band', content: '95% CI' },
    ...(model.budgetY !== null ? [{ key: 'budget', swatch: 'wi-key-budget', content: 'Budget' }] : []),
    ...(model.costLine ? [{ key: 'cost', swatch: 'wi-key-cost', content: 'Cost per hour (right axis)' }] : []),
  ];

  return (
    <figure className="chart wi-chart">
      <ChartHead title={`${figureLabel} vs ${paramLabel}`} level={4}>{controls}</ChartHead>
      <div ref={boxRef} className="chart-box">
        <ChartSvg id={id} label={`Sweep: ${figureLabel} vs ${paramLabel}`} title={`${figureLabel} vs ${paramLabel}`} description={description} width={width} height={SWEEP_HEIGHT} className="wi-sweep-chart">
          <YGridTicks ticks={model.yTicks} left={plot.left} right={plot.right} />
          <XAxisTicks ticks={model.xTicks} bottom={plot.bottom} labelY={plot.bottom + 16} />
          <line x1={plot.left} x2={plot.right} y1={plot.bottom} y2={plot.bottom} className="axis" />
          {model.costTicks.map((t) => (
            <text key={t.label} x={plot.right + 6} y={t.y} dy="0.32em" className="wi-cost-tick">{t.label}</text>
          ))}
          <path d={model.band} className="wi-band" />
          {model.costLine && <path d={model.costLine} className="wi-cost-line" data-series="cost" />}
          {model.budgetY !== null && (
            <g className="budget" data-marker="budget">
              <line x1={plot.left} x2={plot.right} y1={model.budgetY} y2={model.budgetY} />
              <text x={plot.right - 4} y={model.budgetY - 4} textAnchor="end">Budget {fmt(series.budgetMs as number)} ms</text>
            </g>
          )}
          {cheapestX !== null && cheapestText && (
            <g className="wi-marker wi-cheapest" data-marker="cheapest">
              <line x1={cheapestX} x2={cheapestX} y1={plot.top - 30} y2={plot.bottom} />
              <text x={anchor(cheapestX).x} y={plot.top - 32} textAnchor={anchor(cheapestX).a}>{same ? `${cheapestText} = solver’s answer` : cheapestText}</text>
            </g>
          )}
          {solver && solverX === null && (
            <g className="wi-marker wi-solver" data-marker="solver">
              <text x={plot.right} y={plot.top - (cheapestText ? 16 : 32)} textAnchor="end">{solverText}</text>
            </g>
          )}
          {solverX !== null && solverText && !same && (
            <g className="wi-marker wi-solver" data-marker="solver">
              <line x1={solverX} x2={solverX} y1={plot.top - 14} y2={plot.bottom} />
              <text x={anchor(solverX).x} y={plot.top - 16} textAnchor={anchor(solverX).a}>{solverText}</text>
            </g>
          )}
          <path d={model.line} className="wi-line" />
          {model.points.map((p) => (
            <g key={p.values.join(':')} className={`wi-point${p.meets === true ? ' meets' : p.meets === false ? ' misses' : ''}${p.values[0] === cheapest?.values[0] ? ' cheapest' : ''}`} data-value={p.values[0]}>
              {p.y !== null && p.yLow !== null && p.yHigh !== null && (
                <>
                  <Whisker x={p.x} yLow={p.yLow} yHigh={p.yHigh} cap={4} />
                  <circle cx={p.x} cy={p.y} r={p.values[0] === cheapest?.values[0] ? 5.5 : 4} />
                </>
              )}
              {p.costY !== null && <rect x={p.x - 3} y={p.costY - 3} width={6} height={6} className="wi-cost-point" />}
              <title>{`${paramLabel} = ${fmt(p.values[0] as number)}: ${p.stat ? valueWithUnit(numbers, p.stat.mean, unit) : 'no value'}${p.cost !== null ? `; ${fmt(p.cost)} per hour` : ''}${p.meets === null ? '' : p.meets ? `; meets the ${slo}` : `; misses the ${slo}`}`}</title>
            </g>
          ))}
          <text className="axis-title" transform={`translate(13, ${(plot.top + plot.bottom) / 2}) rotate(-90)`} textAnchor="middle">
            {fitText(`${figureLabel}${axisUnit(unit, scaleKind)}`, plot.bottom - plot.top + 30)}
          </text>
          {model.costLine && (
            <text className="axis-title wi-cost-title" transform={`translate(${width - 8}, ${(plot.top + plot.bottom) / 2}) rotate(90)`} textAnchor="middle">Cost per hour</text>
          )}
          <text className="axis-title" x={(plot.left + plot.right) / 2} y={SWEEP_HEIGHT - 4} textAnchor="middle">{fitText(paramLabel, plot.right - plot.left)}</text>
        </ChartSvg>
      </div>
      <Legend label="Sweep chart legend" items={legend} />
    </figure>
  );
}
