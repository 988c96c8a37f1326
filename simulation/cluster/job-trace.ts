// Job traces (`cluster.job_trace`): text → jobs, or every problem with its line number. Pure, so
// the command line, the app's import and tests share it; the host reads the file.
//
// tiresias: `job_id,num_gpu,submit_time,iterations,model_name,duration,interval`, one job per
//   row: units = num_gpu, arrival_s = submit_time, steps = iterations, step time
//   duration / iterations (model_name and interval are not used).
// csv (generic): a header row naming the columns, in any order (extra columns ignored):
//   arrival_s, units (required); step_time_s or duration_s (one required; with duration_s the
//   step time is duration_s / steps); steps (default 1); id (default the row number); priority
//   (default 0).
import { CsvError, headerIndex, parseCsv, type CsvRecord } from '../csv/reader';
import type { JobInput } from './types';

export interface TraceIssue {
  /** 1-based line in the trace file (1 = header). */
  line: number;
  message: string;
}

export interface TracePool {
  id: string;
  units: number;
  /** JSON path of the pool's units, for messages, e.g. `cluster.pools[0].units`. */
  path: string;
}

export type TraceParse = { ok: true; jobs: JobInput[] } | { ok: false; issues: TraceIssue[] };

const MAX_ISSUES = 20;

export const TIRESIAS_COLUMNS = ['job_id', 'num_gpu', 'submit_time', 'iterations', 'model_name', 'duration', 'interval'] as const;

export function parseJobTrace(text: string, format: 'tiresias' | 'csv', pool: TracePool): TraceParse {
  let records: CsvRecord[];
  try {
    records = parseCsv(text);
  } catch (e) {
    if (!(e instanceof CsvError)) throw e;
    return { ok: false, issues: [{ line: e.line, message: e.reason }] };
  }
  const header = records[0];
  if (!header) return { ok: false, issues: [{ line: 1, message: 'the trace is empty (a header row is required)' }] };
  const cols = headerIndex(header);
  const issues: TraceIssue[] = [];
  const need = format === 'tiresias'
    ? ['job_id', 'num_gpu', 'submit_time', 'iterations', 'duration']
    : ['arrival_s', 'units'];
  const missing = need.filter((c) => !cols.has(c));
  if (format === 'csv' && !cols.has('step_time_s') && !cols.has('duration_s')) missing.push('step_time_s or duration_s');
  if (missing.length > 0) {
    return { ok: false, issues: [{ line: header.line, message: `missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} (header: ${header.fields.join(',')})` }] };
  }
  const jobs: JobInput[] = [];
  for (const rec of records.slice(1)) {
    if (issues.length >= MAX_ISSUES) break;
    const bad = (message: string) => issues.push({ line: rec.line, message });
    if (rec.fields.length < header.fields.length) {
      bad(`${rec.fields.length} fields, expected ${header.fields.length} (${header.fields.join(',')})`);
      continue;
    }
    const get = (name: string) => {
      const i = cols.get(name);
      return i === undefined ? undefined : (rec.fields[i] as string).trim();
    };
    const num = (name: string, kind: 'int1' | 'nonneg', fallback?: number): number | null => {
      const raw = get(name);
      if (raw === undefined || raw === '') {
        if (fallback !== undefined) return fallback;
        bad(`${name}: is required`);
        return null;
      }
      const v = Number(raw);
      const ok = kind === 'int1' ? Number.isSafeInteger(v) && v >= 1 : Number.isFinite(v) && v >= 0;
      if (!ok) { bad(`${name}: must be ${kind === 'int1' ? 'an integer ≥ 1' : 'a number ≥ 0'} (got ${JSON.stringify(raw)})`); return null; }
      return v;
    };
    let job: JobInput | null = null;
    if (format === 'tiresias') {
      const units = num('num_gpu', 'int1'), arrival = num('submit_time', 'nonneg');
      const steps = num('iterations', 'int1'), duration = num('duration', 'nonneg');
      if (units !== null && arrival !== null && steps !== null && duration !== null) {
        job = { id: get('job_id') || `line-${rec.line}`, arrival_s: arrival, units, steps, step_time_s: duration / steps, priority: 0 };
      }
    } else {
      const units = num('units', 'int1'), arrival = num('arrival_s', 'nonneg'), steps = num('steps', 'int1', 1);
      const priorityRaw = get('priority');
      const priority = priorityRaw === undefined || priorityRaw === '' ? 0 : Number(priorityRaw);
      if (!Number.isFinite(priority)) bad(`priority: must be a number (got ${JSON.stringify(priorityRaw)})`);
      const step = cols.has('step_time_s') ? num('step_time_s', 'nonneg') : null;
      const duration = cols.has('step_time_s') ? null : num('duration_s', 'nonneg');
      if (units !== null && arrival !== null && steps !== null && (step !== null || duration !== null) && Number.isFinite(priority)) {
        job = { id: get('id') || `line-${rec.line}`, arrival_s: arrival, units, steps, step_time_s: step ?? (duration as number) / steps, priority };
      }
    }
    if (!job) continue;
    if (job.units > pool.units) {
      bad(`${format === 'tiresias' ? 'num_gpu' : 'units'} ${job.units} does not fit in pool "${pool.id}" (${pool.path} = ${pool.units})`);
      continue;
    }
    jobs.push(job);
  }
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, jobs };
}
