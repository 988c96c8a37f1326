// Apache Airflow's own trigger-rule test cases, transcribed as data: class TestTriggerRuleDep of
// tests/ti_deps/deps/test_trigger_rule_dep.py, in the copy of apache/airflow main stored at
// SM-Huszain/Airflow-UI@6b83e29b09c384ccd74e0f2e60fc9dcb9dbc5626 (the 2.10 line: airflow/ti_deps
// layout, `pytest.mark.skip_if_database_isolation_mode`, every case parametrized over
// flag_upstream_failed). trigger_rule_dep.py of the same commit has the `_evaluate_direct_relatives`
// of Airflow 2.10 that simulation/pipeline/trigger.ts models.
//
// How the fixture counts, which matters for the port:
// - `get_task_instance` monkeypatches `_UpstreamTIStates.calculate` to return the given counts and
//   `done` verbatim; nothing ties `done` to success + failed + upstream_failed + skipped (+ removed).
// - `upstream` is not a fixture argument: Airflow takes len(task.upstream_list), i.e. the
//   `normal_tasks` plus any EmptyOperator the test adds with `>> ti.task` ("an unfinished upstream").
//   The one_* tests declare no upstream task at all, so upstream = 0 and `upstream_done`
//   (done >= upstream) is always true: they behave as "every upstream is final".
// - `done < upstream` means some upstreams are not finished (test_all_done_tr_failure,
//   test_none_skipped_tr_failure_empty).
// Entries keep Airflow's numbers as they are; `done` and `removed` are recorded for the reader,
// Headroom derives done = success + failed + upstream_failed + skipped itself.
//
// Param ids are pytest's generated ones: `[True-skipped]` for (flag_upstream_failed=True,
// expected_ti_state=SKIPPED), `[False-None]`, or `[True]` / `[False]` for flag-only parametrizations.
// expectState: what `_test_trigger_rule` asserts ti.state to be; expectPass: no failing dep status
// (`expected_reason` empty, so `assert not dep_statuses`).
//
// Not transcribed (features Headroom does not model), with their pytest cases:
// - test_all_success_tr_skip_wait_for_past_depends_before_skipping[True|False],
//   test_all_success_tr_skip_wait_for_past_depends_before_skipping_past_depends_met[True-skipped|False-None]:
//   wait_for_past_depends_before_skipping / depends_on_past (4 cases).
// - test_teardown_tr_not_all_done[11 task_cfg/states params × True|False]: the all_done_setup_success
//   rule and setup tasks (22 cases).
// - test_unknown_tr[True|False]: an unknown rule string; Headroom's schema rejects unknown names and
//   `decide` throws on an unknown code (2 cases).
// - test_UpstreamTIStates: tests the counting helper and DagRun.update_state, not a decision (1 case).
// - test_mapped_task_upstream_removed_with_all_success_trigger_rules[True-removed|False-None],
//   test_mapped_task_upstream_removed_with_all_failed_trigger_rules[True|False],
//   test_mapped_task_upstream_removed_with_none_failed_trigger_rules[2 rules × True|False]:
//   mapped tasks and the `removed` state (8 cases).
// Outside the class, and also not transcribed: test_upstream_in_mapped_group_*,
// test_mapped_task_check_before_expand, test_mapped_task_group_finished_upstream_before_expand,
// class TestTriggerRuleDepSetupConstraint, test_setup_constraint_* and
// test_setup_mapped_task_group_finished_upstream_before_expand (mapped tasks, setup constraints).
import type { RuleName } from '../../../simulation/pipeline/dag';

export interface AirflowTriggerRuleCase {
  /** `<python test function name>[<pytest param id>]`. */
  test: string;
  rule: RuleName;
  /** len(task.upstream_list): the test's normal_tasks plus the upstreams it adds by hand. */
  upstream: number;
  success: number;
  failed: number;
  upstream_failed: number;
  skipped: number;
  /** The fixture's `done`, given independently of the counts above. */
  done: number;
  /** Upstreams in Airflow's `removed` state (counted in `done` only); Headroom has no such state. */
  removed?: number;
  flagUpstreamFailed: boolean;
  expectState: 'upstream_failed' | 'skipped' | null;
  expectPass: boolean;
}

