// The report stylesheet, inlined into every HTML report (no external fonts or URLs). Light on
// paper: white background, dark text, thin rules; colours only where they carry meaning. Each
// major section starts on a new printed page; figures and table rows are never split. The
// charts are the app's (./charts.ts), styled by the app's own stylesheets in its light theme.
import chartsCss from '../../../renderer/styles/charts.css?raw';
import clusterCss from '../../../renderer/styles/cluster.css?raw';
import pipelineCss from '../../../renderer/styles/pipeline.css?raw';
import themeCss from '../../../renderer/styles/theme.css?raw';
import timeChartsCss from '../../../renderer/styles/time-charts.css?raw';

const PAGE_CSS = `
:root { --text: #18202b; --muted: #5a6576; --rule: #d5dbe3; --soft: #f5f7fa; --accent: #2456c4;
  --ok: #1d7a3a; --ok-soft: #e5f4ea; --danger: #b42318; --danger-soft: #fdecea; --warn: #8a5a00; --warn-soft: #fdf3dc; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; background: #fff; color: var(--text);
  font: 14px/1.45 system-ui, -apple-system, 'Segoe UI', Roboto, 'DejaVu Sans', 'Helvetica Neue', Arial, sans-serif; }
main { max-width: 980px; margin: 0 auto; padding: 28px 32px 48px; }
h1 { font-size: 26px; line-height: 1.2; margin: 0 0 4px; }
h2 { font-size: 20px; margin: 0 0 10px; padding-bottom: 6px; border-bottom: 2px solid var(--text); }
h3 { font-size: 15px; margin: 22px 0 8px; }
p { margin: 6px 0 10px; }
code, .mono { font-family: ui-monospace, 'SFMono-Regular', 'DejaVu Sans Mono', Menlo, Consolas, monospace; font-size: 12px; }
.kicker { color: var(--muted); text-transform: uppercase; letter-spacing: 0.06em; font-size: 12px; margin: 0 0 6px; }
.description { color: var(--muted); max-width: 78ch; }
section { margin-top: 34px; }
.notice { border: 1px solid; border-left-width: 5px; border-radius: 4px; padding: 8px 12px; margin: 12px 0; }
.notice.partial { border-color: var(--danger); background: var(--danger-soft); color: var(--danger); font-weight: 600; }
.notice.info { border-color: var(--warn); background: var(--warn-soft); color: var(--warn); }
.headline { border-left: 5px solid var(--accent); background: var(--soft); padding: 10px 14px; margin: 10px 0 14px; font-size: 15px; }
.headline.over { border-left-color: var(--danger); }
.headline.ok { border-left-color: var(--ok); }
.headline.warn { border-left-color: var(--warn); }
.verdicts { margin: 10px 0 14px; padding: 0; list-style: none; }
.verdict { border: 1px solid var(--rule); border-left: 5px solid var(--accent); border-radius: 4px; padding: 8px 12px; margin: 0 0 8px; break-inside: avoid; page-break-inside: avoid; }
.verdict.ok { border-left-color: var(--ok); }
.verdict.warn { border-left-color: var(--warn); }
.verdict.over { border-left-color: var(--danger); }
.verdict p { margin: 2px 0; }
.verdict-status { font-weight: 700; padding: 0 7px; border-radius: 9px; font-size: 12px; }
.verdict.ok .verdict-status { color: var(--ok); background: var(--ok-soft); }
.verdict.warn .verdict-status { color: var(--warn); background: var(--warn-soft); }
.verdict.over .verdict-status { color: var(--danger); background: var(--danger-soft); }
.verdict-layer { color: var(--muted); text-transform: uppercase; letter-spacing: 0.05em; font-size: 11px; font-weight: 600; }
.verdict-cost { color: var(--muted); font-size: 12px; margin-left: 8px; }
.verdict-headline { font-size: 15px; font-weight: 600; }
.verdict-label { color: var(--muted); font-size: 12px; font-weight: 600; margin-top: 6px; }
.verdict ul { margin: 0 0 2px; padding-left: 1.2em; font-size: 13px; }
.headlines { margin: 14px 0; padding: 0; list-style: none; }
table { border-collapse: collapse; width: 100%; margin: 6px 0 14px; font-size: 13px; font-variant-numeric: tabular-nums; }
thead { display: table-header-group; }
th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid var(--rule); vertical-align: top; }
th { font-size: 12px; color: var(--muted); font-weight: 600; border-bottom: 1.5px solid var(--text); }
td.num, th.num { text-align: right; white-space: nowrap; }
tbody th { color: var(--text); font-size: inherit; font-weight: 500; border-bottom: 1px solid var(--rule); }
tr { break-inside: avoid; page-break-inside: avoid; }
td .ci { display: block; color: var(--muted); font-size: 11px; }
td.sim .ci { display: inline; margin-left: 4px; }
.compact td, .compact th, .compact tbody th { padding: 3px 6px; font-size: 12px; }
@media print { .compact td, .compact th, .compact tbody th { font-size: 10.5px; } }
.compact td .ci { display: block; margin-left: 0; }
.runinfo { width: auto; min-width: 60%; }
.runinfo th { width: 13em; color: var(--muted); font-size: inherit; font-weight: 500; border-bottom: 1px solid var(--rule); }
.sha { word-break: break-all; }
.flag-over { color: var(--danger); font-weight: 600; }
.flag-ok { color: var(--ok); }
figure { margin: 12px 0 18px; break-inside: avoid; page-break-inside: avoid; }
figcaption { font-weight: 600; font-size: 14px; margin: 0 0 6px; }
.path { display: flex; flex-wrap: wrap; gap: 6px 0; padding: 0; margin: 6px 0 12px; list-style: none; font-size: 13px; }
.path li + li::before { content: '→'; margin: 0 6px; color: var(--muted); }
.path span { background: var(--soft); border: 1px solid var(--rule); border-radius: 3px; padding: 1px 6px; }
.note { color: var(--muted); font-size: 12px; }
footer { margin-top: 40px; padding-top: 10px; border-top: 1px solid var(--rule); color: var(--muted); font-size: 12px; }
@page { size: A4; margin: 14mm 12mm; }
@media print {
  body { font-size: 12px; }
  main { max-width: none; padding: 0; }
  section.major { break-before: page; page-break-before: always; margin-top: 0; }
  h2, h3, figcaption { break-after: avoid; page-break-after: avoid; }
  table { font-size: 11px; }
  .headline { font-size: 13px; }
}
`;

/** What the app's base stylesheet gives the charts, and their size on paper. */
const CHART_CSS = `
figure.chart, .chart.over-time { max-width: 702px; margin: 12px 0 18px; }
.chart .chart-title { margin: 0; }
.chart-head p, .chart-foot { margin: 2px 0 0; }
.chart ul.legend { list-style: none; padding: 0; margin: 4px 0 0; }
.chart svg { max-width: 100%; height: auto; }
.chart-pair { display: flex; gap: 10px; max-width: 702px; margin: 12px 0 18px; }
.chart-pair > figure.chart { flex: 1 1 0; min-width: 0; margin: 0; }
.cdf-readout { margin: 4px 0 0; }
`;

export const REPORT_CSS = `${PAGE_CSS}${themeCss}${chartsCss}${clusterCss}${pipelineCss}${timeChartsCss}${CHART_CSS}`;
