// The second line of a task's box on the canvas: its mean duration and what can hold it up
// (failures, a gate, a pool), read from the raw task so it follows the text while it is invalid.
import { distMean, type Dist } from '../../../simulation';
import { formatDurationS } from '../../charts/cluster/duration-unit';
import { formatPercent } from '../../format/numbers';
import { getAtPath } from '../json-path';

/** The mean of a raw Dist value (a number is fixed), or null when it is not one yet. */
function rawMean(raw: unknown): number | null {
  const dist = typeof raw === 'number' ? { dist: 'fixed', value: raw } : raw;
  if (typeof dist !== 'object' || dist === null || typeof (dist as { dist?: unknown }).dist !== 'string') return null;
  try {
    const mean = distMean(dist as Dist);
    return Number.isFinite(mean) && mean >= 0 ? mean : null;
  } catch {
    return null;
  }
}

export function taskSummary(task: unknown): string {
  const mean = rawMean(getAtPath(task, ['duration_s']));
  const parts = [mean === null ? 'duration?' : `~${formatDurationS(mean)}`];
  const p = getAtPath(task, ['failure_probability']);
  if (typeof p === 'number' && p > 0 && p <= 1) parts.push(`${formatPercent(p, p < 0.1 ? 1 : 0)} fail`);
  const gate = getAtPath(task, ['gate']);
  if (gate !== undefined && gate !== false) parts.push('gate');
  const pool = getAtPath(task, ['pool']);
  if (typeof pool === 'string') parts.push(pool);
  return parts.join(' · ');
}
