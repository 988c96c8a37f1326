// Which runs the "Compare with…" list offers and how each reads there: finished runs with a
// result, other than the one shown, named as the runs list names them (version, seed, label,
// verdict). Pure.
import type { RunStatus, RunSummary } from '../../electron/common/contract';
import { headlineParts } from '../library/run-text';

const WITH_RESULT: readonly RunStatus[] = ['done', 'truncated'];
/** An option's headline is cut here: a select is no place for a paragraph. */
const HEADLINE_CHARS = 60;

export function comparableRuns(runs: readonly RunSummary[], shownId: string): RunSummary[] {
  return runs.filter((r) => r.id !== shownId && WITH_RESULT.includes(r.status));
}

/** "v3 · seed 1 · 5 reps · “ten replicas” · Met: p99 120 ms …". */
export function runOptionText(run: RunSummary): string {
  const parts = [`v${run.scenarioVersion}`, `seed ${run.seed}`, `${run.replications} reps`];
  if (run.status === 'truncated') parts.push('partial');
  if (run.label) parts.push(`“${run.label}”`);
  if (run.headline) {
    const { word, text } = headlineParts(run.headline);
    const line = `${word}: ${text}`;
    parts.push(line.length > HEADLINE_CHARS ? `${line.slice(0, HEADLINE_CHARS - 1)}…` : line);
  }
  return parts.join(' · ');
}
