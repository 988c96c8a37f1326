// The what-if reports of an `llm` service over a real backend (SQLite in a temp dir, worker
// threads): a sweep and a solve are judged on TTFT and TPOT at their SLO percentiles, so each
// report lists both, side by side, with the document's numbers, and says "both SLOs".
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLibrary } from '../../../db';
import { Backend } from '../../../electron/backend/backend';
import { meanText } from '../../../electron/backend/report/format';
import type { AnalysisRecord } from '../../../electron/common/contract';
import type { AnalysisDocument, ServiceResult, SolveResult } from '../../../simulation';
import { LLM_WHATIF_SERVICE, LLM_WHATIF_SLO, llmWhatIfScenario } from '../../llm-whatif-scenario';
import { closeTempBackend, type TempBackend } from '../temp-backend';

const SVC = LLM_WHATIF_SERVICE;
const SLO = LLM_WHATIF_SLO;
const SCENARIO = JSON.stringify(llmWhatIfScenario('LLM what-if'));

let t: TempBackend;
let sweep: AnalysisRecord;
let solve: AnalysisRecord;

beforeAll(async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'headroom-analysis-llm-'));
  const lib = openLibrary(dir);
  t = { dir, lib, backend: new Backend({ library: lib, dataDir: dir, shell: 'web', threads: 1 }) };
  const created = await t.backend.createScenario(SCENARIO);
  if (!created.ok) throw new Error(JSON.stringify(created));
  const run = async (request: Parameters<TempBackend['backend']['runAnalysis']>[1]) => {
    const out = await t.backend.runAnalysis(created.scenario.id, request);
    if (!out.ok) throw new Error(`analysis failed: ${JSON.stringify(out)}`);
    return out.analysis;
  };
  sweep = await run({ kind: 'sweep', sets: [{ path: 'serving.services[0].replicas', from: 1, to: 3 }], replications: 2 });
  solve = await run({ kind: 'solve', target: 'service', id: SVC, replications: 2 });
}, 120_000);

afterAll(() => closeTempBackend(t));

const report = (a: AnalysisRecord, kind: 'html' | 'md' | 'csv') => t.backend.renderAnalysisReport(a.summary.id, kind);
const bodyRows = (html: string) => (/<tbody>([\s\S]*?)<\/tbody>/g.exec(html.slice(html.indexOf('<h3>')))?.[1] ?? '').split('</tr>').filter((r) => r.includes('<tr>'));
const csvRows = (text: string) => text.trimEnd().split('\r\n').map((l) => l.split(','));
const llmOf = (r: { serving?: Record<string, unknown> }) => (r.serving![SVC] as ServiceResult).llm!;
/** Both SLOs met at the upper ends of the CIs, as the solver judges. */
const meets = (l: NonNullable<ServiceResult['llm']>) => l.ttft_at_slo_ms!.ci95[1] <= SLO.ttft_ms && l.tpot_at_slo_ms!.ci95[1] <= SLO.tpot_ms;

