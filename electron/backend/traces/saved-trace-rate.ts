// The serving form's preview of a trace (traceRate in the method table): one service's trace in
// a saved version, read as a run reads it — the library's copy of the file (withStoredFiles),
// the one loader (loadTraces) with the version's `time_column`, the same checks — then counted
// in buckets with the version's `scale` (./trace-rate.ts). Problems come back naming the field,
// and the file by the name the scenario gives it, not by its copy's.
import type * as z from 'zod';
import type { Library } from '../../../db';
import type { ValidationIssue } from '../../../simulation';
import { MAX_TRACE_RATE_BUCKETS, type TraceRateResultSchema } from '../../common/api-records';
import { withStoredFiles } from '../library/version-files';
import { appPaths } from '../paths';
import { applyOverrides, loadScenarioText } from './scenario-source';
import { loadTraces } from './trace-loader';
import { traceRateSeries, type TraceRate } from './trace-rate';

type TraceRateResult = z.input<typeof TraceRateResultSchema>;

/** Rates already counted, by the stored file's content, time column and scale: a stored file never changes. */
export type TraceRateCache = Map<string, TraceRate>;
const MAX_CACHED = 32;

/** The rate over time of `serving.services[serviceIndex]`'s trace in the saved version `versionId`. */
export function savedTraceRate(lib: Library, versionId: string, serviceIndex: number, cacheDir: string, cache: TraceRateCache): TraceRateResult {
  const version = lib.scenarios.getVersion(versionId);
  if (!version) throw new Error(`no scenario version with id ${versionId}`);
  const fail = (issue: ValidationIssue): TraceRateResult => ({ ok: false, version: version.version, path: issue.path, message: issue.message });
  const at = `serving.services[${serviceIndex}]`;
  const loaded = loadScenarioText(version.json);
  if (!loaded.ok) return fail(loaded.errors[0] ?? { path: '(file)', message: 'is not a valid scenario' });
  const services = loaded.scenario.serving?.services ?? [];
  const svc = services[serviceIndex];
  if (!svc) {
    return fail({ path: at, message: `is not in the saved v${version.version}, which has ${services.length} service${services.length === 1 ? '' : 's'}` });
  }
  const a = svc.arrivals;
  if (a.process !== 'trace') return fail({ path: `${at}.arrivals.process`, message: `is "${a.process}" in the saved v${version.version}, not "trace"` });

  const answer = (rate: TraceRate): TraceRateResult => ({
    ok: true, version: version.version, file: a.path, timeColumn: a.time_column ?? null, scale: a.scale, ...rate,
  });
  const stored = version.files.find((f) => f.jsonPath === `${at}.arrivals.path`);
  const key = stored ? `${stored.sha256}\u0000${typeof a.time_column}:${String(a.time_column)}\u0000${a.scale}` : null;
  const known = key === null ? undefined : cache.get(key);
  if (known) return answer(known);

  let withFiles;
  try {
    withFiles = withStoredFiles(lib, versionId, loaded, cacheDir);
  } catch (e) {
    const m = /^(\S+): (.*)$/s.exec((e as Error).message);
    return fail(m ? { path: m[1] as string, message: m[2] as string } : { path: `${at}.arrivals.path`, message: (e as Error).message });
  }
  const patched = applyOverrides(withFiles.raw, {});
  if (!patched.ok) return fail(patched.errors[0] as ValidationIssue);
  // This service alone, without its `llm` token columns: the preview is of the arrivals' times.
  const { llm: _llm, ...times } = patched.scenario.serving?.services[serviceIndex] ?? svc;
  const alone = { ...patched.scenario, serving: { ...patched.scenario.serving, services: [times] } };
  const read = loadTraces(alone, withFiles.fileDirs ?? [appPaths().examplesDir]);
  if (!read.ok) {
    const first = read.errors[0] as ValidationIssue;
    const copy = times.arrivals.process === 'trace' ? times.arrivals.path : a.path;
    return fail({
      path: first.path.replace(/^serving\.services\[0\]/, at),
      message: copy === a.path ? first.message : first.message.split(copy).join(a.path),
    });
  }
  const rate = traceRateSeries(read.inputs.traces?.[svc.id] ?? [], a.scale, MAX_TRACE_RATE_BUCKETS);
  if (key !== null) {
    if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value as string);
    cache.set(key, rate);
  }
  return answer(rate);
}
