// The rows of the Compare view's table, from a compare document (simulation/whatif): each
// figure's catalogue label and unit, A and B, B − A with its 95% CI and whether it differs, in
// words; grouped by service, pool, jobs, task, and ordered serving, cluster, pipeline. Figure
// paths name result-document statistics (`serving.api.latency_ms.p99`); ids may contain dots,
// so the entity is what is left once a known figure key is taken off the end. Pure.
import type { CompareDocument } from '../../electron/common/contract';
import type { Stat } from '../../simulation';
import {
  CLUSTER_FIGURES, DASH, figureIndex, JOBS_FIGURES, PIPELINE_FIGURES, POOL_FIGURES, SERVICE_SIMULATED, TASK_FIGURES,
  ciText, meanText, unitScale, type Figure, type FigureDef, type NumberText, type Unit,
} from '../../simulation/present';

export type CompareSection = 'serving' | 'cluster' | 'pipeline' | 'other';
export type SignificanceTone = 'yes' | 'no' | 'same' | 'unknown';

export interface CompareRow {
  path: string;
  label: string;
  a: string;
  aCi: string;
  b: string;
  bCi: string;
  /** B − A ("−314 ms", "+2"), its CI ("[−443, −186]", "" when none), and its sign (null: none). */
  diff: string;
  diffCi: string;
  diffSign: -1 | 0 | 1 | null;
  significant: boolean | null;
  /** "Significant", "Not significant", "No difference", "Cannot tell (1 replication)". */
  verdict: string;
  tone: SignificanceTone;
}

export interface CompareGroup {
  key: string;
  section: CompareSection;
  /** "Serving — risk_model_api", "Cluster — pool gpu_a", "Pipeline — task train". */
  title: string;
  rows: CompareRow[];
}

export interface CompareTable {
  groups: CompareGroup[];
  /** Figures with a significant difference, and all figures shown. */
  significant: number;
  shown: number;
  /** Figures without a value in either run (an empty set in both), left out. */
  empty: number;
}

interface Located {
  section: CompareSection;
  /** What the catalogue calls the entity: a service, pool or task id, "jobs", or "". */
  entity: string;
  kind: 'service' | 'pool' | 'jobs' | 'task' | 'whole';
  metric: string;
}

const keysOf = (defs: readonly FigureDef<never>[]) => defs.map((d) => d.key);
const SERVICE_KEYS = keysOf(SERVICE_SIMULATED as FigureDef<never>[]);
const POOL_KEYS = keysOf(POOL_FIGURES as FigureDef<never>[]);
const TASK_KEYS = keysOf(TASK_FIGURES as FigureDef<never>[]);
/** Definitions by section and key, for a label when the run's own catalogue lacks the figure. */
const DEFS: Record<Located['kind'], Record<string, readonly FigureDef<never>[]>> = {
  service: { serving: SERVICE_SIMULATED as FigureDef<never>[] },
  pool: { cluster: POOL_FIGURES as FigureDef<never>[] },
  jobs: { cluster: JOBS_FIGURES as FigureDef<never>[] },
  task: { pipeline: TASK_FIGURES as FigureDef<never>[] },
  whole: { cluster: CLUSTER_FIGURES as FigureDef<never>[], pipeline: PIPELINE_FIGURES as FigureDef<never>[] },
};

/** `id.metric` → id and metric, the metric being the longest known key that ends the text. */
function splitEntity(rest: string, keys: readonly string[]): { entity: string; metric: string } {
  const key = keys.filter((k) => rest.endsWith(`.${k}`)).sort((x, y) => y.length - x.length)[0];
  if (key) return { entity: rest.slice(0, -(key.length + 1)), metric: key };
  const i = rest.indexOf('.'); // a figure the catalogue does not know: the first segment is the id
  return i === -1 ? { entity: rest, metric: '' } : { entity: rest.slice(0, i), metric: rest.slice(i + 1) };
}

