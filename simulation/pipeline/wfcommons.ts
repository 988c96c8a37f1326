// WfCommons workflow instances (WfFormat, https://github.com/wfcommons/WfFormat) → a Headroom
// scenario with a `pipeline` section, so real scientific-workflow DAGs (Montage, Epigenomics,
// 1000Genome, …) can be simulated. A pure converter: the host reads the file and hands in the
// parsed JSON; the result is a plain scenario object to validate like any other.
//
// Accepted shapes:
//   schema ≤ 1.4   workflow.tasks[]: { name, id?, parents?, children?, runtimeInSeconds | runtime }
//   schema 1.5     workflow.specification.tasks[]: { name, id, parents, children } joined by id
//                  with workflow.execution.tasks[]: { id, runtimeInSeconds }
// A task is known by its id (its name when it has none); parents and children may name tasks by
// id or by name. Edges are the union of parent → task and task → child links, each pair once.
// Ids that are not `[A-Za-z0-9_.-]+` are rewritten (other characters become "_", duplicates get
// a suffix) and reported in `renamed`. Durations are the recorded runtimes — fixed, or lognormal
// around them with `cv` — and every task gets the same failure probability and retries.
import type { ValidationIssue } from '../scenario/rules';
import type { ScenarioInput } from '../scenario/schema';

export interface WfImportOptions {
  /** Scenario name (default: the instance's `name`). */
  name?: string;
  runs?: number;
  /** Coefficient of variation of each task's duration around its runtime (0: fixed). */
  cv?: number;
  failure_probability?: number;
  retries?: number;
  retry_delay_s?: number;
}

export type WfImportResult =
  | { ok: true; scenario: ScenarioInput; tasks: number; edges: number; renamed: Record<string, string> }
  | { ok: false; issues: ValidationIssue[] };

interface RawTask { key: string; name: string; path: string; runtime: unknown; runtimePath: string; parents: unknown; children: unknown }

const ID = /^[A-Za-z0-9_.-]+$/;

export function importWfCommons(doc: unknown, opts: WfImportOptions = {}): WfImportResult {
  const issues: ValidationIssue[] = [];
  const add = (path: string, message: string) => issues.push({ path, message });
  const root = isObject(doc) ? doc : null;
  const wf = root && isObject(root.workflow) ? root.workflow : null;
  if (!wf) return { ok: false, issues: [{ path: 'workflow', message: 'must be an object (a WfCommons workflow instance)' }] };
  const raw = readTasks(wf, add);
  if (!raw) return { ok: false, issues };
  if (raw.length === 0) add('workflow.tasks', 'must be a non-empty array of tasks');

  const byKey = new Map<string, number>(), byName = new Map<string, number>();
  raw.forEach((t, i) => {
    if (byKey.has(t.key)) add(`${t.path}.id`, `duplicate task "${t.key}"`);
    else byKey.set(t.key, i);
    if (!byName.has(t.name)) byName.set(t.name, i);
  });
  const resolve = (ref: unknown): number | undefined => (typeof ref === 'string' ? byKey.get(ref) ?? byName.get(ref) : undefined);

  const pairs = new Map<string, [number, number]>();
  const link = (a: number, b: number, path: string) => {
    if (a === b) { add(path, `self-loop on "${raw[a]!.key}"`); return; }
    pairs.set(`${a}>${b}`, [a, b]);
  };
  raw.forEach((t, i) => {
    for (const [field, list] of [['parents', t.parents], ['children', t.children]] as const) {
      if (list === undefined) continue;
      if (!Array.isArray(list)) { add(`${t.path}.${field}`, 'must be an array of task ids or names'); continue; }
      list.forEach((ref, k) => {
        const j = resolve(ref);
        if (j === undefined) add(`${t.path}.${field}[${k}]`, `unknown task ${JSON.stringify(ref)}`);
        else if (field === 'parents') link(j, i, `${t.path}.${field}[${k}]`);
        else link(i, j, `${t.path}.${field}[${k}]`);
      });
    }
  });

  const runtimes = raw.map((t) => {
    if (typeof t.runtime !== 'number' || !Number.isFinite(t.runtime) || t.runtime < 0) {
      add(t.runtimePath, `must be a number ≥ 0 (got ${JSON.stringify(t.runtime) ?? 'nothing'})`);
      return 0;
    }
    return t.runtime;
  });
  if (issues.length > 0) return { ok: false, issues };

  const ids = uniqueIds(raw.map((t) => t.key));
  const renamed: Record<string, string> = {};
  raw.forEach((t, i) => { if (ids[i] !== t.key) renamed[t.key] = ids[i] as string; });
  const cv = opts.cv ?? 0;
  const tasks = raw.map((_, i) => {
    const r = runtimes[i] as number;
    const task: NonNullable<ScenarioInput['pipeline']>['tasks'][number] = {
      id: ids[i] as string,
      duration_s: cv > 0 && r > 0 ? { dist: 'lognormal', mean: r, cv } : r,
    };
    if (opts.failure_probability) task.failure_probability = opts.failure_probability;
    if (opts.retries) task.retries = opts.retries;
    if (opts.retries && opts.retry_delay_s) task.retry_delay_s = opts.retry_delay_s;
    return task;
  });
  const edges = [...pairs.values()].map(([a, b]) => [ids[a], ids[b]] as [string, string]);
  const name = opts.name ?? (typeof root?.name === 'string' && root.name.length > 0 ? root.name.slice(0, 200) : 'WfCommons workflow');
  const description = typeof root?.description === 'string' ? root.description : '';
  const scenario: ScenarioInput = {
    format: 'headroom.scenario/v1',
    name,
    description: `Imported from WfCommons${description ? `: ${description}` : ''}`.slice(0, 100_000),
    pipeline: { runs: opts.runs ?? 1000, tasks, edges },
  };
  return { ok: true, scenario, tasks: tasks.length, edges: edges.length, renamed };
}

