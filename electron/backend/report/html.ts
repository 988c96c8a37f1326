// The HTML report: one self-contained, printable page (inline CSS, inline SVG charts, no
// scripts, no external fonts or URLs). The verdicts (./verdicts.ts) and headlines, what was run,
// the seed article's analytic table, then one section per part of the result: serving (per
// service), cluster, pipeline. The charts are the app's own figures (./charts.ts).
import type { ResultDocument } from '../../../simulation';
import type { Verdict } from '../../../simulation/present';
import { ChartRenderer } from './charts';
import { clock, esc, fixed, inReportLocale, num, withUnit } from './format';
import { headlines, notSimulatedNotice, partialNotice } from './headline';
import { clusterSection, pipelineSection, servingSection } from './html-sections';
import { table, valueText } from './html-parts';
import { reportFigures, summaryLabel } from './metrics';
import { scenarioInfo } from './scenario-info';
import { REPORT_CSS } from './style';
import { reportVerdicts, verdictsHtml } from './verdicts';

/** The page, its numbers (tables and charts) spelled in `locale` (default en-US; see format.ts). */
export function renderHtml(doc: ResultDocument, scenario: unknown = null, locale?: string | null): string {
  return inReportLocale(locale, () => page(doc, scenario));
}

function page(doc: ResultDocument, scenario: unknown): string {
  const charts = new ChartRenderer();
  const info = scenarioInfo(doc, scenario);
  const figs = reportFigures(doc, scenario, info);
  const partial = partialNotice(doc);
  const notSim = notSimulatedNotice(doc);
  const title = `${partial ? '[PARTIAL] ' : ''}${doc.scenario.name} — Headroom report`;
  const body: string[] = [
    `<header><p class="kicker">Headroom capacity report${partial ? ' · partial result' : ''}</p><h1>${esc(doc.scenario.name)}</h1>`,
    info.description ? `<p class="description">${esc(info.description)}</p>` : '',
    '</header>',
  ];
  if (partial) body.push(`<p class="notice partial" role="alert">${esc(partial)}</p>`);
  if (notSim) body.push(`<p class="notice info">${esc(notSim)}</p>`);
  // The verdicts first (one per layer, judged at the SLO percentile), then the figures behind them.
  const verdicts = reportVerdicts(doc, scenario);
  const toneOf = (layer: Verdict['layer'], subject: string) => verdicts.find((v) => v.layer === layer && v.subject === subject)?.tone;
  body.push(verdictsHtml(verdicts));
  const lines = headlines(doc, info);
  if (lines.length > 0) body.push(`<ul class="headlines">${lines.map((l) => `<li class="headline">${esc(l)}</li>`).join('')}</ul>`);
  body.push(runSection(doc), summarySection(doc));
  for (const id of Object.keys(doc.serving ?? {})) body.push(servingSection(doc, id, figs, info, charts, toneOf('serving', id)));
  if (doc.cluster) body.push(clusterSection(doc, figs, charts, toneOf('cluster', 'cluster')));
  if (doc.pipeline) body.push(pipelineSection(doc, figs, charts, toneOf('pipeline', 'pipeline')));
  body.push(`<footer><p>How to read this report: a simulated figure is the mean over ${fixed(doc.replications, 0)} replication${doc.replications === 1 ? '' : 's'} with its Student-t 95% confidence interval in brackets (a single value when the interval is a point); an analytic figure is the closed-form answer (Erlang C, Pollaczek–Khinchine, ∏(1−p), critical path, Young/Daly) computed from the scenario’s means${Object.values(doc.serving ?? {}).some((svc) => svc.analytic.llm) ? ' (for an LLM service, the roofline of its model and GPUs)' : ''}; “—” means no value (nothing was measured). Percentiles are nearest-rank within each replication, averaged across replications.</p>`
    + `<p>Headroom engine ${esc(doc.engine.version)} · scenario SHA-256 <span class="mono">${esc(doc.scenario.sha256)}</span> · seed ${fixed(doc.seed, 0)}. The same scenario, seed and replications give the same figures.</p></footer>`);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Headroom ${esc(doc.engine.version)}">
<title>${esc(title)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<main>
${body.filter((s) => s !== '').join('\n')}
</main>
</body>
</html>
`;
}

/** "600 s (10 min)", or "60 s" when the clock form adds nothing. */
function seconds(x: number): string {
  return Math.abs(x) >= 120 ? `${num(x)} s (${clock(x)})` : `${num(x)} s`;
}

function runSection(doc: ResultDocument): string {
  const rows: [string, string][] = [
    ['Scenario', esc(doc.scenario.name)],
    ['Scenario SHA-256', `<span class="mono sha">${esc(doc.scenario.sha256)}</span>`],
    ['Engine version', esc(doc.engine.version)],
    ['Seed', fixed(doc.seed, 0)],
    ['Replications', fixed(doc.replications, 0)],
    ['Horizon', esc(seconds(doc.horizon_s))],
    ['Warm-up', esc(seconds(doc.warmup_s))],
    ['Events simulated', fixed(doc.engine.events, 0)],
    ['Wall-clock time', esc(withUnit(doc.engine.wall_ms, 'ms'))],
    ['Status', doc.truncated ? `<span class="flag-over">PARTIAL: stopped early (${esc(doc.truncated.reason)})</span>` : 'complete'],
  ];
  if (doc.not_simulated?.length) rows.push(['Not simulated', esc(`${doc.not_simulated.join(', ')} (analytic figures only)`)]);
  return `<section id="run"><h2>What was run</h2><table class="runinfo"><tbody>${rows.map(([k, v]) => `<tr><th scope="row">${k}</th><td>${v}</td></tr>`).join('')}</tbody></table></section>`;
}

function summarySection(doc: ResultDocument): string {
  const figs = reportFigures({ ...doc, serving: undefined, cluster: undefined, pipeline: undefined }).filter((f) => f.section === 'summary');
  if (figs.length === 0) return '';
  const rows = figs.map((f) => [esc(summaryLabel(f.metric)), esc(valueText(f.analytic, f.unit)), `<code>${esc(f.metric)}</code>`]);
  return `<section id="summary"><h2>Analytic summary (the seed article’s table)</h2>${table(['Figure', 'Analytic value', 'Field'], rows, { numeric: [false, true, false] })}<p class="note">Back-of-the-envelope figures from the scenario’s means, before any simulation; serving figures are for the first service. The sections below set the simulated figures beside them.</p></section>`;
}
