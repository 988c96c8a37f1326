// Reads the trace files a scenario names (`serving.services[i].arrivals.path`) and hands their
// timestamps to the engine as HostInputs.traces (seconds from the first request, before
// `scale`). The path resolves under the scenario file's folder (on the command line) or the given
// fallback folders, by the rule of ./scenario-file-ref.ts. Every problem comes back as
// `path: message` naming the field, never half-loaded.
import type { HostInputs, Scenario, ValidationIssue } from '../../../simulation';
import { expectedLocation, MAX_REFERENCED_FILE_BYTES, readRegularFile, readResolvedFile, resolveReferencedFile, type Refusal } from './scenario-file-ref';
import { parseTraceCsv, TraceError } from './trace-csv';

export type TraceLoad = { ok: true; inputs: HostInputs } | { ok: false; errors: ValidationIssue[] };

/** Parsed files by resolved path and column, so a sweep or a shared file reads each once. */
export type TraceCache = Map<string, Float64Array>;

/** The message for a file that could not be read; `tried` is where a missing file was looked for. */
function refusalMessage(r: Refusal, label: string, tried: string): string {
  return r.code === 'missing' ? `cannot read ${label} (${tried}): no such file` : `${label} ${r.reason}`;
}

/** Reads one trace file the host chose itself (not a scenario's field); throws TraceError naming the line. */
export function readTraceFile(file: string, column: string | number | undefined, label = file): Float64Array {
  const read = readRegularFile(file, MAX_REFERENCED_FILE_BYTES);
  if (!read.ok) throw new TraceError(refusalMessage(read, label, file));
  return parseTraceCsv(read.content.toString('utf8'), column, label).times;
}

/** Loads every trace of the scenario's services. */
export function loadTraces(scenario: Scenario, baseDirs: readonly string[], cache: TraceCache = new Map()): TraceLoad {
  const traces: Record<string, Float64Array> = {};
  const errors: ValidationIssue[] = [];
  scenario.serving?.services.forEach((svc, i) => {
    const a = svc.arrivals;
    if (a.process !== 'trace') return;
    const at = `serving.services[${i}].arrivals`;
    const found = resolveReferencedFile(a.path, baseDirs);
    if (!found.ok) {
      errors.push({ path: `${at}.path`, message: refusalMessage(found, a.path, expectedLocation(baseDirs[0] ?? '.', a.path)) });
      return;
    }
    const key = `${found.file}\u0000${String(a.time_column ?? 0)}`;
    let times = cache.get(key);
    if (!times) {
      const read = readResolvedFile(found.file);
      if (!read.ok) {
        errors.push({ path: `${at}.path`, message: refusalMessage(read, a.path, found.file) });
        return;
      }
      try {
        times = parseTraceCsv(read.content.toString('utf8'), a.time_column, a.path).times;
      } catch (e) {
        if (!(e instanceof TraceError)) throw e;
        errors.push({ path: `${at}.${e.field}`, message: e.message });
        return;
      }
      if (times.length < 2 || (times[times.length - 1] as number) <= 0) {
        errors.push({ path: `${at}.path`, message: `${a.path} needs at least two requests at different times (its rate is requests ÷ span)` });
        return;
      }
      cache.set(key, times);
    }
    traces[svc.id] = times;
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, inputs: { traces } };
}
