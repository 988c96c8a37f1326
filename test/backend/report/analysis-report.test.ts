// "Export report…" of a kept what-if analysis over a real backend (SQLite in a temp dir, worker
// threads): a sweep, a service solve and a sensitivity analysis rendered as HTML, Markdown, CSV
// and JSON; the tables carry the stored document's numbers, user text is escaped, the HTML has
// its one chart, and unknown ids and kinds are refused naming what is wrong.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import { openLibrary } from '../../../db';
import { Backend } from '../../../electron/backend/backend';
import { meanText } from '../../../electron/backend/report/format';
import type { AnalysisDocument, SolveResult } from '../../../simulation';
import type { AnalysisRecord } from '../../../electron/common/contract';
import { checked, closeTempBackend, quickExample, type TempBackend } from '../temp-backend';

const NAME = 'Risk <b>&</b> "API"';
const SVC = 'risk_model_api';

let t: TempBackend;
let sweep: AnalysisRecord;
let solve: AnalysisRecord;
let sensitivity: AnalysisRecord;
let grid: AnalysisRecord;

/** The serving part of the example only, with a cost, so that every table has its cost column. */
function scenario(): string {
  const s = JSON.parse(quickExample({ name: NAME })) as Record<string, any>;
  delete s.pipeline;
  delete s.cluster;
  delete s.readiness;
  s.serving.services[0].cost_per_replica_hour = 2.5;
  // p99 of the 80 ms exponential service time alone is ~370 ms: a budget some counts meet.
  s.serving.services[0].latency_budget_ms = 520;
  return JSON.stringify(s);
}

async function run(scenarioId: string, request: Parameters<TempBackend['backend']['runAnalysis']>[1]): Promise<AnalysisRecord> {
  const out = await t.backend.runAnalysis(scenarioId, request);
  if (!out.ok) throw new Error(`analysis failed: ${JSON.stringify(out)}`);
  return out.analysis;
}

beforeAll(async () => {
  // One worker thread per simulated variant: the documents are the same whatever the count (results
  // are byte-identical across threads), and for ~30 variants that run in a moment a second
  // worker's start-up each costs more CPU than it saves (about 12% of this file's).
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'headroom-analysis-report-'));
  const lib = openLibrary(dir);
  t = { dir, lib, backend: new Backend({ library: lib, dataDir: dir, shell: 'web', threads: 1 }) };
  const created = await t.backend.createScenario(scenario());
  if (!created.ok) throw new Error('create failed');
  const id = created.scenario.id;
  // Two at a time, as the app allows (MAX_CONCURRENT_ANALYSES): each waits on its worker threads'
  // start-up between variants, and the other fills the gaps. The sensitivity analysis, the longest,
  // runs beside the other three in turn.
  const others = (async () => {
    sweep = await run(id, { kind: 'sweep', sets: [{ path: 'serving.services[0].replicas', from: 9, to: 12 }], replications: 2 });
    solve = await run(id, { kind: 'solve', target: 'service', id: SVC, replications: 2 });
    grid = await run(id, { kind: 'sweep', sets: [{ path: 'serving.services[0].replicas', from: 9, to: 11 }, { path: 'serving.services[0].concurrency', from: 11, to: 13 }], replications: 1 });
  })();
  sensitivity = await run(id, { kind: 'sensitivity', figure: `serving.${SVC}.latency_at_slo_ms`, delta: 0.2, replications: 2 });
  await others;
}, 120_000);

afterAll(() => closeTempBackend(t));

const report = (a: AnalysisRecord, kind: 'html' | 'md' | 'csv' | 'json', locale?: string) => t.backend.renderAnalysisReport(a.summary.id, kind, locale);
const bodyRows = (html: string) => (/<tbody>([\s\S]*?)<\/tbody>/g.exec(html.slice(html.indexOf('<h3>')))?.[1] ?? '').split('</tr>').filter((r) => r.includes('<tr>'));
const csvRows = (text: string) => text.trimEnd().split('\r\n').map((l) => l.split(','));
const svgCount = (html: string) => (html.match(/<svg\b/g) ?? []).length;

function expectEscaped(text: string, quotes = true): void {
  expect(text).not.toContain('<b>');
  if (quotes) expect(text).not.toContain('"API"');
}

