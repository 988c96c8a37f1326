// "Import jobs from CSV…": a job-trace file read into explicit `cluster.jobs[]` entries, shown as
// a preview before anything is written. The rows are read by the engine's own trace parser
// (simulation/cluster/job-trace.ts, on the one CSV reader), so the app and `cluster.job_trace` on
// the command line agree on the columns, the defaults and the messages. The import adds what a
// scenario's jobs need beyond a trace: a pool per job (an optional `pool` column, which the trace
// reader ignores, else the pool chosen in the form) and ids that are unique and valid. Pure.
import { CsvError, headerIndex, parseCsv, parseJobTrace, showBound, type CsvRecord, type TraceIssue } from '../../../simulation';
import { uniqueId } from '../section-starters';
import { ID_MAX, isValidId, MAX_JOB_STEPS } from './cluster-schema';

/** More jobs than this belong in `cluster.job_trace`, which keeps the file a file. */
export const MAX_IMPORT_JOBS = 2000;
/** Rows the preview table shows. */
export const PREVIEW_ROWS = 5;
/** Problems listed; the count says how many more there are. */
const MAX_LISTED = 20;

export interface ImportPool {
  id: string;
  /** The pool's units when they are a number (else no job is checked against it). */
  units: number | undefined;
  /** Position in `cluster.pools`, for messages. */
  index: number;
}

/** A job as it is written into `cluster.jobs` (priority only when it is not the default 0). */
export interface ImportedJob {
  id: string;
  pool: string;
  arrival_s: number;
  units: number;
  steps: number;
  step_time_s: number;
  priority?: number;
}

export interface ColumnUse {
  /** The job field, as the form labels it. */
  field: string;
  /** Where its value comes from: a column, a formula of columns, or the default. */
  source: string;
}

export interface JobCsvPreview {
  format: 'csv' | 'tiresias';
  /** Data rows in the file (blank lines aside). */
  rows: number;
  /** The jobs to append; empty when there is any problem. */
  jobs: ImportedJob[];
  columns: ColumnUse[];
  /** Header columns the import does not read. */
  unused: string[];
  /** Ids changed to be valid and unique, with the file line they come from. */
  renamed: { line: number; from: string; to: string }[];
  /** Problems, each naming the file line and the column; nothing may be imported while there are any. */
  problems: TraceIssue[];
  /** Problems not listed (beyond the first MAX_LISTED). */
  moreProblems: number;
}

export interface ImportOptions {
  pools: readonly ImportPool[];
  /** The pool of rows without a `pool` value. */
  defaultPool: string;
  /** Ids the scenario's jobs already have. */
  takenIds: readonly unknown[];
}

/** Tiresias when the header has its columns and not the generic ones (the trace reader needs the format named). */
export function detectFormat(cols: ReadonlyMap<string, number>): 'csv' | 'tiresias' {
  return !cols.has('arrival_s') && cols.has('num_gpu') && cols.has('submit_time') ? 'tiresias' : 'csv';
}

function columnUses(format: 'csv' | 'tiresias', cols: ReadonlyMap<string, number>, defaultPool: string): ColumnUse[] {
  const pool = { field: 'pool', source: cols.has('pool') ? `pool (empty: "${defaultPool}")` : `"${defaultPool}" (no pool column)` };
  if (format === 'tiresias') {
    return [
      { field: 'id', source: 'job_id' },
      pool,
      { field: 'arrival (s)', source: 'submit_time' },
      { field: 'units', source: 'num_gpu' },
      { field: 'steps', source: 'iterations' },
      { field: 'step time (s)', source: 'duration ÷ iterations' },
      { field: 'priority', source: '0 (not in the format)' },
    ];
  }
  return [
    { field: 'id', source: cols.has('id') ? 'id' : 'line-N (no id column)' },
    pool,
    { field: 'arrival (s)', source: 'arrival_s' },
    { field: 'units', source: 'units' },
    { field: 'steps', source: cols.has('steps') ? 'steps' : '1 (no steps column)' },
    { field: 'step time (s)', source: cols.has('step_time_s') ? 'step_time_s' : 'duration_s ÷ steps' },
    { field: 'priority', source: cols.has('priority') ? 'priority' : '0 (no priority column)' },
  ];
}

const READ_COLUMNS = {
  csv: ['id', 'arrival_s', 'units', 'steps', 'step_time_s', 'duration_s', 'priority', 'pool'],
  tiresias: ['job_id', 'num_gpu', 'submit_time', 'iterations', 'duration', 'pool'],
};