export function locatePath(path: string): Located {
  const dot = path.indexOf('.');
  const head = dot === -1 ? path : path.slice(0, dot);
  const rest = dot === -1 ? '' : path.slice(dot + 1);
  if (head === 'serving') return { section: 'serving', kind: 'service', ...splitEntity(rest, SERVICE_KEYS) };
  if (head === 'cluster') {
    if (rest.startsWith('pools.')) return { section: 'cluster', kind: 'pool', ...splitEntity(rest.slice(6), POOL_KEYS) };
    if (rest.startsWith('jobs.')) return { section: 'cluster', kind: 'jobs', entity: 'jobs', metric: rest.slice(5) };
    return { section: 'cluster', kind: 'whole', entity: '', metric: rest };
  }
  if (head === 'pipeline') {
    if (rest.startsWith('tasks.')) return { section: 'pipeline', kind: 'task', ...splitEntity(rest.slice(6), TASK_KEYS) };
    return { section: 'pipeline', kind: 'whole', entity: '', metric: rest };
  }
  return { section: 'other', kind: 'whole', entity: '', metric: path };
}

const SECTION_TITLE: Record<CompareSection, string> = { serving: 'Serving', cluster: 'Cluster', pipeline: 'Pipeline', other: 'Other' };
const SECTION_ORDER: readonly CompareSection[] = ['serving', 'cluster', 'pipeline', 'other'];

function groupTitle(l: Located): string {
  const s = SECTION_TITLE[l.section];
  switch (l.kind) {
    case 'service': return `${s} — ${l.entity}`;
    case 'pool': return `${s} — pool ${l.entity}`;
    case 'jobs': return `${s} — jobs`;
    case 'task': return `${s} — task ${l.entity}`;
    default: return s;
  }
}

/**
 * The catalogue's label without what it says about the analytic figure beside it (the Compare
 * table has no analytic column): "Latency, mean (analytic: no queueing)" → "Latency, mean".
 */
export function compareLabel(label: string): string {
  let out = label;
  const paren = out.indexOf(' (analytic:');
  if (paren !== -1 && out.endsWith(')')) out = out.slice(0, paren);
  const semi = out.indexOf('; analytic:');
  if (semi !== -1 && out.endsWith(')')) out = `${out.slice(0, semi)})`;
  return out.replace(/ \((Erlang C|Pollaczek–Khinchine)\)$/, '');
}

function guessUnit(metric: string): Unit {
  if (/_ms(\.|$)/.test(metric)) return 'ms';
  if (/_s(\.|$)/.test(metric)) return 's';
  return '';
}

function labelAndUnit(l: Located, find: ReturnType<typeof figureIndex>): { label: string; unit: Unit } {
  const fig = l.section === 'other' ? undefined : find(l.section, l.entity, l.metric);
  if (fig) return { label: compareLabel(fig.label), unit: fig.unit };
  const def = DEFS[l.kind][l.section]?.find((d) => d.key === l.metric);
  if (def) return { label: typeof def.label === 'string' ? compareLabel(def.label) : l.metric, unit: def.unit };
  if (l.section === 'cluster' && l.metric.startsWith('allocation.')) return { label: `Allocated time: ${l.metric.slice(11).replace('_', '-')}`, unit: 'fraction' };
  return { label: l.metric || l.entity, unit: guessUnit(l.metric) };
}

/** B − A in the unit its magnitude suits; a difference of fractions in percentage points. */
export function diffText(t: NumberText, d: Stat, unit: Unit): { mean: string; ci: string } {
  const ref = Math.max(Math.abs(d.mean), Math.abs(d.ci95[0]), Math.abs(d.ci95[1]));
  const scale = unit === 'fraction' ? { factor: 100, suffix: ' pp', percent: true } : unitScale(unit, ref);
  const full = t.statSig(d, scale);
  const i = full.indexOf(' [');
  let mean = i === -1 ? full : full.slice(0, i);
  if (d.mean > 0 && /[1-9]/.test(mean)) mean = `+${mean}`;
  return { mean, ci: i === -1 ? '' : full.slice(i + 1) };
}

function verdictOf(f: CompareDocument['figures'][number], doc: CompareDocument): { verdict: string; tone: SignificanceTone } {
  if (f.significant === true) return { verdict: 'Significant', tone: 'yes' };
  if (f.significant === false) {
    const d = f.diff;
    const same = d !== null && d.mean === 0 && d.ci95[0] === 0 && d.ci95[1] === 0;
    return same ? { verdict: 'No difference', tone: 'same' } : { verdict: 'Not significant', tone: 'no' };
  }
  if (!f.a) return { verdict: 'Cannot tell (no value in A)', tone: 'unknown' };
  if (!f.b) return { verdict: 'Cannot tell (no value in B)', tone: 'unknown' };
  const n = Math.min(doc.a.replications, doc.b.replications);
  return { verdict: n < 2 ? 'Cannot tell (1 replication)' : 'Cannot tell', tone: 'unknown' };
}

