// docs/fidelity.md from the fidelity records: grouping, sorting and formatting (pure, so the
// page is the same for the same records), and the comparison --check makes.
import { assess, FIDELITY_MODELS, type FidelityModel, type FidelityRecord, type Tolerance } from './record';

export const PAGE_PATH = 'docs/fidelity.md';

const TITLES: Record<FidelityModel, string> = {
  serving: 'Serving: model-serving queues',
  cluster: 'Cluster: GPU training jobs',
  pipeline: 'Pipeline: Airflow-style DAG runs',
  engine: 'Engine: the event kernel',
  statistics: 'Statistics: replication confidence intervals',
  'what-if': 'What-if: comparing two runs',
};

/** `x` to `digits` significant digits, without float noise or trailing zeros: 0.0042, 1.2e-15. */
export function sig(x: number, digits = 2): string {
  if (x === 0) return '0';
  const a = Math.abs(x);
  if (a >= 1e-4 && a < 1e6) return String(Number(x.toPrecision(digits)));
  const [m, e] = x.toExponential(digits - 1).split('e') as [string, string];
  return `${String(Number(m))}e${Number(e)}`;
}

/** A tolerance as the page shows it: to 3 significant digits (the tests' constants have fewer), a CI's half-width to 2. */
export function formatTolerance(t: Tolerance, expected: number): string {
  const exact = (x: number) => sig(x, 3);
  if ('rel' in t) return `≤ ${exact(t.rel * 100)}% relative`;
  if ('abs' in t) return `≤ ${exact(t.abs)} absolute`;
  if ('range' in t) return `measured in [${exact(t.range[0])}, ${exact(t.range[1])}] (truth ${exact(expected)})`;
  if ('ci95' in t) return `inside the 95% CI (±${sig((t.ci95[1] - t.ci95[0]) / 2)})`;
  return t.kind === 'cases' ? 'every case' : 'exact';
}

/** Errors below this are floating-point noise: shown as such, so reordering arithmetic does not churn the page. */
export const NOISE = 1e-12;

/** The last measured error, to 2 significant digits (relative errors in percent). */
export function formatError(r: Pick<FidelityRecord, 'error' | 'tolerance' | 'measured' | 'expected'>): string {
  if ('kind' in r.tolerance && r.tolerance.kind === 'cases') return `${r.measured}/${r.expected} agree`;
  if (r.error === null) return 'not finite';
  const pct = 'rel' in r.tolerance;
  if (r.error !== 0 && Math.abs(r.error) < NOISE) return pct ? `< ${sig(NOISE * 100)}%` : `< ${sig(NOISE)}`;
  if ('range' in r.tolerance) return `${sig(r.error)} (measured ${sig(r.measured, 3)})`;
  return pct ? `${sig(r.error * 100)}%` : sig(r.error);
}

/** Natural order: digit runs compare as numbers ('c = 20' before 'c = 150'); code-unit order otherwise. */
export function naturalCompare(a: string, b: string): number {
  const pa = a.match(/\d+|\D+/g) ?? [], pb = b.match(/\d+|\D+/g) ?? [];
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const x = pa[i]!, y = pb[i]!;
    const dx = /^\d/.test(x), dy = /^\d/.test(y);
    if (dx && dy && Number(x) !== Number(y)) return Number(x) - Number(y);
    if (x !== y) return x < y ? -1 : 1;
  }
  return pa.length - pb.length || (a < b ? -1 : a > b ? 1 : 0);
}

const keyOf = (r: FidelityRecord) => `${r.model}\u0000${r.truth}\u0000${r.case}`;

/** Truth, then case, in natural order ignoring case; the exact strings break ties. */
const rowOrder = (a: FidelityRecord, b: FidelityRecord) =>
  naturalCompare(a.truth.toLowerCase(), b.truth.toLowerCase()) || naturalCompare(a.case.toLowerCase(), b.case.toLowerCase()) ||
  naturalCompare(a.truth, b.truth) || naturalCompare(a.case, b.case);

/**
 * The records the page shows, grouped by model in the page's order and sorted by truth, then
 * case. A key repeated in one test file (a watch-mode rerun) keeps its last record; the same key
 * from two test files, an unknown model or a record outside its tolerance is an error.
 */
export function groupRecords(records: readonly FidelityRecord[]): Map<FidelityModel, FidelityRecord[]> {
  const byKey = new Map<string, FidelityRecord>();
  for (const written of records) {
    const r = { ...written, ...assess(written) }; // the page's errors come from the values, not from what a file claims
    if (!(FIDELITY_MODELS as readonly string[]).includes(r.model)) throw new Error(`${r.test}: unknown fidelity model "${r.model}" (models: ${FIDELITY_MODELS.join(', ')})`);
    const before = byKey.get(keyOf(r));
    if (before && before.test !== r.test) throw new Error(`two tests record ${r.model} / ${r.truth} / ${r.case}: ${before.test} and ${r.test}`);
    if (!r.within) throw new Error(`${r.test}: ${r.model} / ${r.truth} / ${r.case} is outside its tolerance (the test failed): fix it before generating the page`);
    byKey.set(keyOf(r), r);
  }
  const groups = new Map<FidelityModel, FidelityRecord[]>();
  for (const model of FIDELITY_MODELS) {
    const rows = [...byKey.values()].filter((r) => r.model === model).sort((a, b) => rowOrder(a, b));
    if (rows.length > 0) groups.set(model, rows);
  }
  return groups;
}

