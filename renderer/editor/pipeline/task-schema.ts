// What the scenario format allows in a task's fixed-choice fields and its id: the validator's own
// lists and rule, so the form offers exactly what it accepts.
import { BACKOFF_KINDS, IDENTIFIER_MAX, IDENTIFIER_PATTERN, TRIGGER_RULES } from '../../../simulation';

export const TRIGGER_RULE_CHOICES: readonly string[] = TRIGGER_RULES;
export const BACKOFF_CHOICES: readonly string[] = BACKOFF_KINDS;

/** Why `text` is not a valid task id, or null. */
export function taskIdProblem(text: string): string | null {
  if (text === '') return 'A task needs an id';
  if (!IDENTIFIER_PATTERN.test(text)) return 'A task id may use only letters, digits, "_", "." and "-"';
  if (text.length > IDENTIFIER_MAX) return `A task id has at most ${IDENTIFIER_MAX} characters`;
  return null;
}
