// Organising the library: rename, duplicate, tags, the trash, import and export. Each action
// refreshes what it changed; failures are shown in the library's message area, never thrown.
import type { StateCreator } from 'zustand';
import type { HeadroomApi, ScenarioRecord } from '../../electron/common/contract';
import type { AppState, OrganizeSlice } from './types';
import { importToast } from './import-toast';
import { recentScenariosFirst } from './order';
import { errorMessage } from './session';

export const createOrganizeSlice = (api: HeadroomApi): StateCreator<AppState, [], [], OrganizeSlice> => (set, get) => {
  const fail = (what: string, e: unknown) => set({ libraryError: `Cannot ${what}: ${errorMessage(e)}` });

  /** A saved record of a scenario: into the list, and into the editor if it is open there. */
  function adopt(record: ScenarioRecord): void {
    const { json: _json, versionId: _versionId, ...summary } = record;
    set((s) => ({ scenarios: recentScenariosFirst([summary, ...s.scenarios.filter((x) => x.id !== record.id)]) }));
    get().adoptSavedRecord(record);
    if (get().historyOpen && get().editorScenarioId === record.id) void get().loadVersions();
    if (get().searchQuery.trim() !== '') void get().refreshScenarios();
  }

  return {
    trash: [],
    trashOpen: false,
    importProblems: [],

    toggleTrash() {
      const open = !get().trashOpen;
      set({ trashOpen: open });
      if (open) void get().loadTrash();
    },

    async loadTrash() {
      try {
        set({ trash: await api.listTrash() });
      } catch (e) {
        fail('list the trash', e);
      }
    },

    async restoreFromTrash(id) {
      try {
        const summary = await api.restoreFromTrash(id);
        set((s) => ({ scenarios: recentScenariosFirst([summary, ...s.scenarios.filter((x) => x.id !== id)]), trash: s.trash.filter((x) => x.id !== id) }));
        get().showToast(`Restored “${summary.name}”`);
        if (get().searchQuery.trim() !== '') await get().refreshScenarios();
        if (get().editorScenarioId === null) await get().openScenario(id);
      } catch (e) {
        fail('restore the scenario', e);
      }
    },

    async purgeScenario(id) {
      const name = get().trash.find((x) => x.id === id)?.name ?? 'the scenario';
      try {
        await api.purgeScenario(id);
        set((s) => ({ trash: s.trash.filter((x) => x.id !== id) }));
        get().showToast(`Deleted “${name}” for good`);
      } catch (e) {
        fail('delete the scenario for good', e);
      }
    },

    async renameScenario(id, name) {
      // Pending edits of the open scenario are saved first, so the rename builds on them.
      if (get().editorScenarioId === id && get().text !== get().savedText && !(await get().saveScenario())) {
        fail('rename the scenario', new Error('its unsaved changes could not be saved first'));
        return false;
      }
      try {
        const result = await api.renameScenario(id, name);
        if (!result.ok) {
          fail('rename the scenario', new Error(result.errors.map((i) => `${i.path}: ${i.message}`).join('; ')));
          return false;
        }
        adopt(result.scenario);
        return true;
      } catch (e) {
        fail('rename the scenario', e);
        return false;
      }
    },

    async duplicateScenario(id) {
      if (get().editorScenarioId === id && get().text !== get().savedText) await get().saveScenario();
      try {
        const result = await api.duplicateScenario(id);
        if (!result.ok) {
          fail('duplicate the scenario', new Error(result.errors.map((i) => `${i.path}: ${i.message}`).join('; ')));
          return;
        }
        adopt(result.scenario);
        get().showToast(`Duplicated as “${result.scenario.name}”`);
        await get().openScenario(result.scenario.id);
      } catch (e) {
        fail('duplicate the scenario', e);
      }
    },

    async setTags(id, tags) {
      try {
        const summary = await api.setTags(id, tags);
        set((s) => ({
          scenarios: recentScenariosFirst(s.scenarios.map((x) => (x.id === id ? summary : x))),
          searchHits: s.searchHits?.map((x) => (x.id === id ? summary : x)) ?? null,
        }));
      } catch (e) {
        fail('change the tags', e);
      }
    },

    async importScenarios() {
      set({ importProblems: [] });
      try {
        const result = await api.openImport();
        if (result) await get().showImportResult(result);
      } catch (e) {
        fail('import', e);
      }
    },

    async showImportResult(result) {
      set({ importProblems: result.problems });
      await get().refreshScenarios();
      const toast = importToast(result);
      if (toast) get().showToast(toast);
      // A kept result opens as a local one would: its scenario, then the run or the sweep.
      const kept = result.results?.[0];
      if (kept) {
        await get().openScenario(kept.scenarioId);
        if (get().editorScenarioId !== kept.scenarioId) return;
        if (kept.kind === 'run') {
          await get().loadRuns(kept.scenarioId);
          await get().selectRun(kept.id);
        } else {
          await get().loadAnalyses();
          await get().showAnalysis(kept.id);
        }
      } else if (result.imported.length > 0) {
        await get().openScenario(result.imported[0]!.id);
      }
    },

    dismissImportProblems() {
      set({ importProblems: [] });
    },

    async exportScenario(id, withHistory) {
      if (get().editorScenarioId === id && get().text !== get().savedText) await get().saveScenario();
      try {
        const where = await api.saveExport([id], { history: withHistory });
        if (where) get().showToast(`Exported to ${where}`);
      } catch (e) {
        fail('export', e);
      }
    },
  };
};
