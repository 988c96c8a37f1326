// The HTML report of a kept what-if analysis: one self-contained, printable page like the run
// report (inline CSS and SVG, no scripts or URLs). What was analysed, then by kind: a sweep's
// chart (one parameter) or heatmap (two) and every point; a solve's question, answer and
// evidence; a sensitivity's tornado and ranked inputs. The charts are the app's own figures
// (renderer/charts/whatif), rendered at the report's width and spelled in its locale.
import whatifCss from '../../../renderer/styles/whatif-analyses.css?raw';
import { isLatencyFigure } from '../../../renderer/charts/whatif/figure-choices';
import { answerText, evidenceTable, noAnswerReason, solveAnswer, solveQuestion, solveSearch } from '../../../renderer/charts/whatif/solve-text';
import { defaultSweepScale } from '../../../renderer/charts/whatif/sweep-chart-model';
import { SweepFigure } from '../../../renderer/charts/whatif/SweepFigure';
import { SweepHeatmapFigure } from '../../../renderer/charts/whatif/SweepHeatmapFigure';
import { TornadoFigure } from '../../../renderer/charts/whatif/TornadoFigure';
import { analysisBody, type AnalysisHeader, type AnalysisSource, type SensitivityModel, type SolveModel, type SweepModel } from './analysis-model';
import { analysisFacts, KIND_NAMES, readingNote } from './analysis-text';
import { CHART_WIDTH, ChartRenderer } from './charts';
import { DASH, esc, inReportLocale, num, reportNumbers, statText, withUnit } from './format';
import { statCell, table } from './html-parts';
import { REPORT_CSS } from './style';

/** The page, its numbers (tables and charts) spelled in `locale` (default en-US; see format.ts). */
export function renderAnalysisHtml(src: AnalysisSource, locale?: string | null): string {
  return inReportLocale(locale, () => page(src));
}

const yesNo = (b: boolean | null, cheapest = false) => (b === null ? DASH : b ? `<span class="flag-ok">yes${cheapest ? ' (cheapest)' : ''}</span>` : '<span class="flag-over">no</span>');

function headlineBox(text: string, state: 'ok' | 'over' | 'plain'): string {
  return `<p class="headline${state === 'plain' ? '' : ` ${state}`}">${esc(text)}</p>`;
}

function infoSection(h: AnalysisHeader): string {
  const rows = analysisFacts(h).map(([k, v]) => `<tr><th scope="row">${esc(k)}</th><td${k === 'Scenario SHA-256' ? ' class="mono sha"' : ''}>${esc(v)}</td></tr>`);
  return `<section id="analysis"><h2>What was analysed</h2><table class="runinfo"><tbody>${rows.join('')}</tbody></table></section>`;
}

function sweepSection(m: SweepModel, charts: ChartRenderer): string {
  const { series } = m;
  const axes = `${m.gridLabels.labels.join(' × ')}${m.gridLabels.common ? ` of ${m.gridLabels.common}` : ''}`;
  const out = [`<section id="sweep"><h2>${esc(`${m.figure.label} over ${axes}`)}</h2>`];
  out.push(headlineBox(m.verdict(num), series.sloService === null ? 'plain' : series.cheapest ? 'ok' : 'over'));
  const numbers = reportNumbers();
  if (m.parameters.length === 1) {
    const showBudget = isLatencyFigure(m.figure.path) && series.sloService !== null && m.figure.path.startsWith(`serving.${series.sloService}.`);
    out.push(charts.render(SweepFigure, {
      series, unit: m.figure.unit, figureLabel: m.figure.label, paramLabel: m.paramLabels[0] ?? m.parameters[0]!,
      scaleKind: defaultSweepScale(series, showBudget), showBudget, solver: null, width: CHART_WIDTH, numbers,
    }));
  } else {
    out.push(charts.render(SweepHeatmapFigure, {
      series, unit: m.figure.unit, figureLabel: m.figure.label,
      paramLabels: [m.gridLabels.labels[0] ?? '', m.gridLabels.labels[1] ?? ''], of: m.gridLabels.common, width: CHART_WIDTH, numbers,
    }));
  }
  const svc = series.sloService;
  const head = [...m.gridLabels.labels.map(esc)];
  if (!m.figureIsJudged) head.push(esc(m.figure.label));
  if (svc !== null) head.push(...m.judged.map((c) => esc(`${c.head} (${svc})`)), 'Utilization', m.judged.length > 1 ? 'Meets both SLOs' : 'Meets the SLO');
  if (series.hasCost) head.push('Cost per hour');
  const rows = m.rows.map((r) => {
    const cells = r.values.map((v) => esc(num(v)));
    if (!m.figureIsJudged) cells.push(statCell(r.figure, m.figure.unit));
    if (svc !== null) cells.push(...r.judged.map((j) => statCell(j, 'ms')), statCell(r.utilization, 'fraction'), yesNo(r.meets, r.cheapest));
    if (series.hasCost) cells.push(esc(withUnit(r.cost, 'cost')));
    return cells;
  });
  // The first column is the row's heading (left); the yes/no column reads as text.
  const numeric = head.map((_, i) => i > 0 && !(svc !== null && i === head.length - 1 - (series.hasCost ? 1 : 0)));
  out.push(`<h3>Every point (${m.rows.length})</h3>`);
  out.push(table(head, rows, { numeric, className: 'compact' }));
  if (svc !== null) out.push(`<p class="note">A point meets the SLO${m.judged.length > 1 ? 's' : ''} of ${esc(svc)} with ${esc(m.rule(num))}, as the solver judges.</p>`);
  out.push('</section>');
  return out.join('\n');
}