describe('renderAnalysisReport: a sweep', () => {
  it('HTML: escaped names, one chart with role img, a row per point with its latency, utilization and verdict', async () => {
    const file = await report(sweep, 'html');
    expect(file.fileName).toBe(`risk-bb-api-sweep-${sweep.summary.id.slice(0, 8)}.html`);
    expect(file.mediaType).toBe('text/html');
    const html = file.text;
    expect(html).toContain('Risk &lt;b&gt;&amp;&lt;/b&gt; &quot;API&quot;');
    expectEscaped(html);
    expect(svgCount(html)).toBe(1);
    expect(html).toMatch(/<svg role="img" aria-label="Sweep: Latency at the SLO percentile vs service risk_model_api · replicas"/);
    expect(html).toContain('data-marker="budget"');
    expect(html).not.toMatch(/<script|https?:\/\//);
    const doc = sweep.document as Extract<AnalysisDocument, { kind: 'sweep' }>;
    const rows = bodyRows(html);
    expect(rows).toHaveLength(doc.sweep.points.length);
    doc.sweep.points.forEach((p, i) => {
      const svc = p.result.serving![SVC] as { latency_at_slo_ms: { mean: number; ci95: [number, number] }; utilization: { mean: number; ci95: [number, number] } };
      expect(rows[i]).toContain(`<th scope="row">${p.values[0]}</th>`);
      expect(rows[i]).toContain(meanText(svc.latency_at_slo_ms, 'ms'));
      expect(rows[i]).toContain(meanText(svc.utilization, 'fraction'));
      expect(rows[i]).toMatch(svc.latency_at_slo_ms.ci95[1] <= 520 ? /yes/ : />no</);
    });
  });

  it('CSV: one row per point with the document’s unrounded numbers; JSON: the document', async () => {
    const doc = sweep.document as Extract<AnalysisDocument, { kind: 'sweep' }>;
    const [head, ...rows] = csvRows((await report(sweep, 'csv')).text);
    expect(head).toEqual(['serving.services[0].replicas', 'slo_service', 'latency_at_slo_ms', 'latency_at_slo_ms_ci95_low', 'latency_at_slo_ms_ci95_high', 'utilization', 'utilization_ci95_low', 'utilization_ci95_high', 'meets_slo', 'cheapest', 'cost_per_hour']);
    expect(rows).toHaveLength(doc.sweep.points.length);
    doc.sweep.points.forEach((p, i) => {
      const svc = p.result.serving![SVC] as { latency_at_slo_ms: { mean: number; ci95: [number, number] }; utilization: { mean: number } };
      const r = rows[i]!;
      expect(Number(r[0])).toBe(p.values[0]);
      expect(Number(r[2])).toBe(svc.latency_at_slo_ms.mean);
      expect(Number(r[4])).toBe(svc.latency_at_slo_ms.ci95[1]);
      expect(Number(r[5])).toBe(svc.utilization.mean);
      expect(r[8]).toBe(String(svc.latency_at_slo_ms.ci95[1] <= 520));
      expect(Number(r[10])).toBe(p.values[0]! * 2.5);
    });
    // The cheapest is the fewest replicas meeting the SLO.
    const cheapest = rows.find((r) => r[9] === 'true');
    expect(cheapest?.[0]).toBe(rows.find((r) => r[8] === 'true')?.[0]);
    expect(JSON.parse((await report(sweep, 'json')).text)).toEqual(sweep.document);
  });

  it('Markdown: the verdict and the same table, user text escaped; numbers in the asked locale', async () => {
    const md = (await report(sweep, 'md')).text;
    expect(md).toMatch(/^# Sweep serving\\\.services/);
    expect(md).toContain('Scenario: Risk &lt;b&gt;&amp;&lt;/b&gt; "API"');
    expectEscaped(md, false); // quotes are plain text in Markdown
    const table = md.split('\n').filter((l) => l.startsWith('| '));
    expect(table).toHaveLength(2 + (sweep.document as Extract<AnalysisDocument, { kind: 'sweep' }>).sweep.points.length);
    expect(table[0]).toContain('Latency p99 (risk\\_model\\_api)');
    const de = (await report(sweep, 'md', 'de-DE')).text;
    expect(de).not.toBe(md);
    expect(de).toMatch(/\d,\d/);
  });
});

describe('renderAnalysisReport: a two-parameter sweep', () => {
  it('HTML: a heatmap instead of the chart, a row per grid point; CSV: both parameters', async () => {
    const doc = grid.document as Extract<AnalysisDocument, { kind: 'sweep' }>;
    const html = (await report(grid, 'html')).text;
    expect(svgCount(html)).toBe(1);
    expect(html).toMatch(/<svg role="img" aria-label="Sweep heatmap: Latency at the SLO percentile over replicas × concurrency of service risk_model_api"/);
    expect(bodyRows(html)).toHaveLength(9);
    const [head, ...rows] = csvRows((await report(grid, 'csv')).text);
    expect(head?.slice(0, 2)).toEqual(['serving.services[0].replicas', 'serving.services[0].concurrency']);
    expect(rows.map((r) => [Number(r[0]), Number(r[1])])).toEqual(doc.sweep.points.map((p) => p.values));
  });
});

describe('renderAnalysisReport: a solve and a sensitivity analysis', () => {
  it('solve: the question, the answer, one evidence row per count in every kind', async () => {
    const s = (solve.document as Extract<AnalysisDocument, { kind: 'solve' }>).solve as { target: 'service' } & SolveResult;
    const html = (await report(solve, 'html')).text;
    expect(html).toContain('The fewest replicas of risk_model_api whose p99 latency');
    expect(html).toContain(s.replicas === null ? 'No replica count' : `Answer: ${s.replicas} replicas.`);
    expect(svgCount(html)).toBe(0);
    expect(bodyRows(html)).toHaveLength(s.evidence.length);
    const [head, ...rows] = csvRows((await report(solve, 'csv')).text);
    expect(head?.[0]).toBe('replicas');
    expect(rows.map((r) => Number(r[0]))).toEqual(s.evidence.map((c) => c.replicas));
    expect(rows.map((r) => Number(r[1]))).toEqual(s.evidence.map((c) => c.latency_at_slo_ms?.mean));
    expect(rows.filter((r) => r.at(-1) === 'true').map((r) => Number(r[0]))).toEqual(s.replicas === null ? [] : [s.replicas]);
    const file = await report(solve, 'md');
    expect(file.fileName).toBe(`risk-bb-api-solve-${solve.summary.id.slice(0, 8)}.md`);
    expect(file.text.split('\n').filter((l) => l.startsWith('| '))).toHaveLength(2 + s.evidence.length);
  });

  it('sensitivity: the tornado and the ranked inputs', async () => {
    const r = (sensitivity.document as Extract<AnalysisDocument, { kind: 'sensitivity' }>).sensitivity;
    const html = (await report(sensitivity, 'html')).text;
    expect(svgCount(html)).toBe(1);
    expect(html).toMatch(/<svg role="img" aria-label="Tornado chart: What moves Latency at the SLO percentile of risk_model_api/);
    const [head, ...rows] = csvRows((await report(sensitivity, 'csv')).text);
    expect(head?.slice(0, 3)).toEqual(['rank', 'input', 'label']);
    expect(rows).toHaveLength(r.inputs.length);
    const varied = rows.filter((x) => x[0] !== '');
    expect(varied.map((x) => Number(x[0]))).toEqual(varied.map((_, i) => i + 1));
    expect(bodyRows(html)).toHaveLength(varied.length);
    // The swings are ranked largest first, and each is the document's |high − low|.
    for (const x of varied) {
      const input = r.inputs.find((i) => i.path === x[1])!;
      if (input.low && input.high) expect(Number(x[x.length - 3])).toBe(Math.abs(input.high.mean - input.low.mean));
    }
  });
});

describe('renderAnalysisReport: refusals', () => {
  it('names an unknown id, and a kind it does not know', async () => {
    await expect(t.backend.renderAnalysisReport('no-such-analysis', 'html')).rejects.toThrow('no analysis with id no-such-analysis');
    await expect(checked(t.backend).renderAnalysisReport(sweep.summary.id, 'pdf')).rejects.toThrow(/kind/);
  });
});
