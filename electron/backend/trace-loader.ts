// Reads the trace files a scenario names (`serving.services[i].arrivals.path`) and hands their
// timestamps to the engine as HostInputs.traces (seconds from the first request, before
// `scale`). A relative path resolves against the scenario file's folder (on the command line)
// or the given fallback folders. Every problem comes back as `path: message` naming the field,
// never half-loaded.
import fs from 'node:fs';
import path from 'node:path';
import type { HostInputs, Scenario, ValidationIssue } from '../../simulation';
import { parseTraceCsv, TraceError } from './trace-csv';

/** Larger trace files are refused before they are read. */
export const MAX_TRACE_BYTES = 256 * 1024 * 1024;

export type TraceLoad = { ok: true; inputs: HostInputs } | { ok: false; errors: ValidationIssue[] };

/** Parsed files by resolved path and column, so a sweep or a shared file reads each once. */
export type TraceCache = Map<string, Float64Array>;

/** Where a relative path goes: the first folder where the file exists, else the first folder. */
export function resolveTracePath(p: string, baseDirs: readonly string[]): string {
  if (path.isAbsolute(p) || baseDirs.length === 0) return path.resolve(p);
  const candidates = baseDirs.map((d) => path.resolve(d, p));
  return candidates.find((c) => fs.existsSync(c)) ?? (candidates[0] as string);
}

/** Reads one trace file; throws TraceError with a message that names the line. */
export function readTraceFile(file: string, column: string | number | undefined, label = file): Float64Array {
  let size: number;
  try {
    const st = fs.statSync(file);
    if (st.isDirectory()) throw new TraceError(`cannot read ${label}: it is a folder`);
    size = st.size;
  } catch (e) {
    if (e instanceof TraceError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (code ?? (e as Error).message);
    throw new TraceError(`cannot read ${label}${label === file ? '' : ` (${file})`}: ${why}`);
  }
  if (size > MAX_TRACE_BYTES) throw new TraceError(`${label} is larger than ${MAX_TRACE_BYTES / 1024 / 1024} MiB`);
  return parseTraceCsv(fs.readFileSync(file, 'utf8'), column, label).times;
}

/** Loads every trace of the scenario's services. */
export function loadTraces(scenario: Scenario, baseDirs: readonly string[], cache: TraceCache = new Map()): TraceLoad {
  const traces: Record<string, Float64Array> = {};
  const errors: ValidationIssue[] = [];
  scenario.serving?.services.forEach((svc, i) => {
    const a = svc.arrivals;
    if (a.process !== 'trace') return;
    const file = resolveTracePath(a.path, baseDirs);
    const key = `${file}\u0000${String(a.time_column ?? 0)}`;
    let times = cache.get(key);
    if (!times) {
      try {
        times = readTraceFile(file, a.time_column, a.path);
      } catch (e) {
        if (!(e instanceof TraceError)) throw e;
        errors.push({ path: `serving.services[${i}].arrivals.${e.field}`, message: e.message });
        return;
      }
      if (times.length < 2 || (times[times.length - 1] as number) <= 0) {
        errors.push({ path: `serving.services[${i}].arrivals.path`, message: `${a.path} needs at least two requests at different times (its rate is requests ÷ span)` });
        return;
      }
      cache.set(key, times);
    }
    traces[svc.id] = times;
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, inputs: { traces } };
}
