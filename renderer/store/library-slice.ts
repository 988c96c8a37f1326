// The scenario library: list, examples, open, create from an example, delete.
// Opening a scenario loads it into the editor and fetches its runs.
import type { StateCreator } from 'zustand';
import type { HeadroomApi } from '../../electron/common/contract';
import type { AppState, LibrarySlice } from './types';
import { recentScenariosFirst } from './order';
import { errorMessage, rememberedScenarioId, rememberScenarioId } from './session';

export const createLibrarySlice = (api: HeadroomApi): StateCreator<AppState, [], [], LibrarySlice> => (set, get) => {
  /** Before leaving a scenario: save valid edits, keep invalid ones as a draft, so nothing is lost. */
  async function leaveCurrentScenario(): Promise<void> {
    const s = get();
    if (!s.editorScenarioId || s.text === s.savedText) return;
    if (s.parse?.ok && (await s.saveScenario())) return;
    const id = s.editorScenarioId;
    set((st) => ({ drafts: { ...st.drafts, [id]: get().text } }));
  }

  return {
    scenarios: [],
    examples: [],
    libraryStatus: 'idle',
    libraryError: null,
    selectedScenarioId: null,

    async initLibrary() {
      set({ libraryStatus: 'loading', libraryError: null });
      try {
        const [scenarios, examples] = await Promise.all([api.listScenarios(), api.listExamples()]);
        set({ scenarios: recentScenariosFirst(scenarios), examples, libraryStatus: 'ready' });
        const remembered = rememberedScenarioId();
        const pick = get().scenarios.find((s) => s.id === remembered) ?? get().scenarios[0];
        if (pick) await get().openScenario(pick.id);
      } catch (e) {
        set({ libraryStatus: 'error', libraryError: errorMessage(e) });
      }
    },

    async refreshScenarios() {
      try {
        set({ scenarios: recentScenariosFirst(await api.listScenarios()) });
      } catch (e) {
        set({ libraryError: errorMessage(e) });
      }
    },

    async openScenario(id) {
      if (get().editorScenarioId === id && get().selectedScenarioId === id) return;
      await leaveCurrentScenario();
      set({ selectedScenarioId: id, libraryError: null });
      rememberScenarioId(id);
      try {
        const record = await api.getScenario(id);
        if (get().selectedScenarioId !== id) return; // the user moved on meanwhile
        get().loadIntoEditor(record);
        await get().loadRuns(id);
      } catch (e) {
        // Stay on the scenario that is still in the editor.
        set({ libraryError: `Cannot open the scenario: ${errorMessage(e)}`, selectedScenarioId: get().editorScenarioId });
        rememberScenarioId(get().editorScenarioId);
      }
    },

    async createFromExample(exampleId) {
      const example = get().examples.find((x) => x.id === exampleId);
      if (!example) return;
      try {
        const result = await api.createScenario(example.json);
        if (!result.ok) {
          set({ libraryError: `The example did not validate: ${result.errors.map((i) => `${i.path}: ${i.message}`).join('; ')}` });
          return;
        }
        await get().refreshScenarios();
        await get().openScenario(result.scenario.id);
      } catch (e) {
        set({ libraryError: `Cannot create the scenario: ${errorMessage(e)}` });
      }
    },

    async deleteScenario(id) {
      try {
        await api.deleteScenario(id);
      } catch (e) {
        set({ libraryError: `Cannot delete the scenario: ${errorMessage(e)}` });
        return;
      }
      const wasOpen = get().selectedScenarioId === id;
      set((s) => {
        const { [id]: _gone, ...drafts } = s.drafts;
        return { scenarios: s.scenarios.filter((x) => x.id !== id), drafts };
      });
      if (!wasOpen) return;
      set({ selectedScenarioId: null });
      rememberScenarioId(null);
      get().clearEditor();
      get().clearRuns();
      const next = get().scenarios[0];
      if (next) await get().openScenario(next.id);
    },

    dismissLibraryError() {
      set({ libraryError: null });
    },
  };
};
