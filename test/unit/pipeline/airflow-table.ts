// Airflow's trigger-rule logic transcribed for the tests from its source (Airflow 2.10,
// airflow/ti_deps/deps/trigger_rule_dep.py, `_evaluate_direct_relatives` with
// flag_upstream_failed), independently of the engine (which builds its lookup tables from
// simulation/pipeline/trigger.ts).
import type { TRIGGER_RULES } from '../../../simulation/scenario/schema';

export type Rule = (typeof TRIGGER_RULES)[number];
export type State = 'success' | 'failed' | 'upstream_failed' | 'skipped';
export const STATES: State[] = ['success', 'failed', 'upstream_failed', 'skipped'];

interface Counts { S: number; F: number; U: number; K: number; N: number }

/**
 * One evaluation of Airflow 2.x's `_evaluate_direct_relatives` (trigger_rule_dep.py, with
 * flag_upstream_failed), transcribed branch by branch from its source: first the block that sets
 * upstream_failed / skipped, then the block that lets the task pass. `null`: keep waiting.
 */
export function airflowStep(rule: Rule, c: Counts): State | 'run' | null {
  const { S: success, F: failed, U: upstreamFailed, K: skipped, N: upstream } = c;
  const done = success + failed + upstreamFailed + skipped;
  const upstreamDone = done >= upstream;
  let newState: State | null = null;
  switch (rule) {
    case 'all_success': if (upstreamFailed || failed) newState = 'upstream_failed'; else if (skipped) newState = 'skipped'; break;
    case 'all_failed': if (success || skipped) newState = 'skipped'; break;
    case 'one_success':
      if (upstreamDone && done === skipped) newState = 'skipped';
      else if (upstreamDone && success <= 0) newState = 'upstream_failed';
      break;
    case 'one_failed': if (upstreamDone && !(failed || upstreamFailed)) newState = 'skipped'; break;
    case 'one_done': if (upstreamDone && !(failed || success)) newState = 'skipped'; break;
    case 'none_failed': if (upstreamFailed || failed) newState = 'upstream_failed'; break;
    case 'none_failed_min_one_success':
      if (upstreamFailed || failed) newState = 'upstream_failed';
      else if (skipped === upstream) newState = 'skipped';
      break;
    case 'none_skipped': if (skipped) newState = 'skipped'; break;
    case 'all_skipped': if (success || failed || upstreamFailed) newState = 'skipped'; break;
    case 'all_done': case 'always': break;
  }
  if (newState) return newState;
  switch (rule) {
    case 'one_success': return success <= 0 ? null : 'run';
    case 'one_failed': return !failed && !upstreamFailed ? null : 'run';
    case 'one_done': return success + failed <= 0 ? null : 'run';
    case 'all_success': return upstream - success > 0 ? null : 'run';
    case 'all_failed': return upstream - failed - upstreamFailed > 0 ? null : 'run';
    case 'all_done': return !upstreamDone ? null : 'run';
    case 'none_failed': case 'none_failed_min_one_success': return upstream - success - skipped > 0 ? null : 'run';
    case 'none_skipped': return !upstreamDone || skipped > 0 ? null : 'run';
    case 'all_skipped': return upstream - skipped > 0 ? null : 'run';
    case 'always': return 'run';
  }
}

/**
 * What the task does given its upstreams' final states and end times: run (at) or end in a state
 * (at). The scheduler re-evaluates the task each time upstreams become final; upstreams that end
 * at the same instant are seen together.
 */
export function expected(rule: Rule, states: State[], ends: number[]): { state: State | 'run'; at: number } {
  if (rule === 'always') return { state: 'run', at: 0 };
  const times = [...new Set(ends)].sort((a, b) => a - b);
  for (const at of times) {
    const c: Counts = { S: 0, F: 0, U: 0, K: 0, N: states.length };
    states.forEach((s, i) => { if ((ends[i] as number) <= at) c[({ success: 'S', failed: 'F', upstream_failed: 'U', skipped: 'K' } as const)[s]]++; });
    const d = airflowStep(rule, c);
    if (d !== null) return { state: d, at };
  }
  throw new Error(`${rule} never decided on [${states.join(', ')}]`);
}
