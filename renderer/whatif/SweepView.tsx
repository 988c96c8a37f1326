// An open sweep: pick the figure to draw (the first service's latency at its SLO percentile to
// start with; an llm service's TTFT), the chart (one parameter) or heatmap (two), the cheapest
// point meeting the SLO in words, the points as a table with the figures the SLO judges beside
// the drawn one (TTFT and TPOT for an llm service), and a CSV of the figure drawn (the report export of the open
// analysis, ./AnalysisReportExport, has the SLO service's figures whatever is drawn).
import { useId, useMemo, useState } from 'react';
import type { AnalysisSummary } from '../../electron/common/contract';
import type { SweepDocument } from '../../simulation';
import { statWithUnit, valueText } from '../../simulation/present';
import { downloadText } from '../api/browser-files';
import { APP_NUMBERS } from '../format/numbers';
import { useAppStore } from '../store';
import { COST_PER_HOUR, defaultFigure, figureChoices, groupChoices, isLatencyFigure, type FigureChoice } from '../charts/whatif/figure-choices';
import { pathLabel, sharedLabels } from '../charts/whatif/input-labels';
import { SweepChart } from './SweepChart';
import { sweepFileName, sweepCsv } from './sweep-csv';
import { poolCosts, replicasServiceIndex, sweepSeries } from '../charts/whatif/sweep-series';
import { judgedColumns, judgedStat, sweepVerdict } from '../charts/whatif/sweep-judged';
import { SweepHeatmap } from './SweepHeatmap';
import { stackedStat } from './StackedStat';
import { sectionIds, useSavedRaw } from './use-saved-scenario';
import { useSolverAnswer } from './use-solver-answer';

const fmt = (x: number) => APP_NUMBERS.sig(x);

