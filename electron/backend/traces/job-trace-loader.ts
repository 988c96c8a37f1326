// Reads the job trace a scenario names (`cluster.job_trace`) for the engine, which does no I/O:
// the path resolves under the scenario file's folder (on the command line) or the given fallback
// folders, by the rule of ./scenario-file-ref.ts, as serving traces do; the file is parsed
// (Tiresias or the generic CSV of docs/cluster.md) and handed in as
// `HostInputs.jobs["cluster.job_trace"]`. Every problem names the JSON path, the file and the line.
import path from 'node:path';
import { JOB_TRACE_KEY, parseJobTrace, type HostInputs, type Scenario, type ValidationIssue } from '../../../simulation';
import { appPaths } from '../paths';
import { readReferencedFile } from './scenario-file-ref';

const AT = 'cluster.job_trace.path';

export type JobTraceLoad = { ok: true; jobs: NonNullable<HostInputs['jobs']> } | { ok: false; errors: ValidationIssue[] };

/** Loads the scenario's job trace; `baseDirs`: the scenario file's folder first, then fallbacks. */
export function loadJobTraces(s: Scenario, baseDirs: readonly string[]): JobTraceLoad {
  const ref = s.cluster?.job_trace;
  if (!ref) return { ok: true, jobs: {} };
  const fail = (message: string): JobTraceLoad => ({ ok: false, errors: [{ path: AT, message }] });
  const read = readReferencedFile(ref.path, baseDirs);
  if (!read.ok) return fail(read.code === 'missing' ? `cannot read ${ref.path}: no such file` : `${ref.path} ${read.reason}`);
  const text = read.content.toString('utf8');
  const poolIndex = s.cluster?.pools.findIndex((p) => p.id === ref.pool) ?? -1;
  const pool = s.cluster?.pools[poolIndex];
  if (!pool) return { ok: false, errors: [{ path: 'cluster.job_trace.pool', message: `unknown pool "${ref.pool}"` }] };
  const parsed = parseJobTrace(text, ref.format as 'tiresias' | 'csv', { id: pool.id, units: pool.units, path: `cluster.pools[${poolIndex}].units` });
  if (!parsed.ok) {
    const name = path.basename(ref.path);
    return { ok: false, errors: parsed.issues.map((i) => ({ path: AT, message: `${name} line ${i.line}: ${i.message}` })) };
  }
  return { ok: true, jobs: { [JOB_TRACE_KEY]: parsed.jobs } };
}

/**
 * `inputs` with the scenario's job trace added when the host has not loaded it yet (the app's
 * run path, where relative paths fall back to the bundled examples' folder, as for serving
 * traces). Throws with every problem when the trace cannot be used.
 */
export function withJobTraces(s: Scenario, inputs: HostInputs, baseDirs: readonly string[] = [appPaths().examplesDir]): HostInputs {
  if (!s.cluster?.job_trace || inputs.jobs?.[JOB_TRACE_KEY]) return inputs;
  const loaded = loadJobTraces(s, baseDirs);
  if (!loaded.ok) throw new Error(loaded.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
  return { ...inputs, jobs: { ...inputs.jobs, ...loaded.jobs } };
}
