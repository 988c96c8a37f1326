// An encoding of the decision table and timing rules of trigger-rules.md, written for the tests
// independently of the engine (which builds its lookup tables from simulation/pipeline/trigger.ts).
import type { TRIGGER_RULES } from '../../../simulation/scenario/schema';

export type Rule = (typeof TRIGGER_RULES)[number];
export type State = 'success' | 'failed' | 'upstream_failed' | 'skipped';
export const STATES: State[] = ['success', 'failed', 'upstream_failed', 'skipped'];

interface Counts { S: number; F: number; U: number; K: number; N: number }

/** trigger-rules.md, row by row: when the task ends upstream_failed, when skipped; otherwise it runs. */
export const TABLE: Record<Rule, { upstream_failed?: (c: Counts) => boolean; skipped?: (c: Counts) => boolean }> = {
  all_success: { upstream_failed: (c) => c.F + c.U > 0, skipped: (c) => c.K > 0 },
  all_failed: { skipped: (c) => c.S + c.K > 0 },
  all_done: {},
  all_skipped: { skipped: (c) => c.S + c.F + c.U > 0 },
  one_success: { upstream_failed: (c) => c.S === 0 && c.K !== c.N, skipped: (c) => c.K === c.N },
  one_failed: { skipped: (c) => c.F + c.U === 0 },
  one_done: { skipped: (c) => c.S + c.F === 0 },
  none_failed: { upstream_failed: (c) => c.F + c.U > 0 },
  none_failed_min_one_success: { upstream_failed: (c) => c.F + c.U > 0, skipped: (c) => c.K === c.N },
  none_skipped: { skipped: (c) => c.K > 0 },
  always: {},
};

/** The timing paragraph: which upstream states let a rule fire without waiting. */
export const FIRES_ON: Partial<Record<Rule, State[]>> = {
  one_success: ['success'],
  one_failed: ['failed', 'upstream_failed'],
  one_done: ['success', 'failed'],
};

/** What the task does given its upstreams' final states and end times: run (at) or end in a state (at). */
export function expected(rule: Rule, states: State[], ends: number[]): { state: State | 'run'; at: number } {
  if (rule === 'always') return { state: 'run', at: 0 };
  const fires = FIRES_ON[rule];
  if (fires) {
    const sat = ends.filter((_, i) => fires.includes(states[i] as State));
    if (sat.length > 0) return { state: 'run', at: Math.min(...sat) };
  }
  const c: Counts = { S: 0, F: 0, U: 0, K: 0, N: states.length };
  for (const s of states) c[({ success: 'S', failed: 'F', upstream_failed: 'U', skipped: 'K' } as const)[s]]++;
  const at = Math.max(...ends);
  const row = TABLE[rule];
  if (row.upstream_failed?.(c)) return { state: 'upstream_failed', at };
  if (row.skipped?.(c)) return { state: 'skipped', at };
  return { state: 'run', at };
}
