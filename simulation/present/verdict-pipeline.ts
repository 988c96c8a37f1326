// The pipeline verdict: the share of runs that succeed (judged on its 95% CI), the task that
// hurts most (fails in the largest share of runs), and the makespan against the critical path
// with what stretches it (pool waits, retries, or the durations' own spread); with the retries or
// pool units that would help. A pipeline has no cost of its own.
import type { PipelineTaskResult } from '../result/pipeline';
import type { ResultDocument } from '../result/types';
import { constantValue } from '../cluster/dist-tail';
import { distMean } from '../random/dist-mean';
import type { PipelineSpec } from '../scenario/schema';
import type { VerdictText } from './verdict-text';
import type { Verdict, VerdictTone } from './verdicts';

/** Reliable: the CI's lower end at least this; fails often: its upper end below FAILS_OFTEN. */
const RELIABLE = 0.99;
const FAILS_OFTEN = 0.95;
/** Pool waits or retries are a cause when they add at least this share of the critical path. */
const ON_PATH = 0.01;
/** A retry fix is offered when it lifts the analytic success rate by at least this. */
const WORTH_A_RETRY = 0.005;

export function pipelineVerdict(doc: ResultDocument, spec: PipelineSpec, x: VerdictText): Verdict | null {
  const p = doc.pipeline;
  if (!p?.success_rate) return null;
  const a = p.analytic;
  // Tasks that are skipped whenever all goes well (an alert on failure) make "every task
  // succeeded" impossible: judge such a DAG as Airflow judges a DAG run, by its leaves.
  const byDesign = spec.tasks.filter((t) => t.trigger_rule === 'one_failed' || t.trigger_rule === 'all_failed');
  const byLeaves = byDesign.length > 0 && p.dag_run_success_rate ? p.dag_run_success_rate : null;
  const sr = byLeaves ?? p.success_rate;
  const tasks = Object.entries(p.tasks ?? {});
  const why: string[] = [];
  const fix: string[] = [];
  if (byLeaves) {
    const names = byDesign.slice(0, 3).map((t) => `${x.id(t.id)} (${x.id(t.trigger_rule)})`).join(', ') + (byDesign.length > 3 ? ', …' : '');
    why.push(`Judged as Airflow judges a DAG run, by its leaves (each ends success or skipped): ${names} ${byDesign.length === 1 ? 'is' : 'are'} skipped whenever all goes well, so every task succeeding (${x.stat(p.success_rate, 'fraction')} of runs) is not the measure`);
  }

  const worst = tasks
    .filter(([, t]) => t.failed && t.failed.mean > 0)
    .sort((l, r) => r[1].failed!.mean - l[1].failed!.mean || (a.blast_radius?.[r[0]] ?? 0) - (a.blast_radius?.[l[0]] ?? 0) || l[0].localeCompare(r[0]))[0];
  if (worst) {
    const [id, t] = worst;
    const ts = spec.tasks.find((s) => s.id === id);
    const blast = a.blast_radius?.[id] ?? null;
    const retries = ts && ts.retries > 0 ? ` after ${x.plural(ts.retries, 'retry', 'retries')}` : ', with no retries';
    why.push(`${x.id(id)} hurts most: it fails in ${x.stat(t.failed, 'fraction')} of runs${retries}${blast ? `, and ${x.plural(blast, 'task')} downstream of it cannot succeed when it does` : ''}`);
  }
  const retried = Math.abs(a.reliability_with_retries - a.reliability) > 1e-12;
  why.push(`The analytic ∏(1 − p) gives ${x.pct(a.reliability)}${retried ? ` (${x.pct(a.reliability_with_retries)} with retries)` : ''}`);

  const waits = makespanCause(a.critical_path_s, tasks, spec, x);
  if (p.makespan_s?.mean) {
    const early = p.makespan_s.mean.mean < (1 - ON_PATH) * a.critical_path_s && sr.mean < 1 ? ' (failed runs end early)' : '';
    why.push(`Makespan ${x.stat(p.makespan_s.mean, 's')} on average${early}, p95 ${x.stat(p.makespan_s.p95, 's')}, against a critical path of ${x.s(a.critical_path_s)} (on mean durations): ${waits.text}`);
  }

  const failing = spec.tasks.filter((t) => t.failure_probability > 0);
  const lifted = spec.tasks.reduce((r, t) => r * (1 - t.failure_probability ** (t.retries + 2)), 1);
  if (failing.length > 0 && lifted - a.reliability_with_retries >= WORTH_A_RETRY) {
    fix.push(`One more retry on each failing task${worst ? ` (${x.id(worst[0])} first)` : ''} lifts the analytic success rate from ${x.pct(a.reliability_with_retries)} to ${x.pct(lifted)}`);
  }
  if (waits.pool) fix.push(`More units in ${x.id(waits.pool)} shorten the pool waits`);

  let tone: VerdictTone, status: string;
  if (sr.ci95[0] >= RELIABLE) { tone = 'good'; status = 'Reliable'; }
  else if (sr.ci95[1] < FAILS_OFTEN) { tone = 'bad'; status = 'Fails often'; }
  else { tone = 'warn'; status = 'Some runs fail'; }
  const headline = `${x.stat(sr, 'fraction')} of ${byLeaves ? 'DAG runs' : 'runs'} succeed${worst ? `; ${x.id(worst[0])} hurts most` : ''}`;
  if (doc.truncated) why.push(`Partial result: the run stopped early (${doc.truncated.reason})`);
  return { layer: 'pipeline', subject: 'pipeline', tone, status, headline, why, fix, costPerHour: null };
}

/**
 * What stretches runs beyond the critical path: pool waits or retried attempts on it (each task's
 * share weighted by how often it lies on the run's critical path), else the spread of the task
 * durations themselves, else nothing (fixed durations: runs take the path).
 */
function makespanCause(cpS: number, tasks: [string, PipelineTaskResult][], spec: PipelineSpec, x: VerdictText): { text: string; pool: string | null } {
  const on = (t: PipelineTaskResult) => t.criticality?.mean ?? 0;
  let poolWait = 0, retryTime = 0, worstPool: { pool: string; task: string; wait: number } | null = null;
  for (const [id, t] of tasks) {
    const ts = spec.tasks.find((s) => s.id === id);
    if (!ts) continue;
    const wait = t.pool_wait_s?.mean ?? 0;
    poolWait += wait * on(t);
    if (ts.pool && wait > 0 && (!worstPool || wait > worstPool.wait)) worstPool = { pool: ts.pool, task: id, wait };
    retryTime += Math.max(0, (t.attempts_mean?.mean ?? 1) - 1) * distMean(ts.duration_s) * on(t);
  }
  if (worstPool && poolWait >= ON_PATH * cpS && poolWait >= retryTime) {
    return { text: `pool waits add about ${x.s(poolWait)} a run on the critical path (${x.id(worstPool.task)} waits ${x.s(worstPool.wait)} for ${x.id(worstPool.pool)} per attempt)`, pool: worstPool.pool };
  }
  if (retryTime >= ON_PATH * cpS) return { text: `retried attempts add about ${x.s(retryTime)} a run on the critical path`, pool: null };
  if (spec.tasks.some((t) => constantValue(t.duration_s) === null)) return { text: 'no pool waits or retries to speak of: the spread is the task durations\' own', pool: null };
  return { text: 'runs take the critical path (no pool waits, no retries)', pool: null };
}
