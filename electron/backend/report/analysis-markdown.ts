// The Markdown memo of a what-if analysis: the answer in a sentence, what was analysed, and the
// same tables as the HTML report (every sweep point, the solve's evidence, the ranked inputs).
import { answerText, evidenceTable, noAnswerReason, solveQuestion, solveSearch } from '../../../renderer/charts/whatif/solve-text';
import { analysisBody, type AnalysisSource, type SensitivityModel, type SolveModel, type SweepModel } from './analysis-model';
import { analysisFacts, readingNote } from './analysis-text';
import { DASH, inReportLocale, num, reportNumbers, statText, withUnit } from './format';
import { mdTable } from './markdown';
import { mdText } from './markdown-escape';

const yesNo = (b: boolean | null, cheapest = false) => (b === null ? DASH : b ? `yes${cheapest ? ' (cheapest)' : ''}` : '**no**');

/** The memo, its numbers spelled in `locale` (default en-US; see format.ts). */
export function renderAnalysisMarkdown(src: AnalysisSource, locale?: string | null): string {
  return inReportLocale(locale, () => memo(src));
}

function sweep(m: SweepModel): string[] {
  const { series } = m;
  const svc = series.sloService;
  const meetsHead = m.judged.length > 1 ? 'Meets both SLOs' : 'Meets the SLO';
  const head = m.paramLabels.map(mdText);
  if (!m.figureIsJudged) head.push(mdText(m.figure.label));
  if (svc !== null) head.push(...m.judged.map((c) => `${c.head} (${mdText(svc)})`), 'Utilization', meetsHead);
  if (series.hasCost) head.push('Cost per hour');
  const rows = m.rows.map((r) => {
    const cells = r.values.map((v) => num(v));
    if (!m.figureIsJudged) cells.push(statText(r.figure ?? undefined, m.figure.unit));
    if (svc !== null) cells.push(...r.judged.map((j) => statText(j ?? undefined, 'ms')), statText(r.utilization ?? undefined, 'fraction'), yesNo(r.meets, r.cheapest));
    if (series.hasCost) cells.push(withUnit(r.cost, 'cost'));
    return cells;
  });
  const numeric = head.map((h) => h !== meetsHead);
  return [mdText(m.verdict(num)), '', `## Every point (${m.rows.length})`, '', ...mdTable(head, rows, numeric), ''];
}

function solve(m: SolveModel): string[] {
  const t = reportNumbers();
  const s = m.solve;
  const reason = noAnswerReason(t, s);
  const ev = evidenceTable(s);
  const head = [ev.count.head, ...ev.figures.map((f) => f.head), 'Utilization', 'Cost per hour', ...(ev.hasStable ? ['Stable'] : []), ev.meetsHead];
  const rows = ev.rows.map((r) => [
    `${r.n}${r.n === (s.target === 'service' ? s.replicas : s.units) ? ' (answer)' : ''}`,
    ...r.figures.map((f, i) => statText(f ?? undefined, ev.figures[i]!.unit)), statText(r.utilization ?? undefined, 'fraction'), withUnit(r.cost, 'cost'),
    ...(ev.hasStable ? [yesNo(r.stable)] : []), yesNo(r.meets),
  ]);
  return [
    `**${mdText(answerText(s))}**`, '',
    `${mdText(solveQuestion(t, s))}.`, '',
    ...(reason ? [`> ${mdText(reason)}`, ''] : []),
    `_${mdText(solveSearch(s))}_`, '',
    '## Every count simulated', '',
    ...mdTable(head.map(mdText), rows, head.map((_, i) => i > 0 && i <= ev.figures.length + 2)), '',
  ];
}

function sensitivity(m: SensitivityModel): string[] {
  const t = reportNumbers();
  const { data, figure } = m;
  const rows = data.rows.map((r) => [
    String(r.rank), `${mdText(r.label)} (\`${r.path.replace(/`/g, '')}\`)`,
    `${num(r.lowValue)} → ${statText(r.low ?? undefined, figure.unit)}`, `${num(r.highValue)} → ${statText(r.high ?? undefined, figure.unit)}`,
    `${withUnit(r.swing, figure.unit)}${r.oneSided ? ' (one side)' : ''}`,
  ]);
  const out = [
    `${mdText(m.figureLabel)} as saved: ${statText(data.base ?? undefined, figure.unit)}; each input at ±${t.number(data.delta * 100)}%, one at a time, ${m.replications} replications each.`, '',
    `## Inputs by swing (${data.rows.length} varied)`, '',
    ...mdTable(['Rank', 'Input', 'Low → figure', 'High → figure', 'Swing'], rows, [true, false, true, true, true]), '',
  ];
  if (data.notVaried.length > 0) {
    out.push(`## Not varied (${data.notVaried.length})`, '', ...data.notVaried.map((n) => `- ${mdText(n.label)}: ${mdText(n.reason)}`), '');
  }
  return out;
}

function memo(src: AnalysisSource): string {
  const h = src.header;
  const body = analysisBody(src.doc, src.raw, src.scenario);
  // Only the scenario's name and the analysis's title are user text; the rest is the report's own.
  const facts = analysisFacts(h).map(([k, v]) => `${k}: ${k === 'Scenario SHA-256' ? `\`${v}\`` : k === 'Scenario' || k === 'Analysis' ? mdText(v) : v}`);
  const out = [
    `# ${mdText(h.title)}`, '',
    ...(body.kind === 'sweep' ? sweep(body) : body.kind === 'solve' ? solve(body) : sensitivity(body)),
    `_${facts.join(' · ')}. ${readingNote(h.kind)}_`,
  ];
  return `${out.join('\n').replace(/\n+$/, '')}\n`;
}