function rowOf(f: CompareDocument['figures'][number], doc: CompareDocument, label: string, unit: Unit, t: NumberText): CompareRow {
  const side = (s: Stat | null) => (s ? { text: meanText(t, s, unit), ci: ciText(t, s, unit) } : { text: DASH, ci: '' });
  const a = side(f.a), b = side(f.b);
  // Without a CI (one replication) the difference of the means is still shown.
  const d = f.diff ?? (f.a && f.b ? { mean: f.b.mean - f.a.mean, ci95: [f.b.mean - f.a.mean, f.b.mean - f.a.mean] as [number, number] } : null);
  const dt = d ? diffText(t, d, unit) : { mean: DASH, ci: '' };
  return {
    path: f.path, label, a: a.text, aCi: a.ci, b: b.text, bCi: b.ci,
    diff: dt.mean, diffCi: f.diff ? dt.ci : '', diffSign: d ? (Math.sign(d.mean) as -1 | 0 | 1) : null,
    significant: f.significant, ...verdictOf(f, doc),
  };
}

/**
 * The table: groups in section order (serving, cluster, pipeline), figures in document order
 * within each. `catalogue` is the runs' figure list (simulation/present documentFigures), for
 * labels and units; figures it lacks are named from the catalogue's definitions, else by path.
 */
export function compareTable(doc: CompareDocument, catalogue: readonly Figure[], t: NumberText, onlySignificant = false): CompareTable {
  const find = figureIndex(catalogue);
  const groups = new Map<string, CompareGroup>();
  let empty = 0, significant = 0, shown = 0;
  for (const f of doc.figures) {
    if (!f.a && !f.b) {
      empty++;
      continue;
    }
    if (f.significant) significant++;
    if (onlySignificant && !f.significant) continue;
    const l = locatePath(f.path);
    const key = `${l.section}|${l.kind}|${l.entity}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { key, section: l.section, title: groupTitle(l), rows: [] }));
    const { label, unit } = labelAndUnit(l, find);
    g.rows.push(rowOf(f, doc, label, unit, t));
    shown++;
  }
  const ordered = [...groups.values()].sort((x, y) => SECTION_ORDER.indexOf(x.section) - SECTION_ORDER.indexOf(y.section));
  return { groups: ordered, significant, shown, empty };
}

type Side = CompareDocument['a'];

/** "v2 · seed 1 · 5 replications", with the scenario's name first when `withName`. */
export function sideText(side: Side, withName = false): string {
  const version = side.scenarioVersion === undefined ? '' : `v${side.scenarioVersion} · `;
  const reps = `${side.replications} replication${side.replications === 1 ? '' : 's'}`;
  return `${withName ? `${side.name} ` : ''}${version}seed ${side.seed} · ${reps}`;
}

/** The short name of a side in a chart legend: "A: v2 seed 1". */
export function legendText(label: 'A' | 'B', side: Side, withName = false): string {
  const version = side.scenarioVersion === undefined ? '' : `v${side.scenarioVersion} `;
  return `${label}: ${withName ? `${side.name} ` : ''}${version}seed ${side.seed}`;
}

/** How B − A was judged, in words. */
export function methodText(doc: CompareDocument): string {
  if (doc.method === 'paired') return `Paired replication by replication (same seed, ${doc.pairs} pairs)`;
  const why = doc.a.seed !== doc.b.seed ? `seeds ${doc.a.seed} and ${doc.b.seed} differ` : 'replications not paired';
  return `Welch's t on replication means (${why})`;
}

export interface InputRow {
  path: string;
  a: string;
  b: string;
}

function leafText(t: NumberText, v: string | number | boolean | null): string {
  if (v === null) return '(absent)';
  if (typeof v === 'number') return t.plain(v, 9);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return JSON.stringify(v);
}

/**
 * The inputs that differ, A → B, and the runs' own seed and replications when those differ
 * without the scenario saying so (a run may override its version's).
 */
export function inputRows(doc: CompareDocument, t: NumberText): InputRow[] {
  const rows = doc.inputs.map((c) => ({ path: c.path, a: leafText(t, c.a), b: leafText(t, c.b) }));
  for (const k of ['seed', 'replications'] as const) {
    if (doc.a[k] !== doc.b[k] && !doc.inputs.some((c) => c.path === k)) rows.push({ path: k, a: t.plain(doc.a[k]), b: t.plain(doc.b[k]) });
  }
  return rows;
}
