// User text in reports stays text: a scenario name or id made of HTML, Markdown links, line
// breaks or spreadsheet formulas is escaped in the Markdown memo and the HTML report, and
// neutralised in the CSV (the payloads are the ones the hardening review reported).
import { describe, expect, it } from 'vitest';
import type { ResultDocument } from '../../../simulation';
import { renderCsv, renderHtml, renderMarkdown } from '../../../electron/backend/report';
import { csvCell } from '../../../electron/backend/report/csv';
import { esc } from '../../../electron/backend/report/format';
import { mdText } from '../../../electron/backend/report/markdown-escape';
import { parseCsv, riskExample } from './fixtures';

const IMG = '<img src=x onerror=alert(1)>';
const SCRIPT = '<script>alert(1)</script>';
const BLOCKS = 'ok\n[x](javascript:alert(1))\n<iframe src=x>\n| a | b |';
/** What BLOCKS tries to put at the start of a line of its own. */
const INJECTED_LINES = ['[x](javascript:alert(1))', '<iframe src=x>', '| a | b |'];

/** The risk example with its name and one service, pool and task id replaced (keys and references). */
function withText(name: string, ids: { service: string; pool: string; task: string }): { doc: ResultDocument; raw: Record<string, unknown> } {
  const { doc, raw } = riskExample();
  const rename = (json: string) => json
    .split('"risk_model_api"').join(JSON.stringify(ids.service))
    .split('"gpu_pool_a"').join(JSON.stringify(ids.pool))
    .split('"train_model"').join(JSON.stringify(ids.task));
  const d = JSON.parse(rename(JSON.stringify(doc))) as ResultDocument;
  d.scenario.name = name;
  const r = JSON.parse(rename(JSON.stringify(raw))) as Record<string, unknown>;
  return { doc: d, raw: { ...r, name, description: name } };
}

// Ids with a space: like the hostile ones, they fail the scenario's identifier rule, so neither
// report has verdicts (they need a valid scenario) and the two compare line for line.
const TOKENS = { name: 'USERNAME', service: 'USER SVC', pool: 'USER POOL', task: 'USER TASK' };
/** Each payload as the name, and in each kind of id (four different texts per case). */
const HOSTILE = [
  { name: IMG, service: SCRIPT, pool: BLOCKS, task: `task ${IMG}` },
  { name: SCRIPT, service: BLOCKS, pool: IMG, task: `task ${SCRIPT}` },
  { name: BLOCKS, service: IMG, pool: SCRIPT, task: `task ${BLOCKS}` },
];

describe('Markdown memo with hostile scenario text', () => {
  const baseline = renderMarkdown(withText(TOKENS.name, TOKENS).doc, withText(TOKENS.name, TOKENS).raw);

  it.each(HOSTILE)('keeps $name as escaped inline text, in the same places and the same structure', (h) => {
    const { doc, raw } = withText(h.name, h);
    const md = renderMarkdown(doc, raw);
    expect(md).not.toContain('<');
    expect(md).not.toContain('](');
    const lines = md.split('\n');
    for (const line of lines) for (const bad of INJECTED_LINES) expect(line.trimStart().startsWith(bad), line).toBe(false);
    expect(lines).toHaveLength(baseline.split('\n').length);
    const rows = (s: string) => s.split('\n').filter((l) => l.startsWith('|')).length;
    expect(rows(md)).toBe(rows(baseline));
    // Put the tokens back where the escaped text is: the memo is then exactly the baseline, so
    // the user text appears nowhere else and changed nothing around it.
    let back = md;
    for (const k of ['task', 'name', 'service', 'pool'] as const) back = back.split(mdText(h[k])).join(TOKENS[k]);
    expect(back).toBe(baseline);
  });

  it('escapes Markdown and HTML metacharacters and folds line breaks and control characters', () => {
    expect(mdText(IMG)).toBe('&lt;img src=x onerror=alert\\(1\\)&gt;');
    expect(mdText(BLOCKS)).toBe('ok \\[x\\]\\(javascript:alert\\(1\\)\\) &lt;iframe src=x&gt; \\| a \\| b \\|');
    expect(mdText('a\r\n\t\u0000\u001b\u0085\u2028b')).toBe('a b');
    expect(mdText('# h')).toBe('\\# h');
    expect(mdText('1. x - y + z')).toBe('1\\. x \\- y \\+ z');
    expect(mdText('*_`~!{}\\&')).toBe('\\*\\_\\`\\~\\!\\{\\}\\\\&amp;');
    expect(mdText('&lt;')).toBe('&amp;lt;');
  });
});

