// What the scenario format allows in the cluster section's ids, step counts and fixed-choice
// fields: the validator's own lists and bounds, so the form and the CSV import accept exactly
// what it accepts.
import {
  IDENTIFIER_MAX, IDENTIFIER_PATTERN, JOB_TRACE_FORMATS, MAX_STEPS, PLACEMENTS, SCHEDULER_POLICIES, STRAGGLER_MITIGATIONS,
} from '../../../simulation';

/** Longest id. */
export const ID_MAX = IDENTIFIER_MAX;
/** Most steps of one job. */
export const MAX_JOB_STEPS = MAX_STEPS;

/** Whether `text` is an id the format accepts (pools, jobs). */
export const isValidId = (text: string): boolean => text.length <= ID_MAX && IDENTIFIER_PATTERN.test(text);

export const POLICY_CHOICES: readonly string[] = SCHEDULER_POLICIES;
export const PLACEMENT_CHOICES: readonly string[] = PLACEMENTS;
export const MITIGATION_CHOICES: readonly string[] = STRAGGLER_MITIGATIONS;
export const TRACE_FORMAT_CHOICES: readonly string[] = JOB_TRACE_FORMATS;

/** [value, label] pairs for a ChoiceField: each allowed value, with a readable label when there is one. */
export const choices = (values: readonly string[], labels: Readonly<Record<string, string>>) => values.map((v) => [v, labels[v] ?? v] as const);
