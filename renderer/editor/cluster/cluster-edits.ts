// The cluster form's structural edits as pure functions over the scenario's parsed JSON: add,
// remove and duplicate pools and jobs, and rename a pool together with every field that names
// it, so a rename is one undo step and no job is left pointing at the old id.
import { getAtPath, type JsonPath } from '../json-path';
import { uniqueId } from '../section-starters';
import type { FieldEdit } from '../text-edit';
import { ID_MAX, isValidId } from './cluster-schema';

export const POOLS: JsonPath = ['cluster', 'pools'];
export const JOBS: JsonPath = ['cluster', 'jobs'];

const list = (raw: unknown, path: JsonPath): unknown[] => {
  const v = getAtPath(raw, path);
  return Array.isArray(v) ? v : [];
};

/** The `id` of each item of the array at `path` (whatever it is, so positions line up). */
export const idsAt = (raw: unknown, path: JsonPath): unknown[] => list(raw, path).map((item) => getAtPath(item, ['id']));

/** The pools' ids that are strings: what a pool select offers. */
export const poolIds = (raw: unknown): string[] => idsAt(raw, POOLS).filter((id): id is string => typeof id === 'string' && id !== '');

/** Every field outside `cluster.pools` that names a pool, with its current value. */
function poolReferences(raw: unknown): { path: JsonPath; value: unknown }[] {
  const out: { path: JsonPath; value: unknown }[] = [];
  list(raw, JOBS).forEach((job, i) => out.push({ path: [...JOBS, i, 'pool'], value: getAtPath(job, ['pool']) }));
  for (const path of [['cluster', 'job_generator', 'pool'], ['cluster', 'job_trace', 'pool']]) out.push({ path, value: getAtPath(raw, path) });
  list(raw, ['pipeline', 'tasks']).forEach((task, i) => out.push({ path: ['pipeline', 'tasks', i, 'pool'], value: getAtPath(task, ['pool']) }));
  return out;
}

/** Why `next` cannot be pool `index`'s new id, or null: empty, not an identifier, or taken by another pool. */
export function poolIdProblem(raw: unknown, index: number, next: string): string | null {
  if (next === '') return 'a pool needs an id';
  if (!isValidId(next)) return next.length > ID_MAX ? `an id has at most ${ID_MAX} characters` : 'an id may use only letters, digits, "_", "." and "-"';
  if (idsAt(raw, POOLS).some((id, i) => i !== index && id === next)) return `another pool is already called "${next}"`;
  return null;
}

/**
 * Pool `index` renamed to `next`, and every field that named its old id renamed with it. When
 * another pool shares the old id, which one a reference meant is unknown, so none is moved.
 */
export function renamePoolEdits(raw: unknown, index: number, next: string): FieldEdit[] {
  const edits: FieldEdit[] = [{ path: [...POOLS, index, 'id'], value: next }];
  const ids = idsAt(raw, POOLS);
  const old = ids[index];
  if (typeof old !== 'string' || old === next || ids.filter((id) => id === old).length > 1) return edits;
  for (const ref of poolReferences(raw)) if (ref.value === old) edits.push({ path: ref.path, value: next });
  return edits;
}

/** A new pool of 8 units at the end, with an id no pool has. */
export function addPoolEdit(raw: unknown): FieldEdit {
  const pools = list(raw, POOLS);
  return { path: [...POOLS, pools.length], value: { id: uniqueId('pool_1', idsAt(raw, POOLS)), units: 8 }, insert: true };
}

/** Appends `job` to `cluster.jobs`, creating the list when the scenario has none. */
function appendJob(raw: unknown, job: unknown): FieldEdit {
  const jobs = getAtPath(raw, JOBS);
  return Array.isArray(jobs) ? { path: [...JOBS, jobs.length], value: job, insert: true } : { path: JOBS, value: [job] };
}

/** A new job at the end: on the first pool, arriving at 0, one unit, 1000 steps of about 1 s. */
export function addJobEdit(raw: unknown): FieldEdit {
  const job = {
    id: uniqueId('job_1', idsAt(raw, JOBS)),
    pool: poolIds(raw)[0] ?? 'pool_1',
    arrival_s: 0,
    units: 1,
    steps: 1000,
    step_time_s: { dist: 'exponential', mean: 1 },
  };
  return appendJob(raw, job);
}

/** A copy of job `index` right after it, with an id no job has (`llm_2` for `llm`). */
export function duplicateJobEdit(raw: unknown, index: number): FieldEdit | null {
  const job = list(raw, JOBS)[index];
  if (typeof job !== 'object' || job === null || Array.isArray(job)) return null;
  const id = getAtPath(job, ['id']);
  const copy = { ...job, id: uniqueId(typeof id === 'string' && id !== '' ? id : 'job_1', idsAt(raw, JOBS)) };
  return { path: [...JOBS, index + 1], value: copy, insert: true };
}

/** Removes item `index` of the array at `path`. */
export const removeItemEdit = (path: JsonPath, index: number): FieldEdit => ({ path: [...path, index], value: undefined });

/**
 * What each row of a table is called in its controls' names ("Units of pool gpu"): its id, or
 * "row n" when the id is missing or shared with another row, so every name stays unique.
 */
export function rowNames(ids: readonly unknown[]): string[] {
  const count = new Map<unknown, number>();
  for (const id of ids) count.set(id, (count.get(id) ?? 0) + 1);
  return ids.map((id, i) => (typeof id === 'string' && id !== '' && count.get(id) === 1 ? id : `row ${i + 1}`));
}