/** An id a scenario accepts: characters outside letters, digits, "_", "." and "-" become "_". */
function validId(id: string, line: number): string {
  if (isValidId(id)) return id;
  const cleaned = id.replace(/[^A-Za-z0-9_.-]+/g, '_').slice(0, ID_MAX);
  return cleaned.replace(/_/g, '') === '' ? `line-${line}` : cleaned;
}

export function previewJobCsv(text: string, options: ImportOptions): JobCsvPreview {
  const empty = (problems: TraceIssue[], format: 'csv' | 'tiresias' = 'csv'): JobCsvPreview => ({
    format, rows: 0, jobs: [], columns: [], unused: [], renamed: [], problems, moreProblems: 0,
  });
  let records: CsvRecord[];
  try {
    records = parseCsv(text);
  } catch (e) {
    if (!(e instanceof CsvError)) throw e;
    return empty([{ line: e.line, message: e.reason }]);
  }
  const header = records[0];
  if (!header) return empty([{ line: 1, message: 'the file is empty (a header row is required)' }]);
  const cols = headerIndex(header);
  const format = detectFormat(cols);
  const data = records.slice(1);
  const base = {
    format,
    rows: data.length,
    columns: columnUses(format, cols, options.defaultPool),
    unused: header.fields.map((f) => f.trim()).filter((f) => f !== '' && !READ_COLUMNS[format].includes(f.toLowerCase())),
  };

  // The engine's reader, with no pool limit: each row's pool is only known here.
  const parsed = parseJobTrace(text, format, { id: '', units: Infinity, path: '' });
  const problems: TraceIssue[] = parsed.ok ? [] : [...parsed.issues];
  // A missing column is the whole story: every row would repeat it.
  if (problems.some((p) => p.line === header.line)) return { ...empty(problems, format), ...base };
  if (parsed.ok && data.length === 0) problems.push({ line: header.line, message: 'the file has a header but no jobs' });
  if (data.length > MAX_IMPORT_JOBS) {
    problems.push({ line: header.line, message: `the file has ${data.length.toLocaleString('en-US')} jobs; the form imports at most ${MAX_IMPORT_JOBS.toLocaleString('en-US')} (name a larger file as cluster.job_trace instead)` });
  }
  if (options.pools.length === 0) problems.push({ line: header.line, message: 'the cluster has no pool to put the jobs in: add a pool first' });

  // Rows and jobs line up when the reader found no problem (every data row gave one job).
  const poolCol = cols.get('pool');
  const byId = new Map(options.pools.map((p) => [p.id, p]));
  const known = options.pools.map((p) => p.id).join(', ');
  const taken = new Set(options.takenIds);
  const renamed: JobCsvPreview['renamed'] = [];
  const jobs: ImportedJob[] = [];
  data.forEach((rec, k) => {
    const named = poolCol === undefined ? '' : (rec.fields[poolCol] ?? '').trim();
    const poolId = named || options.defaultPool;
    const pool = byId.get(poolId);
    if (!pool) {
      if (options.pools.length > 0) problems.push({ line: rec.line, message: `pool: there is no pool "${poolId}" in this cluster (pools: ${known})` });
      return;
    }
    const job = parsed.ok ? parsed.jobs[k] : undefined;
    if (!job) return;
    if (pool.units !== undefined && job.units > pool.units) {
      problems.push({ line: rec.line, message: `${format === 'tiresias' ? 'num_gpu' : 'units'} ${job.units} does not fit in pool "${pool.id}" (cluster.pools[${pool.index}].units = ${pool.units})` });
      return;
    }
    if (job.steps > MAX_JOB_STEPS) {
      problems.push({ line: rec.line, message: `${format === 'tiresias' ? 'iterations' : 'steps'}: must be an integer from 1 to ${showBound(MAX_JOB_STEPS)} (got ${job.steps})` });
      return;
    }
    const valid = validId(job.id, rec.line);
    const id = taken.has(valid) ? uniqueId(valid, taken) : valid;
    taken.add(id);
    if (id !== job.id) renamed.push({ line: rec.line, from: job.id, to: id });
    jobs.push({
      id, pool: pool.id, arrival_s: job.arrival_s, units: job.units, steps: job.steps, step_time_s: job.step_time_s,
      ...(job.priority !== 0 ? { priority: job.priority } : {}),
    });
  });

  problems.sort((a, b) => a.line - b.line);
  const ok = problems.length === 0;
  return {
    ...base,
    jobs: ok ? jobs : [],
    renamed: ok ? renamed : [],
    problems: problems.slice(0, MAX_LISTED),
    moreProblems: Math.max(0, problems.length - MAX_LISTED),
  };
}