describe('the report of a sweep of an llm service', () => {
  it('HTML and Markdown: TTFT and TPOT at their SLO percentiles side by side, judged together', async () => {
    const doc = (sweep.document as Extract<AnalysisDocument, { kind: 'sweep' }>).sweep;
    const html = (await report(sweep, 'html')).text;
    expect(html).toContain(`<th class="num" scope="col">TTFT p95 (${SVC})</th><th class="num" scope="col">TPOT p90 (${SVC})</th>`);
    expect(html).toContain('Meets both SLOs');
    expect(html).not.toContain('Latency p99');
    const rows = bodyRows(html);
    expect(rows).toHaveLength(3);
    doc.points.forEach((p, i) => {
      const l = llmOf(p.result);
      expect(rows[i]).toContain(meanText(l.tpot_at_slo_ms!, 'ms'));
      expect(rows[i]).toMatch(meets(l) ? /yes/ : />no</);
    });
    // The drawn figure is TTFT, one of the judged ones: no column of its own.
    expect(html.match(/TTFT p95 \(/g)).toHaveLength(1);
    expect(html).toContain(`A point meets the SLOs of ${SVC} with the upper ends of the 95% CIs of its TTFT p95 and TPOT p90 within 150 ms and 12 ms`);
    const md = (await report(sweep, 'md')).text;
    expect(md.split('\n').find((l) => l.startsWith('| '))).toContain('TTFT p95 (chat) | TPOT p90 (chat) | Utilization | Meets both SLOs');
    expect(md).toMatch(doc.points.some((p) => meets(llmOf(p.result))) ? /^Cheapest point meeting the SLOs of chat: service chat · replicas = \d/m : /^No point meets the SLOs of chat/m);
  });

  it('CSV: both figures with their CIs, unrounded', async () => {
    const doc = (sweep.document as Extract<AnalysisDocument, { kind: 'sweep' }>).sweep;
    const [head, ...rows] = csvRows((await report(sweep, 'csv')).text);
    expect(head).toEqual([
      'serving.services[0].replicas', 'slo_service', 'ttft_at_slo_ms', 'ttft_at_slo_ms_ci95_low', 'ttft_at_slo_ms_ci95_high',
      'tpot_at_slo_ms', 'tpot_at_slo_ms_ci95_low', 'tpot_at_slo_ms_ci95_high', 'utilization', 'utilization_ci95_low', 'utilization_ci95_high',
      'meets_slo', 'cheapest', 'cost_per_hour',
    ]);
    doc.points.forEach((p, i) => {
      const l = llmOf(p.result);
      expect(rows[i]!.slice(2, 8).map(Number)).toEqual([l.ttft_at_slo_ms!.mean, ...l.ttft_at_slo_ms!.ci95, l.tpot_at_slo_ms!.mean, ...l.tpot_at_slo_ms!.ci95]);
      expect(rows[i]![11]).toBe(String(meets(l)));
    });
  });
});

describe('the report of a solve of an llm service', () => {
  it('asks for both SLOs and lists TTFT and TPOT per count, in every kind', async () => {
    const s = (solve.document as Extract<AnalysisDocument, { kind: 'solve' }>).solve as { target: 'service' } & SolveResult;
    expect(s.llm_slo).toEqual(SLO);
    const html = (await report(solve, 'html')).text;
    expect(html).toContain(`The fewest replicas of ${SVC} whose TTFT p95 ≤ 150 ms and TPOT p90 ≤ 12 ms, at the upper ends of their 95% CIs.`);
    expect(html).toContain('searched by doubling from the roofline');
    expect(html).toContain('<th class="num" scope="col">TTFT p95</th><th class="num" scope="col">TPOT p90</th>');
    expect(html).toContain('Meets both SLOs');
    expect(bodyRows(html)).toHaveLength(s.evidence.length);
    const [head, ...rows] = csvRows((await report(solve, 'csv')).text);
    expect(head?.slice(0, 7)).toEqual(['replicas', 'ttft_at_slo_ms', 'ttft_at_slo_ms_ci95_low', 'ttft_at_slo_ms_ci95_high', 'tpot_at_slo_ms', 'tpot_at_slo_ms_ci95_low', 'tpot_at_slo_ms_ci95_high']);
    expect(rows.map((r) => [Number(r[0]), Number(r[1]), Number(r[4])])).toEqual(s.evidence.map((c) => [c.replicas, c.ttft_at_slo_ms?.mean, c.tpot_at_slo_ms?.mean]));
    const md = (await report(solve, 'md')).text;
    expect(md).toContain('| Replicas | TTFT p95 | TPOT p90 | Utilization | Cost per hour | Stable | Meets both SLOs |');
    expect(md).toContain(s.replicas === null ? 'No replica count' : `Answer: ${s.replicas} replica`);
  });
});
