// The app store: its slices combined into one zustand store, wired to the backend contract.
import { create } from 'zustand';
import { api } from '../api';
import { createEditorSlice } from './editor-slice';
import { createHistorySlice } from './history-slice';
import { createLibraryFileSlice } from './library-file-slice';
import { createLibrarySlice } from './library-slice';
import { createOrganizeSlice } from './organize-slice';
import { createRunsSlice } from './runs-slice';
import type { AppState } from './types';
import { createUiSlice } from './ui-slice';

export const useAppStore = create<AppState>()((...a) => ({
  ...createLibrarySlice(api)(...a),
  ...createOrganizeSlice(api)(...a),
  ...createLibraryFileSlice(api)(...a),
  ...createHistorySlice(api)(...a),
  ...createEditorSlice(api)(...a),
  ...createRunsSlice(api)(...a),
  ...createUiSlice(...a),
}));

export type { AppState } from './types';
