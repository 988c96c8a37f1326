// The open scenario's history: every saved version, any one of them shown read-only, two of them
// compared field by field, and an old one restored (saved again as the newest version).
import type { StateCreator } from 'zustand';
import type { HeadroomApi } from '../../electron/common/contract';
import { diffScenarios } from '../history/scenario-diff';
import type { AppState, HistorySlice } from './types';
import { errorMessage } from './session';

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text; // a version that is not JSON compares as its text
  }
}

export const createHistorySlice = (api: HeadroomApi): StateCreator<AppState, [], [], HistorySlice> => (set, get) => {
  const texts = new Map<string, string>(); // versions are immutable: their text can be kept

  async function versionText(id: string): Promise<string> {
    const known = texts.get(id);
    if (known !== undefined) return known;
    const record = await api.getVersion(id);
    texts.set(id, record.json);
    return record.json;
  }

  return {
    historyOpen: false,
    versions: [],
    historyStatus: 'idle',
    historyError: null,
    viewed: null,
    compareFrom: null,
    compareTo: null,
    diff: null,

    setHistoryOpen(open) {
      set({ historyOpen: open, viewed: null });
      if (open) void get().loadVersions();
    },

    async loadVersions() {
      const scenarioId = get().editorScenarioId;
      if (!scenarioId) return;
      set({ historyStatus: 'loading', historyError: null });
      try {
        const versions = await api.listVersions(scenarioId);
        if (get().editorScenarioId !== scenarioId) return;
        const ids = new Set(versions.map((v) => v.id));
        const keep = (id: string | null) => (id !== null && ids.has(id) ? id : null);
        // Default comparison: the newest version against the one before it.
        const to = keep(get().compareTo) ?? versions[0]?.id ?? null;
        const from = keep(get().compareFrom) ?? versions[1]?.id ?? to;
        set({ versions, historyStatus: 'ready', viewed: get().viewed?.scenarioId === scenarioId ? get().viewed : null });
        if (from && to) await get().setCompare(from, to);
        else set({ compareFrom: null, compareTo: null, diff: null });
      } catch (e) {
        set({ historyStatus: 'error', historyError: errorMessage(e) });
      }
    },

    async viewVersion(versionId) {
      if (versionId === null) {
        set({ viewed: null });
        return;
      }
      try {
        const record = await api.getVersion(versionId);
        texts.set(record.id, record.json);
        set({ viewed: record, historyError: null });
      } catch (e) {
        set({ historyError: `Cannot open the version: ${errorMessage(e)}` });
      }
    },

    async setCompare(fromId, toId) {
      set({ compareFrom: fromId, compareTo: toId });
      try {
        const [before, after] = await Promise.all([versionText(fromId), versionText(toId)]);
        if (get().compareFrom === fromId && get().compareTo === toId) set({ diff: diffScenarios(parse(before), parse(after)) });
      } catch (e) {
        set({ historyError: `Cannot compare: ${errorMessage(e)}` });
      }
    },

    async restoreVersion(versionId) {
      const scenarioId = get().editorScenarioId;
      if (!scenarioId) return;
      const old = get().versions.find((v) => v.id === versionId);
      // Pending edits are saved first, so they stay in the history too.
      if (get().text !== get().savedText && get().parse?.ok) await get().saveScenario();
      try {
        const result = await api.restoreVersion(scenarioId, versionId);
        if (!result.ok) {
          set({ historyError: `Cannot restore: ${result.errors.map((i) => `${i.path}: ${i.message}`).join('; ')}` });
          return;
        }
        get().adoptSavedRecord(result.scenario);
        set({ viewed: null, compareFrom: null, compareTo: null });
        get().showToast(`Restored v${old?.version ?? '?'} as v${result.scenario.version}`);
        await get().loadVersions();
      } catch (e) {
        set({ historyError: `Cannot restore: ${errorMessage(e)}` });
      }
    },
  };
};
