// The files a scenario names (scenario-format.md "Files a scenario refers to"): trace CSVs in
// `serving.services[i].arrivals.path` and `cluster.job_trace.path`. The library stores them by
// content with each version; exports write them beside the JSON; imports bring them back.
import path from 'node:path';
import type { ValidationIssue } from '../../../simulation';
import { pathRuleProblem, readReferencedFile } from '../traces/scenario-file-ref';

export interface PathField {
  /** e.g. `serving.services[0].arrivals.path` */
  jsonPath: string;
  /** The value as written. */
  fileName: string;
}

function record(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

/** Every path field of a (validated) raw scenario, in document order. */
export function referencedPaths(raw: unknown): PathField[] {
  const out: PathField[] = [];
  const list = record(record(raw)?.serving)?.services;
  if (Array.isArray(list)) {
    list.forEach((svc, i) => {
      const arrivals = record(record(svc)?.arrivals);
      if (arrivals?.process === 'trace' && typeof arrivals.path === 'string') {
        out.push({ jsonPath: `serving.services[${i}].arrivals.path`, fileName: arrivals.path });
      }
    });
  }
  const trace = record(record(record(raw)?.cluster)?.job_trace);
  if (trace && typeof trace.path === 'string') out.push({ jsonPath: 'cluster.job_trace.path', fileName: trace.path });
  return out;
}

/** A deep copy of `raw` with the named path fields set to new values (for exports). */
export function withPaths(raw: unknown, values: ReadonlyMap<string, string>): unknown {
  const copy = JSON.parse(JSON.stringify(raw)) as Record<string, unknown>;
  for (const [jsonPath, value] of values) {
    const m = /^serving\.services\[(\d+)\]\.arrivals\.path$/.exec(jsonPath);
    if (m) {
      const svc = record((record(copy.serving)?.services as unknown[] | undefined)?.[Number(m[1])]);
      const arrivals = record(svc?.arrivals);
      if (arrivals) arrivals.path = value;
    } else if (jsonPath === 'cluster.job_trace.path') {
      const trace = record(record(copy.cluster)?.job_trace);
      if (trace) trace.path = value;
    }
  }
  return copy;
}

/** Where a file named in a scenario comes from when the library does not have it yet. */
export interface FileSources {
  /** Folders relative names resolve under, in order: the scenario file's folder (imports from disk), then fallbacks. */
  baseDirs?: readonly string[];
  /** Files handed over with the scenario (imports from the browser), by base name. */
  provided?: ReadonlyMap<string, Buffer>;
}

export type FileLookup = { ok: true; content: Buffer } | { ok: false; issue: ValidationIssue };

/** The rule's verdict on the value as written (./scenario-file-ref.ts), as an issue on the field. */
export function pathRuleIssue(field: PathField): ValidationIssue | null {
  const problem = pathRuleProblem(field.fileName);
  return problem ? { path: field.jsonPath, message: `${field.fileName} ${problem}` } : null;
}

/**
 * Finds the bytes of a named file among the sources, by the rule of ./scenario-file-ref.ts: the
 * handed-over file of that name, else the file under a base folder (at its relative path, then
 * by its base name beside the scenario), read only if it is a regular file within the cap.
 */
export function findFile(field: PathField, sources: FileSources): FileLookup {
  const refused = pathRuleIssue(field);
  if (refused) return { ok: false, issue: refused };
  const base = path.basename(field.fileName.replace(/\\/g, '/'));
  const given = sources.provided?.get(field.fileName) ?? sources.provided?.get(base);
  if (given) return { ok: true, content: given };
  const dirs = sources.baseDirs ?? [];
  let read = readReferencedFile(field.fileName, dirs);
  if (!read.ok && read.code === 'missing' && base !== field.fileName) read = readReferencedFile(base, dirs);
  if (read.ok) return { ok: true, content: read.content };
  if (read.code !== 'missing') return { ok: false, issue: { path: field.jsonPath, message: `${field.fileName} ${read.reason}` } };
  const hint = sources.provided !== undefined
    ? 'select it together with the scenario file'
    : 'put it in the scenario\'s folder (or below) and import the scenario from there, or import the scenario together with the file';
  return { ok: false, issue: { path: field.jsonPath, message: `the file ${field.fileName} was not found: ${hint}` } };
}
