// One label per figure across the app, the reports and the CLI, on the golden documents: the
// app's comparison rows are built from the document, the report's rows are read from its pinned
// HTML and the CLI's from its text, and for every figure key each path that shows it uses the
// catalogue's label (and the catalogue's short label where a table heads a column with it). The
// analytic summary's rows agree in key, label and value across the app, the CLI and both reports.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatResult, formatSummary } from '../../../electron/cli/format-text';
import { scenarioInfo } from '../../../electron/backend/report/scenario-info';
import type { ResultDocument } from '../../../simulation';
import { documentFigures, type Figure } from '../../../simulation/present/figures';
import { SUMMARY_FIGURES } from '../../../simulation/present/figures-summary';
import { clusterFigures, JOB_ANALYTIC_FIGURES } from '../../../simulation/present/figures-cluster';
import { pipelineFigures } from '../../../simulation/present/figures-pipeline';
import { jobRows, poolRows, simulatedJobRows } from '../../../renderer/results/cluster/cluster-rows';
import { isSimulatedCluster } from '../../../renderer/results/cluster/cluster-result';
import { pipelineComparisonRows, TASK_COLUMNS } from '../../../renderer/results/pipeline/pipeline-rows';
import { serviceComparisonRows } from '../../../renderer/results/service-figures';
import { summaryRows } from '../../../renderer/results/summary-rows';
import { isSimulated } from '../../../renderer/results/service-results';

const root = path.resolve(__dirname, '..', '..', '..');
const golden = path.join(root, 'test', 'golden', 'documents');
const NAMES = ['risk-model-api', 'azure-llm-code-trace', 'llm-token-level', 'gpu-training-cluster', 'nightly-retraining'];

function load(name: string) {
  const doc = JSON.parse(fs.readFileSync(path.join(golden, `${name}.result.json`), 'utf8')) as ResultDocument;
  const scenario: unknown = JSON.parse(fs.readFileSync(path.join(root, 'assets', 'examples', `${name}.json`), 'utf8'));
  const html = fs.readFileSync(path.join(golden, `${name}.report.html`), 'utf8');
  const md = fs.readFileSync(path.join(golden, `${name}.report.md`), 'utf8');
  return { doc, scenario, html, md, figs: documentFigures(doc, scenarioInfo(doc, scenario).services) };
}

const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

/** The app's rows: "entity/metric" → label, with the pool id prefix taken off. */
function appLabels(doc: ResultDocument): Map<string, string> {
  const rows: { key: string; label: string }[] = [];
  for (const [id, svc] of Object.entries(doc.serving ?? {})) rows.push(...serviceComparisonRows(id, svc, 99, isSimulated(svc)));
  if (doc.pipeline?.tasks) rows.push(...pipelineComparisonRows(pipelineFigures(doc.pipeline)));
  const c = doc.cluster;
  if (c) {
    const sim = isSimulatedCluster(c) && c.jobs.submitted > 0 ? c : null;
    rows.push(...poolRows(c.analytic, sim).map((r) => ({ key: r.key, label: r.label.replace(/^[^:]+: /, '') })), ...jobRows(c.analytic, sim));
    if (sim) rows.push(...simulatedJobRows(sim).map((r) => ({ key: `${r.key.startsWith('events.') || r.key === 'makespan_s' ? '' : 'jobs'}/${r.key}`, label: r.label })));
  }
  return new Map(rows.map((r) => [r.key, r.label]));
}

/** The labels of the CLI's figure tables (cells are two or more spaces apart). */
function cliLabels(text: string): Set<string> {
  const labels = new Set<string>();
  let inTable = false;
  for (const line of text.split('\n')) {
    if (/^ {2}Figure {2,}/.test(line)) { inTable = true; continue; }
    if (!line.startsWith('  ') || line.startsWith('   ') || !/\S {2,}\S/.test(line)) { inTable = false; continue; }
    if (inTable) labels.add(line.trim().split(/ {2,}/)[0]!);
  }
  return labels;
}

/** The labels the HTML report's figure tables show, and its column headings. */
function htmlLabels(html: string): { rows: Set<string>; heads: Set<string> } {
  const rows = new Set([...html.matchAll(/<th scope="row">([^<]*)<\/th>/g)].map((m) => unescape(m[1]!)));
  const heads = new Set([...html.matchAll(/<th(?: class="num")? scope="col">([^<]*)<\/th>/g)].map((m) => unescape(m[1]!)));
  return { rows, heads };
}

/** The analytic summary as the HTML report's table shows it: key → [label, value]. */
function htmlSummary(html: string): Map<string, [string, string]> {
  const section = /<section id="summary">(.*?)<\/section>/s.exec(html)?.[1] ?? '';
  const rows = [...section.matchAll(/<tr><th scope="row">([^<]*)<\/th><td class="num">([^<]*)<\/td><td><code>([^<]*)<\/code><\/td><\/tr>/g)];
  return new Map(rows.map((m) => [unescape(m[3]!), [unescape(m[1]!), unescape(m[2]!)]]));
}