function readTasks(wf: Record<string, unknown>, add: (path: string, message: string) => void): RawTask[] | null {
  const spec = isObject(wf.specification) ? wf.specification : null;
  if (spec) {
    // Schema 1.5: structure in specification, runtimes in execution, joined by id.
    if (!Array.isArray(spec.tasks)) { add('workflow.specification.tasks', 'must be an array of tasks'); return null; }
    const exec = isObject(wf.execution) && Array.isArray(wf.execution.tasks) ? wf.execution.tasks : null;
    if (!exec) { add('workflow.execution.tasks', 'must be an array of task executions (with runtimeInSeconds)'); return null; }
    const runtime = new Map<string, [unknown, string]>();
    exec.forEach((e, i) => { if (isObject(e) && typeof e.id === 'string') runtime.set(e.id, [e.runtimeInSeconds, `workflow.execution.tasks[${i}].runtimeInSeconds`]); });
    const out: RawTask[] = [];
    spec.tasks.forEach((t, i) => {
      const path = `workflow.specification.tasks[${i}]`;
      const task = taskHead(t, path, add);
      if (!task) return;
      const [rt, rtPath] = runtime.get(task.key) ?? [undefined, `workflow.execution.tasks (no entry with id "${task.key}")`];
      out.push({ ...task, path, runtime: rt, runtimePath: rtPath, parents: (t as Record<string, unknown>).parents, children: (t as Record<string, unknown>).children });
    });
    return out;
  }
  if (!Array.isArray(wf.tasks)) { add('workflow.tasks', 'must be an array of tasks (or give workflow.specification.tasks, schema 1.5)'); return null; }
  const out: RawTask[] = [];
  wf.tasks.forEach((t, i) => {
    const path = `workflow.tasks[${i}]`;
    const task = taskHead(t, path, add);
    if (!task) return;
    const o = t as Record<string, unknown>;
    const key = o.runtimeInSeconds !== undefined ? 'runtimeInSeconds' : 'runtime';
    out.push({ ...task, path, runtime: o[key], runtimePath: `${path}.runtimeInSeconds`, parents: o.parents, children: o.children });
  });
  return out;
}

function taskHead(t: unknown, path: string, add: (path: string, message: string) => void): { key: string; name: string } | null {
  if (!isObject(t)) { add(path, 'must be an object'); return null; }
  const id = typeof t.id === 'string' && t.id.length > 0 ? t.id : null;
  const name = typeof t.name === 'string' && t.name.length > 0 ? t.name : null;
  if (!id && !name) { add(`${path}.name`, 'must be a non-empty string (or give an id)'); return null; }
  return { key: (id ?? name) as string, name: (name ?? id) as string };
}

/** Valid, unique scenario ids: invalid characters become "_", duplicates get "_2", "_3", … */
function uniqueIds(keys: string[]): string[] {
  const used = new Set<string>();
  const valid = keys.map((k) => (ID.test(k) && k.length <= 200 ? k : k.replace(/[^A-Za-z0-9_.-]/g, '_').slice(0, 190) || 'task'));
  for (const [i, k] of keys.entries()) if (valid[i] === k) used.add(k);
  return valid.map((v, i) => {
    if (v === keys[i]) return v;
    let id = v, n = 2;
    while (used.has(id)) id = `${v}_${n++}`;
    used.add(id);
    return id;
  });
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}