function solveSection(m: SolveModel): string {
  const t = reportNumbers();
  const s = m.solve;
  const answer = solveAnswer(s);
  const reason = noAnswerReason(t, s);
  const ev = evidenceTable(s);
  const out = [`<section id="solve"><h2>${s.target === 'service' ? `Replicas of ${esc(s.service)}` : `Units of pool ${esc(s.pool)}`}</h2>`];
  out.push(`<p>${esc(solveQuestion(t, s))}.</p>`);
  out.push(headlineBox(answerText(s), answer === null ? 'over' : 'ok'));
  if (reason) out.push(`<p class="notice info">${esc(reason)}</p>`);
  out.push(`<p class="note">${esc(solveSearch(s))}</p>`);
  out.push('<h3>Every count simulated</h3>');
  const head = [ev.count.head, ...ev.figures.map((f) => f.head), 'Utilization', 'Cost per hour', ...(ev.hasStable ? ['Stable'] : []), ev.meetsHead];
  const rows = ev.rows.map((r) => [
    esc(`${r.n}${r.n === answer ? ' (answer)' : ''}`),
    ...r.figures.map((f, i) => statCell(f, ev.figures[i]!.unit)), statCell(r.utilization, 'fraction'), esc(withUnit(r.cost, 'cost')),
    ...(ev.hasStable ? [yesNo(r.stable)] : []), yesNo(r.meets),
  ]);
  out.push(table(head.map(esc), rows, { numeric: head.map((_, i) => i > 0 && i <= ev.figures.length + 2), className: 'compact' }));
  out.push('</section>');
  return out.join('\n');
}

function sensitivitySection(m: SensitivityModel, charts: ChartRenderer): string {
  const t = reportNumbers();
  const { data, figure } = m;
  const out = [`<section id="sensitivity"><h2>${esc(`What moves ${m.figureLabel}`)}</h2>`];
  out.push(`<p><code>${esc(data.figure)}</code> as saved: ${esc(statText(data.base ?? undefined, figure.unit))}; each input at ±${esc(t.number(data.delta * 100))}%, one at a time, ${esc(String(m.replications))} replications each.</p>`);
  out.push(charts.render(TornadoFigure, { data, unit: figure.unit, figureLabel: m.figureLabel, width: CHART_WIDTH, numbers: t }));
  out.push(`<h3>Inputs by swing (${data.rows.length} varied)</h3>`);
  const rows = data.rows.map((r) => [
    esc(String(r.rank)), `${esc(r.label)}<span class="ci"><code>${esc(r.path)}</code></span>`,
    esc(`${num(r.lowValue)} → ${statText(r.low ?? undefined, figure.unit)}`), esc(`${num(r.highValue)} → ${statText(r.high ?? undefined, figure.unit)}`),
    esc(`${withUnit(r.swing, figure.unit)}${r.oneSided ? ' (one side)' : ''}`),
  ]);
  out.push(table(['Rank', 'Input', 'Low → figure', 'High → figure', 'Swing'], rows, { numeric: [false, false, true, true, true], className: 'compact' }));
  if (data.notVaried.length > 0) {
    out.push(`<h3>Not varied (${data.notVaried.length})</h3>`);
    out.push(`<ul>${data.notVaried.map((n) => `<li><strong>${esc(n.label)}</strong> <code>${esc(n.path)}</code>: ${esc(n.reason)}</li>`).join('')}</ul>`);
  }
  out.push('</section>');
  return out.join('\n');
}

function page(src: AnalysisSource): string {
  const { header: h } = src;
  const charts = new ChartRenderer();
  const body = analysisBody(src.doc, src.raw, src.scenario);
  const title = `${h.scenarioName} — ${h.title} — Headroom what-if report`;
  const main = [
    `<header><p class="kicker">Headroom what-if analysis · ${esc(KIND_NAMES[h.kind])}</p><h1>${esc(h.title)}</h1><p class="description">Scenario ${esc(h.scenarioName)}, version ${esc(String(h.scenarioVersion))}.</p></header>`,
    infoSection(h),
    body.kind === 'sweep' ? sweepSection(body, charts) : body.kind === 'solve' ? solveSection(body) : sensitivitySection(body, charts),
    `<footer><p>${esc(readingNote(h.kind))}</p><p>Analysis ${esc(h.id)} · scenario SHA-256 <span class="mono">${esc(h.scenarioSha256)}</span> · seed ${esc(String(h.seed))}. The same scenario version, seed and replications give the same figures.</p></footer>`,
  ];
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Headroom">
<title>${esc(title)}</title>
<style>${REPORT_CSS}${whatifCss}${ANALYSIS_CSS}</style>
</head>
<body>
<main>
${main.join('\n')}
</main>
</body>
</html>
`;
}

/** The what-if charts on paper: the app's stylesheet sizes them for a panel. */
const ANALYSIS_CSS = `
figure.chart.wi-chart { max-width: 702px; }
.wi-chart .chart-box { width: auto; }
`;
