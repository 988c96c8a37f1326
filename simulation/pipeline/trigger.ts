// Trigger rules (docs/pipeline.md), after Apache Airflow 2.7–2.10's `trigger_rule_dep.py` with
// `flag_upstream_failed` (what the scheduler uses). Counts are over a task's direct upstreams
// that are final so far: S success, F failed, U upstream_failed, K skipped, of N upstreams.
// `decide` is the one encoding of the rules; the lookup tables below are built from it.
//
// Timing, as in Airflow: a rule is re-evaluated each time one of its upstreams becomes final.
// Its negative outcome (upstream_failed or skipped) is settled as soon as the upstreams final so
// far make it certain (all_success ends skipped at the first skipped upstream, without waiting
// for the others); one_success / one_failed / one_done run as soon as one upstream satisfies them;
// every other "run" needs every upstream final. Where both negative states hold at the same
// moment (only all_success can), upstream_failed wins, because
// Airflow checks it first.
import {
  ALL_DONE, ALL_FAILED, ALL_SKIPPED, ALL_SUCCESS, ALWAYS, NONE_FAILED, NONE_FAILED_MIN_ONE_SUCCESS,
  NONE_SKIPPED, ONE_DONE, ONE_FAILED, ONE_SUCCESS,
} from './dag';
import { FAILED, SKIPPED, SUCCESS, UPSTREAM_FAILED } from './types';

/** The task runs (then ends success or failed on its own attempts). */
export const RUN = 0;
/** Not decided yet: the rule needs more upstreams to be final. */
export const WAIT = 5;

/**
 * Airflow's decision for rule `rule` when s + f + u + k of its n upstreams are final: RUN,
 * UPSTREAM_FAILED, SKIPPED or WAIT. The negative checks come first, in Airflow's order.
 */
export function decide(rule: number, s: number, f: number, u: number, k: number, n: number): number {
  const done = s + f + u + k;
  const all = done >= n;
  switch (rule) {
    case ALL_SUCCESS:
      return f + u > 0 ? UPSTREAM_FAILED : k > 0 ? SKIPPED : s >= n ? RUN : WAIT;
    case ALL_FAILED:
      return s + k > 0 ? SKIPPED : f + u >= n ? RUN : WAIT;
    case ALL_DONE:
      return all ? RUN : WAIT;
    case ALL_SKIPPED:
      return s + f + u > 0 ? SKIPPED : k >= n ? RUN : WAIT;
    case ONE_SUCCESS:
      return all && k === done ? SKIPPED : all && s === 0 ? UPSTREAM_FAILED : s > 0 ? RUN : WAIT;
    case ONE_FAILED:
      return all && f + u === 0 ? SKIPPED : f + u > 0 ? RUN : WAIT;
    case ONE_DONE:
      return all && s + f === 0 ? SKIPPED : s + f > 0 ? RUN : WAIT;
    case NONE_FAILED:
      return f + u > 0 ? UPSTREAM_FAILED : s + k >= n ? RUN : WAIT;
    case NONE_FAILED_MIN_ONE_SUCCESS:
      return f + u > 0 ? UPSTREAM_FAILED : k >= n ? SKIPPED : s + k >= n ? RUN : WAIT;
    case NONE_SKIPPED:
      return k > 0 ? SKIPPED : all ? RUN : WAIT;
    case ALWAYS:
      return RUN;
    default:
      throw new Error(`unknown trigger rule code ${rule}`);
  }
}

/** The outcome of rule `rule` once all N = s + f + u + k upstreams are final: RUN, UPSTREAM_FAILED or SKIPPED. */
export function decideFinal(rule: number, s: number, f: number, u: number, k: number): number {
  return decide(rule, s, f, u, k, s + f + u + k);
}

/** For the early-firing rules: does an upstream ending in `state` let the task run now? */
export function satisfies(rule: number, state: number): boolean {
  return rule !== ALWAYS && decide(rule, ...oneFinal(state), 2) === RUN;
}

/** Does an upstream ending in `state` settle the rule's negative outcome before the others are final? */
export function settlesEarly(rule: number, state: number): boolean {
  const d = decide(rule, ...oneFinal(state), 2);
  return d === UPSTREAM_FAILED || d === SKIPPED;
}

function oneFinal(state: number): [number, number, number, number] {
  return [state === SUCCESS ? 1 : 0, state === FAILED ? 1 : 0, state === UPSTREAM_FAILED ? 1 : 0, state === SKIPPED ? 1 : 0];
}

/**
 * The hot loops look decisions up by the set of upstream states seen (every rule depends only on
 * which states occur, given whether every upstream is final): mask = OR of (1 << state), states
 * 1–4. OUTCOME[rule * 32 + mask]: every upstream final. EARLY_OUTCOME[rule * 32 + mask]: some
 * upstream still running (RUN only for the one_* rules, WAIT when nothing is settled yet).
 */
function table(final: boolean): Uint8Array {
  const out = new Uint8Array(11 * 32);
  for (let rule = 0; rule < 11; rule++) {
    for (let mask = 0; mask < 32; mask++) {
      const has = (st: number) => ((mask >> st) & 1);
      const s = has(SUCCESS), f = has(FAILED), u = has(UPSTREAM_FAILED), k = has(SKIPPED);
      out[rule * 32 + mask] = decide(rule, s, f, u, k, final ? s + f + u + k : 5);
    }
  }
  return out;
}
export const OUTCOME: Uint8Array = table(true);
export const EARLY_OUTCOME: Uint8Array = table(false);

const maskOf = (pred: (rule: number, state: number) => boolean) => Uint8Array.from({ length: 11 }, (_, rule) =>
  [SUCCESS, FAILED, UPSTREAM_FAILED, SKIPPED].reduce((m, st) => (pred(rule, st) ? m | (1 << st) : m), 0));

/** Per rule: the mask of upstream states that make it run at once (0 for rules that wait). */
export const SATISFYING: Uint8Array = maskOf(satisfies);
/** Per rule: the mask of upstream states that settle its negative outcome at once. */
export const SETTLING: Uint8Array = maskOf(settlesEarly);