/** The Markdown report's summary table: label → value. */
function mdSummary(md: string): Map<string, string> {
  const section = md.split('## Analytic summary (seed article)')[1] ?? '';
  const rows = section.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| :--')).slice(1);
  return new Map(rows.map((l) => l.slice(2, -2).split(' | ') as [string, string]));
}

/** `headroom analyze`'s text: key → [label, value] (cells two or more spaces apart, a heading row). */
function cliSummary(text: string): Map<string, [string, string]> {
  return new Map(text.split('\n').slice(1).map((l) => {
    const [key, label, value] = l.split(/ {2,}/) as [string, string, string];
    return [key, [label, value]];
  }));
}

describe.each(NAMES)('%s: the app, the report and the CLI label each figure alike', (name) => {
  const { doc, scenario, html, md, figs } = load(name);
  // A cluster whose jobs did not run is shown as its analytic snapshot (as if not simulated).
  const snapshot = doc.cluster && doc.cluster.jobs?.submitted === 0 ? clusterFigures({ ...doc.cluster, pools: undefined }) : [];
  const byKey = new Map<string, (typeof figs)[number]>([...figs, ...snapshot].map((f) => [`${f.entity}/${f.metric}`, f]));
  const report = htmlLabels(html);

  it('the app shows the catalogue label of every figure it shows, and the report shows the same label', () => {
    const app = appLabels(doc);
    expect(app.size).toBeGreaterThan(5);
    for (const [key, label] of app) {
      const f = byKey.get(key);
      expect(f, `app row ${key} is a catalogue figure`).toBeDefined();
      expect(label, key).toBe(f!.label);
      if (reportListed(doc, f!)) expect(report.rows.has(label), `report row "${label}"`).toBe(true);
    }
  });

  it('every CLI label is the catalogue label of a figure of the document, and the report shows it too', () => {
    const labels = cliLabels(formatResult(doc, scenario));
    expect(labels.size).toBeGreaterThan(5);
    const catalogue = new Set(figs.map((f) => f.label));
    for (const label of labels) {
      expect(catalogue.has(label), `CLI label "${label}" is in the catalogue`).toBe(true);
      const f = figs.find((x) => x.label === label)!;
      if (reportListed(doc, f)) expect(report.rows.has(label), `report row "${label}"`).toBe(true);
    }
  });

  it('the analytic summary: the app, the CLI and both reports show each key with the catalogue label and the same value', () => {
    const app = summaryRows(doc.summary);
    expect(app.length).toBeGreaterThan(1);
    const cli = cliSummary(formatSummary(doc.summary));
    const report = htmlSummary(html);
    const mdRows = mdSummary(md);
    expect([...cli.keys()]).toEqual(app.map((r) => r.key));
    expect([...report.keys()]).toEqual(app.map((r) => r.key));
    for (const r of app) {
      const def = SUMMARY_FIGURES.find((d) => d.key === r.key);
      expect(r.label, r.key).toBe(def?.label);
      expect(r.label, `${r.key}: no unit in the label`).not.toMatch(/minutes|\bms\b|%/);
      expect(cli.get(r.key), `CLI ${r.key}`).toEqual([r.label, r.value]);
      expect(report.get(r.key), `HTML report ${r.key}`).toEqual([r.label, r.value]);
      expect(mdRows.get(r.label), `Markdown report ${r.key}`).toBe(r.value);
    }
  });

  it('tables with a column per figure head them with the catalogue short labels in the app and the report', () => {
    if (doc.pipeline?.tasks) for (const d of TASK_COLUMNS) expect(report.heads.has(d.short ?? (d.label as string)), d.key).toBe(true);
    if (doc.cluster?.analytic.jobs) for (const d of JOB_ANALYTIC_FIGURES) expect(report.heads.has(d.short ?? (d.label as string)), d.key).toBe(true);
  });
});

/** Whether the HTML report lists the figure in a figure table (it charts the rest, or tabulates them by column). */
function reportListed(doc: ResultDocument, f: Figure): boolean {
  if (f.section === 'serving') return !f.metric.startsWith('components_ms.') && !f.metric.startsWith('analytic.by_replicas.');
  if (f.section === 'pipeline') return f.entity === '';
  if (f.section === 'cluster') return (doc.cluster?.jobs?.submitted ?? 0) > 0 && ((f.entity === 'jobs' && !f.metric.includes('.quantile_')) || (f.entity === '' && !f.metric.startsWith('allocation.')));
  return false;
}