const cell = (s: string) => s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
const testLink = (test: string) => `[${test.split('/').pop()}](../${test})`;

export function renderPage(records: readonly FidelityRecord[]): string {
  const groups = groupRecords(records);
  const total = [...groups.values()].reduce((n, rows) => n + rows.length, 0);
  const out: string[] = [
    '# Fidelity: what each model is tested against',
    '',
    '<!-- Generated by `npm run fidelity` from the validation suite; do not edit. -->',
    '',
    'Generated by `npm run fidelity` from the validation suite; do not edit. Each row is one check',
    'of a model against an outside truth — a formula, a published result, a real trace, another',
    'tool, or an independent reference written in the test — with the test\'s own tolerance and the',
    'error the last run measured (relative errors in percent; 2 significant digits). The runs are',
    'seeded, so the errors only change when a model or a test does. Every `vitest run` records them',
    '(`test/validation/fidelity-record.ts`, into `test-results/fidelity/`); `npm test` then fails if',
    'this page no longer matches (`node --import tsx scripts/fidelity-page.ts --check`).',
    '',
    `${total} checks: ${[...groups.entries()].map(([m, rows]) => `[${m}](#${anchor(TITLES[m])}) ${rows.length}`).join(', ')}.`,
  ];
  for (const [model, rows] of groups) {
    out.push('', `## ${TITLES[model]}`, '');
    out.push('| outside truth (formula — source) | case | tolerance | last measured error | replications | test |');
    out.push('|---|---|---|---|---|---|');
    for (const r of rows) {
      out.push(`| ${cell(r.truth)} — *${cell(r.source)}* | ${cell(r.case)} | ${cell(formatTolerance(r.tolerance, r.expected))} | ` +
        `${cell(formatError(r))} | ${r.replications === undefined ? '—' : cell(String(r.replications))} | ${testLink(r.test)} |`);
    }
  }
  return `${out.join('\n')}\n`;
}

/** GitHub's anchor of a heading (lower case, punctuation dropped, spaces to hyphens). */
function anchor(title: string): string {
  return title.toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/\s/g, '-');
}

/** The models and test files a page lists: what --check needs records for. */
export function listedIn(page: string): { models: FidelityModel[]; tests: string[] } {
  const models = FIDELITY_MODELS.filter((m) => page.includes(`\n## ${TITLES[m]}\n`));
  const tests = [...new Set([...page.matchAll(/\]\(\.\.\/(test\/[^)\s]+)\)/g)].map((m) => m[1]!))].sort();
  return { models, tests };
}

/**
 * What --check reports, or null when `committed` is what the records give. Missing records (a
 * model or test file the page lists and no record names) are reported as such: a partial run.
 */
export function checkPage(committed: string | null, records: readonly FidelityRecord[]): string | null {
  if (records.length === 0) {
    return 'no fidelity records: run the whole suite first (npm test does; or npm run fidelity)';
  }
  if (committed !== null) {
    const listed = listedIn(committed);
    const models = listed.models.filter((m) => !records.some((r) => r.model === m));
    const tests = listed.tests.filter((t) => !records.some((r) => r.test === t));
    if (models.length > 0 || tests.length > 0) {
      const missing = [...models.map((m) => `  model ${m}: no record`), ...tests.map((t) => `  ${t}: no record`)];
      return [`records are missing for what ${PAGE_PATH} lists (was only part of the suite run?):`,
        ...(missing.length > 12 ? [...missing.slice(0, 10), `  … and ${missing.length - 10} more`] : missing),
        'run the whole suite (npm test), or npm run fidelity'].join('\n');
    }
  }
  const page = renderPage(records);
  if (committed === page) return null;
  if (committed === null) return `${PAGE_PATH} does not exist: run npm run fidelity`;
  return `${PAGE_PATH} is out of date: run npm run fidelity\n${shortDiff(committed, page)}`;
}

/** A line diff (− committed, + regenerated), at most `max` changed lines. */
export function shortDiff(before: string, after: string, max = 30): string {
  const a = before.split('\n'), b = after.split('\n');
  // Longest common subsequence over lines; the pages are a few hundred lines.
  const lcs = Array.from({ length: a.length + 1 }, () => new Uint32Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  }
  const lines: string[] = [];
  let i = 0, j = 0, changed = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) { i++; j++; continue; }
    changed++;
    if (j >= b.length || (i < a.length && lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) lines.push(`- ${a[i++]}`);
    else lines.push(`+ ${b[j++]}`);
  }
  return changed > max ? [...lines.slice(0, max), `… and ${changed - max} more changed lines`].join('\n') : lines.join('\n');
}
