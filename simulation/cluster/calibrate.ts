// Straggler calibration from per-worker step times of one real data-parallel job (e.g. the
// Alibaba PAI 2020 job_*_norm.csv files). Target: the job's measured sync slowdown, mean over
// steps of the slowest worker ÷ mean over steps of the workers' mean time.
//
// Model (scenario-format.md): worker times are i.i.d. lognormal (mean m, cv c); each worker's
// node is persistently slow with probability p, its times × s. Fit:
//   1. workers whose median time exceeds the median of worker medians by `slowThreshold` are
//      the slow ones: p = (slow workers) / N;
//   2. m is the mean of the other workers' times and c their spread within a step (the cv
//      across workers at the same step, averaged over steps: what the barrier sees);
//   3. s is solved so that the expected simulated slowdown, Σ_K Binom(K; N, p) · E[max | K] ÷
//      E[mean | K] (K = slow workers drawn, E[max] by numerical integration), equals the
//      measured one. With no slow worker, or when noise alone already explains the slowdown,
//      p = 0 and c is solved instead.
// Simulating the job (N workers, one worker per node) with the fitted settings then reproduces
// the measured slowdown in expectation over replications. Because a simulated job may land on
// fewer slow nodes than the real one had (or none), s is usually larger than the slow workers'
// observed ratio (reported as `slow_worker_ratio`).
import { CsvError, headerIndex, parseCsv } from '../csv/reader';
import { expectedMaxOfGroups } from './expected-step';

export interface WorkerStep {
  worker: string;
  step: number;
  time: number;
}

export interface StragglerFit {
  workers: number;
  steps: number;
  measured: {
    sync_slowdown: number;
    mean_worker_step: number;
    slow_workers: string[];
    /** Mean time of the slow workers ÷ that of the others (null without slow workers). */
    slow_worker_ratio: number | null;
  };
  fitted: {
    step_time_s: { dist: 'lognormal'; mean: number; cv: number };
    stragglers: { slow_node_probability: number; slowdown: number };
    /** One worker per node, so slow nodes strike single workers, as in the data. */
    pool: { units: number; units_per_node: 1 };
  };
  /** Expected sync slowdown of a simulation with the fitted settings. */
  predicted_sync_slowdown: number;
}

export interface FitOptions {
  /** Seconds per unit of the file's time column (default 1). */
  timeScale?: number;
  /** A worker is slow when its median exceeds the median of worker medians × this (default 1.05). */
  slowThreshold?: number;
}

const WORKER_COLUMNS = ['worker', 'worker_id', 'rank'];
const STEP_COLUMNS = ['time', 'iteration', 'step', 'iter'];
const VALUE_COLUMNS = ['batch_time_norm', 'batch_time', 'step_time_s', 'step_time', 'duration'];

/** Reads `worker`, step (`time` / `iteration` / `step`) and time (`batch_time_norm` / `step_time_s` …) columns. */
export function parseWorkerSteps(text: string): { ok: true; rows: WorkerStep[] } | { ok: false; line: number; message: string } {
  let recs;
  try {
    recs = parseCsv(text);
  } catch (e) {
    if (!(e instanceof CsvError)) throw e;
    return { ok: false, line: e.line, message: e.reason };
  }
  const header = recs[0];
  if (!header) return { ok: false, line: 1, message: 'the file is empty' };
  const cols = headerIndex(header);
  const pick = (names: string[]) => names.find((n) => cols.has(n));
  const w = pick(WORKER_COLUMNS), s = pick(STEP_COLUMNS), v = pick(VALUE_COLUMNS);
  const missing = [w ? null : `worker (${WORKER_COLUMNS.join('/')})`, s ? null : `step (${STEP_COLUMNS.join('/')})`, v ? null : `time (${VALUE_COLUMNS.join('/')})`].filter((x) => x);
  if (missing.length > 0) return { ok: false, line: header.line, message: `missing column ${missing.join(', ')} (header: ${header.fields.join(',')})` };
  const wi = cols.get(w as string) as number, si = cols.get(s as string) as number, vi = cols.get(v as string) as number;
  const rows: WorkerStep[] = [];
  for (const r of recs.slice(1)) {
    if (r.fields.length < header.fields.length) return { ok: false, line: r.line, message: `${r.fields.length} fields, expected ${header.fields.length}` };
    const step = Number(r.fields[si]), time = Number(r.fields[vi]);
    if (!Number.isFinite(step)) return { ok: false, line: r.line, message: `${s}: must be a number (got ${JSON.stringify(r.fields[si])})` };
    if (!(Number.isFinite(time) && time >= 0)) return { ok: false, line: r.line, message: `${v}: must be a number ≥ 0 (got ${JSON.stringify(r.fields[vi])})` };
    rows.push({ worker: (r.fields[wi] as string).trim(), step, time });
  }
  if (rows.length === 0) return { ok: false, line: header.line + 1, message: 'no data rows' };
  return { ok: true, rows };
}