export const AIRFLOW_TRIGGER_RULE_DEP_CASES: readonly AirflowTriggerRuleCase[] = [
  // Through get_dep_statuses with a default DepContext (flag_upstream_failed=False). No upstream:
  // Airflow passes before evaluating the rule, whatever it is.
  { test: 'test_no_upstream_tasks', rule: 'all_done', upstream: 0, success: 0, failed: 0, upstream_failed: 0, skipped: 0, done: 0, flagUpstreamFailed: false, expectState: null, expectPass: true },
  // normal_tasks=["a"], nothing finished: `always` passes before the counts are looked at.
  { test: 'test_always_tr', rule: 'always', upstream: 1, success: 0, failed: 0, upstream_failed: 0, skipped: 0, done: 0, flagUpstreamFailed: false, expectState: null, expectPass: true },

  // one_success / one_failed / one_done: no upstream task declared (upstream = 0).
  { test: 'test_one_success_tr_success[True-skipped]', rule: 'one_success', upstream: 0, success: 1, failed: 3, upstream_failed: 2, skipped: 2, done: 2, flagUpstreamFailed: true, expectState: 'skipped', expectPass: true },
  { test: 'test_one_success_tr_success[False-None]', rule: 'one_success', upstream: 0, success: 1, failed: 3, upstream_failed: 2, skipped: 2, done: 2, flagUpstreamFailed: false, expectState: null, expectPass: true },
  { test: 'test_one_success_tr_failure[True-upstream_failed]', rule: 'one_success', upstream: 0, success: 0, failed: 1, upstream_failed: 1, skipped: 1, done: 4, removed: 1, flagUpstreamFailed: true, expectState: 'upstream_failed', expectPass: false },
  { test: 'test_one_success_tr_failure[False-None]', rule: 'one_success', upstream: 0, success: 0, failed: 1, upstream_failed: 1, skipped: 1, done: 4, removed: 1, flagUpstreamFailed: false, expectState: null, expectPass: false },
  { test: 'test_one_success_tr_failure_all_skipped[True-skipped]', rule: 'one_success', upstream: 0, success: 0, failed: 0, upstream_failed: 0, skipped: 2, done: 2, flagUpstreamFailed: true, expectState: 'skipped', expectPass: false },
  { test: 'test_one_success_tr_failure_all_skipped[False-None]', rule: 'one_success', upstream: 0, success: 0, failed: 0, upstream_failed: 0, skipped: 2, done: 2, flagUpstreamFailed: false, expectState: null, expectPass: false },
  { test: 'test_one_failure_tr_failure[True-skipped]', rule: 'one_failed', upstream: 0, success: 2, failed: 0, upstream_failed: 0, skipped: 0, done: 2, flagUpstreamFailed: true, expectState: 'skipped', expectPass: false },
  { test: 'test_one_failure_tr_failure[False-None]', rule: 'one_failed', upstream: 0, success: 2, failed: 0, upstream_failed: 0, skipped: 0, done: 2, flagUpstreamFailed: false, expectState: null, expectPass: false },
  { test: 'test_one_failure_tr_success[True]', rule: 'one_failed', upstream: 0, success: 0, failed: 2, upstream_failed: 0, skipped: 2, done: 2, flagUpstreamFailed: true, expectState: null, expectPass: true },
  { test: 'test_one_failure_tr_success[False]', rule: 'one_failed', upstream: 0, success: 0, failed: 2, upstream_failed: 0, skipped: 2, done: 2, flagUpstreamFailed: false, expectState: null, expectPass: true },
  { test: 'test_one_failure_tr_success_no_failed[True]', rule: 'one_failed', upstream: 0, success: 0, failed: 0, upstream_failed: 2, skipped: 2, done: 2, flagUpstreamFailed: true, expectState: null, expectPass: true },
  { test: 'test_one_failure_tr_success_no_failed[False]', rule: 'one_failed', upstream: 0, success: 0, failed: 0, upstream_failed: 2, skipped: 2, done: 2, flagUpstreamFailed: false, expectState: null, expectPass: true },
  { test: 'test_one_done_tr_success[True]', rule: 'one_done', upstream: 0, success: 2, failed: 0, upstream_failed: 0, skipped: 0, done: 2, flagUpstreamFailed: true, expectState: null, expectPass: true },
  { test: 'test_one_done_tr_success[False]', rule: 'one_done', upstream: 0, success: 2, failed: 0, upstream_failed: 0, skipped: 0, done: 2, flagUpstreamFailed: false, expectState: null, expectPass: true },
  { test: 'test_one_done_tr_success_with_failed[True]', rule: 'one_done', upstream: 0, success: 0, failed: 2, upstream_failed: 0, skipped: 0, done: 2, flagUpstreamFailed: true, expectState: null, expectPass: true },
  { test: 'test_one_done_tr_success_with_failed[False]', rule: 'one_done', upstream: 0, success: 0, failed: 2, upstream_failed: 0, skipped: 0, done: 2, flagUpstreamFailed: false, expectState: null, expectPass: true },
  { test: 'test_one_done_tr_skip[True-skipped]', rule: 'one_done', upstream: 0, success: 0, failed: 0, upstream_failed: 0, skipped: 2, done: 2, flagUpstreamFailed: true, expectState: 'skipped', expectPass: false },
  { test: 'test_one_done_tr_skip[False-None]', rule: 'one_done', upstream: 0, success: 0, failed: 0, upstream_failed: 0, skipped: 2, done: 2, flagUpstreamFailed: false, expectState: null, expectPass: false },
  { test: 'test_one_done_tr_upstream_failed[True-skipped]', rule: 'one_done', upstream: 0, success: 0, failed: 0, upstream_failed: 2, skipped: 0, done: 2, flagUpstreamFailed: true, expectState: 'skipped', expectPass: false },
  { test: 'test_one_done_tr_upstream_failed[False-None]', rule: 'one_done', upstream: 0, success: 0, failed: 0, upstream_failed: 2, skipped: 0, done: 2, flagUpstreamFailed: false, expectState: null, expectPass: false },

  { test: 'test_all_success_tr_success[True]', rule: 'all_success', upstream: 1, success: 1, failed: 0, upstream_failed: 0, skipped: 0, done: 1, flagUpstreamFailed: true, expectState: null, expectPass: true },
  { test: 'test_all_success_tr_success[False]', rule: 'all_success', upstream: 1, success: 1, failed: 0, upstream_failed: 0, skipped: 0, done: 1, flagUpstreamFailed: false, expectState: null, expectPass: true },
  { test: 'test_all_success_tr_failure[True-upstream_failed]', rule: 'all_success', upstream: 2, success: 1, failed: 1, upstream_failed: 0, skipped: 0, done: 2, flagUpstreamFailed: true, expectState: 'upstream_failed', expectPass: false },
  { test: 'test_all_success_tr_failure[False-None]', rule: 'all_success', upstream: 2, success: 1, failed: 1, upstream_failed: 0, skipped: 0, done: 2, flagUpstreamFailed: false, expectState: null, expectPass: false },
  { test: 'test_all_success_tr_skip[True-skipped]', rule: 'all_success', upstream: 2, success: 1, failed: 0, upstream_failed: 0, skipped: 1, done: 2, flagUpstreamFailed: true, expectState: 'skipped', expectPass: false },
  { test: 'test_all_success_tr_skip[False-None]', rule: 'all_success', upstream: 2, success: 1, failed: 0, upstream_failed: 0, skipped: 1, done: 2, flagUpstreamFailed: false, expectState: null, expectPass: false },

  { test: 'test_none_failed_tr_success[True]', rule: 'none_failed', upstream: 2, success: 1, failed: 0, upstream_failed: 0, skipped: 1, done: 2, flagUpstreamFailed: true, expectState: null, expectPass: true },
  { test: 'test_none_failed_tr_success[False]', rule: 'none_failed', upstream: 2, success: 1, failed: 0, upstream_failed: 0, skipped: 1, done: 2, flagUpstreamFailed: false, expectState: null, expectPass: true },
  { test: 'test_none_failed_tr_failure[True-upstream_failed]', rule: 'none_failed', upstream: 3, success: 1, failed: 1, upstream_failed: 0, skipped: 1, done: 3, flagUpstreamFailed: true, expectState: 'upstream_failed', expectPass: false },
  { test: 'test_none_failed_tr_failure[False-None]', rule: 'none_failed', upstream: 3, success: 1, failed: 1, upstream_failed: 0, skipped: 1, done: 3, flagUpstreamFailed: false, expectState: null, expectPass: false },
  { test: 'test_none_failed_tr_failure_with_upstream_failure[True-upstream_failed]', rule: 'none_failed', upstream: 3, success: 1, failed: 0, upstream_failed: 1, skipped: 1, done: 3, flagUpstreamFailed: true, expectState: 'upstream_failed', expectPass: false },
  { test: 'test_none_failed_tr_failure_with_upstream_failure[False-None]', rule: 'none_failed', upstream: 3, success: 1, failed: 0, upstream_failed: 1, skipped: 1, done: 3, flagUpstreamFailed: false, expectState: null, expectPass: false },

  { test: 'test_none_failed_min_one_success_tr_success[True]', rule: 'none_failed_min_one_success', upstream: 2, success: 1, failed: 0, upstream_failed: 0, skipped: 1, done: 2, flagUpstreamFailed: true, expectState: null, expectPass: true },
  { test: 'test_none_failed_min_one_success_tr_success[False]', rule: 'none_failed_min_one_success', upstream: 2, success: 1, failed: 0, upstream_failed: 0, skipped: 1, done: 2, flagUpstreamFailed: false, expectState: null, expectPass: true },
  // No expected_reason in either param: the dep passes (upstream - success - skipped = 0); with
  // the flag, the task is also set skipped (skipped == upstream).
  { test: 'test_none_failed_min_one_success_tr_skipped[True-skipped]', rule: 'none_failed_min_one_success', upstream: 2, success: 0, failed: 0, upstream_failed: 0, skipped: 2, done: 2, flagUpstreamFailed: true, expectState: 'skipped', expectPass: true },
  { test: 'test_none_failed_min_one_success_tr_skipped[False-None]', rule: 'none_failed_min_one_success', upstream: 2, success: 0, failed: 0, upstream_failed: 0, skipped: 2, done: 2, flagUpstreamFailed: false, expectState: null, expectPass: true },
  { test: 'test_none_failed_min_one_success_tr_failure[True-upstream_failed]', rule: 'none_failed_min_one_success', upstream: 3, success: 1, failed: 1, upstream_failed: 0, skipped: 1, done: 3, flagUpstreamFailed: true, expectState: 'upstream_failed', expectPass: false },
  { test: 'test_none_failed_min_one_success_tr_failure[False-None]', rule: 'none_failed_min_one_success', upstream: 3, success: 1, failed: 1, upstream_failed: 0, skipped: 1, done: 3, flagUpstreamFailed: false, expectState: null, expectPass: false },
  { test: 'test_none_failed_min_one_success_tr_upstream_failure[True-upstream_failed]', rule: 'none_failed_min_one_success', upstream: 3, success: 1, failed: 0, upstream_failed: 1, skipped: 1, done: 3, flagUpstreamFailed: true, expectState: 'upstream_failed', expectPass: false },
  { test: 'test_none_failed_min_one_success_tr_upstream_failure[False-None]', rule: 'none_failed_min_one_success', upstream: 3, success: 1, failed: 0, upstream_failed: 1, skipped: 1, done: 3, flagUpstreamFailed: false, expectState: null, expectPass: false },

  { test: 'test_all_failed_tr_success[True]', rule: 'all_failed', upstream: 2, success: 0, failed: 2, upstream_failed: 0, skipped: 0, done: 2, flagUpstreamFailed: true, expectState: null, expectPass: true },
  { test: 'test_all_failed_tr_success[False]', rule: 'all_failed', upstream: 2, success: 0, failed: 2, upstream_failed: 0, skipped: 0, done: 2, flagUpstreamFailed: false, expectState: null, expectPass: true },
  { test: 'test_all_failed_tr_failure[True-skipped]', rule: 'all_failed', upstream: 2, success: 2, failed: 0, upstream_failed: 0, skipped: 0, done: 2, flagUpstreamFailed: true, expectState: 'skipped', expectPass: false },
  { test: 'test_all_failed_tr_failure[False-None]', rule: 'all_failed', upstream: 2, success: 2, failed: 0, upstream_failed: 0, skipped: 0, done: 2, flagUpstreamFailed: false, expectState: null, expectPass: false },

  { test: 'test_all_done_tr_success[True]', rule: 'all_done', upstream: 2, success: 2, failed: 0, upstream_failed: 0, skipped: 0, done: 2, flagUpstreamFailed: true, expectState: null, expectPass: true },
  { test: 'test_all_done_tr_success[False]', rule: 'all_done', upstream: 2, success: 2, failed: 0, upstream_failed: 0, skipped: 0, done: 2, flagUpstreamFailed: false, expectState: null, expectPass: true },
  // normal_tasks=["FakeTaskID"] plus an unfinished EmptyOperator added by hand: 1 of 2 done.
  { test: 'test_all_done_tr_failure[True]', rule: 'all_done', upstream: 2, success: 1, failed: 0, upstream_failed: 0, skipped: 0, done: 1, flagUpstreamFailed: true, expectState: null, expectPass: false },
  { test: 'test_all_done_tr_failure[False]', rule: 'all_done', upstream: 2, success: 1, failed: 0, upstream_failed: 0, skipped: 0, done: 1, flagUpstreamFailed: false, expectState: null, expectPass: false },

  { test: 'test_all_skipped_tr_failure[True-skipped]', rule: 'all_skipped', upstream: 1, success: 1, failed: 0, upstream_failed: 0, skipped: 0, done: 1, flagUpstreamFailed: true, expectState: 'skipped', expectPass: false },
  { test: 'test_all_skipped_tr_failure[False-None]', rule: 'all_skipped', upstream: 1, success: 1, failed: 0, upstream_failed: 0, skipped: 0, done: 1, flagUpstreamFailed: false, expectState: null, expectPass: false },
  { test: 'test_all_skipped_tr_failure_upstream_failed[True-skipped]', rule: 'all_skipped', upstream: 1, success: 0, failed: 0, upstream_failed: 1, skipped: 0, done: 1, flagUpstreamFailed: true, expectState: 'skipped', expectPass: false },
  { test: 'test_all_skipped_tr_failure_upstream_failed[False-None]', rule: 'all_skipped', upstream: 1, success: 0, failed: 0, upstream_failed: 1, skipped: 0, done: 1, flagUpstreamFailed: false, expectState: null, expectPass: false },
  { test: 'test_all_skipped_tr_success[True]', rule: 'all_skipped', upstream: 3, success: 0, failed: 0, upstream_failed: 0, skipped: 3, done: 3, flagUpstreamFailed: true, expectState: null, expectPass: true },
  { test: 'test_all_skipped_tr_success[False]', rule: 'all_skipped', upstream: 3, success: 0, failed: 0, upstream_failed: 0, skipped: 3, done: 3, flagUpstreamFailed: false, expectState: null, expectPass: true },

  { test: 'test_none_skipped_tr_success[True]', rule: 'none_skipped', upstream: 3, success: 2, failed: 1, upstream_failed: 0, skipped: 0, done: 3, flagUpstreamFailed: true, expectState: null, expectPass: true },
  { test: 'test_none_skipped_tr_success[False]', rule: 'none_skipped', upstream: 3, success: 2, failed: 1, upstream_failed: 0, skipped: 0, done: 3, flagUpstreamFailed: false, expectState: null, expectPass: true },
  { test: 'test_none_skipped_tr_failure[True-skipped]', rule: 'none_skipped', upstream: 2, success: 1, failed: 0, upstream_failed: 0, skipped: 1, done: 2, flagUpstreamFailed: true, expectState: 'skipped', expectPass: false },
  { test: 'test_none_skipped_tr_failure[False-None]', rule: 'none_skipped', upstream: 2, success: 1, failed: 0, upstream_failed: 0, skipped: 1, done: 2, flagUpstreamFailed: false, expectState: null, expectPass: false },
  // No normal_tasks, one unfinished EmptyOperator added by hand: 0 of 1 done.
  { test: 'test_none_skipped_tr_failure_empty[True]', rule: 'none_skipped', upstream: 1, success: 0, failed: 0, upstream_failed: 0, skipped: 0, done: 0, flagUpstreamFailed: true, expectState: null, expectPass: false },
  { test: 'test_none_skipped_tr_failure_empty[False]', rule: 'none_skipped', upstream: 1, success: 0, failed: 0, upstream_failed: 0, skipped: 0, done: 0, flagUpstreamFailed: false, expectState: null, expectPass: false },
];
