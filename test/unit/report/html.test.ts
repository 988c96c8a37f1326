// The HTML report: self-contained, complete, and honest about partial runs and empty figures.
import { describe, expect, it } from 'vitest';
import type { MaybeStat, ServiceResult } from '../../../simulation';
import { renderHtml } from '../../../electron/backend/report';
import { statText } from '../../../electron/backend/report/format';
import { clusterExample, copy, riskExample } from './fixtures';

function selfContained(html: string): void {
  expect(html).not.toMatch(/https?:\/\//i);
  expect(html).not.toMatch(/<script|<link|<iframe|<img|@import|url\(|\bsrc=|javascript:/i);
}

const visibleText = (html: string) => html.replace(/<style>[\s\S]*?<\/style>/, '').replace(/<[^>]+>/g, ' ');

describe('HTML report', () => {
  it('is self-contained and names every service, pool and task with the headline numbers', () => {
    const { doc, raw } = riskExample();
    const html = renderHtml(doc, raw);
    selfContained(html);
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    for (const id of [...Object.keys(doc.serving!), ...Object.keys(doc.cluster!.analytic.pools), ...Object.keys(doc.pipeline!.tasks!)]) expect(html).toContain(id);
    const svc = doc.serving!.risk_model_api as ServiceResult;
    expect(html).toContain(`p99 latency ${statText(svc.latency_at_slo_ms, 'ms')} against a 200 ms budget`);
    expect(html).toContain(statText(doc.pipeline!.success_rate, 'fraction'));
    expect(html).toContain(doc.scenario.sha256);
    expect(html).toContain(`<title>${doc.scenario.name.replace(/'/g, '&#39;')} — Headroom report</title>`);
    expect(visibleText(html)).not.toMatch(/\bNaN\b|\bnull\b|\bundefined\b|\bInfinity\b/);
    // No 17-digit floats anywhere (coordinates are rounded too).
    expect(html).not.toMatch(/\d\.\d{7,}/);
  });

  it('draws accessible SVG charts: role="img", a name, a title and a description', () => {
    const html = renderHtml(riskExample().doc, riskExample().raw);
    const charts = html.match(/<svg[^>]*>/g) ?? [];
    expect(charts.length).toBeGreaterThanOrEqual(5);
    for (const open of charts) {
      expect(open).toContain('role="img"');
      expect(open).toMatch(/aria-label="[^"]+"/);
      const desc = open.match(/aria-describedby="([^"]+)"/)?.[1];
      expect(html).toContain(`<desc id="${desc}">`);
    }
    expect((html.match(/<svg[^>]*><title>[^<]+<\/title><desc id="[^"]+">[^<]+<\/desc>/g) ?? []).length).toBe(charts.length);
    const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(html).toContain('Latency percentiles vs budget — risk_model_api');
  });

  it('covers the cluster: pools, jobs, allocation shares, Young/Daly', () => {
    const { doc, raw } = clusterExample();
    const html = renderHtml(doc, raw);
    selfContained(html);
    for (const id of [...Object.keys(doc.cluster!.pools!), ...Object.keys(doc.cluster!.analytic.jobs!)]) expect(html).toContain(id);
    expect(html).toContain('Young/Daly');
    expect(html).toContain(statText(doc.cluster!.jobs!.jct_s.mean, 's'));
    expect(html).toContain('Where allocated GPU time goes');
    expect(visibleText(html)).not.toMatch(/\bNaN\b|\bnull\b|\bundefined\b/);
  });

  it('marks a truncated run as partial', () => {
    const d = copy(riskExample().doc);
    d.truncated = { reason: 'max_wall_s' };
    const html = renderHtml(d);
    expect(html).toContain('<title>[PARTIAL]');
    expect(html).toContain('PARTIAL RESULT: the run stopped early (max_wall_s)');
    expect(renderHtml(riskExample().doc)).not.toContain('PARTIAL');
  });

  it('renders null statistics as — (never NaN or null), charts included', () => {
    const d = copy(riskExample().doc);
    const svc = d.serving!.risk_model_api as ServiceResult;
    const empty: MaybeStat = null;
    Object.assign(svc.latency_ms, { p50: empty, p95: empty, p99: empty, p999: empty });
    Object.assign(svc, { latency_at_slo_ms: empty, headroom_ms: empty, utilization: empty, slo_attainment: empty });
    svc.components_ms.queue = null;
    d.pipeline!.success_rate = null;
    d.pipeline!.tasks!.train_model!.failed = null;
    const html = renderHtml(d, riskExample().raw);
    expect(visibleText(html)).not.toMatch(/\bNaN\b|\bnull\b|\bundefined\b|\bInfinity\b/);
    expect(html).toMatch(/<th scope="row">Latency p99<\/th><td class="num">—<\/td>/);
    expect(html).not.toMatch(/="NaN"|="Infinity"/);
  });

  it('is deterministic', () => {
    const { doc, raw } = riskExample();
    expect(renderHtml(doc, raw)).toBe(renderHtml(copy(doc), copy(raw)));
  });
});
