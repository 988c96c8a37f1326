// The figure catalogue against the pinned golden result documents: every figure's key is a real
// path of its entity and its value is the one at that path; labels are unique within an entity;
// every unit is one the formatter knows.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ResultDocument } from '../../../simulation';
import { documentFigures, type Figure } from '../../../simulation/present/figures';
import { unitScale } from '../../../simulation/present/units';

const dir = path.resolve(__dirname, '..', '..', 'golden', 'documents');
const docs = fs.readdirSync(dir).filter((f) => f.endsWith('.result.json')).map((f) => [f, JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as ResultDocument] as const);

/** The object a figure's key is a path in. */
function entityOf(doc: ResultDocument, f: Figure): unknown {
  const c = doc.cluster, p = doc.pipeline;
  switch (f.section) {
    case 'run': case 'summary': return f.section === 'run' ? doc : doc.summary;
    case 'serving': return doc.serving?.[f.entity];
    case 'pipeline': return f.entity === '' ? p : (p?.tasks?.[f.entity] ?? { analytic: { blast_radius: p?.analytic.blast_radius?.[f.entity] } });
    case 'cluster':
      if (f.entity === 'jobs') return c?.jobs;
      if (f.entity === '') return c;
      if (f.entity === 'checkpoint') return { analytic: c?.analytic.checkpoint };
      if (c?.analytic.jobs?.[f.entity] && f.metric.startsWith('analytic.')) return { analytic: c.analytic.jobs[f.entity] };
      return c?.pools?.[f.entity] ?? { analytic: c?.analytic.pools[f.entity] };
  }
}

/** Follows "a.b.c"; "quantile_0.95" and "nodes_4" pick from a list; by_replicas.N by count. */
function at(obj: unknown, key: string): unknown {
  const parts = key.replace(/quantile_([\d.]+)$/, 'quantile:$1').split('.');
  let x: any = obj;
  for (let i = 0; i < parts.length; i++) {
    const k = parts[i]!;
    if (x === undefined || x === null) return undefined;
    if (k.startsWith('quantile:')) return x.quantiles?.find((q: any) => q.q === Number(parts.slice(i).join('.').slice(9)))?.value;
    if (Array.isArray(x)) x = x.find((r: any) => r.replicas === Number(k) || `nodes_${r.nodes}` === k);
    else x = x[k];
  }
  return x;
}

const CONFIGURED = new Set(['latency_budget_ms', 'slo_percentile', 'truncated']);

describe('the figure catalogue on the golden result documents', () => {
  it.each(docs)('%s: every key resolves to the value shown', (_name, doc) => {
    const figs = documentFigures(doc);
    expect(figs.length).toBeGreaterThan(20);
    for (const f of figs) {
      if (CONFIGURED.has(f.metric)) continue;
      const v = at(entityOf(doc, f), f.metric);
      // A simulated figure without data (null at its key, e.g. the blast radius of a task that
      // never failed) shows its mean as null, its analytic value beside it.
      const shown = f.ci95 || v === null ? f.mean : f.mean ?? f.analytic;
      const actual = typeof v === 'object' && v !== null && 'mean' in v ? (v as { mean: number }).mean : typeof v === 'boolean' ? Number(v) : v;
      if (f.metric === 'utilization_target' || f.metric === 'analytic.allocated_utilization') continue; // read from the pool's analytic block
      expect([f.section, f.entity, f.metric, actual], 'value at the key').toEqual([f.section, f.entity, f.metric, shown]);
    }
  });

  it.each(docs)('%s: labels are unique within an entity and units are known', (_name, doc) => {
    const seen = new Set<string>();
    for (const f of documentFigures(doc)) {
      const key = `${f.section}/${f.entity}/${f.label}`;
      expect(seen.has(key), key).toBe(false);
      seen.add(key);
      expect(unitScale(f.unit, 1)).toBeDefined();
    }
  });
});
