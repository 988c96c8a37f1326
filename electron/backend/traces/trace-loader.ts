// Reads the trace files a scenario names (`serving.services[i].arrivals.path`) and hands their
// timestamps to the engine as HostInputs.traces (seconds from the first request, before
// `scale`), and an `llm` service's token columns (`llm.prompt_tokens` / `llm.output_tokens` as
// `{"column": …}`) as HostInputs.traceTokens, one count per request in the order of the times.
// The path resolves under the scenario file's folder (on the command line) or the given
// fallback folders, by the rule of ./scenario-file-ref.ts. Every problem comes back as
// `path: message` naming the field, never half-loaded.
import type { HostInputs, Scenario, ServiceSpec, ValidationIssue } from '../../../simulation';
import { expectedLocation, MAX_REFERENCED_FILE_BYTES, readRegularFile, readResolvedFile, resolveReferencedFile, type Refusal } from './scenario-file-ref';
import { parseTraceCsv, TraceError, type TokenColumnRefs } from './trace-csv';

export type TraceLoad = { ok: true; inputs: HostInputs } | { ok: false; errors: ValidationIssue[] };

type TraceTokenColumns = NonNullable<HostInputs['traceTokens']>[string];

/** Parsed files by resolved path and column (times, and token columns), so a sweep or a shared file reads each once. */
export type TraceCache = Map<string, Float64Array>;

/** The JSON path of a trace problem: under the arrivals, or an `llm` token column. */
function fieldPath(i: number, field: TraceError['field']): string {
  return field === 'prompt_tokens' || field === 'output_tokens' ? `serving.services[${i}].llm.${field}.column` : `serving.services[${i}].arrivals.${field}`;
}

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
  const traceTokens: Record<string, TraceTokenColumns> = {};
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
    const refs = tokenRefs(svc);
    // Token columns are cached per (file, time column, column): their order follows the times'.
    const tokenKey = (k: keyof TokenColumnRefs) => `${key}\u0000${k}\u0000${typeof refs[k]}:${String(refs[k])}`;
    const wanted = (['prompt', 'output'] as const).filter((k) => refs[k] !== undefined);
    let times = cache.get(key);
    if (!times || wanted.some((k) => !cache.has(tokenKey(k)))) {
      const read = readResolvedFile(found.file);
      if (!read.ok) {
        errors.push({ path: `${at}.path`, message: refusalMessage(read, a.path, found.file) });
        return;
      }
      let tokens;
      try {
        ({ times, tokens } = parseTraceCsv(read.content.toString('utf8'), a.time_column, a.path, refs));
      } catch (e) {
        if (!(e instanceof TraceError)) throw e;
        errors.push({ path: fieldPath(i, e.field), message: e.message });
        return;
      }
      if (times.length < 2 || (times[times.length - 1] as number) <= 0) {
        errors.push({ path: `${at}.path`, message: `${a.path} needs at least two requests at different times (its rate is requests ÷ span)` });
        return;
      }
      cache.set(key, times);
      for (const k of wanted) cache.set(tokenKey(k), tokens[k] as Float64Array);
    }
    traces[svc.id] = times;
    if (wanted.length > 0) {
      const columns: TraceTokenColumns = {};
      for (const k of wanted) columns[k] = cache.get(tokenKey(k)) as Float64Array;
      traceTokens[svc.id] = columns;
    }
  });
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, inputs: Object.keys(traceTokens).length > 0 ? { traces, traceTokens } : { traces } };
}

/** The token columns an `llm` service names (none for other services). */
function tokenRefs(svc: ServiceSpec): TokenColumnRefs {
  const llm = svc.llm;
  if (!llm) return {};
  const refs: TokenColumnRefs = {};
  if ('column' in llm.prompt_tokens) refs.prompt = llm.prompt_tokens.column;
  if ('column' in llm.output_tokens) refs.output = llm.output_tokens.column;
  return refs;
}