export function SweepView({ summary, sweep }: { summary: AnalysisSummary; sweep: SweepDocument }) {
  const raw = useSavedRaw();
  const analyses = useAppStore((s) => s.analyses);
  const scenarioName = useAppStore((s) => s.scenarios.find((x) => x.id === summary.scenarioId)?.name ?? 'scenario');
  const id = useId();
  const choices = useMemo((): FigureChoice[] => {
    const first = sweep.points[0]?.result;
    const list = first ? figureChoices(first) : [];
    const pools = poolCosts(raw);
    const priced = sweep.points.some((p) => Object.values(p.result.serving ?? {}).some((s) => s.analytic.cost_per_hour !== undefined)) || pools.length > 0;
    return priced ? [{ path: COST_PER_HOUR, label: 'Cost per hour (services and pools)', unit: 'cost', group: 'Cost' }, ...list] : list;
  }, [sweep, raw]);
  const [picked, setPicked] = useState<string | null>(null);
  const figure = picked !== null && choices.some((c) => c.path === picked) ? picked : defaultFigure(choices.filter((c) => c.path !== COST_PER_HOUR)) ?? COST_PER_HOUR;
  const choice = choices.find((c) => c.path === figure);
  const series = useMemo(() => sweepSeries(sweep, figure, poolCosts(raw)), [sweep, figure, raw]);
  const paramLabels = sweep.parameters.map((p) => pathLabel(raw, p));
  // The heatmap's axes name the fields alone when both belong to one element (named in its title).
  const grid = sharedLabels(raw, sweep.parameters);
  const showBudget = isLatencyFigure(figure) && series.sloService !== null && figure.startsWith(`serving.${series.sloService}.`);
  // The figures the points are judged by, beside the drawn one: an llm service's TTFT and TPOT side by side.
  const judged = useMemo(() => judgedColumns(sweep, series.sloService, raw), [sweep, series.sloService, raw]);
  const besides = judged.filter((c) => c.path !== figure);

  // A replicas sweep shows the newest solve of the same service.
  const index = replicasServiceIndex(sweep.parameters);
  const serviceId = index === null ? null : (sectionIds(raw).services[index]?.id ?? null);
  const solved = useSolverAnswer(serviceId, analyses);
  const ofVersion = solved && solved.version !== summary.scenarioVersion ? ` (solve of v${solved.version})` : '';
  const solver = solved && {
    value: solved.replicas,
    text: solved.replicas === null ? `no count from ${solved.estimate} to ${solved.searchMax} meets the SLO${ofVersion}` : `${solved.replicas} replicas${ofVersion}`,
  };

  const figureLabel = choice?.label ?? figure;
  const exportCsv = () => downloadText(sweepFileName(scenarioName, summary.scenarioVersion), sweepCsv(series), 'text/csv');
  const cheapest = series.cheapest;
  const unit = choice?.unit ?? '';
  const select = (
    <label className="wi-field wi-inline">
      <span>Figure to draw</span>
      <select value={figure} onChange={(e) => setPicked(e.target.value)}>
        {groupChoices(choices).map(([group, list]) => (
          <optgroup key={group} label={group}>
            {list.map((c) => <option key={c.path} value={c.path}>{c.label}</option>)}
          </optgroup>
        ))}
      </select>
    </label>
  );
  return (
    <div className="wi-sweep">
      <div className="wi-view-bar">
        {select}
        <button type="button" onClick={exportCsv} aria-describedby={`${id}-export`}>CSV of this figure</button>
        <span id={`${id}-export`} className="visually-hidden">Downloads the points of this sweep with the figure drawn, its 95% CI, the cost per hour and whether each meets the SLO (the report, above, has the SLO service’s latency and utilization).</span>
      </div>
      <p className="wi-verdict" data-testid="sweep-verdict">
        {sweepVerdict(sweep, series, judged, paramLabels, fmt)}
        {serviceId !== null && solved && (solved.replicas === null
          ? ` The solver found no replica count from ${solved.estimate} to ${solved.searchMax} meeting it${ofVersion}.`
          : ` The solver’s answer: ${solved.replicas} replicas${ofVersion}.`)}
      </p>
      {sweep.parameters.length === 1
        ? <SweepChart series={series} unit={unit} figureLabel={figureLabel} paramLabel={paramLabels[0] ?? sweep.parameter} showBudget={showBudget} solver={solver} />
        : <SweepHeatmap series={series} unit={unit} figureLabel={figureLabel} paramLabels={[grid.labels[0] ?? '', grid.labels[1] ?? '']} of={grid.common} />}
      <details className="wi-points">
        <summary>Points ({series.points.length})</summary>
        <div className="wi-table-wrap">
          <table className="data-table" aria-label="Sweep points">
            <thead>
              <tr>
                {paramLabels.map((p) => <th key={p} scope="col" className="num">{p}</th>)}
                <th scope="col" className="num">{figureLabel}</th>
                {besides.map((c) => <th key={c.path} scope="col" className="num">{c.head}</th>)}
                {series.hasCost && <th scope="col" className="num">Cost per hour</th>}
                {series.sloService !== null && <th scope="col">{judged.length > 1 ? 'Meets both SLOs' : 'Meets the SLO'}</th>}
              </tr>
            </thead>
            <tbody>
              {series.points.map((p, i) => (
                <tr key={p.values.join(':')} className={p === cheapest ? 'wi-answer-row' : undefined}>
                  {p.values.map((v, j) => <td key={j} className="num">{fmt(v)}</td>)}
                  <td className="num">{stackedStat(statWithUnit(APP_NUMBERS, p.stat ?? null, unit))}</td>
                  {besides.map((c) => <td key={c.path} className="num">{stackedStat(statWithUnit(APP_NUMBERS, judgedStat(sweep.points[i]!.result, c), 'ms'))}</td>)}
                  {series.hasCost && <td className="num">{valueText(APP_NUMBERS, p.cost, 'cost')}</td>}
                  {series.sloService !== null && <td>{p.meets ? 'yes' : 'no'}{p === cheapest ? ' (cheapest)' : ''}</td>}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </div>
  );
}
