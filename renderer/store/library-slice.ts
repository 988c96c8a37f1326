// The scenario library: list, search, examples, open, create from an example, delete (to the
// trash, with Undo). Opening a scenario loads it into the editor and fetches its runs.
import type { StateCreator } from 'zustand';
import type { HeadroomApi } from '../../electron/common/contract';
import type { AppState, LibrarySlice } from './types';
import { recentScenariosFirst } from './order';
import { SCENARIO_TEMPLATES } from '../library/scenario-templates';
import { errorMessage, rememberedScenarioId, rememberScenarioId } from './session';

/** Pause after typing in the search box before the library is searched. */
const SEARCH_DEBOUNCE_MS = 150;

export const createLibrarySlice = (api: HeadroomApi): StateCreator<AppState, [], [], LibrarySlice> => (set, get) => {
  let searchTimer: ReturnType<typeof setTimeout> | null = null;
  let searchSeq = 0;

  async function runSearch(): Promise<void> {
    const query = get().searchQuery.trim();
    const seq = ++searchSeq;
    if (query === '') {
      set({ searchHits: null });
      return;
    }
    try {
      const hits = await api.searchScenarios(query);
      if (seq === searchSeq) set({ searchHits: hits });
    } catch (e) {
      if (seq === searchSeq) set({ libraryError: `Cannot search: ${errorMessage(e)}` });
    }
  }

  /** Before leaving a scenario: save valid edits, keep invalid ones as a draft, so nothing is lost. */
  async function leaveCurrentScenario(): Promise<void> {
    const s = get();
    if (!s.editorScenarioId || s.text === s.savedText) return;
    if (s.parse?.ok && (await s.saveScenario())) return;
    const id = s.editorScenarioId;
    set((st) => ({ drafts: { ...st.drafts, [id]: get().text } }));
  }

  /** Saves `json` as a new scenario and opens it; `what` names it in an error. */
  async function create(json: string, what: string): Promise<void> {
    try {
      const result = await api.createScenario(json);
      if (!result.ok) {
        set({ libraryError: `The ${what} did not validate: ${result.errors.map((i) => `${i.path}: ${i.message}`).join('; ')}` });
        return;
      }
      await get().refreshScenarios();
      await get().openScenario(result.scenario.id);
    } catch (e) {
      set({ libraryError: `Cannot create the scenario: ${errorMessage(e)}` });
    }
  }

  return {
    scenarios: [],
    examples: [],
    libraryStatus: 'idle',
    libraryError: null,
    selectedScenarioId: null,
    searchQuery: '',
    searchHits: null,

    setSearchQuery(query) {
      set({ searchQuery: query });
      if (searchTimer !== null) clearTimeout(searchTimer);
      searchTimer = setTimeout(() => void runSearch(), query.trim() === '' ? 0 : SEARCH_DEBOUNCE_MS);
    },

    async initLibrary() {
      set({ libraryStatus: 'loading', libraryError: null });
      try {
        // An unusable library (damaged, say) is explained by the banner, which offers a restore.
        const file = await api.libraryStatus();
        set({ libraryFile: file });
        if (file.state === 'unavailable') {
          set({ scenarios: [], examples: await api.listExamples(), libraryStatus: 'ready' });
          return;
        }
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
        if (get().searchQuery.trim() !== '') await runSearch();
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
        if (get().historyOpen) {
          set({ compareFrom: null, compareTo: null, diff: null, viewed: null });
          void get().loadVersions();
        }
        await get().loadRuns(id);
      } catch (e) {
        // Stay on the scenario that is still in the editor.
        set({ libraryError: `Cannot open the scenario: ${errorMessage(e)}`, selectedScenarioId: get().editorScenarioId });
        rememberScenarioId(get().editorScenarioId);
      }
    },

    async createFromExample(exampleId) {
      const example = get().examples.find((x) => x.id === exampleId);
      if (example) await create(example.json, 'example');
    },

    async newScenario(template = 'serving') {
      const t = SCENARIO_TEMPLATES.find((x) => x.id === template) ?? SCENARIO_TEMPLATES[0]!;
      await create(t.text, 'new scenario');
    },

    async deleteScenario(id) {
      const name = get().scenarios.find((x) => x.id === id)?.name ?? 'the scenario';
      const wasOpen = get().selectedScenarioId === id;
      // Unsaved valid edits are saved first, so the trash holds the latest text.
      if (wasOpen) await leaveCurrentScenario();
      try {
        await api.deleteScenario(id);
      } catch (e) {
        set({ libraryError: `Cannot delete the scenario: ${errorMessage(e)}` });
        return;
      }
      set((s) => {
        const { [id]: _gone, ...drafts } = s.drafts;
        return {
          scenarios: s.scenarios.filter((x) => x.id !== id),
          searchHits: s.searchHits?.filter((x) => x.id !== id) ?? null,
          drafts,
        };
      });
      get().showToast(`Deleted “${name}”`, {
        label: 'Undo',
        run: async () => {
          await get().restoreFromTrash(id);
          if (wasOpen) await get().openScenario(id);
        },
      });
      if (get().trashOpen) void get().loadTrash();
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
