// Runs of the open scenario: list, start (saving first when dirty), cancel, label, live status
// and progress from run events, and the selected run's result.
import type { StateCreator } from 'zustand';
import type { HeadroomApi, RunStatus, RunSummary } from '../../electron/common/contract';
import { DEFAULT_APP_MAX_WALL_S, MAX_APP_WALL_S } from '../../electron/common/limits';
import type { AppState, RunsSlice } from './types';
import { newestRunsFirst } from './order';
import { errorMessage } from './session';
import { prepareResultSeries } from '../charts/time/series-columns';

export const FINISHED_WITH_RESULT: readonly RunStatus[] = ['done', 'truncated'];
export const IN_FLIGHT: readonly RunStatus[] = ['queued', 'running'];

/** Inserts or replaces a run; an existing entry wins over `run` when `keepExisting` (events are newer). */
function upsert(runs: RunSummary[], run: RunSummary, keepExisting = false): RunSummary[] {
  const i = runs.findIndex((r) => r.id === run.id);
  if (i === -1) return newestRunsFirst([run, ...runs]);
  if (keepExisting) return runs;
  const next = runs.slice();
  next[i] = run;
  return next;
}

export const createRunsSlice = (api: HeadroomApi): StateCreator<AppState, [], [], RunsSlice> => (set, get) => {
  async function loadResult(runId: string): Promise<void> {
    if (get().results[runId] !== undefined) {
      set({ resultStatus: 'ready', resultError: null });
      return;
    }
    set({ resultStatus: 'loading', resultError: null });
    try {
      const result = await api.getRunResult(runId);
      // The time charts' columns, made once here rather than at the first draw (series-columns.ts).
      prepareResultSeries(result);
      set((s) => ({ results: { ...s.results, [runId]: result }, resultStatus: s.selectedRunId === runId ? 'ready' : s.resultStatus }));
    } catch (e) {
      if (get().selectedRunId === runId) set({ resultStatus: 'error', resultError: errorMessage(e) });
    }
  }

  return {
    wallCapText: String(DEFAULT_APP_MAX_WALL_S),
    setWallCapText(text) {
      set({ wallCapText: text, runError: null });
    },
    runs: [],
    runsStatus: 'idle',
    runsError: null,
    selectedRunId: null,
    activeRunId: null,
    progress: {},
    results: {},
    resultStatus: 'idle',
    resultError: null,
    runError: null,

    async loadRuns(scenarioId) {
      set({ runsStatus: 'loading', runsError: null });
      try {
        const runs = newestRunsFirst(await api.listRuns(scenarioId));
        if (get().editorScenarioId !== scenarioId) return;
        const current = get().selectedRunId;
        const keep = runs.find((r) => r.id === current);
        const pick = keep ?? runs.find((r) => FINISHED_WITH_RESULT.includes(r.status)) ?? runs[0];
        const inFlight = runs.find((r) => IN_FLIGHT.includes(r.status));
        set({ runs, runsStatus: 'ready', selectedRunId: pick?.id ?? null, activeRunId: inFlight?.id ?? null, runError: null });
        if (pick && FINISHED_WITH_RESULT.includes(pick.status)) await loadResult(pick.id);
        else set({ resultStatus: 'idle', resultError: null });
      } catch (e) {
        set({ runsStatus: 'error', runsError: errorMessage(e) });
      }
    },

    clearRuns() {
      set({ runs: [], runsStatus: 'idle', selectedRunId: null, activeRunId: null, resultStatus: 'idle', resultError: null, runError: null });
    },

    async selectRun(runId) {
      const run = get().runs.find((r) => r.id === runId);
      set({ selectedRunId: runId, resultError: null });
      if (run && FINISHED_WITH_RESULT.includes(run.status)) await loadResult(runId);
      else set({ resultStatus: 'idle' });
    },

    async startRun() {
      const s = get();
      const id = s.editorScenarioId;
      if (!id) return;
      const active = s.runs.find((r) => r.id === s.activeRunId);
      if (active && IN_FLIGHT.includes(active.status)) return;
      set({ runError: null });
      const maxWallS = Number(s.wallCapText);
      if (!(s.wallCapText.trim() !== '' && Number.isFinite(maxWallS) && maxWallS > 0 && maxWallS <= MAX_APP_WALL_S)) {
        set({ runError: `Not run: Stop after (s) must be a number of seconds from 1 to ${MAX_APP_WALL_S} (got ${JSON.stringify(s.wallCapText)})` });
        return;
      }
      if (!s.parse?.ok) {
        set({ runError: 'Not run: the scenario has problems (see the list above the editor)' });
        return;
      }
      if (s.text !== s.savedText && !(await get().saveScenario())) {
        set({ runError: 'Not run: the scenario could not be saved' });
        return;
      }
      try {
        const run = await api.startRun(id, { maxWallS });
        if (get().editorScenarioId !== id) return;
        set((st) => ({ runs: upsert(st.runs, run, true), activeRunId: run.id, selectedRunId: run.id, resultStatus: 'idle' }));
        // A quick run may have finished before startRun answered: its status event came first.
        const latest = get().runs.find((r) => r.id === run.id);
        if (latest && FINISHED_WITH_RESULT.includes(latest.status)) await loadResult(run.id);
      } catch (e) {
        set({ runError: `Not run: ${errorMessage(e)}` });
      }
    },

    async cancelRun() {
      const runId = get().activeRunId;
      if (!runId) return;
      try {
        await api.cancelRun(runId);
      } catch (e) {
        set({ runError: `Cannot cancel: ${errorMessage(e)}` });
      }
    },

    async setRunLabel(runId, label) {
      try {
        const run = await api.setRunLabel(runId, label);
        set((s) => (s.runs.some((r) => r.id === run.id) ? { runs: upsert(s.runs, run), runsError: null } : {}));
        return true;
      } catch (e) {
        set({ runsError: `Label not saved: ${errorMessage(e)}` });
        return false;
      }
    },

    handleRunEvent(event) {
      if (event.type === 'progress') {
        set((s) => ({ progress: { ...s.progress, [event.progress.runId]: event.progress } }));
        return;
      }
      if (event.type !== 'status') return; // analysis progress: the what-if slice's
      const run = event.run;
      if (run.scenarioId !== get().editorScenarioId) return;
      set((s) => ({ runs: upsert(s.runs, run) }));
      if (get().selectedRunId === run.id && FINISHED_WITH_RESULT.includes(run.status)) void loadResult(run.id);
    },
  };
};