/** Mean over steps of the slowest worker ÷ mean over steps of the workers' mean. */
export function measuredSyncSlowdown(rows: readonly WorkerStep[]): number {
  const steps = new Map<number, { max: number; sum: number; n: number }>();
  for (const r of rows) {
    const s = steps.get(r.step) ?? { max: 0, sum: 0, n: 0 };
    s.max = Math.max(s.max, r.time);
    s.sum += r.time;
    s.n++;
    steps.set(r.step, s);
  }
  let max = 0, mean = 0;
  for (const s of steps.values()) { max += s.max; mean += s.sum / s.n; }
  return max / mean;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

/**
 * The spread between workers within a step, which is what the barrier sees (a slowdown of the
 * whole job in some steps cancels out of max ÷ mean): √(mean over steps of s²/mean²) over the
 * normal workers of each step; null when no step has two of them.
 */
function crossSectionalCv(rows: readonly WorkerStep[], slow: ReadonlySet<string>): number | null {
  const steps = new Map<number, number[]>();
  for (const r of rows) {
    if (slow.has(r.worker)) continue;
    const list = steps.get(r.step) ?? [];
    list.push(r.time);
    steps.set(r.step, list);
  }
  let sum = 0, count = 0;
  for (const xs of steps.values()) {
    if (xs.length < 2) continue;
    const m = xs.reduce((a, b) => a + b, 0) / xs.length;
    if (!(m > 0)) continue;
    sum += xs.reduce((a, b) => a + (b - m) * (b - m), 0) / (xs.length - 1) / (m * m);
    count++;
  }
  return count > 0 ? Math.sqrt(sum / count) : null;
}

function pooledCv(xs: readonly number[], m: number): number {
  return Math.sqrt(xs.reduce((a, b) => a + (b - m) * (b - m), 0) / Math.max(1, xs.length - 1)) / m;
}

/** Expected simulated sync slowdown for N workers, slow probability p, slowdown s, cv c. */
export function predictedSyncSlowdown(n: number, p: number, s: number, cv: number): number {
  const d = { dist: 'lognormal' as const, mean: 1, cv };
  let total = 0, binom = 1;
  for (let k = 0; k <= n; k++) {
    const w = binom * Math.pow(p, k) * Math.pow(1 - p, n - k);
    binom = (binom * (n - k)) / (k + 1);
    if (w < 1e-12) continue;
    const emax = expectedMaxOfGroups(d, n - k, k, s) ?? Number.NaN;
    total += (w * emax) / ((n - k + k * s) / n);
  }
  return total;
}

/** The smallest x in [lo, hi] with f(x) ≥ target, f increasing there (bisection). */
function solve(f: (x: number) => number, target: number, lo: number, hi: number): number {
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (f(mid) < target) lo = mid; else hi = mid;
  }
  return (lo + hi) / 2;
}

export function fitStragglers(rows: readonly WorkerStep[], opts: FitOptions = {}): StragglerFit {
  const scale = opts.timeScale ?? 1;
  const threshold = opts.slowThreshold ?? 1.05;
  const byWorker = new Map<string, number[]>();
  for (const r of rows) {
    const list = byWorker.get(r.worker) ?? [];
    list.push(r.time);
    byWorker.set(r.worker, list);
  }
  const workers = [...byWorker.keys()];
  const n = workers.length;
  const medians = new Map(workers.map((w) => [w, median(byWorker.get(w) as number[])]));
  const base = median([...medians.values()]);
  const slow = workers.filter((w) => (medians.get(w) as number) > base * threshold);
  const normal = workers.filter((w) => !slow.includes(w)).flatMap((w) => byWorker.get(w) as number[]);
  const m = normal.reduce((a, b) => a + b, 0) / normal.length;
  let cv = crossSectionalCv(rows, new Set(slow)) ?? pooledCv(normal, m);
  const target = measuredSyncSlowdown(rows);
  const steps = new Set(rows.map((r) => r.step)).size;
  const allMeans = rows.reduce((a, r) => a + r.time, 0) / rows.length;
  const slowTimes = slow.flatMap((w) => byWorker.get(w) as number[]);
  const slowRatio = slowTimes.length > 0 ? slowTimes.reduce((a, b) => a + b, 0) / slowTimes.length / m : null;
  let p = slow.length / n, s = 1;
  const noiseOnly = (c: number) => predictedSyncSlowdown(n, 0, 1, c);
  const f = (x: number) => predictedSyncSlowdown(n, p, x, cv);
  if (p === 0 || n === 1 || noiseOnly(cv) >= target || !(f(64) >= target)) {
    // Noise alone: solve the cv (a single worker has no barrier: keep the data's cv).
    p = 0;
    if (n > 1) cv = solve(noiseOnly, target, 0, 4);
  } else {
    s = solve(f, target, 1, 64);
  }
  return {
    workers: n,
    steps,
    measured: { sync_slowdown: target, mean_worker_step: allMeans * scale, slow_workers: slow, slow_worker_ratio: slowRatio },
    fitted: {
      step_time_s: { dist: 'lognormal', mean: m * scale, cv },
      stragglers: { slow_node_probability: p, slowdown: s },
      pool: { units: n, units_per_node: 1 },
    },
    predicted_sync_slowdown: predictedSyncSlowdown(n, p, s, cv),
  };
}