/** The tag names and tag@attribute names of an HTML page, sorted (attribute values are quoted). */
function markup(html: string): string[] {
  const found = new Set<string>();
  for (const m of html.matchAll(/<\/?([a-zA-Z][\w-]*)((?:\s+[\w:-]+(?:="[^"]*")?)*)\s*\/?>/g)) {
    const tag = m[1]!.toLowerCase();
    found.add(tag);
    for (const a of m[2]!.matchAll(/([\w:-]+)(?:="[^"]*")?/g)) found.add(`${tag}@${a[1]!.toLowerCase()}`);
  }
  return [...found].sort();
}

describe('HTML report with hostile scenario text', () => {
  it.each(HOSTILE)('escapes $name in the title, heading, description, ids and charts', (h) => {
    const { doc, raw } = withText(h.name, h);
    const html = renderHtml(doc, raw);
    expect(html).not.toMatch(/<script|<iframe|<img|<a\b/i);
    expect(html).toContain(`<title>${esc(h.name)} — Headroom report</title>`);
    expect(html).toContain(`<h1>${esc(h.name)}</h1>`);
    expect(html).toContain(`<p class="description">${esc(h.name)}</p>`);
    for (const id of [h.service, h.pool, h.task]) expect(html).toContain(esc(id));
    // Every tag and attribute in the page is one the report itself writes.
    const base = withText(TOKENS.name, TOKENS);
    expect(markup(html)).toEqual(markup(renderHtml(base.doc, base.raw)));
  });
});

describe('CSV cells', () => {
  it('puts a leading quote before text a spreadsheet would evaluate', () => {
    expect(csvCell('-1-1')).toBe("'-1-1");
    expect(csvCell('-A1-B2')).toBe("'-A1-B2");
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('\t=1')).toBe("'\t=1");
    expect(csvCell('\r=1')).toBe('"\'\r=1"');
    expect(csvCell('=HYPERLINK("x","y")')).toBe('"\'=HYPERLINK(""x"",""y"")"');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('risk_model_api')).toBe('risk_model_api');
  });

  it('writes numbers as numbers, negative ones included, and no value as empty', () => {
    expect(csvCell(-3.5)).toBe('-3.5');
    expect(csvCell(-1e-7)).toBe('-1e-7');
    expect(csvCell(0)).toBe('0');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(Number.NaN)).toBe('');
    expect(csvCell(Number.NEGATIVE_INFINITY)).toBe('');
  });

  it('neutralises hostile ids in the CSV report and keeps negative figures numeric', () => {
    const { doc, raw } = withText('=1+1', { service: '-1-1', pool: '@SUM(A1)', task: '\r=1' });
    const svc = doc.serving!['-1-1']!;
    (svc as { headroom_ms: unknown }).headroom_ms = { mean: -3.5, ci95: [-4.25, -2.75] };
    const rows = parseCsv(renderCsv(doc, raw));
    const entities = new Set(rows.map((r) => r[1]));
    for (const id of ["'-1-1", "'@SUM(A1)", "'\r=1"]) expect(entities).toContain(id);
    for (const id of ['-1-1', '@SUM(A1)', '\r=1']) expect(entities).not.toContain(id);
    expect(rows.find((r) => r[1] === "'-1-1" && r[2] === 'headroom_ms')!.slice(3, 6)).toEqual(['-3.5', '-4.25', '-2.75']);
    // No cell outside the quoted-text ones starts like a formula, except a number.
    for (const r of rows) for (const c of r) if (/^[=+\-@\t\r]/.test(c)) expect(Number.isFinite(Number(c)), JSON.stringify(c)).toBe(true);
  });
});
