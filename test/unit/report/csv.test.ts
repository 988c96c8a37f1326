// The CSV report parses back (RFC 4180) to exactly the figures of the document.
import { describe, expect, it } from 'vitest';
import type { MaybeStat, ResultDocument } from '../../../simulation';
import { CSV_COLUMNS, renderCsv, reportFigures } from '../../../electron/backend/report';
import { aggregateAnalyticJobs } from '../../../simulation/analytic/cluster';
import { clusterExample, copy, parseCsv, riskExample } from './fixtures';

const num = (s: string): number | null => (s === '' ? null : Number(s));

/** The document object a CSV row's section, entity and metric point at. */
function resolve(doc: ResultDocument, section: string, entity: string, metric: string): unknown {
  let base: unknown;
  if (section === 'serving') base = doc.serving?.[entity];
  else if (section === 'pipeline') base = entity === '' ? doc.pipeline : doc.pipeline?.tasks?.[entity];
  else if (section === 'cluster') base = entity === '' ? doc.cluster : entity === 'jobs' ? doc.cluster?.jobs : doc.cluster?.pools?.[entity];
  return metric.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), base);
}

function checkAgainstDocument(doc: ResultDocument, raw: unknown): number {
  const rows = parseCsv(renderCsv(doc, raw));
  expect(rows[0]).toEqual([...CSV_COLUMNS]);
  const figs = reportFigures(doc, raw);
  expect(rows.length - 1).toBe(figs.length);
  let checked = 0;
  rows.slice(1).forEach((r, i) => {
    expect(r).toHaveLength(8);
    const f = figs[i]!;
    expect(r.slice(0, 3)).toEqual([f.section, f.entity, f.metric]);
    expect(num(r[3]!)).toBe(f.mean);
    expect(r[4] === '' ? null : [num(r[4]!), num(r[5]!)]).toEqual(f.ci95);
    expect(num(r[6]!)).toBe(f.analytic);
    expect(r[7]).toBe(f.unit);
    // Every sampled statistic equals the document's, to the last bit.
    if (r[4] !== '' && !f.metric.includes('.quantile_')) {
      const s = resolve(doc, f.section, f.entity, f.metric) as MaybeStat;
      expect(s, `${f.section}/${f.entity}/${f.metric}`).not.toBeNull();
      expect([num(r[3]!), num(r[4]!), num(r[5]!)]).toEqual([s!.mean, s!.ci95[0], s!.ci95[1]]);
      checked++;
    }
  });
  return checked;
}

describe('CSV report', () => {
  it('parses back to the same figures as the document (serving, cluster snapshot, pipeline)', () => {
    const { doc, raw } = riskExample();
    expect(checkAgainstDocument(doc, raw)).toBeGreaterThan(60);
    const rows = parseCsv(renderCsv(doc, raw));
    const find = (section: string, entity: string, metric: string) => rows.find((r) => r[0] === section && r[1] === entity && r[2] === metric);
    const svc = doc.serving!.risk_model_api as { requests: number };
    expect(find('serving', 'risk_model_api', 'requests')![3]).toBe(String(svc.requests));
    expect(find('serving', 'risk_model_api', 'latency_budget_ms')![6]).toBe('200');
    expect(find('pipeline', '', 'success_rate')![6]).toBe(String(doc.pipeline!.analytic.reliability_with_retries));
    expect(find('summary', '', 'pipeline_reliability')![6]).toBe(String(doc.summary.pipeline_reliability));
    expect(find('cluster', 'gpu_pool_a', 'utilization')![6]).toBe(String(doc.cluster!.analytic.pools.gpu_pool_a!.allocated_utilization));
  });

  it('parses back to the same figures for a cluster with jobs', () => {
    const { doc, raw } = clusterExample();
    expect(checkAgainstDocument(doc, raw)).toBeGreaterThan(20);
  });

  it('puts the analytic E[step] and parallel efficiency beside the simulated ones (GPU-time weighted over explicit jobs)', () => {
    const { raw, doc } = clusterExample();
    const rows = parseCsv(renderCsv(doc, raw));
    const col = rows[0]!.indexOf('analytic');
    const find = (metric: string) => rows.find((r) => r[0] === 'cluster' && r[1] === 'jobs' && r[2] === metric)!;
    const agg = aggregateAnalyticJobs(doc.cluster!.analytic.jobs);
    expect(agg.expectedStepS).not.toBeNull();
    expect(Number(find('step_time_s.mean')[col])).toBe(agg.expectedStepS);
    expect(Number(find('parallel_efficiency')[col])).toBe(agg.parallelEfficiency);
    expect(find('submitted')[3]).toBe(String(doc.cluster!.jobs!.submitted));
  });

  it('writes null statistics as empty fields, and quotes ids per RFC 4180', () => {
    const { doc, raw } = riskExample();
    const d = copy(doc);
    const odd = 'api, "v2"\nbeta';
    d.serving = { [odd]: d.serving!.risk_model_api! };
    (d.serving[odd] as { latency_ms: { p99: MaybeStat } }).latency_ms.p99 = null;
    const text = renderCsv(d, raw);
    expect(text).not.toMatch(/NaN|null|undefined|Infinity/);
    const rows = parseCsv(text);
    const p99 = rows.find((r) => r[1] === odd && r[2] === 'latency_ms.p99');
    expect(p99).toEqual(['serving', odd, 'latency_ms.p99', '', '', '', '', 'ms']);
  });

  it('is stable: the same document gives the same bytes, run rows first', () => {
    const { doc, raw } = riskExample();
    expect(renderCsv(doc, raw)).toBe(renderCsv(copy(doc), copy(raw)));
    expect(parseCsv(renderCsv(doc, raw)).slice(1, 3).map((r) => r[2])).toEqual(['seed', 'replications']);
  });

  it('marks a truncated run with a row', () => {
    const d = copy(riskExample().doc);
    d.truncated = { reason: 'max_events' };
    expect(parseCsv(renderCsv(d))).toContainEqual(['run', 'max_events', 'truncated', '1', '', '', '', 'flag']);
  });
});
