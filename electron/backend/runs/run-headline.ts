// A finished run's headline (its SLO verdict in a line): worked out when the run finishes and
// stored with it, or, for runs finished before headlines were stored, the first time they are
// listed. A verdict that cannot be worked out never stops a run or a listing.
import type { Library, RunHeadlineRecord, RunRecord } from '../../../db';
import type { ResultDocument, Scenario } from '../../../simulation';
import { runHeadline } from '../../../simulation/present';
import { loadScenarioText } from '../traces/scenario-source';

/** The headline; undefined when working it out failed (then it is tried again when listed). */
export function headlineOf(result: ResultDocument, scenario: Scenario): RunHeadlineRecord | null | undefined {
  try {
    const headline = runHeadline(result, scenario);
    if (headline === null) return null;
    const usable = ['good', 'warn', 'bad'].includes(headline.tone) && typeof headline.text === 'string' && headline.text.trim() !== '';
    return usable ? { tone: headline.tone, text: headline.text } : undefined;
  } catch {
    return undefined;
  }
}

/** Whether a run of this status has a result to headline (done, or partial: stopped by a cap). */
export function hasHeadline(status: RunRecord['status']): boolean {
  return status === 'done' || status === 'truncated';
}

/** The run with its headline, worked out from its stored result and version, and stored when the library is writable. */
export function backfillHeadline(lib: Library, run: RunRecord): RunRecord {
  if (!run.headlinePending || !hasHeadline(run.status)) return run;
  let headline: RunHeadlineRecord | null | undefined = null;
  const text = lib.runs.getRunResult(run.id);
  const version = lib.scenarios.getVersion(run.scenarioVersionId);
  const loaded = version ? loadScenarioText(version.json) : null;
  if (text !== null && loaded?.ok) {
    try {
      headline = headlineOf(JSON.parse(text) as ResultDocument, loaded.scenario);
    } catch {
      headline = undefined; // a stored result that is not JSON: say nothing, keep trying
    }
  }
  if (headline === undefined) return run;
  if (!lib.readonly) {
    try {
      lib.runs.setHeadline(run.id, headline);
    } catch {
      // Not stored (a full disk): shown now, worked out again next time.
    }
  }
  return { ...run, headline, headlinePending: false };
}
