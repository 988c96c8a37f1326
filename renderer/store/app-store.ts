// The app store's slices combined, over any implementation of the backend contract: the app
// passes the real one (index.ts); the tests pass an in-memory fake to a vanilla store.
import type { StateCreator } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { HeadroomApi } from '../../electron/common/contract';
import { createEditorSlice } from './editor-slice';
import { createHistorySlice } from './history-slice';
import { createLibraryFileSlice } from './library-file-slice';
import { createLibrarySlice } from './library-slice';
import { createOrganizeSlice } from './organize-slice';
import { createPlaybackSlice } from './playback-slice';
import { createRunsSlice } from './runs-slice';
import type { AppState } from './types';
import { createUiSlice } from './ui-slice';
import { createWhatIfSlice } from './whatif-slice';

/** Every slice over `api`, as one state creator (for `create` in the app, `createStore` elsewhere). */
export const appStateCreator = (api: HeadroomApi): StateCreator<AppState> => (...a) => ({
  ...createLibrarySlice(api)(...a),
  ...createOrganizeSlice(api)(...a),
  ...createLibraryFileSlice(api)(...a),
  ...createHistorySlice(api)(...a),
  ...createEditorSlice(api)(...a),
  ...createRunsSlice(api)(...a),
  ...createUiSlice(...a),
  ...createWhatIfSlice(api)(...a),
  ...createPlaybackSlice(...a),
});

/** A store without React, e.g. for tests; run events reach it only if the caller subscribes. */
export const createAppStore = (api: HeadroomApi) => createStore<AppState>()(appStateCreator(api));
