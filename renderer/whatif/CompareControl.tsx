// "Compare with…" in the run's details: the other finished runs of the open scenario, or of
// another scenario picked beside it; choosing one compares the shown run (A) with it (B), and
// "this run alone" ends the comparison. A comparison belongs to the run shown: showing another
// run, or none, ends it.
import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { RunSummary } from '../../electron/common/contract';
import { api } from '../api';
import { useAppStore } from '../store';
import { newestRunsFirst } from '../store/order';
import { errorMessage } from '../store/session';
import { sideText } from './compare-rows';
import { comparableRuns, runOptionText } from './compare-runs';

/** The run select's id, so that closing the comparison can put the focus back on it. */
export const COMPARE_SELECT_ID = 'compare-with';

type OtherRuns = { scenarioId: string; runs: RunSummary[]; error: null } | { scenarioId: string; runs: null; error: string };

export function CompareControl({ run }: { run: RunSummary }) {
  const ownRuns = useAppStore(useShallow((s) => s.runs));
  const scenarios = useAppStore(useShallow((s) => s.scenarios));
  const compareWith = useAppStore((s) => s.compareWith);
  const compared = useAppStore((s) => s.comparison?.b);
  const compareRuns = useAppStore((s) => s.compareRuns);
  const clearComparison = useAppStore((s) => s.clearComparison);
  const [scenarioId, setScenarioId] = useState(run.scenarioId);
  const [other, setOther] = useState<OtherRuns | null>(null);

  useEffect(() => () => clearComparison(), [run.id, clearComparison]);

  const ownScenario = scenarioId === run.scenarioId;
  useEffect(() => {
    if (ownScenario) return;
    let live = true;
    api.listRuns(scenarioId).then(
      (runs) => { if (live) setOther({ scenarioId, runs: newestRunsFirst(runs), error: null }); },
      (e: unknown) => { if (live) setOther({ scenarioId, runs: null, error: errorMessage(e) }); },
    );
    return () => { live = false; };
  }, [scenarioId, ownScenario]);

  const loaded = ownScenario ? ownRuns : other?.scenarioId === scenarioId ? other.runs : null;
  const options = comparableRuns(loaded ?? [], run.id);
  // The run compared now stays selectable after the list switches to another scenario.
  const orphan = compareWith !== null && !options.some((r) => r.id === compareWith);
  const empty = loaded !== null && options.length === 0 && !orphan;
  const choose = (id: string) => (id === '' ? clearComparison() : void compareRuns(run.id, id));

  return (
    <div className="cmp-control">
      <div className="cmp-field">
        <label htmlFor={COMPARE_SELECT_ID}>Compare with</label>
        <select id={COMPARE_SELECT_ID} value={compareWith ?? ''} disabled={empty} onChange={(e) => choose(e.target.value)}>
          <option value="">{empty ? 'no other finished run' : loaded === null ? 'loading runs…' : 'this run alone'}</option>
          {orphan && <option value={compareWith}>{compared ? sideText(compared, true) : 'the run compared now'}</option>}
          {options.map((r) => <option key={r.id} value={r.id}>{runOptionText(r)}</option>)}
        </select>
      </div>
      {scenarios.length > 1 && (
        <div className="cmp-field">
          <label htmlFor={`${COMPARE_SELECT_ID}-scenario`}>of</label>
          <select id={`${COMPARE_SELECT_ID}-scenario`} aria-label="Scenario whose runs are listed" value={scenarioId} onChange={(e) => setScenarioId(e.target.value)}>
            {scenarios.map((s) => <option key={s.id} value={s.id}>{s.id === run.scenarioId ? `${s.name} (this scenario)` : s.name}</option>)}
          </select>
        </div>
      )}
      {!ownScenario && other?.scenarioId === scenarioId && other.error !== null && <p className="message error">Cannot list its runs: {other.error}</p>}
    </div>
  );
}
