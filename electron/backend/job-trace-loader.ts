// Reads the job trace a scenario names (`cluster.job_trace`) for the engine, which does no I/O:
// a relative path resolves against the scenario file's folder (on the command line) or the given
// fallback folders, as serving traces do (./trace-loader.ts); the file is parsed (Tiresias or the
// generic CSV of docs/cluster.md) and handed in as `HostInputs.jobs["cluster.job_trace"]`. Every
// problem names the JSON path, the file and the line.
import fs from 'node:fs';
import path from 'node:path';
import { JOB_TRACE_KEY, parseJobTrace, type HostInputs, type Scenario, type ValidationIssue } from '../../simulation';
import { appPaths } from './paths';
import { resolveTracePath } from './trace-loader';

/** Larger trace files are refused before they are read. */
export const MAX_TRACE_BYTES = 256 * 1024 * 1024;

const AT = 'cluster.job_trace.path';

export type JobTraceLoad = { ok: true; jobs: NonNullable<HostInputs['jobs']> } | { ok: false; errors: ValidationIssue[] };

/** Loads the scenario's job trace; `baseDirs`: the scenario file's folder first, then fallbacks. */
export function loadJobTraces(s: Scenario, baseDirs: readonly string[]): JobTraceLoad {
  const ref = s.cluster?.job_trace;
  if (!ref) return { ok: true, jobs: {} };
  const fail = (message: string): JobTraceLoad => ({ ok: false, errors: [{ path: AT, message }] });
  const file = resolveTracePath(ref.path, baseDirs);
  let text: string;
  try {
    const st = fs.statSync(file);
    if (st.isDirectory()) return fail(`cannot read ${ref.path}: it is a folder`);
    const size = st.size;
    if (size > MAX_TRACE_BYTES) return fail(`${ref.path} is larger than ${MAX_TRACE_BYTES / 1024 / 1024} MiB`);
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return fail(`cannot read ${ref.path}: ${code === 'ENOENT' ? 'no such file' : (code ?? (e as Error).message)}`);
  }
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
