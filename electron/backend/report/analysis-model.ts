// What a report of a kept what-if analysis says, before it is spelled as HTML, Markdown or CSV:
// the header (scenario, version, seed, replications, when) and, by kind, the sweep's points
// judged against the SLO, the solve's evidence, or the sensitivity's ranked inputs. Labels,
// series and judgements come from the app's own models (renderer/charts/whatif), so the report
// says what the open analysis says in the app.
import type { AnalysisDocument, Scenario, SensitivityResult, Stat, SweepDocument } from '../../../simulation';
import { isSimulatedService, type Unit } from '../../../simulation/present';
import { COST_PER_HOUR, defaultFigure, figureChoices, scenarioFigureChoices, type FigureChoice } from '../../../renderer/charts/whatif/figure-choices';
import { pathLabel, sharedLabels } from '../../../renderer/charts/whatif/input-labels';
import type { AnySolve } from '../../../renderer/charts/whatif/solve-text';
import { judgedColumns, judgedRule, judgedStat, sweepVerdict, type JudgedColumn } from '../../../renderer/charts/whatif/sweep-judged';
import { poolCosts, sweepSeries, type SweepSeries } from '../../../renderer/charts/whatif/sweep-series';
import { tornadoRows, type TornadoData } from '../../../renderer/charts/whatif/tornado-rows';

export type AnalysisKind = AnalysisDocument['kind'];

export interface AnalysisHeader {
  id: string;
  title: string;
  kind: AnalysisKind;
  scenarioName: string;
  scenarioVersion: number;
  scenarioSha256: string;
  seed: number;
  replications: number;
  createdAt: string;
  wallMs: number;
}

/** One sweep point as the report tables list it: the figures the SLO service is judged by and its utilization beside the point's values. */
export interface SweepRow {
  values: number[];
  /** The drawn figure, when it is not one of the judged ones. */
  figure: Stat | null;
  /** The judged figures, in the order of SweepModel.judged. */
  judged: (Stat | null)[];
  utilization: Stat | null;
  meets: boolean | null;
  cost: number | null;
  cheapest: boolean;
}

export interface SweepModel {
  kind: 'sweep';
  series: SweepSeries;
  parameters: string[];
  /** Each parameter's readable name, and the names the heatmap's axes use (the field alone when both are of one element). */
  paramLabels: string[];
  gridLabels: { labels: string[]; common: string | null };
  figure: FigureChoice;
  /** The figure is one the SLO service is judged by (so it has no column of its own). */
  figureIsJudged: boolean;
  /** The SLO service's judged figures: its latency at the SLO percentile, or an `llm` service's TTFT and TPOT. */
  judged: JudgedColumn[];
  /** The answer in words, and how a point meets the SLO (../../../renderer/charts/whatif/sweep-judged). */
  verdict: (num: (x: number) => string) => string;
  rule: (num: (x: number) => string) => string;
  rows: SweepRow[];
}

export interface SolveModel {
  kind: 'solve';
  solve: AnySolve;
}

export interface SensitivityModel {
  kind: 'sensitivity';
  figure: FigureChoice;
  /** "Latency at the SLO percentile of risk_model_api". */
  figureLabel: string;
  data: TornadoData;
  replications: number;
  result: SensitivityResult;
}

export type AnalysisBody = SweepModel | SolveModel | SensitivityModel;

const fallbackChoice = (path: string, unit: Unit = ''): FigureChoice => ({ path, label: path, unit, group: 'Other' });

export function sweepModel(sweep: SweepDocument, raw: unknown): SweepModel {
  const first = sweep.points[0]?.result;
  const choices = first ? figureChoices(first) : [];
  const path = defaultFigure(choices) ?? COST_PER_HOUR;
  const figure = choices.find((c) => c.path === path) ?? (path === COST_PER_HOUR ? { path, label: 'Cost per hour (services and pools)', unit: 'cost' as const, group: 'Cost' } : fallbackChoice(path));
  const series = sweepSeries(sweep, path, poolCosts(raw));
  const svc = series.sloService;
  const judged = judgedColumns(sweep, svc, raw);
  const figureIsJudged = judged.some((c) => c.path === path);
  const paramLabels = sweep.parameters.map((p) => pathLabel(raw, p));
  const rows = sweep.points.map((pt, i): SweepRow => {
    const s = series.points[i]!;
    const service = svc === null ? undefined : pt.result.serving?.[svc];
    const simulated = isSimulatedService(service) ? service : null;
    return {
      values: pt.values,
      figure: figureIsJudged ? null : s.stat,
      judged: judged.map((c) => judgedStat(pt.result, c)),
      utilization: simulated?.utilization ?? null,
      meets: s.meets,
      cost: s.cost,
      cheapest: s === series.cheapest,
    };
  });
  return {
    kind: 'sweep',
    series,
    parameters: sweep.parameters,
    paramLabels,
    gridLabels: sharedLabels(raw, sweep.parameters),
    figure,
    figureIsJudged,
    judged,
    verdict: (num) => sweepVerdict(sweep, series, judged, paramLabels, num),
    rule: (num) => judgedRule(sweep, series, judged, num),
    rows,
  };
}

export function sensitivityModel(doc: Extract<AnalysisDocument, { kind: 'sensitivity' }>, raw: unknown, scenario: Scenario | null): SensitivityModel {
  const r = doc.sensitivity;
  const paths = r.inputs.map((i) => i.path);
  const { labels } = sharedLabels(raw, paths);
  const byPath = new Map(paths.map((p, i) => [p, labels[i] as string]));
  const choice = (scenario ? scenarioFigureChoices(scenario) : []).find((c) => c.path === r.figure);
  const figure = choice ?? fallbackChoice(r.figure);
  return {
    kind: 'sensitivity',
    figure,
    // As the app's view names it (renderer/whatif/SensitivityView).
    figureLabel: choice ? `${choice.label} of ${choice.group.replace(/^Service /, '')}` : r.figure,
    data: tornadoRows(r, (p) => byPath.get(p) ?? p),
    replications: r.replications,
    result: r,
  };
}

export function analysisBody(doc: AnalysisDocument, raw: unknown, scenario: Scenario | null): AnalysisBody {
  switch (doc.kind) {
    case 'sweep': return sweepModel(doc.sweep, raw);
    case 'solve': return { kind: 'solve', solve: doc.solve };
    case 'sensitivity': return sensitivityModel(doc, raw, scenario);
  }
}

/** What a report is made of: the kept analysis, and the scenario version it ran on (raw JSON, and validated when it still is). */
export interface AnalysisSource {
  header: AnalysisHeader;
  doc: AnalysisDocument;
  raw: unknown;
  scenario: Scenario | null;
}
