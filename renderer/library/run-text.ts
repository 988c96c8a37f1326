// What the runs list says about a run, in words: the verdict's tone as a word, what changed
// since the run before, and the one sentence a screen reader hears for the whole entry.
import type { RunSummary } from '../../electron/common/contract';
import { formatDuration, formatWhen } from '../format/numbers';

type Tone = NonNullable<RunSummary['headline']>['tone'];

/** The verdict's tone as the badge says it (colour is never the only cue). */
export const TONE_WORD: Record<Tone, string> = { good: 'Met', warn: 'At risk', bad: 'Missed' };

/**
 * The headline as a badge word and the sentence after it. A verdict's own word leads its
 * headline ("Missed — api: p99 …", "Unstable — …"); without one the tone's word stands in.
 */
export function headlineParts(headline: NonNullable<RunSummary['headline']>): { tone: Tone; word: string; text: string } {
  const m = /^([^—]{1,24}) — (.+)$/s.exec(headline.text);
  return { tone: headline.tone, ...(m ? { word: m[1]!, text: m[2]! } : { word: TONE_WORD[headline.tone], text: headline.text }) };
}

/** Replications kept of a run that did not finish (committed one by one as they finished). */
export function keptText(run: RunSummary): string | null {
  if (run.status !== 'failed' && run.status !== 'cancelled') return null;
  return run.replicationsStored > 0 ? `${run.replicationsStored} of ${run.replications} replications kept` : null;
}

/** The changes since the run before, on one line. */
export function changesText(run: RunSummary): string {
  return run.changes.join(' · ');
}

/** The run entry's accessible name: status and inputs first (as before), then label, verdict and changes. */
export function describeRun(run: RunSummary): string {
  const wall = run.wallMs === null ? '' : `, wall time ${formatDuration(run.wallMs)}`;
  const partial = keptText(run);
  const parts = [
    `Run ${run.status}, version ${run.scenarioVersion}, seed ${run.seed}, ${run.replications} replications${partial ? ` (${partial})` : ''}, ${formatWhen(run.createdAt)}${wall}`,
  ];
  if (run.label) parts.push(`label “${run.label}”`);
  if (run.headline) {
    const { word, text } = headlineParts(run.headline);
    parts.push(`${word}: ${text}`);
  }
  if (run.changes.length > 0) parts.push(`changes: ${run.changes.join(', ')}`);
  return parts.join('; ');
}
