// The Markdown memo: the headline's numbers are the document's, tables are well formed.
import { describe, expect, it } from 'vitest';
import type { ServiceResult } from '../../../simulation';
import { renderMarkdown } from '../../../electron/backend/report';
import { copy, riskExample } from './fixtures';

/** "1,349" / "−596" / "5.7" → number; and the rounding step its decimals imply. */
function parseShown(s: string): { value: number; step: number } {
  const clean = s.replace(/,/g, '').replace('−', '-');
  const decimals = clean.includes('.') ? clean.split('.')[1]!.length : 0;
  return { value: Number(clean), step: 10 ** -decimals };
}

function expectShown(shown: string, actual: number, scale = 1): void {
  const { value, step } = parseShown(shown);
  expect(Math.abs(value - actual * scale), `${shown} vs ${actual * scale}`).toBeLessThanOrEqual(step / 2 + 1e-9);
}

describe('Markdown memo', () => {
  it('opens with a headline whose numbers equal the document\'s', () => {
    const { doc, raw } = riskExample();
    const md = renderMarkdown(doc, raw);
    const lines = md.split('\n');
    expect(lines[0]).toBe(`# Capacity memo: ${doc.scenario.name}`);
    // The verdicts come first (test/unit/present/verdicts.test.ts), then the headline paragraph.
    expect(lines[2]).toBe('## Verdict');
    const headline = lines.find((l) => l.startsWith('risk\\_model\\_api: p99 latency'))!;
    const svc = doc.serving!.risk_model_api as ServiceResult;
    const m = /risk\\_model\\_api: p99 latency ([\d,.]+) ms \[([−\d,.]+), ([−\d,.]+)\] against a 200 ms budget: (over budget by|)\s*([\d,.]+) ms( headroom|);/.exec(headline);
    expect(m, headline).not.toBeNull();
    expectShown(m![1]!, svc.latency_at_slo_ms!.mean);
    expectShown(m![2]!, svc.latency_at_slo_ms!.ci95[0]);
    expectShown(m![3]!, svc.latency_at_slo_ms!.ci95[1]);
    expectShown(m![5]!, Math.abs(svc.headroom_ms!.mean));
    expect(m![4] === 'over budget by').toBe(svc.headroom_ms!.mean < 0);
    const u = /(\d+) replicas at ([\d.]+)% utilization/.exec(headline);
    expect(Number(u![1])).toBe(svc.mean_replicas!.mean);
    expectShown(u![2]!, svc.utilization!.mean, 100);
    const p = /success rate ([\d.]+)% \[([\d.]+), ([\d.]+)\] over ([\d,]+) runs against ([\d.]+)% from ∏\(1−p\)/.exec(headline);
    expect(p, headline).not.toBeNull();
    expectShown(p![1]!, doc.pipeline!.success_rate!.mean, 100);
    expectShown(p![2]!, doc.pipeline!.success_rate!.ci95[0], 100);
    expectShown(p![3]!, doc.pipeline!.success_rate!.ci95[1], 100);
    expect(Number(p![4]!.replace(/,/g, ''))).toBe(doc.pipeline!.runs);
    expectShown(p![5]!, doc.pipeline!.analytic.reliability, 100);
  });

  it('has well-formed GitHub tables for each section', () => {
    const md = renderMarkdown(riskExample().doc, riskExample().raw);
    for (const h of ['## Serving: risk\\_model\\_api', '## Cluster', '## Pipeline', '## Analytic summary (seed article)']) expect(md).toContain(h);
    const blocks = md.split(/\n\n/).filter((b) => b.startsWith('|'));
    expect(blocks.length).toBeGreaterThanOrEqual(5);
    for (const b of blocks) {
      const cols = b.trim().split('\n').map((l) => l.replace(/\\\|/g, '').split('|').length);
      expect(new Set(cols).size, b).toBe(1);
      expect(b.split('\n')[1]).toMatch(/^\| (:--|--:)( \| (:--|--:))* \|$/);
    }
  });

  it('marks a truncated run as partial, and renders null statistics as —', () => {
    const d = copy(riskExample().doc);
    d.truncated = { reason: 'max_events' };
    const svc = d.serving!.risk_model_api as ServiceResult;
    svc.latency_ms.p95 = null;
    svc.utilization = null;
    const md = renderMarkdown(d, riskExample().raw);
    expect(md).toContain('> **PARTIAL RESULT: the run stopped early (max_events)');
    expect(md).toContain('| Latency p95 | — | — |');
    expect(md).not.toMatch(/\bNaN\b|\bnull\b|\bundefined\b/);
  });
});
