// Trigger rules (docs/pipeline.md, after Airflow 2.x's trigger_rule_dep.py).
// Counts are over a task's direct upstreams: S success, F failed, U upstream_failed, K skipped,
// N all of them. `decideFinal` applies the table once every upstream is final; `satisfies`
// says which upstream state lets `one_success` / `one_failed` / `one_done` fire at once.
// Where both an upstream_failed and a skipped condition hold (only possible for all_success),
// upstream_failed wins, as in Airflow.
import {
  ALL_DONE, ALL_FAILED, ALL_SKIPPED, ALL_SUCCESS, ALWAYS, NONE_FAILED, NONE_FAILED_MIN_ONE_SUCCESS,
  NONE_SKIPPED, ONE_DONE, ONE_FAILED, ONE_SUCCESS,
} from './dag';
import { FAILED, SKIPPED, SUCCESS, UPSTREAM_FAILED } from './types';

/** The task runs (then ends success or failed on its own attempts). */
export const RUN = 0;

/** The outcome of rule `rule` once all N = s + f + u + k upstreams are final: RUN, UPSTREAM_FAILED or SKIPPED. */
export function decideFinal(rule: number, s: number, f: number, u: number, k: number): number {
  const n = s + f + u + k;
  switch (rule) {
    case ALL_SUCCESS:
      return f + u > 0 ? UPSTREAM_FAILED : k > 0 ? SKIPPED : RUN;
    case ALL_FAILED:
      return s + k > 0 ? SKIPPED : RUN;
    case ALL_DONE:
      return RUN;
    case ALL_SKIPPED:
      return s + f + u > 0 ? SKIPPED : RUN;
    case ONE_SUCCESS:
      return k === n ? SKIPPED : s === 0 ? UPSTREAM_FAILED : RUN;
    case ONE_FAILED:
      return f + u === 0 ? SKIPPED : RUN;
    case ONE_DONE:
      return s + f === 0 ? SKIPPED : RUN;
    case NONE_FAILED:
      return f + u > 0 ? UPSTREAM_FAILED : RUN;
    case NONE_FAILED_MIN_ONE_SUCCESS:
      return f + u > 0 ? UPSTREAM_FAILED : k === n ? SKIPPED : RUN;
    case NONE_SKIPPED:
      return k > 0 ? SKIPPED : RUN;
    case ALWAYS:
      return RUN;
    default:
      throw new Error(`unknown trigger rule code ${rule}`);
  }
}

/** Rules that fire as soon as one upstream reaches a satisfying state. */
export function firesEarly(rule: number): boolean {
  return rule === ONE_SUCCESS || rule === ONE_FAILED || rule === ONE_DONE;
}

/** For the early-firing rules: does an upstream ending in `state` let the task run now? */
export function satisfies(rule: number, state: number): boolean {
  switch (rule) {
    case ONE_SUCCESS:
      return state === SUCCESS;
    case ONE_FAILED:
      return state === FAILED || state === UPSTREAM_FAILED;
    case ONE_DONE:
      return state === SUCCESS || state === FAILED;
    default:
      return false;
  }
}

/**
 * Every rule's outcome depends only on which states occur among the upstreams, so the hot
 * loops look it up: OUTCOME[rule * 32 + mask], with mask = OR of (1 << state) over the upstreams
 * (states 1–4). Built from `decideFinal`, the one encoding of the table.
 */
export const OUTCOME: Uint8Array = (() => {
  const table = new Uint8Array(11 * 32);
  for (let rule = 0; rule < 11; rule++) {
    for (let mask = 0; mask < 32; mask++) {
      const has = (st: number) => ((mask >> st) & 1);
      table[rule * 32 + mask] = decideFinal(rule, has(SUCCESS), has(FAILED), has(UPSTREAM_FAILED), has(SKIPPED));
    }
  }
  return table;
})();

/** Per rule: the mask of upstream states that make it fire at once (0 for rules that wait). */
export const SATISFYING: Uint8Array = Uint8Array.from({ length: 11 }, (_, rule) =>
  [SUCCESS, FAILED, UPSTREAM_FAILED, SKIPPED].reduce((m, st) => (satisfies(rule, st) ? m | (1 << st) : m), 0));
